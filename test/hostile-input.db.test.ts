/**
 * Random and hostile input to every declared route (fast-check): NUL bytes, `%00` and broken
 * percent-encoding in paths, ids past 2^31-1, huge and impossible dates, zero-width names, wrong
 * types, missing fields, huge strings, non-object and malformed JSON, as anonymous visitors,
 * signed-in members and administrators, by session (with the CSRF token) and by bearer token.
 * No request may get a 5xx. Runs per route: HOSTILE_RUNS (default 12).
 */

import { eq } from "drizzle-orm";
import fc from "fast-check";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR, createToken, grantFoundationRole, startSession } from "../src/kernel/index.ts";
import { csrfTokenFor } from "../src/platform/auth/index.ts";
import type { Database } from "../src/platform/db/index.ts";
import { schema } from "../src/platform/db/index.ts";
import type { AppEnv } from "../src/platform/http/app.tsx";
import { declaredRoutes, type RouteDefinition } from "../src/platform/http/route.ts";
import type { Services } from "../src/platform/services.ts";
import { createTestApplication } from "./app.ts";
import { createTestDatabase } from "./db.ts";
import { createTestAccount } from "./factories/accounts.ts";
import { insertGroup } from "./factories/governance.ts";

const RUNS = Number(process.env.HOSTILE_RUNS ?? 12);
const VISITORS = ["anonymous", "member-session", "admin-session", "member-token", "admin-token"] as const;
type Visitor = (typeof VISITORS)[number];

let database: Database;
let app: Hono<AppEnv>;
let services: Services;
const users = { member: 0, admin: 0 };
let voteId = "1";
let sent = 0;
const failures: string[] = [];
/** Answers by status class, to show the input reached past the edge too. */
const byClass = new Map<string, number>();

/** Strings that have broken things before, or could. */
const NASTY = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "%00",
  "\u200b\u200c\u200d",
  "\ufeff\u2060",
  "\ud800",
  "x\udfffy",
  "+275760-09-13",
  "+275760-09-13T00:00:00Z",
  "1e15",
  "2026-02-30",
  "2026-02-30T12:00",
  "0001-01-01",
  "9999-12-31",
  "2026-12-01T12:00",
  "2026-12-01T25:61:00Z",
  "2147483648",
  "99999999999999999999",
  "-1",
  "0",
  "1",
  "NaN",
  "Infinity",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "\n",
  "a\r\nb",
  "x".repeat(5000),
  "é".repeat(3000),
  "hostile",
  "yes",
  "proposal",
  "admit-member",
  "read",
  "admin",
  "dsf-member",
  "6.2",
  "alpha",
  "csv",
  "true",
  "open",
  "secret",
];

const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constant("y".repeat(200_000)) },
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  {
    weight: 1,
    arbitrary: fc.constantFrom(1e15, 2 ** 31, -1, 0, 1, 1.5, Number.MAX_SAFE_INTEGER, true, false, null),
  },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.string({ maxLength: 4 }), nastyString, { maxKeys: 2, noNullPrototype: true }),
  },
);

/** Path segments as sent: encoded, broken encodings and raw oddities. */
const nastySegment = fc.oneof(
  fc.constantFrom("%00", "a%00b", "%ZZ", "%E0%A4%A", "%ED%A0%80", "..%2F..%2F", "%2e%2e", "%20", "%E2%80%8B"),
  nastyString.map((s) => encodeSegment(s)),
);

/** encodeURIComponent, with lone surrogates sent as their (invalid) UTF-8 bytes. */
function encodeSegment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s.replace(/[\ud800-\udfff]/g, "%ED%A0%80").replace(/[^%\w.-]/g, (ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return "%ED%A0%80";
      }
    });
  }
}

