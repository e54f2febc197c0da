/**
 * Each group's reporting as of a day: its schedule, the periods `reports due` lists with their
 * state and due date, and the defunct flag. Read-only; the same answer the sweep acts on.
 */
import type { DbOrTx, ReportGroup } from "./reports.repo.ts";
import { selectFacts, selectReportGroups } from "./reports.repo.ts";
import {
  defunctSince,
  type PeriodState,
  periodLabel,
  periodState,
  periodsDue,
  type ReportingFacts,
  type ReportingSchedule,
  reportingSchedule,
} from "./schedule.ts";

/** One period as `reports due` prints it. */
export interface DueRow {
  group: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  state: PeriodState;
  defunct: boolean;
}

/** A group's reporting on a day. */
export interface GroupReporting {
  group: { id: number; slug: string; name: string };
  schedule: ReportingSchedule;
  /** The first day reports are tracked (null: unscheduled, or the sweep has not seen the group yet: today). */
  trackedFrom: string | null;
  periods: DueRow[];
  /** The day the group was flagged defunct, while no Board decision has followed; null otherwise. */
  defunctSince: string | null;
  facts: ReportingFacts | null;
}

/** The facts the rules read for a scheduled group; tracking not yet recorded counts from `today`. */
export function factsOf(
  group: ReportGroup,
  months: number,
  today: string,
  known: { submitted: Map<string, string>; decisions: ReportingFacts["decisions"] } | undefined,
): ReportingFacts {
  const current = group.tracking && group.tracking.cadence === group.reportingCadence ? group.tracking : null;
  return {
    months,
    trackedFrom: current?.trackedFrom ?? today,
    submitted: known?.submitted ?? new Map(),
    decisions: known?.decisions ?? [],
  };
}

/** Every group's reporting (or one group's) on `day`; `today` is when tracking not yet recorded starts. */
export async function groupReporting(input: {
  db: DbOrTx;
  day: string;
  today: string;
  slug?: string;
}): Promise<GroupReporting[]> {
  const list = await selectReportGroups(input.db, input.slug);
  const facts = await selectFacts(
    input.db,
    list.map((g) => g.id),
  );
  return list.map((g) => {
    const schedule = reportingSchedule({ status: g.status, reportingCadence: g.reportingCadence });
    const group = { id: g.id, slug: g.slug, name: g.name };
    if (schedule.kind !== "scheduled") {
      return { group, schedule, trackedFrom: null, periods: [], defunctSince: null, facts: null };
    }
    const f = factsOf(g, schedule.months, input.today, facts.get(g.id));
    const since = defunctSince(f, input.day);
    return {
      group,
      schedule,
      trackedFrom: f.trackedFrom,
      defunctSince: since,
      facts: f,
      periods: periodsDue(f, input.day).map((p) => ({
        group: g.slug,
        period: periodLabel(p),
        periodStart: p.start,
        periodEnd: p.end,
        dueOn: p.dueOn,
        state: periodState(f, p, input.day),
        defunct: since !== null,
      })),
    };
  });
}
