import { type ReleaseSeries, seriesPhase } from "./calendar.ts";

/** The JSON form of one series (milestones keyed by kind, with status and rule) plus its phase today. */
export function seriesJson(s: ReleaseSeries, today: string) {
  return { ...s, phase: seriesPhase(s, today) };
}