/** A valid value for each field name the routes use, so that one hostile field meets valid others. */
const VALID: Record<string, unknown> = {
  kind: "proposal",
  title: "Hostile proposal",
  description: "Why",
  closesAt: "2026-12-15T12:00:00Z",
  choice: "yes",
  reason: "a reason",
  statement: "I would like to help",
  skills: "writing",
  timeCommitment: "an hour a week",
  note: "a note",
  name: "A Name",
  scopes: ["read"],
  expiresInDays: "7",
  person: "hostile-member",
  who: "member@example.org",
  role: "dsf-member",
  startedOn: "2020-01-01",
  endedOn: "2021-01-01",
  termEndsOn: "2021-06-01",
  decisionRef: "resolution 1",
  email: "visitor@example.org",
  token: "not-a-real-token",
  next: "/account",
  series: "6.2",
  milestone: "alpha",
  date: "2027-01-18",
  secrecy: "open",
  baseRule: "cast",
  nextMeetingOn: "2026-12-01",
  subjectPersonId: "1",
  format: "csv",
  top: "5",
  q: "rest",
  page: "1",
  per_page: "10",
  role_filter: "board-member",
  current: "1",
  applied: "1",
};

/** A body or query of valid fields, each replaced by a hostile value one time in three. */
function mostlyValid(keys: string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    Object.fromEntries(
      keys.map((k) => [k, fc.oneof({ weight: 2, arbitrary: fc.constant(VALID[k] ?? "x") }, nastyValue)]),
    ),
  );
}

/** Field names of an object schema (form, JSON or query), when it has a shape. */
function keysOf(s: unknown): string[] {
  const shape = (s as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** Usable values of each path parameter, so that hostile bodies reach real resources too. */
function goodParam(name: string, path: string): string[] {
  if (name === "file") return path.includes("audit") ? ["audit.csv", "audit.json"] : ["6.2.ics", "2028.ics"];
  if (name === "slug") return ["hostile"];
  if (name === "idOrSlug") return ["hostile-member", "1"];
  if (name === "name") return ["django", "djangorestframework"];
  if (name === "series") return ["6.2", "2028"];
  return [voteId, "1", "2"];
}

interface HostileRequest {
  visitor: Visitor;
  params: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown>;
  mode: "fields" | "non-object" | "malformed" | "text-plain" | "empty" | "repeated";
  ip: number;
}

function requestArbitrary(path: string, d: RouteDefinition): fc.Arbitrary<HostileRequest> {
  const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? "");
  const params = Object.fromEntries(
    names.map((n) => [
      n,
      fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...goodParam(n, path)) }, nastySegment),
    ]),
  );
  const key = (known: string[]) =>
    known.length
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, fc.string({ maxLength: 6 }))
      : fc.string({ maxLength: 6 });
  return fc.record({
    visitor: fc.constantFrom(...VISITORS),
    params: fc.record(params),
    query: fc.oneof(
      fc.dictionary(key(keysOf(d.query)), nastyString, { maxKeys: 4, noNullPrototype: true }),
      mostlyValid(keysOf(d.query)).map((q) =>
        Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])),
      ),
    ),
    body: fc.oneof(
      fc.dictionary(key(keysOf(d.body?.schema)), nastyValue, { maxKeys: 7, noNullPrototype: true }),
      mostlyValid(keysOf(d.body?.schema)),
    ),
    mode: fc.constantFrom(
      "fields",
      "fields",
      "fields",
      "fields",
      "non-object",
      "malformed",
      "text-plain",
      "empty",
      "repeated",
    ),
    ip: fc.integer({ min: 1, max: 250 }),
  });
}

/** A fresh session (with its CSRF token) or token for the visitor: nothing one request does leaks into the next. */
async function credentials(visitor: Visitor): Promise<Record<string, string>> {
  const now = services.clock.now();
  const userId = visitor.startsWith("admin") ? users.admin : users.member;
  const csrfCookie = "hostile-csrf-cookie";
  if (visitor === "anonymous") {
    return {
      cookie: `guildhall_csrf=${csrfCookie}`,
      "x-csrf-token": csrfTokenFor(services.config.auth.secret, csrfCookie, undefined),
    };
  }
  if (visitor.endsWith("token")) {
    const { token } = await createToken({
      db: database.db,
      now,
      by: CLI_ACTOR,
      userId,
      name: "hostile",
      scopes: ["read", "account", "groups", "votes", "admin"],
      expiresInDays: 1,
    });
    return { authorization: `Bearer ${token}` };
  }
  const { sessionId } = await startSession({ db: database.db, userId, method: "email", now, days: 1 });
  return {
    cookie: `guildhall_csrf=${csrfCookie}; guildhall_session=${sessionId}`,
    "x-csrf-token": csrfTokenFor(services.config.auth.secret, csrfCookie, sessionId),
  };
}

