import { hashSecret } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { appendAudit } from "../audit/audit.repo.ts";
import { findUserByEmail, insertUser, type UserRow, useSignInLink } from "./identity.repo.ts";
import { startSession } from "./start-session.ts";

/** Uses a sign-in link once: marks it used, finds or creates the account, opens a session. */
export async function finishEmailSignIn(input: {
  db: Db;
  now: Date;
  token: string;
  sessionDays: number;
}): Promise<{ user: UserRow; sessionId: string; created: boolean }> {
  return input.db.transaction(async (tx) => {
    // The conditional update makes the link single-use even under concurrent clicks.
    const link = await useSignInLink(tx, hashSecret(input.token), input.now);
    if (!link) {
      throw new AppError("unauthenticated", {
        message: "This sign-in link is unknown, already used or expired. Ask for a new one.",
      });
    }
    let user = await findUserByEmail(tx, link.email);
    const created = !user;
    if (!user) {
      user = await insertUser(tx, {
        email: link.email,
        name: link.email.split("@")[0] ?? link.email,
        at: input.now,
      });
      await appendAudit(tx, {
        by: { userId: user.id, label: `user:${user.id}` },
        at: input.now,
        action: "user.create",
        subjectType: "user",
        subjectId: user.id,
        after: { email: user.email, via: "email" },
      });
    }
    if (user.disabledAt) throw new AppError("forbidden", { message: "This account is disabled." });
    const { sessionId } = await startSession({
      db: tx,
      userId: user.id,
      method: "email",
      now: input.now,
      days: input.sessionDays,
    });
    return { user, sessionId, created };
  });
}
