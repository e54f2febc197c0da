/** Queries for membership decisions: groups, current role holders, votes, applications. */

import { and, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import type { FoundationRole } from "../../kernel/index.ts";
import { type AuditActor, appendAudit } from "../../kernel/index.ts";
import { type Db, schema, type Tx } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import type { ParsedCharter } from "../charter/types.ts";
import { type GroupRole, isGroupRole } from "../policy/group-roles.ts";
import { currentMembership, effectiveRoles } from "../registry/current-membership.ts";
import { selectRoleSources } from "../registry/role-sources.repo.ts";
import { DEFAULT_MAX_VOTE_DAYS } from "./tally.ts";

const { groups, people, rolePeriods, foundationRoles, users, votes, groupDecisionSettings } = schema;

/** A database handle or an open transaction. */
export type DbOrTx = Db | Tx;

/** Who acts in a decision: the account (if any), the charter person it is, and an audit label. */
export interface DecisionActor extends AuditActor {
  personId: number | null;
}

/** The system itself (term sweep, scheduled closing), for the audit log. */
export const SYSTEM_ACTOR: DecisionActor = { userId: null, personId: null, label: "system" };

/** The command line, for the audit log. */
export const CLI_DECISION_ACTOR: DecisionActor = { userId: null, personId: null, label: "cli" };

/** A vote row. */
export type VoteRow = typeof votes.$inferSelect;

/** What decisions need to know about a group. */
export interface DecisionGroup {
  id: number;
  slug: string;
  name: string;
  status: string;
  charter: ParsedCharter;
  /** The day the group was first recorded (start of charter-only roles when they are ended). */
  createdOn: string;
}

/** Loads a group by id or slug, or throws not_found naming it. */
export async function loadGroup(db: DbOrTx, ref: number | string): Promise<DecisionGroup> {
  const where = typeof ref === "number" ? eq(groups.id, ref) : eq(groups.slug, ref);
  const row = (await db.select().from(groups).where(where))[0];
  if (!row) throw new AppError("not_found", { message: `No group "${ref}".` });
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    charter: row.charter as ParsedCharter,
    createdOn: row.createdAt.toISOString().slice(0, 10),
  };
}

/** Holding on day D: started_on <= D and (ended_on null or D < ended_on). */
function periodHeldOn(day: string) {
  return and(lte(rolePeriods.startedOn, day), or(isNull(rolePeriods.endedOn), gt(rolePeriods.endedOn, day)));
}

/**
 * Roles held in a group on a day (alumni left out), by the one membership rule
 * (`registry/current-membership.ts`): role periods, plus the charter's roles of people who have
 * no role period in the group.
 */
export async function heldRoles(db: DbOrTx, groupId: number, day: string, personId?: number) {
  const sources = await selectRoleSources(db, { groupIds: [groupId], personId });
  return currentMembership({ ...sources, day }).filter((r) => r.role !== "alumnus");
}

/** People holding any role in a group on a day (members, chairs, liaisons, titled roles). */
export async function groupParticipants(db: DbOrTx, groupId: number, day: string): Promise<number[]> {
  const held = await heldRoles(db, groupId, day);
  return [...new Set(held.map((r) => r.personId))].sort((a, b) => a - b);
}

/** Current charter roles (not alumni) of people with no role period in the group. */
export async function charterOnlyRoles(db: DbOrTx, groupId: number, personId?: number) {
  const sources = await selectRoleSources(db, { groupIds: [groupId], personId });
  return effectiveRoles(sources)
    .filter((r) => r.source === "charter")
    .flatMap((r) => (isGroupRole(r.role) ? [{ personId: r.personId, role: r.role, title: r.title }] : []));
}

/** Current role periods of one person in one group. */
export async function currentPeriodsOf(db: DbOrTx, groupId: number, personId: number, day: string) {
  return db
    .select()
    .from(rolePeriods)
    .where(and(eq(rolePeriods.groupId, groupId), eq(rolePeriods.personId, personId), periodHeldOn(day)));
}

