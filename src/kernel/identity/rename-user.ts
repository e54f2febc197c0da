import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { text } from "../../platform/validation.ts";
import { type AuditActor, appendAudit } from "../audit/audit.repo.ts";
import { findUserById, setUserName, type UserRow } from "./identity.repo.ts";
import { parseOrThrow } from "./schemas.ts";

/** The name an account shows: visible text (not only zero-width characters), at most 200 characters. */
export const NameSchema = text({ max: 200, required: "must not be empty" });

/** Changes the name an account shows on pages ("Signed in as ..."). */
export async function renameUser(input: {
  db: Db;
  now: Date;
  by: AuditActor;
  userId: number;
  name: string;
}): Promise<UserRow> {
  const name = parseOrThrow(z.object({ name: NameSchema }), { name: input.name }, "account").name;
  return input.db.transaction(async (tx) => {
    const before = await findUserById(tx, input.userId);
    if (!before) throw new AppError("not_found", { message: `No user with id ${input.userId}.` });
    const after = await setUserName(tx, before.id, name);
    if (!after) throw new Error("update of users returned nothing");
    await appendAudit(tx, {
      by: input.by,
      at: input.now,
      action: "user.rename",
      subjectType: "user",
      subjectId: before.id,
      before: { name: before.name },
      after: { name: after.name },
    });
    return after;
  });
}