function queryString(q: Record<string, string>): string {
  const parts = Object.entries(q).map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/** Sends one hostile request; returns its status. */
async function send(method: string, path: string, d: RouteDefinition, r: HostileRequest): Promise<number> {
  const url =
    path.replace(/:(\w+)(\{[^}]*\})?/g, (_m, n: string) => r.params[n] ?? "x") + queryString(r.query);
  const headers = new Headers({ ...(await credentials(r.visitor)), "x-forwarded-for": `198.51.100.${r.ip}` });
  let body: string | undefined;
  if (method !== "GET" && method !== "HEAD") {
    const json = path.startsWith("/api/");
    headers.set("content-type", json ? "application/json" : "application/x-www-form-urlencoded");
    if (r.mode === "text-plain") headers.set("content-type", "text/plain");
    if (r.mode === "empty") body = "";
    else if (r.mode === "malformed") body = json ? '{"a": [1, 2,' : "a=%ZZ&&=&%00=%E0%A4%A";
    else if (r.mode === "non-object") body = json ? JSON.stringify(["not", "an", "object"]) : "plain words";
    else if (json) body = JSON.stringify(r.body);
    else {
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(r.body)) {
        for (const one of Array.isArray(v) ? v : [v]) {
          const text = typeof one === "string" ? one : (JSON.stringify(one) ?? "");
          form.append(k, text);
          if (r.mode === "repeated") form.append(k, text);
        }
      }
      body = form.toString();
    }
  }
  const res = await app.request(url, { method, headers, body });
  const text = await res.text();
  sent++;
  const cls = `${Math.floor(res.status / 100)}xx`;
  byClass.set(cls, (byClass.get(cls) ?? 0) + 1);
  if (res.status >= 500) {
    failures.push(
      `${method} ${url.slice(0, 200)} as ${r.visitor} (${r.mode}): ${res.status} ${text.slice(0, 200)}`,
    );
  }
  void d;
  return res.status;
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, services } = await createTestApplication(database));
  const db = database.db;
  const clock = services.clock;
  const group = await insertGroup(db, {
    slug: "hostile",
    chairs: ["Hostile Chair"],
    coChairs: [],
    boardLiaisons: ["Hostile Liaison"],
    members: ["Hostile Member"],
  });
  const member = await createTestAccount({
    db,
    clock,
    email: "member@example.org",
    personId: group.people.get("Hostile Chair") ?? null,
  });
  const admin = await createTestAccount({ db, clock, email: "admin@example.org", admin: true });
  users.member = member.user.id;
  users.admin = admin.user.id;
  // Extra site-admin periods: a hostile request ending one of them leaves the admin an admin.
  for (let i = 0; i < 3; i++) {
    await grantFoundationRole({
      db,
      now: clock.now(),
      by: CLI_ACTOR,
      userId: admin.user.id,
      role: "site-admin",
      startedOn: "2026-01-01",
    });
  }
  await db.insert(schema.packages).values({
    name: "djangorestframework",
    displayName: "djangorestframework",
    latestVersion: "3.16.0",
    classifiers: ["Framework :: Django :: 6.1"],
    requiresDist: [],
    downloadRank: 1,
    source: "snapshot",
    syncedAt: clock.now(),
  });
  const headers = { ...(await credentials("member-token")), "content-type": "application/json" };
  const opened = await app.request("/api/groups/hostile/votes", {
    method: "POST",
    headers,
    body: JSON.stringify({ kind: "proposal", title: "Hostile", closesAt: "2026-12-01T12:00:00Z" }),
  });
  expect(opened.status).toBe(201);
  voteId = String(((await opened.json()) as { vote: { id: number } }).vote.id);
});

