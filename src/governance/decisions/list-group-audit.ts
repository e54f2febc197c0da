import { selectGroupAuditRows } from "./audit.repo.ts";
import type { DbOrTx } from "./decisions.repo.ts";

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
  const rows = await selectGroupAuditRows(db, groupId, input.limit ?? 10_000);
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
