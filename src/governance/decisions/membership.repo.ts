/**
 * Queries of membership that operations run: applications to groups, and the group role periods
 * that admitting, renewing, succeeding and lapsing start, change or end.
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { anyOf, schema, type Tx } from "../../platform/db/index.ts";
import type { DbOrTx } from "./decisions.repo.ts";

const { membershipApplications, rolePeriods, groups, people, votes } = schema;

/** A membership application row. */
export type ApplicationRow = typeof membershipApplications.$inferSelect;
/** A group role period row. */
export type PeriodRow = typeof rolePeriods.$inferSelect;

/** An application by id, if any. */
export async function findApplicationRow(db: DbOrTx, id: number): Promise<ApplicationRow | undefined> {
  return (await db.select().from(membershipApplications).where(eq(membershipApplications.id, id)))[0];
}

/** An application by id, locked for update until the transaction ends. */
export async function lockApplication(tx: Tx, id: number): Promise<ApplicationRow | undefined> {
  return (
    await tx.select().from(membershipApplications).where(eq(membershipApplications.id, id)).for("update")
  )[0];
}

/** Changes an application (its status and decision time). */
export async function updateApplication(
  tx: Tx,
  id: number,
  change: Partial<typeof membershipApplications.$inferInsert>,
): Promise<void> {
  await tx.update(membershipApplications).set(change).where(eq(membershipApplications.id, id));
}

/** The ids of a person's applications to a group still open (pending or being voted on). */
export async function openApplicationIds(db: DbOrTx, groupId: number, personId: number) {
  return db
    .select({ id: membershipApplications.id })
    .from(membershipApplications)
    .where(
      and(
        eq(membershipApplications.groupId, groupId),
        eq(membershipApplications.personId, personId),
        inArray(membershipApplications.status, ["pending", "voting"]),
      ),
    );
}

/** Saves a new application. */
export async function insertApplication(
  tx: Tx,
  values: typeof membershipApplications.$inferInsert,
): Promise<ApplicationRow | undefined> {
  return (await tx.insert(membershipApplications).values(values).returning())[0];
}

/** Applications of one group or all (only open ones with `openOnly`), newest first, with names. */
export async function selectApplications(db: DbOrTx, filter: { groupId?: number; openOnly?: boolean }) {
  return db
    .select({
      app: membershipApplications,
      groupSlug: groups.slug,
      groupName: groups.name,
      personName: people.name,
    })
    .from(membershipApplications)
    .innerJoin(groups, eq(groups.id, membershipApplications.groupId))
    .innerJoin(people, eq(people.id, membershipApplications.personId))
    .where(
      and(
        filter.groupId === undefined ? undefined : eq(membershipApplications.groupId, filter.groupId),
        filter.openOnly ? inArray(membershipApplications.status, ["pending", "voting"]) : undefined,
      ),
    )
    .orderBy(desc(membershipApplications.id));
}

/** A person's applications (one group or all), newest first, with the group and its charter. */
export async function selectApplicationsOf(db: DbOrTx, personId: number, groupId?: number) {
  return db
    .select({
      app: membershipApplications,
      group: { id: groups.id, slug: groups.slug, name: groups.name, status: groups.status },
      charter: groups.charter,
    })
    .from(membershipApplications)
    .innerJoin(groups, eq(groups.id, membershipApplications.groupId))
    .where(
      and(
        eq(membershipApplications.personId, personId),
        groupId === undefined ? undefined : eq(membershipApplications.groupId, groupId),
      ),
    )
    .orderBy(desc(membershipApplications.id));
}

/** The votes started on some applications (id and application; none asked, none read). */
export async function voteIdsOfApplications(db: DbOrTx, applicationIds: readonly number[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({ id: votes.id, applicationId: votes.applicationId })
    .from(votes)
    .where(inArray(votes.applicationId, [...applicationIds]));
}

/** The votes started on some applications, oldest first, with status, closing time and outcome. */
export async function votesOfApplications(db: DbOrTx, applicationIds: readonly number[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      id: votes.id,
      applicationId: votes.applicationId,
      status: votes.status,
      closesAt: votes.closesAt,
      outcome: votes.outcome,
    })
    .from(votes)
    .where(inArray(votes.applicationId, [...applicationIds]))
    .orderBy(votes.id);
}

