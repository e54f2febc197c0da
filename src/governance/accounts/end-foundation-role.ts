import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { optionalText } from "../../platform/validation.ts";
import { type AuditActor, appendAudit, type FoundationRoleRow } from "./accounts.repo.ts";
import { DaySchema, parseOrThrow } from "./schemas.ts";

const Input = z.object({
  endedOn: DaySchema,
  reason: optionalText({ max: 2000 }).transform((v) => v ?? ""),
  decisionRef: optionalText({ max: 500 }),
});

/** Ends a foundation role period on a day (the holder no longer has it from that day). */
export async function endFoundationRole(input: {
  db: Db;
  now: Date;
  by: AuditActor;
  roleId: number;
  endedOn: string;
  reason?: string;
  decisionRef?: string | null;
}): Promise<FoundationRoleRow> {
  const data = parseOrThrow(
    Input,
    { endedOn: input.endedOn, reason: input.reason ?? "", decisionRef: input.decisionRef ?? null },
    "role end",
  );
  return input.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(schema.foundationRoles)
      .where(eq(schema.foundationRoles.id, input.roleId));
    if (!before) throw new AppError("not_found", { message: `No foundation role with id ${input.roleId}.` });
    if (data.endedOn <= before.startedOn) {
      throw new AppError("validation", {
        message: `Invalid role end: endedOn must be after the start (${before.startedOn}).`,
        issues: [{ field: "endedOn", message: `must be after ${before.startedOn}` }],
      });
    }
    const [after] = await tx
      .update(schema.foundationRoles)
      .set({ endedOn: data.endedOn })
      .where(eq(schema.foundationRoles.id, input.roleId))
      .returning();
    if (!after) throw new Error("update of foundation_roles returned nothing");
    await appendAudit(tx, {
      by: input.by,
      at: input.now,
      action: "foundation-role.end",
      subjectType: before.userId === null ? "person" : "user",
      subjectId: before.userId ?? before.personId ?? "",
      before,
      after,
      cause: data.decisionRef ?? data.reason,
    });
    return after;
  });
}
