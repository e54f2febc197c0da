import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { optionalText } from "../../platform/validation.ts";
import { type AuditActor, appendAudit, type RolePeriodRow } from "./accounts.repo.ts";
import { DaySchema, parseOrThrow } from "./schemas.ts";

const Input = z.object({
  endedOn: DaySchema,
  reason: optionalText({ max: 2000 }).transform((v) => v ?? ""),
  decisionRef: optionalText({ max: 500 }),
});

/** Ends a group role period on a day, recording why and the decision behind it. */
export async function endRolePeriod(input: {
  db: Db;
  now: Date;
  by: AuditActor;
  periodId: number;
  endedOn: string;
  reason?: string;
  decisionRef?: string | null;
}): Promise<RolePeriodRow> {
  const data = parseOrThrow(
    Input,
    { endedOn: input.endedOn, reason: input.reason ?? "", decisionRef: input.decisionRef ?? null },
    "role period end",
  );
  return input.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(schema.rolePeriods)
      .where(eq(schema.rolePeriods.id, input.periodId));
    if (!before) throw new AppError("not_found", { message: `No role period with id ${input.periodId}.` });
    if (before.endedOn !== null) {
      throw new AppError("conflict", {
        message: `Role period ${before.id} already ended on ${before.endedOn}.`,
      });
    }
    if (data.endedOn <= before.startedOn) {
      throw new AppError("validation", {
        message: `Invalid role period end: endedOn must be after the start (${before.startedOn}).`,
        issues: [{ field: "endedOn", message: `must be after ${before.startedOn}` }],
      });
    }
    const [after] = await tx
      .update(schema.rolePeriods)
      .set({
        endedOn: data.endedOn,
        reason: data.reason || before.reason,
        decisionRef: data.decisionRef ?? before.decisionRef,
      })
      .where(eq(schema.rolePeriods.id, before.id))
      .returning();
    if (!after) throw new Error("update of role_periods returned nothing");
    await appendAudit(tx, {
      by: input.by,
      at: input.now,
      action: "role-period.end",
      subjectType: "group",
      subjectId: before.groupId,
      before,
      after,
      cause: data.decisionRef ?? data.reason,
    });
    return after;
  });
}
