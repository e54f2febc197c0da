/**
 * Reporting rules, pure (imports nothing from platform/): which groups report and how often (from
 * the parsed charter), each period's due date, what the reporting sweep records and on which day,
 * each period's state, and when a group is defunct (README: "misses two or more consecutive
 * reporting periods"). Days are YYYY-MM-DD strings in UTC.
 *
 * - Periods are calendar-aligned: months, pairs of months from January, quarters, halves, years.
 * - A report is due DUE_AFTER_PERIOD_DAYS days after its period ends (the Board needs the period
 *   finished to read about it). Tracking starts with the period in which Guildhall first knew the
 *   group (its first import): nothing is claimed about earlier periods.
 * - Events, each at most once per group, period and kind: `reminder-before` (REMIND_BEFORE_DAYS
 *   before the due date), `overdue` (the day after it), `reminder-after` (REMIND_AFTER_DAYS after
 *   it), `missed` (the day after the next period's due date: the next report is due and this one
 *   never came), `defunct` (the day a period is missed while the one before it was missed too).
 *   An event happens only when no report for the period was submitted before its day; a group
 *   is flagged once, and flagged again only after a Board decision cleared the flag.
 * - The Board's decision clears a defunct flag raised on or before its day: an exception also
 *   keeps new flags from being raised up to its end date; a shutdown stops every event after it.
 */

import type { Cadence } from "../charter/types.ts";
import { addDays, addMonths } from "../decisions/terms.ts";

/** Days after a period's last day on which its report is due. */
export const DUE_AFTER_PERIOD_DAYS = 14;
/** Days before the due date of the first reminder. */
export const REMIND_BEFORE_DAYS = 7;
/** Days after the due date of the second reminder. */
export const REMIND_AFTER_DAYS = 7;

/** Cadences with due dates, and their period length in months. */
export const PERIOD_MONTHS = {
  monthly: 1,
  "every-two-months": 2,
  quarterly: 3,
  "twice-yearly": 6,
  annual: 12,
} as const satisfies Partial<Record<Cadence, number>>;
/** A cadence with due dates. */
export type ScheduledCadence = keyof typeof PERIOD_MONTHS;

/** Kinds of event the sweep records, in the order they fall within a period. */
export const REPORT_EVENT_KINDS = [
  "reminder-before",
  "overdue",
  "reminder-after",
  "missed",
  "defunct",
] as const;
/** A kind of reporting event. */
export type ReportEventKind = (typeof REPORT_EVENT_KINDS)[number];

/** The states `reports due` gives a period. */
export const PERIOD_STATES = ["due", "overdue", "submitted", "missed"] as const;
/** A period's state on a day. */
export type PeriodState = (typeof PERIOD_STATES)[number];

/** How a group reports: on a schedule with due dates, or not (and why, in words). */
export type ReportingSchedule =
  | { kind: "scheduled"; cadence: ScheduledCadence; months: number }
  | { kind: "unscheduled"; cadence: Cadence | null; reason: string };

/** The charter fields the schedule is read from. */
export interface ScheduleCharter {
  status: string;
  reportingCadence: Cadence | null;
}

/** The group's reporting schedule, from its parsed charter. */
export function reportingSchedule(charter: ScheduleCharter): ReportingSchedule {
  const cadence = charter.reportingCadence;
  if (charter.status !== "active") {
    return {
      kind: "unscheduled",
      cadence,
      reason: `only active groups report; this group is ${charter.status}`,
    };
  }
  if (cadence !== null && cadence in PERIOD_MONTHS) {
    const c = cadence as ScheduledCadence;
    return { kind: "scheduled", cadence: c, months: PERIOD_MONTHS[c] };
  }
  const reason: Record<string, string> = {
    none: "the charter says the group does not produce reports",
    "as-needed":
      "the charter says the group reports as needed, so no report is ever due; one may be sent at any time",
    other: "unknown: the charter describes its reporting without a cadence Guildhall can date",
    weekly: "the charter says weekly; Guildhall schedules reports by months only, so no due dates are set",
    fortnightly:
      "the charter says fortnightly; Guildhall schedules reports by months only, so no due dates are set",
  };
  return {
    kind: "unscheduled",
    cadence,
    reason:
      cadence === null
        ? "unknown: the charter does not state a reporting cadence"
        : (reason[cadence] ?? cadence),
  };
}

/** A reporting period and the days that follow from it. */
export interface Period {
  /** First and last day. */
  start: string;
  end: string;
  /** The report's due date. */
  dueOn: string;
}

const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const firstOfMonth = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;

/** The period of `months` months (calendar-aligned from January) containing `day`. */
export function periodContaining(day: string, months: number): Period {
  const index = monthIndex(day);
  const year = Math.floor(index / 12) * 12;
  const startIndex = year + Math.floor((index - year) / months) * months;
  const start = firstOfMonth(startIndex);
  const end = addDays(addMonths(start, months), -1);
  return { start, end, dueOn: addDays(end, DUE_AFTER_PERIOD_DAYS) };
}

/** The period after `period`. */
export function nextPeriod(period: Period, months: number): Period {
  return periodContaining(addDays(period.end, 1), months);
}

