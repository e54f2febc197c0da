/** Queries for admin-recorded Django milestone dates. */
import { asc } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { releaseMilestones } from "../../platform/db/schema.ts";
import { MILESTONE_KINDS, type MilestoneKind, type RecordedMilestone } from "./calendar.ts";

function isKind(v: string): v is MilestoneKind {
  return (MILESTONE_KINDS as readonly string[]).includes(v);
}

/** Every recorded milestone date, oldest record first. */
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
            date: r.date,
            recordedAt: r.recordedAt,
            recordedBy: r.recordedBy,
            note: r.note,
          },
        ]
      : [],
  );
}

/** Appends one recorded milestone date. */
export async function insertRecordedMilestone(db: Db, row: RecordedMilestone): Promise<void> {
  await db.insert(releaseMilestones).values({
    series: row.series,
    milestone: row.milestone,
    date: row.date,
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy,
    note: row.note,
  });
}
