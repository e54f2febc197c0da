/**
 * The Marketing WG as its proposed charter states it (the real delegation, read from the shared
 * charter snapshot) and the groups it names as partners, each with one member, for tests in any room.
 */
import { readFileSync } from "node:fs";
import { parseCharter } from "../../src/governance/index.ts";
import type { Db } from "../../src/platform/db/index.ts";
import { sharedData } from "../shared-data.ts";
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
