import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { schema } from "../../platform/db/index.ts";
import type { DbOrTx } from "./decisions.repo.ts";

const { auditLog, votes, membershipApplications, rolePeriods } = schema;

/** One audit entry as shown and exported. */
export interface AuditEntry {
  id: number;
  occurredAt: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  cause: string;
}

/**
 * The audit trail of a group's membership decisions: its votes, applications, role periods and
 * settings, newest first. Secret ballots appear as participation only (the log never held choices).
 */
export async function listGroupAudit(input: {
  db: DbOrTx;
  groupId: number;
  limit?: number;
}): Promise<AuditEntry[]> {
  const { db, groupId } = input;
  const g = String(groupId);
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.subjectType, "group"), eq(auditLog.subjectId, g)),
        and(
          eq(auditLog.subjectType, "vote"),
          inArray(
            auditLog.subjectId,
            db
              .select({ id: sql<string>`${votes.id}::text` })
              .from(votes)
              .where(eq(votes.groupId, groupId)),
          ),
        ),
        and(
          eq(auditLog.subjectType, "membership_application"),
          inArray(
            auditLog.subjectId,
            db
              .select({ id: sql<string>`${membershipApplications.id}::text` })
              .from(membershipApplications)
              .where(eq(membershipApplications.groupId, groupId)),
          ),
        ),
        and(
          eq(auditLog.subjectType, "role_period"),
          inArray(
            auditLog.subjectId,
            db
              .select({ id: sql<string>`${rolePeriods.id}::text` })
              .from(rolePeriods)
              .where(eq(rolePeriods.groupId, groupId)),
          ),
        ),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(input.limit ?? 10_000);
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurredAt.toISOString(),
    actor: r.actor,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    before: r.before,
    after: r.after,
    cause: r.cause,
  }));
}
