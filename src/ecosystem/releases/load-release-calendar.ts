/** Loads the release calendar: the policy's projections with admin-recorded dates applied. */
import type { Db } from "../../platform/db/index.ts";
import { buildReleaseCalendar, type ReleaseSeries } from "./calendar.ts";
import { listRecordedMilestones } from "./release-milestones.repo.ts";

/** Builds the calendar through at least 2030 (further when the clock is later) with recorded dates. */
export async function loadReleaseCalendar(input: { db: Db; now: Date }): Promise<ReleaseSeries[]> {
  const recorded = await listRecordedMilestones(input.db);
  return buildReleaseCalendar({ recorded, throughYear: Math.max(2031, input.now.getUTCFullYear() + 4) });
}
