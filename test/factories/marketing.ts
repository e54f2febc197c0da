/**
 * The Marketing WG as its proposed charter states it (the real delegation, read from the shared
 * charter snapshot) and the groups it names as partners, each with one member, for tests in any room.
 */
import { readFileSync } from "node:fs";
import type { Hono } from "hono";
import { parseCharter } from "../../src/governance/index.ts";
import { CLI_ACTOR, grantFoundationRole } from "../../src/kernel/index.ts";
import type { createItem } from "../../src/marketing/index.ts";
import type { FixedClock } from "../../src/platform/clock.ts";
import type { Database, Db } from "../../src/platform/db/index.ts";
import type { AppEnv } from "../../src/platform/http/app.tsx";
import type { Services } from "../../src/platform/services.ts";
import { createTestApplication } from "../app.ts";
import { createTestDatabase } from "../db.ts";
import { sharedData } from "../shared-data.ts";
import { createTestAccount } from "./accounts.ts";
import { insertGroup } from "./governance.ts";

/** Where the proposed charter sits in the charter repository. */
export const MARKETING_PATH = "proposals/marketing.md";

/** The marketing group and its partners: ids by slug, and person ids by name. */
export interface MarketingGroups {
  marketing: number;
  groups: Map<string, number>;
  people: Map<string, number>;
}

const PARTNERS: Array<[slug: string, name: string, member: string]> = [
  ["fundraising", "Fundraising Working Group", "Fay Fundraiser"],
  ["social-media", "Social Media Working Group", "Sol Social"],
  ["online-community", "Online Community Working Group", "Oli Community"],
  ["events-support", "Events Support Working Group", "Eve Events"],
  ["website", "Website Working Group", "Wes Website"],
];

/** Inserts the groups (prefix their member names with `prefix` to keep several sets apart). */
export async function insertMarketingGroups(
  db: Db,
  opts: { chairs?: string[]; members?: string[] } = {},
): Promise<MarketingGroups> {
  const markdown = readFileSync(sharedData("dsf-working-groups", MARKETING_PATH), "utf8");
  const parsed = parseCharter({ markdown, path: MARKETING_PATH });
  const marketing = await insertGroup(db, {
    slug: "marketing",
    name: "Marketing Working Group",
    status: "proposed",
    chairs: opts.chairs ?? ["Mara Chair"],
    coChairs: [],
    boardLiaisons: [],
    members: opts.members ?? ["Milo Member", "Mina Member"],
    sourcePath: MARKETING_PATH,
    charter: { delegation: parsed.delegation, delegated: parsed.delegated },
  });
  const groups = new Map<string, number>([["marketing", marketing.id]]);
  const people = new Map(marketing.people);
  for (const [slug, name, member] of PARTNERS) {
    const g = await insertGroup(db, {
      slug,
      name,
      chairs: [],
      coChairs: [],
      boardLiaisons: [],
      members: [member],
    });
    groups.set(slug, g.id);
    for (const [n, id] of g.people) people.set(n, id);
  }
  return { marketing: marketing.id, groups, people };
}

/**
 * Accounts for everyone who decides some step of the matrix: the marketing group's Chair and two
 * members, each partner group's member, a Board member and a Steering Council member (with those
 * foundation roles), and Out Sider, signed in and none of these.
 */
export const EVERY_DECIDER: { names: string[]; roles: Array<[name: string, role: string]> } = {
  names: [
    "Mara Chair",
    "Milo Member",
    "Mina Member",
    ...PARTNERS.map(([, , member]) => member),
    "Bo Board",
    "Sid Council",
    "Out Sider",
  ],
  roles: [
    ["Bo Board", "board-member"],
    ["Sid Council", "steering-council-member"],
  ],
};

/** A marketing test's world: the application over its own database, the groups and signed-in accounts. */
export interface MarketingTest {
  database: Database;
  clock: FixedClock;
  app: Hono<AppEnv>;
  services: Services;
  g: MarketingGroups;
  /** Each account by name: user id, name and a token with the read and groups scopes. */
  users: Map<string, { id: number; name: string; token: string }>;
  /** The name's user id and name, as operations take `by`; throws for an unknown name. */
  who(name: string): { userId: number; name: string };
  /** Requests `path` from the app, with the named account's token when `as` is given. */
  request(path: string, as: string | null, init?: RequestInit): Promise<Response>;
  /** Posts `form` to `path` as a urlencoded form, with the named account's token. */
  post(path: string, as: string, form: Record<string, string>): Promise<Response>;
}

/**
 * Creates the test database and the application, inserts the marketing groups, an account for
 * each of `names` (linked to the charter person of that name when there is one) and grants the
 * foundation `roles` ([name, role], from 2026-01-01).
 */
export async function openMarketingTest(input: {
  names: string[];
  roles?: Array<[name: string, role: string]>;
}): Promise<MarketingTest> {
  const database = await createTestDatabase();
  const { clock, app, services } = await createTestApplication(database);
  const g = await insertMarketingGroups(database.db);
  const users = new Map<string, { id: number; name: string; token: string }>();
  for (const name of input.names) {
    const a = await createTestAccount({
      db: database.db,
      clock,
      email: `${name.toLowerCase().replace(/\s+/gu, ".")}@example.org`,
      name,
      personId: g.people.get(name) ?? null,
      scopes: ["read", "groups"],
    });
    users.set(name, { id: a.user.id, name, token: a.token });
  }
  const who = (name: string) => {
    const u = users.get(name);
    if (!u) throw new Error(`no user ${name}`);
    return { userId: u.id, name: u.name };
  };
  for (const [name, role] of input.roles ?? []) {
    await grantFoundationRole({
      db: database.db,
      now: clock.now(),
      by: CLI_ACTOR,
      userId: who(name).userId,
      role,
      startedOn: "2026-01-01",
    });
  }
  const request = async (path: string, as: string | null, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (as) headers.set("authorization", `Bearer ${users.get(as)?.token}`);
    return app.request(path, { ...init, headers });
  };
  const post = (path: string, as: string, form: Record<string, string>) =>
    request(path, as, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
  return { database, clock, app, services, g, users, who, request, post };
}

/** The fields of a content item, as `createItem` takes them. */
export type ItemFields = Parameters<typeof createItem>[0]["fields"];

/** An item's fields with `title`, a one-line body and none of the blog's fields; `over` replaces any of them. */
export function itemFields(title: string, over: Partial<ItemFields> = {}): ItemFields {
  return {
    title,
    body: `Body of ${title}.`,
    slug: null,
    summary: null,
    authors: [],
    tags: [],
    socialCardUrl: null,
    socialCardAlt: null,
    ...over,
  };
}
