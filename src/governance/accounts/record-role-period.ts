import { z } from "zod";
import {
  type AuditActor,
  appendAudit,
  PeriodGrantFields,
  parseOrThrow,
  refinePeriod,
} from "../../kernel/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { optionalText } from "../../platform/validation.ts";
import { GROUP_ROLES } from "../policy/group-roles.ts";
import { insertRolePeriod, type RolePeriodRow } from "./accounts.repo.ts";

/** A group role name. */
const GroupRoleSchema = z.enum(GROUP_ROLES, { message: `must be one of ${GROUP_ROLES.join(", ")}` });

// The kernel's validation of a dated role's grant (as for foundation roles), plus the title rule.
const Input = refinePeriod(
  z
    .object({
      groupId: z.number().int().positive(),
      personId: z.number().int().positive(),
      role: GroupRoleSchema,
      title: optionalText({ max: 200 }).transform((v) => v ?? ""),
      ...PeriodGrantFields,
    })
    .refine((v) => v.role !== "other" || v.title.length > 0, {
      message: "a titled role needs its title",
      path: ["title"],
    }),
);

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
    const row = await insertRolePeriod(tx, { ...data, createdAt: input.now });
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