afterAll(async () => {
  const classes = [...byClass]
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  console.log(`hostile input: ${sent} requests sent (${classes}), ${failures.length} answered 5xx`);
  await database?.close();
});

describe("the attacks that once gave a 500 or a silent roll-over", () => {
  const json = async (visitor: Visitor, method: string, url: string, body: unknown) => {
    const headers = new Headers({ ...(await credentials(visitor)), "content-type": "application/json" });
    const res = await app.request(url, { method, headers, body: JSON.stringify(body) });
    return {
      status: res.status,
      body: (await res.json()) as { error?: { issues?: Array<{ field: string }> } },
    };
  };
  const count = async (table: typeof schema.votes | typeof schema.foundationRoles | typeof schema.users) =>
    (await database.db.select().from(table)).length;

  it("refuses impossible and huge closing times, naming the field, and opens no vote", async () => {
    const before = await count(schema.votes);
    for (const closesAt of [
      "+275760-09-13",
      "+275760-09-13T00:00:00Z",
      1e15,
      "1e15",
      "2026-02-30T12:00",
      "0001-01-01T00:00Z",
    ]) {
      const r = await json("member-token", "POST", "/api/groups/hostile/votes", {
        kind: "proposal",
        title: "T",
        closesAt,
      });
      expect(r.status, String(closesAt)).toBe(422);
      expect(r.body.error?.issues?.map((i) => i.field)).toEqual(["closesAt"]);
    }
    expect(await count(schema.votes)).toBe(before);
  });

  it("refuses NUL bytes and invisible names, and impossible days, and changes nothing", async () => {
    for (const name of ["a\u0000b", "\u200b\u200c\u200d", "\ufeff", "   "]) {
      const r = await json("member-token", "PATCH", "/api/account", { name });
      expect(r.status, JSON.stringify(name)).toBe(422);
    }
    const [me] = await database.db.select().from(schema.users).where(eq(schema.users.id, users.member));
    expect(me?.name.includes("\u0000") || me?.name.includes("\u200b")).toBe(false);
    const roles = await count(schema.foundationRoles);
    for (const startedOn of ["2026-02-30", "0001-01-01", "+275760-09-13"]) {
      const r = await json("admin-token", "POST", "/api/admin/foundation-roles", {
        who: "member@example.org",
        role: "dsf-member",
        startedOn,
      });
      expect(r.status, startedOn).toBe(422);
    }
    expect(await count(schema.foundationRoles)).toBe(roles);
  });

  it("answers ids past 2^31-1, %00 in slugs and NUL in queries with a 4xx", async () => {
    const get = async (url: string) =>
      (await app.request(url, { headers: await credentials("admin-session") })).status;
    expect(await get("/api/votes/2147483648")).toBe(404);
    expect(await get("/api/votes/99999999999999999999")).toBe(404);
    expect(await get("/votes/1e3")).toBe(404);
    expect(await get("/groups/%00")).toBe(404);
    expect(await get("/api/groups/a%00b")).toBe(404);
    expect(await get("/people/%ED%A0%80")).toBe(404);
    expect(await get("/packages?q=%00")).toBe(422);
    expect(await get("/api/packages?q=a%00")).toBe(422);
    expect(await get("/api/admin/foundation-roles?role=%00")).toBe(422);
  });
});

describe("hostile input to every route", () => {
  it(
    "never gets a 5xx",
    async () => {
      const routes = declaredRoutes(app).filter((r) => r.definition);
      expect(routes.length).toBeGreaterThan(80);
      for (const route of routes) {
        const d = route.definition;
        if (!d) continue;
        await fc.assert(
          // Every 5xx is recorded (with the request) rather than shrunk, so one run lists them all.
          fc.asyncProperty(requestArbitrary(route.path, d), async (r) => {
            await send(route.method, route.path, d, r);
          }),
          { numRuns: RUNS },
        );
      }
      expect(failures).toEqual([]);
    },
    60_000 + RUNS * 100 * 250,
  );
});
