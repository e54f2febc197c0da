import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { type AuditActor, appendAudit } from "../audit/audit.repo.ts";
import { findToken, setTokenRevoked, type TokenRow } from "./identity.repo.ts";

/** Revokes one of the user's tokens (it stops working at once); revoking twice is a no-op. */
export async function revokeToken(input: {
  db: Db;
  now: Date;
  by: AuditActor;
  userId: number;
  tokenId: number;
}): Promise<TokenRow> {
  return input.db.transaction(async (tx) => {
    const token = await findToken(tx, input.tokenId);
    // Someone else's token is reported as missing, so ids reveal nothing.
    if (!token || token.userId !== input.userId) {
      throw new AppError("not_found", { message: `You have no token with id ${input.tokenId}.` });
    }
    if (token.revokedAt) return token;
    const after = await setTokenRevoked(tx, token.id, input.now);
    if (!after) throw new Error("update of access_tokens returned nothing");
    await appendAudit(tx, {
      by: input.by,
      at: input.now,
      action: "token.revoke",
      subjectType: "user",
      subjectId: token.userId,
      before: { id: token.id, name: token.name, revokedAt: null },
      after: { id: token.id, name: token.name, revokedAt: after.revokedAt },
    });
    return after;
  });
}
