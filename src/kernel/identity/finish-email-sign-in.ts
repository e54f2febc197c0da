import { hashSecret } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { findUserByEmail, type UserRow, useSignInLink } from "./identity.repo.ts";
import { createSigningInUser, openSignInSession } from "./sign-in-account.ts";

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
      user = await createSigningInUser(
        tx,
        { email: link.email, name: link.email.split("@")[0] ?? link.email, at: input.now },
        (stored) => ({ email: stored.email, via: "email" }),
      );
    }
    const sessionId = await openSignInSession(tx, user, "email", input);
    return { user, sessionId, created };
  });
}
