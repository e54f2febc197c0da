/**
 * Account queries that belong to governance: claims on charter people, the account overview, and
 * group role periods. Identity queries (users, sessions, tokens, foundation roles) are the kernel's.
 */
import { and, desc, eq, isNull, ne } from "drizzle-orm";
import { findPersonById, foundationRolesOf, listTokens, type UserRow } from "../../kernel/index.ts";
import type { Db, Tx } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import { isPublicPerson } from "../registry/public-people.repo.ts";

const { users, personClaims, people, rolePeriods } = schema;

/** A database handle or an open transaction. */
type DbOrTx = Db | Tx;

/** A person claim row. */
export type ClaimRow = typeof personClaims.$inferSelect;
/** A role period row. */
export type RolePeriodRow = typeof rolePeriods.$inferSelect;

/** A user's claims, newest first, with the claimed person's name. */
export async function claimsOf(db: DbOrTx, userId: number) {
  return db
    .select({ claim: personClaims, person: { id: people.id, name: people.name, slug: people.slug } })
    .from(personClaims)
    .innerJoin(people, eq(people.id, personClaims.personId))
    .where(eq(personClaims.userId, userId))
    .orderBy(desc(personClaims.id));
}

/** Claims waiting for an administrator, oldest first, with user and person. */
export async function pendingClaims(db: DbOrTx) {
  return db
    .select({
      claim: personClaims,
      user: { id: users.id, name: users.name, email: users.email, githubLogin: users.githubLogin },
      person: { id: people.id, name: people.name, slug: people.slug, handle: people.handle },
    })
    .from(personClaims)
    .innerJoin(users, eq(users.id, personClaims.userId))
    .innerJoin(people, eq(people.id, personClaims.personId))
    .where(eq(personClaims.status, "pending"))
    .orderBy(personClaims.id);
}

/** People no account is linked to, by name (candidates for a claim). */
export async function claimablePeople(db: DbOrTx) {
  return db
    .select({ slug: people.slug, name: people.name })
    .from(people)
    .leftJoin(users, eq(users.personId, people.id))
    .where(and(isNull(users.id), isPublicPerson(people.id)))
    .orderBy(people.name);
}

/** True when the person may be shown to anyone (registry/public-people.repo.ts). */
export async function isPersonPublic(db: DbOrTx, personId: number): Promise<boolean> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, personId), isPublicPerson(people.id)));
  return rows.length > 0;
}

/**
 * True when the person was created for an account when it applied and is not yet a member: its
 * account may still claim the charter person it is (the two are then merged).
 */
export async function isPrivateApplicant(db: DbOrTx, personId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: schema.applicantPeople.personId })
    .from(schema.applicantPeople)
    .where(eq(schema.applicantPeople.personId, personId));
  return row !== undefined && !(await isPersonPublic(db, personId));
}

/** Everything the account page and `GET /api/account` show about a user. */
export async function accountOverview(db: DbOrTx, user: UserRow) {
  const [roles, claims, tokens, person] = await Promise.all([
    foundationRolesOf(db, user),
    claimsOf(db, user.id),
    listTokens(db, user.id),
    user.personId === null ? Promise.resolve(undefined) : findPersonById(db, user.personId),
  ]);
  return {
    roles,
    claims,
    tokens,
    person: person ? { id: person.id, name: person.name, slug: person.slug } : null,
  };
}

/** A group by slug. */
export async function findGroupBySlug(db: DbOrTx, slug: string) {
  return (await db.select().from(schema.groups).where(eq(schema.groups.slug, slug)))[0];
}

/** A group's role periods, oldest first, with the person's name. */
export async function rolePeriodsOfGroup(db: DbOrTx, groupId: number) {
  return db
    .select({ period: rolePeriods, person: { slug: people.slug, name: people.name } })
    .from(rolePeriods)
    .innerJoin(people, eq(people.id, rolePeriods.personId))
    .where(eq(rolePeriods.groupId, groupId))
    .orderBy(rolePeriods.startedOn, rolePeriods.id);
}

/** A role period by id. */
export async function findRolePeriod(db: DbOrTx, id: number): Promise<RolePeriodRow | undefined> {
  return (await db.select().from(rolePeriods).where(eq(rolePeriods.id, id)))[0];
}

