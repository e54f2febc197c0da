import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { type AuditActor, appendAudit, type FoundationRoleRow } from "./accounts.repo.ts";
import { DaySchema, FoundationRoleSchema, parseOrThrow } from "./schemas.ts";

const Input = z
  .object({
    role: FoundationRoleSchema,
    startedOn: DaySchema,
    endedOn: DaySchema.nullable(),
    termEndsOn: DaySchema.nullable(),
    reason: z.string().trim().max(2000),
    decisionRef: z.string().trim().max(500).nullable(),
  })
  .refine((v) => v.endedOn === null || v.endedOn > v.startedOn, {
    message: "must be after the start date",
    path: ["endedOn"],
  })
  .refine((v) => v.termEndsOn === null || v.termEndsOn > v.startedOn, {
    message: "must be after the start date",
    path: ["termEndsOn"],
  });

/**
 * Records that an account (or a charter person) holds a foundation role from a day, optionally
 * until a day, with the Board term end, the reason and the decision behind it.
 */
export async function grantFoundationRole(input: {
  db: Db;
  now: Date;
  by: AuditActor;
  userId?: number | null;
  personId?: number | null;
  role: string;
  startedOn: string;
  endedOn?: string | null;
  termEndsOn?: string | null;
  reason?: string;
  decisionRef?: string | null;
}): Promise<FoundationRoleRow> {
  const data = parseOrThrow(
    Input,
    {
      role: input.role,
      startedOn: input.startedOn,
      endedOn: input.endedOn ?? null,
      termEndsOn: input.termEndsOn ?? null,
      reason: input.reason ?? "",
      decisionRef: input.decisionRef ?? null,
    },
    "role grant",
  );
  const userId = input.userId ?? null;
  const personId = input.personId ?? null;
  if (userId === null && personId === null) {
    throw new AppError("validation", {
      message: "Invalid role grant: say who holds the role (a user or a person).",
      issues: [{ field: "user", message: "required" }],
    });
  }
  return input.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.foundationRoles)
      .values({ userId, personId, ...data, createdAt: input.now })
      .returning();
    if (!row) throw new Error("insert into foundation_roles returned nothing");
    await appendAudit(tx, {
      by: input.by,
      at: input.now,
      action: "foundation-role.grant",
      subjectType: userId === null ? "person" : "user",
      subjectId: userId ?? personId ?? "",
      after: row,
      cause: data.decisionRef ?? data.reason,
    });
    return row;
  });
}
