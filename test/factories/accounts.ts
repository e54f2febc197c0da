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

/** Inserts a user, grants site-admin when `admin`, and issues a token with `scopes` and a session. */
export async function createTestAccount(input: {
  db: Db;
  clock: Clock;
  email: string;
  name?: string;
  personId?: number | null;
  githubLogin?: string | null;
  admin?: boolean;
  scopes?: string[];
  tokenDays?: number;
  sessionDays?: number;
}): Promise<TestAccount> {
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
  return { user, token, sessionId };
}
