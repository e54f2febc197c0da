import { hashSecret } from "../../platform/auth/index.ts";
import { type DbOrTx, deleteSession } from "./identity.repo.ts";

/** Ends a session: the cookie value stops working at once. */
export async function signOut(input: { db: DbOrTx; sessionId: string }): Promise<void> {
  await deleteSession(input.db, hashSecret(input.sessionId));
}