/** True when the person holds any role in the group on the day. */
export async function isParticipant(
  db: DbOrTx,
  groupId: number,
  personId: number,
  day: string,
): Promise<boolean> {
  return (await heldRoles(db, groupId, day, personId)).length > 0;
}

/**
 * Whether a person may leave a group: `none` when they hold no role there, `ex-officio` when every
 * role they hold comes with a foundation role (it ends with that role, not by leaving), else `may-leave`.
 */
export async function leaveStanding(
  db: DbOrTx,
  groupId: number,
  personId: number,
  day: string,
): Promise<"none" | "ex-officio" | "may-leave"> {
  const held = await heldRoles(db, groupId, day, personId);
  if (held.length === 0) return "none";
  return held.every((r) => r.source === "ex-officio") ? "ex-officio" : "may-leave";
}

/** Current role periods of one role in a group (the rows to end; see `heldRoles` for who holds it). */
export async function currentHolders(db: DbOrTx, groupId: number, role: GroupRole, day: string) {
  return db
    .select()
    .from(rolePeriods)
    .where(and(eq(rolePeriods.groupId, groupId), eq(rolePeriods.role, role), periodHeldOn(day)));
}

/** People holding a foundation role on a day (held by the person or by their account). */
export async function foundationRoleHolders(
  db: DbOrTx,
  role: FoundationRole,
  day: string,
): Promise<number[]> {
  const rows = await db
    .selectDistinct({
      personId: sql<number | null>`coalesce(${foundationRoles.personId}, ${users.personId})`,
    })
    .from(foundationRoles)
    .leftJoin(users, eq(users.id, foundationRoles.userId))
    .where(
      and(
        eq(foundationRoles.role, role),
        lte(foundationRoles.startedOn, day),
        or(isNull(foundationRoles.endedOn), gt(foundationRoles.endedOn, day)),
      ),
    );
  return rows.map((r) => r.personId).filter((p): p is number => p !== null);
}

/** Foundation roles one person holds on a day (directly or through their account). */
export async function foundationRolesOf(db: DbOrTx, personId: number, day: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ role: foundationRoles.role })
    .from(foundationRoles)
    .leftJoin(users, eq(users.id, foundationRoles.userId))
    .where(
      and(
        or(eq(foundationRoles.personId, personId), eq(users.personId, personId)),
        lte(foundationRoles.startedOn, day),
        or(isNull(foundationRoles.endedOn), gt(foundationRoles.endedOn, day)),
      ),
    );
  return rows.map((r) => r.role);
}

/** A person's display name, or throws not_found naming the field. */
export async function personName(db: DbOrTx, personId: number, field = "personId"): Promise<string> {
  const row = (await db.select({ name: people.name }).from(people).where(eq(people.id, personId)))[0];
  if (!row) {
    throw new AppError("validation", {
      message: `Invalid ${field}: no person with id ${personId}`,
      issues: [{ field, message: `no person with id ${personId}` }],
    });
  }
  return row.name;
}

/** The group's decision settings, with defaults when none are recorded. */
export async function groupSettings(db: DbOrTx, groupId: number) {
  const row = (
    await db.select().from(groupDecisionSettings).where(eq(groupDecisionSettings.groupId, groupId))
  )[0];
  return {
    baseRule: (row?.baseRule ?? "electorate") as "electorate" | "cast",
    secrecy: (row?.secrecy ?? "open") as "open" | "secret",
    nextMeetingOn: row?.nextMeetingOn ?? null,
    maxVoteDays: row?.maxVoteDays ?? DEFAULT_MAX_VOTE_DAYS,
  };
}

/** Loads a vote and locks its row until the transaction ends (serialises ballots and closing). */
export async function lockVote(tx: Tx, voteId: number): Promise<VoteRow> {
  const row = (await tx.select().from(votes).where(eq(votes.id, voteId)).for("update"))[0];
  if (!row) throw new AppError("not_found", { message: `No vote #${voteId}.` });
  return row;
}

