/**
 * Records an announced milestone date for a series; it then overrides the calendar's date. The
 * date must keep the series' milestones in order against the effective calendar.
 */
import { z } from "zod";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError, validationError } from "../../platform/errors.ts";
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

/** The series and milestone fields shared by recording and removing. */
export const MilestoneRef = z.object({
  series: z.string().trim().min(1, "is required").max(20, "is at most 20 characters"),
  milestone: z.enum(MILESTONE_KINDS, { message: `must be one of ${MILESTONE_KINDS.join(", ")}` }),
  recordedBy: z.string().trim().min(1, "is required"),
  // The database's text cannot hold NUL, and a note is a link or a sentence, not a document.
  note: z
    .string()
    .trim()
    .max(500, "is at most 500 characters")
    .refine((v) => !v.includes("\u0000"), "must not contain NUL characters")
    .optional(),
});

const Input = MilestoneRef.extend({
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
    .refine(
      (d) =>
        !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      {
        message: "is not a real calendar date",
      },
    ),
});

/** What to record. */
export interface RecordMilestoneInput {
  db: Db;
  clock: Clock;
  series: string;
  milestone: string;
  date: string;
  recordedBy: string;
  note?: string | undefined;
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
    const row: RecordedMilestone = {
      series: v.series,
      milestone: v.milestone,
      action: "record",
      date: v.date,
      recordedAt: now,
      recordedBy: v.recordedBy,
      note: v.note && v.note !== "" ? v.note : null,
    };
    await insertRecordedMilestone(tx, row);
    return row;
  });
}
