/**
 * Records an announced milestone date for a series; it then overrides the calendar's date. The
 * date must keep the series' milestones in order against the effective calendar.
 */

import { z } from "zod";
import { type AuditActor, appendAudit } from "../../kernel/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { Day, oneOf, optionalText, text } from "../../platform/validation.ts";
import {
  checkMilestoneOrder,
  findSeries,
  MILESTONE_KINDS,
  type RecordedMilestone,
  type ReleaseSeries,
} from "./calendar.ts";
import { calendarFrom } from "./load-release-calendar.ts";
import {
  insertRecordedMilestone,
  listRecordedMilestones,
  withMilestoneLock,
} from "./release-milestones.repo.ts";

/** The series and milestone fields shared by recording and removing, and where it was announced. */
export const MilestoneRefSchema = z.object({
  series: text({ max: 20 }),
  milestone: oneOf(MILESTONE_KINDS),
  note: optionalText({ max: 500 }),
});

/** What an admin records: the series, the milestone, a real calendar day, and where it was announced. */
export const RecordMilestoneInputSchema = MilestoneRefSchema.extend({ date: Day });

/** The series and milestone fields with who acts, shared by recording and removing. */
export const MilestoneRef = MilestoneRefSchema.extend({ recordedBy: text({ max: 200 }) });

const Input = RecordMilestoneInputSchema.extend({ recordedBy: text({ max: 200 }) });

/** What to record. */
export interface RecordMilestoneInput {
  db: Db;
  clock: Clock;
  series: string;
  milestone: string;
  date: string;
  recordedBy: string;
  /** Who records it, for the audit log (the account when known; else `recordedBy` as a label). */
  by?: AuditActor;
  note?: string | null | undefined;
}

/** Finds the series in the calendar or refuses the `series` field, listing the known ones. */
export function seriesOrRefuse(
  calendar: readonly ReleaseSeries[],
  series: string,
  what: string,
): ReleaseSeries {
  const found = findSeries(calendar, series);
  if (found) return found;
  throw new AppError("validation", {
    message: `Invalid ${what}: series: unknown Django series "${series}" (known: ${calendar.map((s) => s.series).join(", ")})`,
    issues: [{ field: "series", message: `unknown Django series "${series}"` }],
  });
}

/** One entry of a series' milestone history: a recorded date or the removal of one. */
export function milestoneRow(
  v: z.infer<typeof MilestoneRef>,
  action: RecordedMilestone["action"],
  date: string | null,
  now: Date,
): RecordedMilestone {
  return {
    series: v.series,
    milestone: v.milestone,
    action,
    date,
    recordedAt: now,
    recordedBy: v.recordedBy,
    note: v.note && v.note !== "" ? v.note : null,
  };
}

/**
 * Appends an entry to the milestone history and to the audit log (`release-milestone.record` or
 * `.remove`), by the account when known, else by `recordedBy` as a label.
 */
export async function storeMilestoneRow(
  tx: Db,
  row: RecordedMilestone,
  by: AuditActor | undefined,
  before?: RecordedMilestone,
): Promise<void> {
  await insertRecordedMilestone(tx, row);
  await appendAudit(tx, {
    by: by ?? { userId: null, label: row.recordedBy },
    at: row.recordedAt,
    action: `release-milestone.${row.action}`,
    subjectType: "release-series",
    subjectId: row.series,
    before,
    after: row,
    cause: row.note ?? "",
  });
}

/** Validates and appends the recorded date; bad input changes nothing and names the field. */
export async function recordMilestone(input: RecordMilestoneInput): Promise<RecordedMilestone> {
  const parsed = Input.safeParse(input);
  if (!parsed.success) throw validationError("milestone record", parsed.error.issues);
  const v = parsed.data;
  const now = input.clock.now();
  return withMilestoneLock(input.db, async (tx) => {
    const series = seriesOrRefuse(
      calendarFrom(now, await listRecordedMilestones(tx)),
      v.series,
      "milestone record",
    );
    const problem = checkMilestoneOrder(series, v.milestone, v.date);
    if (problem) {
      throw new AppError("validation", {
        message: `Invalid milestone record: date: ${problem.message}`,
        issues: [{ field: problem.field, message: problem.message }],
      });
    }
    const row = milestoneRow(v, "record", v.date, now);
    await storeMilestoneRow(tx, row, input.by);
    return row;
  });
}
