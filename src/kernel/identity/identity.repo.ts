import { and, asc, desc, eq, gt, isNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { hashSecret } from "../../platform/auth/index.ts";
import type { Db, Tx } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import type { FoundationRole } from "./actor.ts";

const { users, sessions, accessTokens, foundationRoles, people, signInLinks } = schema;

/** A database handle or an open transaction. */
export type DbOrTx = Db | Tx;

/** A user row. */
export type UserRow = typeof users.$inferSelect;
/** An access token row (its hash, never the token). */
export type TokenRow = typeof accessTokens.$inferSelect;
/** A foundation role row. */
export type FoundationRoleRow = typeof foundationRoles.$inferSelect;

/** A user by id. */
export async function findUserById(db: DbOrTx, id: number): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.id, id)))[0];
}

/** A user by (lower-cased) email. */
export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.email, email.toLowerCase())))[0];
}

/** A user by GitHub numeric id. */
export async function findUserByGitHubId(db: DbOrTx, githubId: string): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.githubId, githubId)))[0];
}

/** Inserts a user. */
export async function insertUser(
  db: DbOrTx,
  values: {
    email: string | null;
    name: string;
    githubId?: string | null;
    githubLogin?: string | null;
    at: Date;
  },
): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({
      email: values.email?.toLowerCase() ?? null,
      name: values.name,
      githubId: values.githubId ?? null,
      githubLogin: values.githubLogin ?? null,
      createdAt: values.at,
    })
    .returning();
  if (!row) throw new Error("insert into users returned nothing");
  return row;
}

/** Stores a session by the hash of its id. */
export async function insertSession(
  db: DbOrTx,
  values: {
    idHash: string;
    userId: number;
    method: (typeof sessions.$inferInsert)["method"];
    at: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db.insert(sessions).values({
    idHash: values.idHash,
    userId: values.userId,
    method: values.method,
    createdAt: values.at,
    expiresAt: values.expiresAt,
  });
}

/** The live session (not expired, user not disabled) with this id hash, and its user. */
export async function findLiveSession(db: DbOrTx, idHash: string, now: Date) {
  const rows = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), isNull(users.disabledAt)));
  return rows[0]?.user;
}

