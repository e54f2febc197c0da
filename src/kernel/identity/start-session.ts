import { hashSecret, newSecret } from "../../platform/auth/index.ts";
import { type DbOrTx, deleteExpiredSessions, insertSession } from "./identity.repo.ts";

/** Opens a session for a user; returns the session id for the cookie (only its hash is stored). */
export async function startSession(input: {
  db: DbOrTx;
  userId: number;
  method: "github" | "email";
  now: Date;
  days: number;
}): Promise<{ sessionId: string; expiresAt: Date }> {
  // Expired sessions of this user are of no use to anyone: drop them while here.
  await deleteExpiredSessions(input.db, input.userId, input.now);
  const sessionId = newSecret();
  const expiresAt = new Date(input.now.getTime() + input.days * 86_400_000);
  await insertSession(input.db, {
    idHash: hashSecret(sessionId),
    userId: input.userId,
    method: input.method,
    at: input.now,
    expiresAt,
  });
  return { sessionId, expiresAt };
}
