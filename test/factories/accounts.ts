/** Accounts for tests in any room: a user (optionally linked to a person, optionally a site admin), a token and a session. */
import { CLI_ACTOR, createToken, grantFoundationRole, startSession } from "../../src/kernel/index.ts";
import type { Clock } from "../../src/platform/clock.ts";
import { type Db, schema } from "../../src/platform/db/index.ts";

/** A test account: the user row, a personal access token and a session id for the cookie. */
export interface TestAccount {
  user: typeof schema.users.$inferSelect;
  token: string;
  sessionId: string;
}

/** What a test says about an account; everything but the database, clock and email has a default. */
export interface TestAccountInput {
  db: Db;
  clock: Clock;
  email: string;
  name?: string;
  personId?: number | null;
  githubLogin?: string | null;
  admin?: boolean;
  /** Foundation roles ("board-member", ...) granted once the account has its token and session. */
  roles?: string[];
  /** The day those roles start: 2026-01-01 unless given. */
  rolesFrom?: string;
  scopes?: string[];
  tokenDays?: number;
  sessionDays?: number;
}

/**
 * Inserts a user, grants site-admin when `admin`, issues a token with `scopes` and a session, then
 * grants `roles`.
 */
export async function createTestAccount(input: TestAccountInput): Promise<TestAccount> {
  const { db, clock } = input;
  const [user] = await db
    .insert(schema.users)
    .values({
      email: input.email,
      name: input.name ?? input.email.split("@")[0] ?? input.email,
      personId: input.personId ?? null,
      githubLogin: input.githubLogin ?? null,
      createdAt: clock.now(),
    })
    .returning();
  if (!user) throw new Error(`could not create the user ${input.email}`);
  if (input.admin) {
    await grantFoundationRole({
      db,
      now: clock.now(),
      by: CLI_ACTOR,
      userId: user.id,
      role: "site-admin",
      startedOn: "2026-01-01",
    });
  }
  const { token } = await createToken({
    db,
    now: clock.now(),
    by: CLI_ACTOR,
    userId: user.id,
    name: "test token",
    scopes: input.scopes ?? ["read", "admin"],
    expiresInDays: input.tokenDays ?? 30,
  });
  const { sessionId } = await startSession({
    db,
    userId: user.id,
    method: "email",
    now: clock.now(),
    days: input.sessionDays ?? 30,
  });
  for (const role of input.roles ?? []) {
    await grantFoundationRole({
      db,
      now: clock.now(),
      by: CLI_ACTOR,
      userId: user.id,
      role,
      startedOn: input.rolesFrom ?? "2026-01-01",
    });
  }
  return { user, token, sessionId };
}

/** What a group member's account may do through the API: read, act in its groups and vote. */
export const MEMBER_SCOPES = ["read", "groups", "votes"];

/**
 * A group member's account `<who>@example.org`, named `who` and linked to `personId`, with
 * {@link MEMBER_SCOPES} unless `options` say otherwise.
 */
export function createMemberAccount(
  input: { db: Db; clock: Clock },
  who: string,
  personId: number | null,
  options: Partial<Omit<TestAccountInput, "db" | "clock">> = {},
): Promise<TestAccount> {
  return createTestAccount({
    ...input,
    email: `${who}@example.org`,
    personId,
    scopes: MEMBER_SCOPES,
    ...options,
  });
}

/** One visitor of a test: its name, its person (or none) and what else its account has. */
export type TestVisitor = readonly [
  who: string,
  personId?: number | null,
  options?: Partial<Omit<TestAccountInput, "db" | "clock">>,
];

/**
 * An account `<who>@example.org` (named `who` unless the options say otherwise) for each visitor, in
 * order, with what `input` gives them all: the accounts by who.
 */
export async function createTestAccounts(
  input: Omit<TestAccountInput, "email" | "personId">,
  visitors: readonly TestVisitor[],
): Promise<Record<string, TestAccount>> {
  const accounts: Record<string, TestAccount> = {};
  for (const [who, personId, options] of visitors) {
    accounts[who] = await createTestAccount({
      ...input,
      email: `${who}@example.org`,
      personId: personId ?? null,
      ...options,
    });
  }
  return accounts;
}

/**
 * `account` with another access token of its own, named `name`, that carries only `scopes` (for 30
 * days): the same visitor, asking with less than the account may do.
 */
export async function withNarrowerToken(
  input: { db: Db; clock: Clock },
  account: TestAccount | undefined,
  name: string,
  scopes: string[],
): Promise<TestAccount> {
  if (!account) throw new Error(`no account for the token ${name}`);
  const { token } = await createToken({
    db: input.db,
    now: input.clock.now(),
    by: CLI_ACTOR,
    userId: account.user.id,
    name,
    scopes,
    expiresInDays: 30,
  });
  return { ...account, token };
}
