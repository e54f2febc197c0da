/**
 * The audit log: who did what, when, with the state before and after and the cause. Rows are only
 * appended (a trigger refuses UPDATE and DELETE); every room writes through `appendAudit` in the
 * transaction of the change, with an action of a kind its policy registration names.
 */
import { and, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";

const { auditLog } = schema;

/** Who did something, for the audit log: an account, or the command line. */
export interface AuditActor {
  userId: number | null;
  label: string;
}

/** The command line as an audit actor. */
export const CLI_ACTOR: AuditActor = { userId: null, label: "cli" };

/** An account acting for itself (signing up, claiming a person), as the audit log names it. */
export function selfActor(userId: number): AuditActor {
  return { userId, label: `user:${userId}` };
}

/** Appends one entry to the audit log (never updated or deleted). */
export async function appendAudit(
  db: Db | Tx,
  entry: {
    by: AuditActor;
    at: Date;
    action: string;
    subjectType: string;
    subjectId: string | number;
    before?: unknown;
    after?: unknown;
    cause?: string;
  },
): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: entry.by.userId,
    actor: entry.by.label,
    occurredAt: entry.at,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: String(entry.subjectId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    cause: entry.cause ?? "",
  });
}

/** The audit entries about one subject, newest first. */
export async function auditFor(db: Db | Tx, subjectType: string, subjectId: string | number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, subjectType), eq(auditLog.subjectId, String(subjectId))))
    .orderBy(desc(auditLog.id));
}
