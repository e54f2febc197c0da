/** Records an announced milestone date for a series; it then overrides the projection. */
import { z } from "zod";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { Day, oneOf, optionalText, text } from "../../platform/validation.ts";
import { buildReleaseCalendar, findSeries, MILESTONE_KINDS, type RecordedMilestone } from "./calendar.ts";
import { insertRecordedMilestone } from "./release-milestones.repo.ts";

/** What an admin records: the series, the milestone, a real calendar day, and where it was announced. */
export const RecordMilestoneInputSchema = z.object({
  series: text({ max: 20 }),
  milestone: oneOf(MILESTONE_KINDS),
  date: Day,
  note: optionalText({ max: 500 }),
});

const Input = RecordMilestoneInputSchema.extend({ recordedBy: text({ max: 200 }) });

/** What to record. */
export interface RecordMilestoneInput {
  db: Db;
  clock: Clock;
  series: string;
  milestone: string;
  date: string;
  recordedBy: string;
  note?: string | null | undefined;
}

/** Validates and appends the recorded date; bad input changes nothing and names the field. */
export async function recordMilestone(input: RecordMilestoneInput): Promise<RecordedMilestone> {
  const parsed = Input.safeParse(input);
  if (!parsed.success) throw validationError("milestone record", parsed.error.issues);
  const v = parsed.data;
  const now = input.clock.now();
  const calendar = buildReleaseCalendar({ throughYear: Math.max(2031, now.getUTCFullYear() + 4) });
  if (!findSeries(calendar, v.series)) {
    throw new AppError("validation", {
      message: `Invalid milestone record: series: unknown Django series "${v.series}" (known: ${calendar.map((s) => s.series).join(", ")})`,
      issues: [{ field: "series", message: `unknown Django series "${v.series}"` }],
    });
  }
  const row: RecordedMilestone = {
    series: v.series,
    milestone: v.milestone,
    date: v.date,
    recordedAt: now,
    recordedBy: v.recordedBy,
    note: v.note,
  };
  await insertRecordedMilestone(input.db, row);
  return row;
}
