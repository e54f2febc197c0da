/**
 * Removes a recorded milestone date: appends a removal to the same history recording writes (who,
 * when, why), so the calendar falls back to the announced or projected date. Refused when nothing
 * is recorded, or when the date it falls back to would put the series' milestones out of order.
 */
import type { AuditActor } from "../../kernel/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import {
  checkMilestoneOrder,
  describeMilestoneDate,
  latestRecords,
  MILESTONE_SHORT,
  type RecordedMilestone,
} from "./calendar.ts";
import { calendarFrom } from "./load-release-calendar.ts";
import { MilestoneRef, milestoneRow, seriesOrRefuse, storeMilestoneRow } from "./record-milestone.ts";
import { listRecordedMilestones, withMilestoneLock } from "./release-milestones.repo.ts";

/** What to remove, by whom and why. */
export interface RemoveMilestoneInput {
  db: Db;
  clock: Clock;
  series: string;
  milestone: string;
  removedBy: string;
  /** Who removes it, for the audit log (the account when known; else `removedBy` as a label). */
  by?: AuditActor;
  /** Why it is removed (kept in the history). */
  note?: string | undefined;
}

/** Appends the removal and returns it; bad input changes nothing and names the field. */
export async function removeMilestone(input: RemoveMilestoneInput): Promise<RecordedMilestone> {
  const parsed = MilestoneRef.safeParse({ ...input, recordedBy: input.removedBy });
  if (!parsed.success) throw validationError("milestone removal", parsed.error.issues);
  const v = parsed.data;
  const now = input.clock.now();
  return withMilestoneLock(input.db, async (tx) => {
    const history = await listRecordedMilestones(tx);
    seriesOrRefuse(calendarFrom(now, history), v.series, "milestone removal");
    const current = latestRecords(history).get(`${v.series}|${v.milestone}`);
    if (current?.action !== "record") {
      const message = `no recorded date for the ${MILESTONE_SHORT[v.milestone]} of Django ${v.series} to remove`;
      throw new AppError("validation", {
        message: `Invalid milestone removal: milestone: ${message}`,
        issues: [{ field: "milestone", message }],
      });
    }
    const row = milestoneRow(v, "remove", null, now);
    const after = seriesOrRefuse(calendarFrom(now, [...history, row]), v.series, "milestone removal");
    const fallback = after.milestones[v.milestone];
    const problem = fallback.date === null ? null : checkMilestoneOrder(after, v.milestone, fallback.date);
    if (problem && fallback.date !== null) {
      const other = after.milestones[problem.conflictsWith];
      const message = `removing it would bring back its ${fallback.status} date ${fallback.date}, out of order with the ${MILESTONE_SHORT[other.kind]} (${describeMilestoneDate(other)}${other.recorded ? ", recorded" : ""}); record the right date instead, or change that one first`;
      throw new AppError("validation", {
        message: `Invalid milestone removal: milestone: ${message}`,
        issues: [{ field: "milestone", message }],
      });
    }
    await storeMilestoneRow(tx, row, input.by, current);
    return row;
  });
}
