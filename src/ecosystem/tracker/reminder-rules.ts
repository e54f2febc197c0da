/**
 * When subscribers of a package are reminded about an upcoming Django series, and what the reminder
 * says is missing for the package, from the tracker's evidence. Pure.
 */
import type { CompatVerdict } from "../compat/verdict.ts";
import type { ReleaseSeries } from "../releases/calendar.ts";
import type { TrackerDecision } from "./tracker-status.ts";

/** The milestones that remind subscribers. */
export const REMINDER_MILESTONES = ["alpha", "beta", "rc"] as const;
/** A milestone that reminds. */
export type ReminderMilestone = (typeof REMINDER_MILESTONES)[number];

/** Days after a milestone a reminder may still go out (a missed daily run catches up, once). */
export const REMINDER_GRACE_DAYS = 6;

/** A milestone whose reminders are due today. */
export interface DueReminder {
  series: string;
  milestone: ReminderMilestone;
  /** The milestone's date (announced or projected). */
  on: string;
  dateStatus: string;
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The alpha, beta and release candidate milestones due on `today`: dated (announced or projected),
 * on or before today and at most REMINDER_GRACE_DAYS before it. The outbox's key keeps each one once.
 */
export function remindersDue(calendar: readonly ReleaseSeries[], today: string): DueReminder[] {
  const out: DueReminder[] = [];
  for (const s of calendar) {
    for (const m of REMINDER_MILESTONES) {
      const ms = s.milestones[m];
      if (ms.date === null) continue;
      if (ms.date <= today && today <= addDays(ms.date, REMINDER_GRACE_DAYS)) {
        out.push({ series: s.series, milestone: m, on: ms.date, dateStatus: ms.status });
      }
    }
  }
  return out;
}

/** What is missing for a package on a series, in one sentence, from its tracker status and evidence. */
export function missingFor(decision: TrackerDecision, compat: CompatVerdict, classifier: string): string {
  switch (decision.status) {
    case "ready":
      return `nothing: its metadata says it supports Django ${compat.series} (${compat.reason})`;
    case "unknown":
      return "unknown: the package has not been synced from PyPI yet";
    case "in-progress":
      return `a release declaring "${classifier}"; work in progress at ${decision.link ?? "(no link)"}`;
    case "blocked":
      return `a release declaring "${classifier}"; blocked: ${decision.reason ?? "(no reason)"}`;
    default:
      return `a release declaring "${classifier}" (latest release: ${compat.reason})`;
  }
}
