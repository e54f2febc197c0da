/**
 * Membership terms from a charter: when a term ends, when to remind, when it lapses. Pure:
 * imports nothing from platform/. Dates are calendar days as "YYYY-MM-DD" (UTC).
 */
import { dayOf } from "../../kernel/rules.ts";

/** The term rules a charter sets: a length in months, a fixed yearly window, or neither. */
export interface TermRule {
  termMonths: number | null;
  /** A fixed yearly window such as { start: "04-01", end: "03-31" }. */
  termWindow: { start: string; end: string } | null;
}

const DAY_MS = 86_400_000;

function parseDay(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`expected a date as YYYY-MM-DD, got "${day}"`);
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || dayOf(d) !== day) throw new RangeError(`not a calendar date: "${day}"`);
  return d;
}

/** Adds whole days to a calendar day. */
export function addDays(day: string, days: number): string {
  return dayOf(new Date(parseDay(day).getTime() + days * DAY_MS));
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);
}

/** Adds calendar months; the 31st becomes the last day of a shorter month. */
export function addMonths(day: string, months: number): string {
  const d = parseDay(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return dayOf(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))));
}

/**
 * The day a term that starts on `startedOn` ends, or null when the charter sets no term. Like
 * role periods' `ended_on` the day is exclusive: the member holds the role up to the day before.
 * A fixed window ends the day after the first window end on or after the start (joining on 1
 * October in an April-March window ends on the next 1 April).
 */
export function termEndsOn(input: { startedOn: string; rule: TermRule }): string | null {
  const { startedOn, rule } = input;
  if (rule.termWindow) {
    const start = parseDay(startedOn);
    const year = start.getUTCFullYear();
    for (const y of [year, year + 1]) {
      const candidate = `${y}-${rule.termWindow.end}`;
      if (candidate >= startedOn) return addDays(candidate, 1);
    }
    return null;
  }
  if (rule.termMonths) return addMonths(startedOn, rule.termMonths);
  return null;
}

/** The end of the next term after one that ends on `currentEndsOn` (renewal). */
export function renewedTermEndsOn(input: { currentEndsOn: string; rule: TermRule }): string | null {
  return termEndsOn({ startedOn: input.currentEndsOn, rule: input.rule });
}

/** Reminder thresholds in days before the end of a term, largest first. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [30, 7];

/**
 * Which reminder is due today for a term ending on `termEndsOn`: the smallest threshold already
 * reached that has not been sent, or null. Returns null once the term has ended.
 */
export function reminderDue(input: {
  today: string;
  termEndsOn: string;
  thresholds: readonly number[];
  alreadySent: readonly number[];
}): number | null {
  const left = daysBetween(input.today, input.termEndsOn);
  if (left <= 0) return null;
  const reached = input.thresholds.filter((t) => left <= t).sort((a, b) => a - b);
  const smallest = reached[0];
  if (smallest === undefined) return null;
  // One reminder per sweep: the most urgent one. Larger thresholds passed meanwhile are skipped.
  return input.alreadySent.includes(smallest) ? null : smallest;
}

/** True when a term ending on `termEndsOn` (exclusive) has lapsed by `today`. */
export function termHasLapsed(input: { today: string; termEndsOn: string }): boolean {
  return input.today >= input.termEndsOn;
}

/** True when a member may opt in to renew today: within the largest reminder window, not lapsed. */
export function renewalOpen(input: { today: string; termEndsOn: string; windowDays: number }): boolean {
  const left = daysBetween(input.today, input.termEndsOn);
  return left > 0 && left <= input.windowDays;
}
