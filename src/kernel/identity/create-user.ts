import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { type AuditActor, appendAudit } from "../audit/audit.repo.ts";
import { findUserByEmail, insertUser, type UserRow } from "./identity.repo.ts";
import { EmailSchema, parseOrThrow } from "./schemas.ts";

const Input = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1, { message: "must not be empty" }).max(200),
});

/** Creates an account for an email address (site administration); refuses a taken address. */
export async function createUser(input: {
  db: Db;
  now: Date;
  by: AuditActor;
  email: string;
  name: string;
}): Promise<UserRow> {
  const data = parseOrThrow(Input, { email: input.email, name: input.name }, "user");
  return input.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, data.email)) {
      throw new AppError("conflict", {
        message: `A user with email ${data.email} already exists.`,
        issues: [{ field: "email", message: "already taken" }],
      });
    }
    const user = await insertUser(tx, { email: data.email, name: data.name, at: input.now });
    await appendAudit(tx, {
      by: input.by,
      at: input.now,
      action: "user.create",
      subjectType: "user",
      subjectId: user.id,
      after: { email: user.email, name: user.name },
    });
    return user;
  });
}