/** Ends a role period on a day, with the reason and decision given (the old ones when absent). */
export async function endRolePeriodRow(
  tx: Tx,
  before: RolePeriodRow,
  change: { endedOn: string; reason: string; decisionRef?: string | null },
): Promise<RolePeriodRow | undefined> {
  return (
    await tx
      .update(rolePeriods)
      .set({
        endedOn: change.endedOn,
        reason: change.reason || before.reason,
        decisionRef: change.decisionRef ?? before.decisionRef,
      })
      .where(eq(rolePeriods.id, before.id))
      .returning()
  )[0];
}

/** Saves a new role period. */
export async function insertRolePeriod(
  tx: Tx,
  values: typeof rolePeriods.$inferInsert,
): Promise<RolePeriodRow | undefined> {
  return (await tx.insert(rolePeriods).values(values).returning())[0];
}

/** An account by id, locked for update until the transaction ends. */
export async function lockUser(tx: Tx, userId: number): Promise<UserRow | undefined> {
  return (await tx.select().from(users).where(eq(users.id, userId)).for("update"))[0];
}

/** An account by id. */
export async function findUser(db: DbOrTx, userId: number): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.id, userId)))[0];
}

/** The account linked to a person, if any. */
export async function findUserOfPerson(db: DbOrTx, personId: number): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.personId, personId)))[0];
}

/** Links an account to a person. */
export async function linkUserToPerson(tx: Tx, userId: number, personId: number): Promise<void> {
  await tx.update(users).set({ personId }).where(eq(users.id, userId));
}

/** Records that a person was created for an account when it applied. */
export async function insertApplicantPerson(
  tx: Tx,
  values: { personId: number; userId: number; createdAt: Date },
): Promise<void> {
  await tx.insert(schema.applicantPeople).values(values);
}

/** A claim by id. */
export async function findClaim(db: DbOrTx, claimId: number): Promise<ClaimRow | undefined> {
  return (await db.select().from(personClaims).where(eq(personClaims.id, claimId)))[0];
}

/** The claim of an account still waiting for an administrator, if any. */
export async function pendingClaimOf(db: DbOrTx, userId: number): Promise<ClaimRow | undefined> {
  return (
    await db
      .select()
      .from(personClaims)
      .where(and(eq(personClaims.userId, userId), eq(personClaims.status, "pending")))
  )[0];
}

/** Saves a new claim. */
export async function insertClaim(
  tx: Tx,
  values: typeof personClaims.$inferInsert,
): Promise<ClaimRow | undefined> {
  return (await tx.insert(personClaims).values(values).returning())[0];
}

/** Sets a claim's outcome. */
export async function decideClaimRow(
  tx: Tx,
  claimId: number,
  decision: { status: "confirmed" | "rejected"; decidedAt: Date; decidedBy: number | null },
): Promise<ClaimRow | undefined> {
  return (await tx.update(personClaims).set(decision).where(eq(personClaims.id, claimId)).returning())[0];
}

/** Rejects the other pending claims on a person once one of them is confirmed. */
export async function rejectOtherPendingClaims(
  tx: Tx,
  input: { personId: number; keptClaimId: number; decidedAt: Date; decidedBy: number | null },
): Promise<void> {
  await tx
    .update(personClaims)
    .set({ status: "rejected", decidedAt: input.decidedAt, decidedBy: input.decidedBy })
    .where(
      and(
        eq(personClaims.personId, input.personId),
        eq(personClaims.status, "pending"),
        ne(personClaims.id, input.keptClaimId),
      ),
    );
}

/** A person row by id. */
export async function findPersonRow(db: DbOrTx, personId: number) {
  return (await db.select().from(people).where(eq(people.id, personId)))[0];
}

/**
 * Deletes an applicant person merged into a claimed one: first its aliases (the spelling typed
 * when applying was never public), then, after the caller merged it, the person row itself.
 */
export async function deletePersonAliases(tx: Tx, personId: number): Promise<void> {
  await tx.delete(schema.personAliases).where(eq(schema.personAliases.personId, personId));
}

/** Deletes a person row (after it was merged into another). */
export async function deletePerson(tx: Tx, personId: number): Promise<void> {
  await tx.delete(people).where(eq(people.id, personId));
}

/** Records that one person was merged into another. */
export async function insertPersonMerge(
  tx: Tx,
  values: typeof schema.personMerges.$inferInsert,
): Promise<void> {
  await tx.insert(schema.personMerges).values(values);
}
