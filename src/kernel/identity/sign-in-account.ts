/** The steps every way of signing in shares: creating the account on first sign-in, opening the session. */
import { AppError } from "../../platform/errors.ts";
import { appendAudit, selfActor } from "../audit/audit.repo.ts";
import { type DbOrTx, insertUser, type UserRow } from "./identity.repo.ts";
import { startSession } from "./start-session.ts";

/**
 * Creates the account of someone signing in for the first time, audited as created by itself with
 * what `after` picks of the stored account.
 */
export async function createSigningInUser(
  tx: DbOrTx,
  values: Parameters<typeof insertUser>[1],
  after: (user: UserRow) => Record<string, unknown>,
): Promise<UserRow> {
  const user = await insertUser(tx, values);
  await appendAudit(tx, {
    by: selfActor(user.id),
    at: values.at,
    action: "user.create",
    subjectType: "user",
    subjectId: user.id,
    after: after(user),
  });
  return user;
}

/** Opens a session for the account signing in; refused (403) when the account is disabled. */
export async function openSignInSession(
  tx: DbOrTx,
  user: UserRow,
  method: "github" | "email",
  input: { now: Date; sessionDays: number },
): Promise<string> {
  if (user.disabledAt) throw new AppError("forbidden", { message: "This account is disabled." });
  const { sessionId } = await startSession({
    db: tx,
    userId: user.id,
    method,
    now: input.now,
    days: input.sessionDays,
  });
  return sessionId;
}
