/** Loads the release calendar: the policy's projections with admin-recorded dates applied. */
import type { Db } from "../../platform/db/index.ts";
import { type Provenance, provenance } from "../../platform/view/provenance.tsx";
import { buildReleaseCalendar, isoDay, type RecordedMilestone, type ReleaseSeries } from "./calendar.ts";
import { listRecordedMilestones } from "./release-milestones.repo.ts";

/** How far ahead the calendar projects calendar-versioned series on `now`. */
export function calendarThroughYear(now: Date): number {
  return Math.max(2031, now.getUTCFullYear() + 4);
}

/** Builds the calendar for the day of `now` from the given records and removals. */
export function calendarFrom(now: Date, recorded: readonly RecordedMilestone[]): ReleaseSeries[] {
  return buildReleaseCalendar({ today: isoDay(now), recorded, throughYear: calendarThroughYear(now) });
}

/** Builds the calendar through at least 2031 (further when the clock is later) with recorded dates. */
export async function loadReleaseCalendar(input: { db: Db; now: Date }): Promise<ReleaseSeries[]> {
  return calendarFrom(input.now, await listRecordedMilestones(input.db));
}

/** Where the calendar comes from and when it was worked out (each announced date also links its own source). */
export function calendarProvenance(now: Date): Provenance {
  return provenance(
    "Django's announcements (each announced date links its source), dates recorded by site admins, and projections from DEP 4 and DEP 20",
    "computed",
    now,
  );
}
