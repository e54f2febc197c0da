import { z } from "zod";
import { hashSecret, newSecret } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { text, wholeNumber } from "../../platform/validation.ts";
import { type AuditActor, appendAudit, findUserById, type TokenRow } from "./accounts.repo.ts";
import { parseOrThrow, ScopesSchema } from "./schemas.ts";

/** Every personal access token starts with this, so leaked ones are easy to recognise. */
export const TOKEN_PREFIX = "guildhall_pat_";
/** Longest allowed token lifetime. */
export const MAX_TOKEN_DAYS = 366;

const Input = z.object({
  name: text({ max: 100, required: "must not be empty" }),
  scopes: ScopesSchema,
  expiresInDays: wholeNumber({
    min: 1,
    max: MAX_TOKEN_DAYS,
    message: `must be a whole number of days from 1 to ${MAX_TOKEN_DAYS}`,
  }),
});

/** Creates a personal access token; the token itself is returned once and only its hash is kept. */
export async function createToken(input: {
  db: Db;
  now: Date;
  by: AuditActor;
  userId: number;
  name: string;
  scopes: readonly string[];
  expiresInDays: number | string;
}): Promise<{ token: string; row: TokenRow }> {
  const data = parseOrThrow(
    Input,
    { name: input.name, scopes: input.scopes, expiresInDays: input.expiresInDays },
    "token",
  );
  return input.db.transaction(async (tx) => {
    const user = await findUserById(tx, input.userId);
    if (!user) throw new AppError("not_found", { message: `No user with id ${input.userId}.` });
    const token = newSecret(TOKEN_PREFIX);
    const [row] = await tx
      .insert(schema.accessTokens)
      .values({
        userId: user.id,
        name: data.name,
        tokenHash: hashSecret(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        scopes: data.scopes,
        createdAt: input.now,
        expiresAt: new Date(input.now.getTime() + data.expiresInDays * 86_400_000),
      })
      .returning();
    if (!row) throw new Error("insert into access_tokens returned nothing");
    await appendAudit(tx, {
      by: input.by,
      at: input.now,
      action: "token.create",
      subjectType: "user",
      subjectId: user.id,
      after: { id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes, expiresAt: row.expiresAt },
    });
    return { token, row };
  });
}
