/** Checks a source tree or metadata file on disk: reads it, then runs the rules against the day's policy. */
import type { Clock } from "../../platform/clock.ts";
import { buildReleaseCalendar, isoDay } from "../releases/calendar.ts";
import { checkupPolicy } from "./checkup-policy.ts";
import { readCheckupSource } from "./read-source.ts";
import { runRules, summaryFacts } from "./run-rules.ts";
import type { CheckupReport } from "./types.ts";

/**
 * The checkup of one path. The calendar is the policy's own (dates recorded by admins live in the
 * database, which the command line does not open for a checkup).
 */
export async function runCheckup(input: {
  target: string;
  clock: Clock;
}): Promise<CheckupReport & { problems: Array<{ file: string; message: string }> }> {
  const facts = await readCheckupSource(input.target);
  const today = isoDay(input.clock.now());
  const policy = checkupPolicy(buildReleaseCalendar({ today }), today);
  return {
    path: input.target,
    kind: facts.kind,
    today,
    ...summaryFacts(facts),
    results: runRules(facts, policy),
    problems: facts.unreadable,
  };
}
