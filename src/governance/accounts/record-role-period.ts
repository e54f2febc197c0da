import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import { optionalText } from "../../platform/validation.ts";
import { type AuditActor, appendAudit, type RolePeriodRow } from "./accounts.repo.ts";
import { DaySchema, GroupRoleSchema, parseOrThrow } from "./schemas.ts";

const Input = z
  .object({
    groupId: z.number().int().positive(),
    personId: z.number().int().positive(),
    role: GroupRoleSchema,
    title: optionalText({ max: 200 }).transform((v) => v ?? ""),
    startedOn: DaySchema,
    endedOn: DaySchema.nullable(),
    termEndsOn: DaySchema.nullable(),
    reason: optionalText({ max: 2000 }).transform((v) => v ?? ""),
    decisionRef: optionalText({ max: 500 }),
  })
  .refine((v) => v.role !== "other" || v.title.length > 0, {
    message: "a titled role needs its title",
    path: ["title"],
  })
  .refine((v) => v.endedOn === null || v.endedOn > v.startedOn, {
    message: "must be after the start date",
    path: ["endedOn"],
  });

/** Records a period in which a person holds a role in a group, with the decision behind it. */
export async function recordRolePeriod(input: {
  db: Db;
  now: Date;
  by: AuditActor;
  groupId: number;
  personId: number;
  role: string;
  title?: string;
  startedOn: string;
  endedOn?: string | null;
  termEndsOn?: string | null;
  reason?: string;
  decisionRef?: string | null;
}): Promise<RolePeriodRow> {
  const data = parseOrThrow(
    Input,
    {
      groupId: input.groupId,
      personId: input.personId,
      role: input.role,
      title: input.title ?? "",
      startedOn: input.startedOn,
      endedOn: input.endedOn ?? null,
      termEndsOn: input.termEndsOn ?? null,
      reason: input.reason ?? "",
      decisionRef: input.decisionRef ?? null,
    },
    "role period",
  );
  return input.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.rolePeriods)
      .values({ ...data, createdAt: input.now })
      .returning();
    if (!row) throw new Error("insert into role_periods returned nothing");
    await appendAudit(tx, {
      by: input.by,
      at: input.now,
      action: "role-period.start",
      subjectType: "group",
      subjectId: data.groupId,
      after: row,
      cause: data.decisionRef ?? data.reason,
    });
    return row;
  });
}
