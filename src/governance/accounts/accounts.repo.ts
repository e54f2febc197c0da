/**
 * Account queries that belong to governance: claims on charter people, the account overview, and
 * group role periods. Identity queries (users, sessions, tokens, foundation roles) are the kernel's.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
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