/** Loads a vote, or throws not_found. */
export async function findVote(db: DbOrTx, voteId: number): Promise<VoteRow> {
  const row = (await db.select().from(votes).where(eq(votes.id, voteId)))[0];
  if (!row) throw new AppError("not_found", { message: `No vote #${voteId}.` });
  return row;
}

/** An open vote of the same kind about the same subject in the same group, if any. */
export async function findOpenDuplicate(
  db: DbOrTx,
  input: { groupId: number; kind: VoteRow["kind"]; subjectId: string },
): Promise<VoteRow | undefined> {
  return (
    await db
      .select()
      .from(votes)
      .where(
        and(
          eq(votes.groupId, input.groupId),
          eq(votes.kind, input.kind),
          eq(votes.subjectId, input.subjectId),
          eq(votes.status, "open"),
        ),
      )
  )[0];
}

/** Appends an audit entry for a decision (re-exported so decisions use the one audit log). */
export const recordAudit = appendAudit;

/** Who votes in a vote (its frozen electorate), as person ids. */
export async function voteElectorateIds(db: DbOrTx, voteId: number): Promise<number[]> {
  const rows = await db
    .select({ personId: schema.voteElectorate.personId })
    .from(schema.voteElectorate)
    .where(eq(schema.voteElectorate.voteId, voteId));
  return rows.map((r) => r.personId);
}

/** One membership application, or a not_found error. */
export async function findApplication(
  db: DbOrTx,
  applicationId: number,
): Promise<typeof schema.membershipApplications.$inferSelect> {
  const row = (
    await db
      .select()
      .from(schema.membershipApplications)
      .where(eq(schema.membershipApplications.id, applicationId))
  )[0];
  if (!row) throw new AppError("not_found", { message: `No application #${applicationId}.` });
  return row;
}

/** The group and holder of a role period (what the policy decides a renewal on), or not_found. */
export async function findRolePeriodHolder(
  db: DbOrTx,
  rolePeriodId: number,
): Promise<{ groupId: number; personId: number; groupSlug: string }> {
  const row = (
    await db
      .select({ groupId: rolePeriods.groupId, personId: rolePeriods.personId, groupSlug: groups.slug })
      .from(rolePeriods)
      .innerJoin(groups, eq(groups.id, rolePeriods.groupId))
      .where(eq(rolePeriods.id, rolePeriodId))
  )[0];
  if (!row) throw new AppError("not_found", { message: `No role period #${rolePeriodId}.` });
  return row;
}

/** A vote's frozen electorate with names, slugs and whether each has an account (and so can vote). */
export async function electorateMembers(
  db: DbOrTx,
  voteId: number,
): Promise<Array<{ personId: number; name: string; slug: string; hasAccount: boolean }>> {
  const rows = await db
    .select({
      personId: schema.voteElectorate.personId,
      name: people.name,
      slug: people.slug,
      userId: users.id,
    })
    .from(schema.voteElectorate)
    .innerJoin(people, eq(people.id, schema.voteElectorate.personId))
    .leftJoin(users, eq(users.personId, schema.voteElectorate.personId))
    .where(eq(schema.voteElectorate.voteId, voteId))
    .orderBy(people.name, people.id);
  return rows.map((r) => ({
    personId: r.personId,
    name: r.name,
    slug: r.slug,
    hasAccount: r.userId !== null,
  }));
}

/** A role period with its group's and holder's names (for a confirmation), or undefined. */
export async function rolePeriodSummary(
  db: DbOrTx,
  rolePeriodId: number,
): Promise<{ group: string; name: string; role: string; startedOn: string } | undefined> {
  return (
    await db
      .select({
        group: groups.name,
        name: people.name,
        role: rolePeriods.role,
        startedOn: rolePeriods.startedOn,
      })
      .from(rolePeriods)
      .innerJoin(groups, eq(groups.id, rolePeriods.groupId))
      .innerJoin(people, eq(people.id, rolePeriods.personId))
      .where(eq(rolePeriods.id, rolePeriodId))
  )[0];
}
