/** Test fixtures for decision tests: groups with a parsed charter, people, role periods, foundation roles. */

import type { FoundationRole } from "../../kernel/index.ts";
import type { Database } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import { blankCharter, type ParsedCharter } from "../charter/types.ts";
import type { GroupRole } from "../policy/group-roles.ts";
import type { DecisionActor } from "./decisions.repo.ts";
import type { DecisionDeps } from "./deps.ts";
import { openVote } from "./open-vote.ts";
import type { BallotSecrecy, VoteBaseRule } from "./tally.ts";

const { groups, people, rolePeriods, foundationRoles, groupDecisionSettings } = schema;

let seq = 0;

/** A parsed charter with the given membership fields; everything else empty. */
export function charterWith(over: Partial<ParsedCharter> & { slug: string }): ParsedCharter {
  return {
    ...blankCharter({ slug: over.slug, name: over.slug, kind: "working-group", status: "active" }),
    membershipModel: "direct",
    ...over,
  };
}

/** Inserts a group with the charter. */
export async function makeGroup(
  database: Database,
  charter: ParsedCharter,
  settings?: { baseRule?: VoteBaseRule; secrecy?: BallotSecrecy },
) {
  const now = new Date("2026-01-01T00:00:00Z");
  const [g] = await database.db
    .insert(groups)
    .values({
      slug: charter.slug,
      name: charter.name,
      kind: charter.kind,
      status: charter.status,
      charter,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!g) throw new Error("group not inserted");
  if (settings) {
    await database.db.insert(groupDecisionSettings).values({ groupId: g.id, ...settings, updatedAt: now });
  }
  return g;
}

/** Inserts n people and returns their ids. */
export async function makePeople(database: Database, n: number, prefix = "person"): Promise<number[]> {
  if (n === 0) return [];
  const now = new Date("2026-01-01T00:00:00Z");
  const rows = await database.db
    .insert(people)
    .values(
      Array.from({ length: n }, () => {
        seq++;
        return { slug: `${prefix}-${process.pid}-${seq}`, name: `${prefix} ${seq}`, createdAt: now };
      }),
    )
    .returning({ id: people.id });
  return rows.map((r) => r.id);
}

/** Gives each person a role period in the group from `startedOn`. */
export async function addToGroup(
  database: Database,
  groupId: number,
  personIds: number[],
  opts: { role?: GroupRole; startedOn?: string; termEndsOn?: string | null } = {},
) {
  if (personIds.length === 0) return [];
  return database.db
    .insert(rolePeriods)
    .values(
      personIds.map((personId) => ({
        groupId,
        personId,
        role: opts.role ?? "member",
        startedOn: opts.startedOn ?? "2025-01-01",
        termEndsOn: opts.termEndsOn ?? null,
        reason: "fixture",
        decisionRef: "charter import",
        createdAt: new Date("2026-01-01T00:00:00Z"),
      })),
    )
    .returning();
}

/**
 * Inserts a group with the charter and `count` new people (named after the slug unless `prefix`
 * says otherwise) as its members; the first is also its chair when `chair`.
 */
export async function groupWithMembers(
  database: Database,
  charter: ParsedCharter,
  count: number,
  opts: {
    chair?: boolean;
    prefix?: string;
    settings?: { baseRule?: VoteBaseRule; secrecy?: BallotSecrecy };
  } = {},
) {
  const group = await makeGroup(database, charter, opts.settings);
  const ids = await makePeople(database, count, opts.prefix ?? charter.slug);
  await addToGroup(database, group.id, ids);
  if (opts.chair) await addToGroup(database, group.id, ids.slice(0, 1), { role: "chair" });
  return { group, ids };
}

/**
 * A group that meets monthly (the charter `over` says the rest) with `count` new members, the
 * first its Chair: the group of the meeting, notice and form tests, its members' person ids, its
 * Chair's and its second member's.
 */
export async function meetingGroup(
  database: Database,
  over: Partial<ParsedCharter> & { slug: string },
  count = 2,
) {
  const charter = charterWith({ meetingCadence: "monthly", ...over });
  const made = await groupWithMembers(database, charter, count, { chair: true });
  return { ...made, chair: made.ids[0] ?? 0, member: made.ids[1] ?? 0 };
}

/** Gives each person a foundation role. */
export async function grantFoundationRole(
  database: Database,
  personIds: number[],
  role: FoundationRole,
  opts: { startedOn?: string; endedOn?: string | null; termEndsOn?: string | null } = {},
) {
  if (personIds.length === 0) return;
  await database.db.insert(foundationRoles).values(
    personIds.map((personId) => ({
      personId,
      role,
      startedOn: opts.startedOn ?? "2024-01-01",
      endedOn: opts.endedOn ?? null,
      termEndsOn: opts.termEndsOn ?? null,
      createdAt: new Date("2026-01-01T00:00:00Z"),
    })),
  );
}

/** A decision actor for a person (no account behind it in these tests). */
export function personActor(personId: number): DecisionActor {
  return { userId: null, personId, label: `person:${personId}` };
}

/** Opens a vote as the person (their decision actor), with `input` as the API or a form would send it. */
export function openVoteAs(deps: DecisionDeps, personId: number, input: unknown) {
  return openVote({ deps, actor: personActor(personId), input });
}

/** Names each person in the group's current charter with the role (no role period). */
export async function addCharterRoles(
  database: Database,
  groupId: number,
  personIds: number[],
  role: (typeof schema.groupRoles.$inferInsert)["role"] = "member",
) {
  if (personIds.length === 0) return;
  await database.db
    .insert(schema.groupRoles)
    .values(personIds.map((personId, position) => ({ groupId, personId, role, title: "", position })));
}