/** A human name for a period: "2027-03", "2027 Q2", "2027 H1", "2027", "2027-01 to 2027-02". */
export function periodLabel(period: { start: string; end: string }): string {
  const months = monthIndex(period.end) - monthIndex(period.start) + 1;
  const year = period.start.slice(0, 4);
  const m = Number(period.start.slice(5, 7));
  if (months === 1) return period.start.slice(0, 7);
  if (months === 3) return `${year} Q${(m - 1) / 3 + 1}`;
  if (months === 6) return `${year} H${(m - 1) / 6 + 1}`;
  if (months === 12) return year;
  return `${period.start.slice(0, 7)} to ${period.end.slice(0, 7)}`;
}

/** The Board's decision about a defunct flag. */
export interface BoardDecision {
  kind: "exception" | "shutdown";
  decidedOn: string;
  /** Last day of an exception; null for a shutdown. */
  endsOn: string | null;
}

/** One event the rules give a period. */
export interface ReportEvent {
  periodStart: string;
  kind: ReportEventKind;
  on: string;
}

/** What the rules read: the schedule, where tracking starts, the reports sent, the Board's decisions. */
export interface ReportingFacts {
  months: number;
  /** The first day Guildhall knew the group; its period is the first tracked. */
  trackedFrom: string;
  /** Day each report was submitted, by its period's first day. */
  submitted: ReadonlyMap<string, string>;
  decisions: readonly BoardDecision[];
}

const sentBefore = (facts: ReportingFacts, period: Period, day: string) => {
  const on = facts.submitted.get(period.start);
  return on !== undefined && on < day;
};

const shutDownBy = (facts: ReportingFacts, day: string) =>
  facts.decisions.some((d) => d.kind === "shutdown" && d.decidedOn <= day);

const exceptionCovers = (facts: ReportingFacts, day: string) =>
  facts.decisions.some(
    (d) => d.kind === "exception" && d.decidedOn <= day && d.endsOn !== null && day <= d.endsOn,
  );

/** The day a period counts as missed: the day after the next period's due date. */
export function missedOn(period: Period, months: number): string {
  return addDays(nextPeriod(period, months).dueOn, 1);
}

/** The tracked periods whose first day is on or before `day`, oldest first. */
export function trackedPeriods(facts: Pick<ReportingFacts, "months" | "trackedFrom">, day: string): Period[] {
  const out: Period[] = [];
  for (
    let p = periodContaining(facts.trackedFrom, facts.months);
    p.start <= day;
    p = nextPeriod(p, facts.months)
  ) {
    out.push(p);
  }
  return out;
}

/**
 * Every event the rules give up to and including `through`, by day then kind. The sweep records
 * those not yet recorded; run each day, it records each on its own day.
 */
export function reportEvents(facts: ReportingFacts, through: string): ReportEvent[] {
  const { months } = facts;
  const events: ReportEvent[] = [];
  // A period may be missed up to about two periods after it starts: look back far enough.
  const periods = trackedPeriods(facts, through);
  let previous: Period | null = null;
  let standing: string | null = null;
  for (const period of periods) {
    const candidates: Array<[ReportEventKind, string]> = [
      ["reminder-before", addDays(period.dueOn, -REMIND_BEFORE_DAYS)],
      ["overdue", addDays(period.dueOn, 1)],
      ["reminder-after", addDays(period.dueOn, REMIND_AFTER_DAYS)],
      ["missed", missedOn(period, months)],
    ];
    for (const [kind, on] of candidates) {
      if (on > through || sentBefore(facts, period, on) || shutDownBy(facts, on)) continue;
      events.push({ periodStart: period.start, kind, on });
    }
    const on = missedOn(period, months);
    // A flag stands until a Board decision on or after its day: no second flag while one stands.
    const flag = standing;
    if (flag !== null && facts.decisions.some((d) => d.decidedOn >= flag && d.decidedOn <= on))
      standing = null;
    if (
      standing === null &&
      previous !== null &&
      on <= through &&
      !sentBefore(facts, period, on) &&
      !sentBefore(facts, previous, missedOn(previous, months)) &&
      !shutDownBy(facts, on) &&
      !exceptionCovers(facts, on)
    ) {
      events.push({ periodStart: period.start, kind: "defunct", on });
      standing = on;
    }
    previous = period;
  }
  const order = (k: ReportEventKind) => REPORT_EVENT_KINDS.indexOf(k);
  return events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : order(a.kind) - order(b.kind)));
}

/** A period's state on `day`. */
export function periodState(facts: ReportingFacts, period: Period, day: string): PeriodState {
  const sent = facts.submitted.get(period.start);
  if (sent !== undefined && sent <= day) return "submitted";
  if (day <= period.dueOn) return "due";
  return day < missedOn(period, facts.months) ? "overdue" : "missed";
}

/** Whether the group stands flagged defunct on `day`, and since when (the flag's day), or null. */
export function defunctSince(facts: ReportingFacts, day: string): string | null {
  const flags = reportEvents(facts, day).filter((e) => e.kind === "defunct");
  const last = flags[flags.length - 1];
  if (!last) return null;
  const cleared = facts.decisions.some((d) => d.decidedOn >= last.on && d.decidedOn <= day);
  return cleared ? null : last.on;
}

/**
 * The periods `reports due` lists on `day`: the last two that have ended (the report now due or
 * overdue, and the one before it, for a missed pair), or the one in progress when none has ended.
 */
export function periodsDue(facts: ReportingFacts, day: string): Period[] {
  const periods = trackedPeriods(facts, day);
  const ended = periods.filter((p) => p.end < day);
  if (ended.length === 0) return periods.slice(-1);
  return ended.slice(-2);
}
