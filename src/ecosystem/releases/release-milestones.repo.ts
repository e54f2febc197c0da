/** Queries for admin-recorded Django milestone dates and their removals (an append-only history). */
import { asc, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { releaseMilestones } from "../../platform/db/schema.ts";
import { MILESTONE_KINDS, type MilestoneKind, type RecordedMilestone } from "./calendar.ts";

function isKind(v: string): v is MilestoneKind {
  return (MILESTONE_KINDS as readonly string[]).includes(v);
}

/** Every record and removal, oldest first. */
export async function listRecordedMilestones(db: Db): Promise<RecordedMilestone[]> {
  const rows = await db
    .select()
    .from(releaseMilestones)
    .orderBy(asc(releaseMilestones.recordedAt), asc(releaseMilestones.id));
  return rows.flatMap((r) =>
    isKind(r.milestone)
      ? [
          {
            series: r.series,
            milestone: r.milestone,
            action: r.action === "remove" ? ("remove" as const) : ("record" as const),
            date: r.date,
            recordedAt: r.recordedAt,
            recordedBy: r.recordedBy,
            note: r.note,
          },
        ]
      : [],
  );
}

/** Appends one record or removal. */
export async function insertRecordedMilestone(db: Db, row: RecordedMilestone): Promise<void> {
  await db.insert(releaseMilestones).values({
    series: row.series,
    milestone: row.milestone,
    action: row.action,
    date: row.date,
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy,
    note: row.note,
  });
}

/**
 * Runs `work` in a transaction that holds the milestone lock: records and removals are checked
 * against the calendar they will change, so two at once must not both pass on the same old state.
 */
export async function withMilestoneLock<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('release_milestones'))`);
    return work(tx);
  });
}