/** A role period by id, locked for update until the transaction ends. */
export async function lockRolePeriod(tx: Tx, id: number): Promise<PeriodRow | undefined> {
  return (await tx.select().from(rolePeriods).where(eq(rolePeriods.id, id)).for("update"))[0];
}

/** Changes a role period; the row after. */
export async function updateRolePeriod(
  tx: Tx,
  id: number,
  change: Partial<typeof rolePeriods.$inferInsert>,
): Promise<PeriodRow | undefined> {
  return (await tx.update(rolePeriods).set(change).where(eq(rolePeriods.id, id)).returning())[0];
}

/** Saves a new role period. */
export async function insertRolePeriodRow(
  tx: Tx,
  values: typeof rolePeriods.$inferInsert,
): Promise<PeriodRow | undefined> {
  return (await tx.insert(rolePeriods).values(values).returning())[0];
}

/** A group's Board Liaison periods running on `day`. */
export async function boardLiaisonPeriodsOn(db: DbOrTx, groupId: number, day: string): Promise<PeriodRow[]> {
  return db
    .select()
    .from(rolePeriods)
    .where(
      and(
        eq(rolePeriods.groupId, groupId),
        eq(rolePeriods.role, "board-liaison"),
        or(isNull(rolePeriods.endedOn), gt(rolePeriods.endedOn, day)),
        lte(rolePeriods.startedOn, day),
      ),
    );
}

/**
 * Running role periods whose term ends after `day` and by `until` (all groups, one group, or one
 * person), soonest first, with group and person names.
 */
export async function selectLapsingPeriods(
  db: DbOrTx,
  filter: { day: string; until: string; groupId?: number; personId?: number },
) {
  const { day } = filter;
  return db
    .select({
      rolePeriodId: rolePeriods.id,
      groupId: groups.id,
      slug: groups.slug,
      groupName: groups.name,
      personId: people.id,
      personName: people.name,
      role: rolePeriods.role,
      termEndsOn: rolePeriods.termEndsOn,
    })
    .from(rolePeriods)
    .innerJoin(groups, eq(groups.id, rolePeriods.groupId))
    .innerJoin(people, eq(people.id, rolePeriods.personId))
    .where(
      and(
        isNotNull(rolePeriods.termEndsOn),
        gt(rolePeriods.termEndsOn, day),
        lte(rolePeriods.termEndsOn, filter.until),
        lte(rolePeriods.startedOn, day),
        or(isNull(rolePeriods.endedOn), gt(rolePeriods.endedOn, day)),
        filter.groupId === undefined ? undefined : eq(rolePeriods.groupId, filter.groupId),
        filter.personId === undefined ? undefined : eq(rolePeriods.personId, filter.personId),
      ),
    )
    .orderBy(asc(rolePeriods.termEndsOn), asc(people.name));
}

/** A role period the term sweep ended: its new end is its term's end; the old end and reason are kept for the audit. */
export interface LapsedRow {
  id: number;
  group_id: number;
  person_id: number;
  role: string;
  term_ends_on: string;
  old_ended_on: string | null;
  old_reason: string;
}

/**
 * Ends, in one UPDATE, every role period running on `day` whose term ended by then without
 * renewal: its end becomes its term's end, with `reason`. Returns the periods ended.
 */
export async function lapseDuePeriods(tx: Tx, day: string, reason: string): Promise<LapsedRow[]> {
  const result = await tx.execute(sql`
      with due as (
        select id, ended_on, reason from ${rolePeriods}
        where term_ends_on is not null and term_ends_on <= ${day}
          and started_on <= ${day} and (ended_on is null or ended_on > ${day})
        for update
      )
      update ${rolePeriods} r set ended_on = r.term_ends_on, reason = ${reason}
      from due where r.id = due.id
      returning r.id, r.group_id, r.person_id, r.role, r.term_ends_on::text as term_ends_on,
        due.ended_on::text as old_ended_on, due.reason as old_reason`);
  // Both drivers return { rows } from execute().
  return (result as unknown as { rows: LapsedRow[] }).rows;
}