/** Deletes a session. */
export async function deleteSession(db: DbOrTx, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** The token with this hash and its user, if live (not revoked, not expired, user not disabled). */
export async function findLiveToken(db: DbOrTx, tokenHash: string, now: Date) {
  const rows = await db
    .select({ token: accessTokens, user: users })
    .from(accessTokens)
    .innerJoin(users, eq(users.id, accessTokens.userId))
    .where(
      and(
        eq(accessTokens.tokenHash, tokenHash),
        isNull(accessTokens.revokedAt),
        gt(accessTokens.expiresAt, now),
        isNull(users.disabledAt),
      ),
    );
  return rows[0];
}

/** Notes when a token was last used. */
export async function touchToken(db: DbOrTx, id: number, at: Date): Promise<void> {
  await db.update(accessTokens).set({ lastUsedAt: at }).where(eq(accessTokens.id, id));
}

/** A user's tokens, newest first. */
export async function listTokens(db: DbOrTx, userId: number): Promise<TokenRow[]> {
  return db.select().from(accessTokens).where(eq(accessTokens.userId, userId)).orderBy(desc(accessTokens.id));
}

/** A token by id. */
export async function findToken(db: DbOrTx, id: number): Promise<TokenRow | undefined> {
  return (await db.select().from(accessTokens).where(eq(accessTokens.id, id)))[0];
}

/** Foundation roles held by an account or by its linked person (every period, past and future). */
export async function foundationRolesOf(
  db: DbOrTx,
  user: { id: number; personId: number | null },
): Promise<FoundationRoleRow[]> {
  const who =
    user.personId === null
      ? eq(foundationRoles.userId, user.id)
      : or(eq(foundationRoles.userId, user.id), eq(foundationRoles.personId, user.personId));
  return db.select().from(foundationRoles).where(who).orderBy(foundationRoles.startedOn);
}

/** A foundation role row with who holds it: the account, the charter person, or both. */
export interface FoundationRoleListing {
  role: FoundationRoleRow;
  user: { id: number; name: string; email: string | null } | null;
  person: { id: number; name: string; slug: string } | null;
}

/**
 * Foundation role rows with their holders: current on `day` first (newest start first), then the
 * rest (future and past, latest first); optionally one role, only current ones, or one row by id.
 */
export async function listFoundationRoles(
  db: DbOrTx,
  filter: { day: string; role?: FoundationRole | null; currentOnly?: boolean; id?: number },
): Promise<FoundationRoleListing[]> {
  const current =
    and(
      lte(foundationRoles.startedOn, filter.day),
      or(isNull(foundationRoles.endedOn), gt(foundationRoles.endedOn, filter.day)),
    ) ?? sql`true`;
  const where: SQL[] = [];
  if (filter.role) where.push(eq(foundationRoles.role, filter.role));
  if (filter.currentOnly) where.push(current);
  if (filter.id !== undefined) where.push(eq(foundationRoles.id, filter.id));
  const rows = await db
    .select({
      role: foundationRoles,
      userId: users.id,
      userName: users.name,
      userEmail: users.email,
      personId: people.id,
      personName: people.name,
      personSlug: people.slug,
    })
    .from(foundationRoles)
    .leftJoin(users, eq(users.id, foundationRoles.userId))
    .leftJoin(people, eq(people.id, foundationRoles.personId))
    .where(and(...where))
    .orderBy(
      sql`case when ${current} then 0 else 1 end`,
      desc(sql`coalesce(${foundationRoles.endedOn}, ${foundationRoles.startedOn})`),
      desc(foundationRoles.startedOn),
      desc(foundationRoles.id),
    );
  return rows.map((r) => ({
    role: r.role,
    user: r.userId === null ? null : { id: r.userId, name: r.userName ?? "", email: r.userEmail },
    person:
      r.personId === null ? null : { id: r.personId, name: r.personName ?? "", slug: r.personSlug ?? "" },
  }));
}

/**
 * Who a foundation role is granted to, as the command line names them: an account by email
 * (`users grant`), or a charter person by slug (`roles record --person`) or numeric id.
 */
export async function findRoleHolder(
  db: DbOrTx,
  who: string,
): Promise<{ userId: number; personId?: undefined } | { personId: number; userId?: undefined } | undefined> {
  const key = who.trim();
  if (key === "") return undefined;
  if (key.includes("@")) {
    const user = await findUserByEmail(db, key);
    return user ? { userId: user.id } : undefined;
  }
  const person = /^\d{1,9}$/.test(key)
    ? await findPersonById(db, Number(key))
    : await findPersonBySlug(db, key);
  return person ? { personId: person.id } : undefined;
}

/** A person by slug. */
export async function findPersonBySlug(db: DbOrTx, slug: string) {
  return (await db.select().from(people).where(eq(people.slug, slug)))[0];
}

/** A person by id. */
export async function findPersonById(db: DbOrTx, id: number) {
  return (await db.select().from(people).where(eq(people.id, id)))[0];
}

/** The link's address, if the link is unused and unexpired (for the confirmation page). */
export async function peekSignInLink(input: {
  db: DbOrTx;
  now: Date;
  token: string;
}): Promise<string | null> {
  const [link] = await input.db
    .select()
    .from(signInLinks)
    .where(
      and(
        eq(signInLinks.tokenHash, hashSecret(input.token)),
        isNull(signInLinks.usedAt),
        gt(signInLinks.expiresAt, input.now),
      ),
    );
  return link?.email ?? null;
}

/** Every account, oldest first, with the slug of its charter person (null when it claimed none). */
export async function listUsersWithPersonSlug(
  db: DbOrTx,
): Promise<{ user: UserRow; personSlug: string | null }[]> {
  return db
    .select({ user: users, personSlug: people.slug })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .orderBy(asc(users.id));
}

/** The charter person of an account, or null (no such account, or no person claimed). */
export async function personIdOfUser(db: DbOrTx, userId: number): Promise<number | null> {
  const [user] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, userId));
  return user?.personId ?? null;
}

