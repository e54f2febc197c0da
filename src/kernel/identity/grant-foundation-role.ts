import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { type AuditActor, appendAudit } from "../audit/audit.repo.ts";
import { type FoundationRoleRow, findRoleHolder, insertFoundationRole } from "./identity.repo.ts";
import { FoundationRoleSchema, PeriodGrantFields, parseOrThrow, refinePeriod } from "./schemas.ts";

// The one validation of a dated role's grant (group role periods use it too).
const Input = refinePeriod(z.object({ role: FoundationRoleSchema, ...PeriodGrantFields }));

function unknownHolder(who: string): string {
  const key = who.trim();
  if (key === "") return "say who holds the role: an account's email, or a person's slug or id";
  return key.includes("@")
    ? `no account has the email ${key}`
    : `no person "${key}" (use the slug shown on /people)`;
}

/**
 * Records that an account (or a charter person) holds a foundation role from a day, optionally
 * until a day, with the Board term end, the reason and the decision behind it. The holder is given
 * by id (`userId`/`personId`) or named (`who`).
 */
export async function grantFoundationRole(input: {
  db: Db;
  now: Date;
  by: AuditActor;
  userId?: number | null;
  personId?: number | null;
  /** Instead of the ids: an account's email, or a charter person's slug or id (see findRoleHolder). */
  who?: string;
  role: string;
  startedOn: string;
  endedOn?: string | null;
  termEndsOn?: string | null;
  reason?: string;
  decisionRef?: string | null;
}): Promise<FoundationRoleRow> {
  const raw = {
    role: input.role,
    startedOn: input.startedOn,
    endedOn: input.endedOn ?? null,
    termEndsOn: input.termEndsOn ?? null,
    reason: input.reason ?? "",
    decisionRef: input.decisionRef ?? null,
  };
  let userId = input.userId ?? null;
  let personId = input.personId ?? null;
  if (input.who !== undefined) {
    // Named as the command line names them; every bad field is reported at once, `who` first.
    const holder = await findRoleHolder(input.db, input.who);
    const parsed = Input.safeParse(raw);
    const issues = [
      ...(holder ? [] : [{ path: ["who"], message: unknownHolder(input.who) }]),
      ...(parsed.success ? [] : parsed.error.issues),
    ];
    if (issues.length > 0) throw validationError("role grant", issues);
    userId = holder?.userId ?? null;
    personId = holder?.personId ?? null;
  }
  const data = parseOrThrow(Input, raw, "role grant");
  if (userId === null && personId === null) {
    throw new AppError("validation", {
      message: "Invalid role grant: say who holds the role (a user or a person).",
      issues: [{ field: "user", message: "required" }],
    });
  }
  return input.db.transaction(async (tx) => {
    const row = await insertFoundationRole(tx, { userId, personId, ...data, createdAt: input.now });
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