/** Writes many audit entries in one statement (the sweep's lapses, a chunk at a time). */
export async function insertAuditRows(
  tx: Tx,
  rows: Array<typeof schema.auditLog.$inferInsert>,
): Promise<void> {
  await tx.insert(schema.auditLog).values(rows);
}

/** Running role periods whose term ends after `day` and by `horizon`, with group and person names (the term sweep's shape). */
export async function periodsEndingBy(db: DbOrTx, day: string, horizon: string) {
  return (await selectLapsingPeriods(db, { day, until: horizon })).map((r) => ({
    id: r.rolePeriodId,
    personId: r.personId,
    termEndsOn: r.termEndsOn,
    role: r.role,
    groupId: r.groupId,
    groupName: r.groupName,
    groupSlug: r.slug,
    personName: r.personName,
  }));
}

/** The term reminders already sent for some role periods (none asked, none read). */
export async function remindersOf(db: DbOrTx, periodIds: readonly number[]) {
  if (periodIds.length === 0) return [];
  return db
    .select()
    .from(schema.termReminders)
    .where(inArray(schema.termReminders.rolePeriodId, [...periodIds]));
}

/**
 * Records term reminders, each once (a reminder recorded already is skipped); returns the role
 * periods whose reminder this call recorded.
 */
export async function recordReminders(
  tx: Tx,
  rows: Array<{ rolePeriodId: number; termEndsOn: string; thresholdDays: number; sentAt: Date }>,
): Promise<number[]> {
  const recorded = await tx
    .insert(schema.termReminders)
    .values(rows)
    .onConflictDoNothing()
    .returning({ rolePeriodId: schema.termReminders.rolePeriodId });
  return recorded.map((r) => r.rolePeriodId);
}

/** Active groups (one of them when given), by name: id, slug, name and kind. */
export async function activeGroupsByName(db: DbOrTx, groupId?: number) {
  return db
    .select({ id: groups.id, slug: groups.slug, name: groups.name, kind: groups.kind })
    .from(groups)
    .where(and(eq(groups.status, "active"), groupId === undefined ? undefined : eq(groups.id, groupId)))
    .orderBy(groups.name);
}

/** The people holding a group's Board Liaison role on `day` (by role period). */
export async function liaisonPeriodPeople(db: DbOrTx, groupId: number, day: string) {
  return db
    .select({ personId: rolePeriods.personId })
    .from(rolePeriods)
    .where(
      and(
        eq(rolePeriods.groupId, groupId),
        eq(rolePeriods.role, "board-liaison"),
        lte(rolePeriods.startedOn, day),
        or(isNull(rolePeriods.endedOn), gt(rolePeriods.endedOn, day)),
      ),
    );
}

/** The next Board Liaison recorded to start after `day`, if any: person and start. */
export async function nextLiaison(db: DbOrTx, groupId: number, day: string) {
  const [next] = await db
    .select({ id: people.id, name: people.name, startedOn: rolePeriods.startedOn })
    .from(rolePeriods)
    .innerJoin(people, eq(people.id, rolePeriods.personId))
    .where(
      and(
        eq(rolePeriods.groupId, groupId),
        eq(rolePeriods.role, "board-liaison"),
        gt(rolePeriods.startedOn, day),
      ),
    )
    .orderBy(rolePeriods.startedOn)
    .limit(1);
  return next;
}

/** A person's id and name, if any. */
export async function personIdAndName(db: DbOrTx, personId: number) {
  const [person] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(eq(people.id, personId));
  return person;
}

/** The Board terms of some people (through the person or their account): whose, start, end and term end. */
export async function boardTermsOfPeople(db: DbOrTx, personIds: readonly number[]) {
  const { foundationRoles, users } = schema;
  if (personIds.length === 0) return [];
  return db
    .select({
      personId: foundationRoles.personId,
      userPersonId: users.personId,
      startedOn: foundationRoles.startedOn,
      endedOn: foundationRoles.endedOn,
      termEndsOn: foundationRoles.termEndsOn,
    })
    .from(foundationRoles)
    .leftJoin(users, eq(users.id, foundationRoles.userId))
    .where(
      and(
        eq(foundationRoles.role, "board-member"),
        or(anyOf(foundationRoles.personId, personIds), anyOf(users.personId, personIds)),
      ),
    );
}