/** Sets the name an account shows; returns the account after it. */
export async function setUserName(db: DbOrTx, id: number, name: string): Promise<UserRow | undefined> {
  const [after] = await db.update(users).set({ name }).where(eq(users.id, id)).returning();
  return after;
}

/** Links an account to a GitHub user; returns the account after it. */
export async function linkGitHubAccount(
  db: DbOrTx,
  id: number,
  github: { githubId: string; githubLogin: string },
): Promise<UserRow | undefined> {
  const [linked] = await db.update(users).set(github).where(eq(users.id, id)).returning();
  return linked;
}

/** Notes an account's new GitHub login (GitHub users may rename themselves). */
export async function setGitHubLogin(db: DbOrTx, id: number, githubLogin: string): Promise<void> {
  await db.update(users).set({ githubLogin }).where(eq(users.id, id));
}

/** Drops a user's sessions that expired before `now`. */
export async function deleteExpiredSessions(db: DbOrTx, userId: number, now: Date): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
}

/** Stores a personal access token (by its hash); returns the row. */
export async function insertToken(
  db: DbOrTx,
  values: Omit<typeof accessTokens.$inferInsert, "id">,
): Promise<TokenRow> {
  const [row] = await db.insert(accessTokens).values(values).returning();
  if (!row) throw new Error("insert into access_tokens returned nothing");
  return row;
}

/** Marks a token revoked at `at`; returns the row after it. */
export async function setTokenRevoked(db: DbOrTx, id: number, at: Date): Promise<TokenRow | undefined> {
  const [after] = await db
    .update(accessTokens)
    .set({ revokedAt: at })
    .where(eq(accessTokens.id, id))
    .returning();
  return after;
}

/** Drops sign-in links that expired before `before`. */
export async function deleteSignInLinksExpiredBefore(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(signInLinks).where(lt(signInLinks.expiresAt, before));
}

/** Stores a sign-in link by the hash of its token. */
export async function insertSignInLink(
  db: DbOrTx,
  values: { tokenHash: string; email: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(signInLinks).values(values);
}

/**
 * Marks the link with this token hash used at `now` if it is unused and unexpired; returns it, or
 * undefined. The conditional update makes a link single-use even under concurrent clicks.
 */
export async function useSignInLink(db: DbOrTx, tokenHash: string, now: Date) {
  const [link] = await db
    .update(signInLinks)
    .set({ usedAt: now })
    .where(
      and(eq(signInLinks.tokenHash, tokenHash), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, now)),
    )
    .returning();
  return link;
}

/** Stores a foundation role period; returns the row. */
export async function insertFoundationRole(
  db: DbOrTx,
  values: Omit<typeof foundationRoles.$inferInsert, "id">,
): Promise<FoundationRoleRow> {
  const [row] = await db.insert(foundationRoles).values(values).returning();
  if (!row) throw new Error("insert into foundation_roles returned nothing");
  return row;
}

/** A foundation role row by id. */
export async function findFoundationRole(db: DbOrTx, id: number): Promise<FoundationRoleRow | undefined> {
  return (await db.select().from(foundationRoles).where(eq(foundationRoles.id, id)))[0];
}

/** Sets the day a foundation role ends; returns the row after it. */
export async function setFoundationRoleEnd(
  db: DbOrTx,
  id: number,
  endedOn: string | null,
): Promise<FoundationRoleRow | undefined> {
  return (await db.update(foundationRoles).set({ endedOn }).where(eq(foundationRoles.id, id)).returning())[0];
}
