import { z } from "zod";
import { hashSecret, newSecret } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { text, wholeNumber } from "../../platform/validation.ts";
import { type AuditActor, appendAudit } from "../audit/audit.repo.ts";
import { findUserById, insertToken, type TokenRow } from "./identity.repo.ts";
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

/**
 * The credential a token is created with, when it is itself a token: the new token may carry
 * only scopes it has and may not outlive it. A browser session (or the command line) passes
 * nothing and may create any token its user may hold.
 */
export interface CreatingToken {
  scopes: readonly string[];
  expiresAt: Date;
}

/**
 * Refuses a token that would give its creator more than the creating token has: a scope it lacks
 * (403) or a later expiry (422, naming the most days allowed). Pure.
 */
export function checkTokenWithinCreator(input: {
  now: Date;
  scopes: readonly string[];
  expiresAt: Date;
  creator: CreatingToken;
}): void {
  const missing = input.scopes.filter((s) => !input.creator.scopes.includes(s));
  if (missing.length > 0) {
    throw new AppError("forbidden", {
      message: `A token can only create tokens with scopes it has itself; this one lacks ${missing.join(", ")}.`,
      issues: [
        { field: "scopes", message: `not held by the token making the request: ${missing.join(", ")}` },
      ],
    });
  }
  if (input.expiresAt.getTime() > input.creator.expiresAt.getTime()) {
    const days = Math.floor((input.creator.expiresAt.getTime() - input.now.getTime()) / 86_400_000);
    const message =
      days >= 1
        ? `must be at most ${days} days: a token cannot outlive the token creating it (it expires ${input.creator.expiresAt.toISOString()})`
        : `the token making the request expires within a day (${input.creator.expiresAt.toISOString()}), so it cannot create tokens`;
    throw new AppError("validation", {
      message: `Invalid token: expiresInDays: ${message}`,
      issues: [{ field: "expiresInDays", message }],
    });
  }
}

/** Creates a personal access token; the token itself is returned once and only its hash is kept. */
export async function createToken(input: {
  db: Db;
  now: Date;
  by: AuditActor;
  userId: number;
  name: string;
  scopes: readonly string[];
  expiresInDays: number | string;
  /** Set when a bearer token makes the request: the new token stays within it. */
  creator?: CreatingToken;
}): Promise<{ token: string; row: TokenRow }> {
  const data = parseOrThrow(
    Input,
    { name: input.name, scopes: input.scopes, expiresInDays: input.expiresInDays },
    "token",
  );
  const expiresAt = new Date(input.now.getTime() + data.expiresInDays * 86_400_000);
  if (input.creator) {
    checkTokenWithinCreator({ now: input.now, scopes: data.scopes, expiresAt, creator: input.creator });
  }
  return input.db.transaction(async (tx) => {
    const user = await findUserById(tx, input.userId);
    if (!user) throw new AppError("not_found", { message: `No user with id ${input.userId}.` });
    const token = newSecret(TOKEN_PREFIX);
    const row = await insertToken(tx, {
      userId: user.id,
      name: data.name,
      tokenHash: hashSecret(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      scopes: data.scopes,
      createdAt: input.now,
      expiresAt,
    });
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
