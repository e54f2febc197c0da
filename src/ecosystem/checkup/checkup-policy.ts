/** The checkup's support policy of a day, from the release calendar. Pure. */
import { adviseSupport, findSeries, type ReleaseSeries } from "../releases/calendar.ts";
import { type CheckupPolicy, policyFromAdvice } from "./run-rules.ts";

/** The policy the rules judge against on `today`. */
export function checkupPolicy(calendar: readonly ReleaseSeries[], today: string): CheckupPolicy {
  const advice = adviseSupport(calendar, today);
  const latest = advice.latest ? findSeries(calendar, advice.latest) : undefined;
  return policyFromAdvice(advice, latest?.python ?? []);
}
