/** Records an announced milestone date for a series; it then overrides the projection. */
import { z } from "zod";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { buildReleaseCalendar, findSeries, MILESTONE_KINDS, type RecordedMilestone } from "./calendar.ts";
import { insertRecordedMilestone } from "./release-milestones.repo.ts";

const Input = z.object({
  series: z.string().trim().min(1, "is required"),
  milestone: z.enum(MILESTONE_KINDS, { message: `must be one of ${MILESTONE_KINDS.join(", ")}` }),
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
  recordedBy: z.string().trim().min(1, "is required"),
  note: z.string().trim().optional(),
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
    note: v.note && v.note !== "" ? v.note : null,
  };
  await insertRecordedMilestone(input.db, row);
  return row;
}
