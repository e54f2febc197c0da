/** iCalendar feeds of Django release milestones (all series, or one), built with ical-generator. */
import ical from "ical-generator";
import { addDays, MILESTONE_LABELS, type ReleaseSeries } from "./calendar.ts";

/** Stable UID of one milestone event: the same series and milestone always get the same UID. */
export function milestoneUid(series: string, kind: string): string {
  return `django-${series}-${kind}@releases.guildhall`;
}

/**
 * Renders an .ics with one all-day event per dated milestone; projected dates say so in summary and
 * description, announced ones give their source; milestones not recorded have no event.
 */
export function renderCalendarIcs(input: {
  calendar: readonly ReleaseSeries[];
  /** Absolute URL of the calendar page, linked from each event. */
  pageUrl: string;
  now: Date;
  name: string;
}): string {
  const cal = ical({
    name: input.name,
    prodId: { company: "Guildhall", product: "Django releases", language: "EN" },
    url: input.pageUrl,
  });
  for (const s of input.calendar) {
    for (const m of Object.values(s.milestones)) {
      // A past date nobody recorded is not a fact: no event rather than a guessed day.
      if (m.date === null) continue;
      const projected = m.status === "projected";
      cal.createEvent({
        id: milestoneUid(s.series, m.kind),
        start: new Date(`${m.date}T00:00:00Z`),
        end: new Date(`${addDays(m.date, 1)}T00:00:00Z`),
        allDay: true,
        stamp: input.now,
        summary: `Django ${s.series}${s.lts ? " LTS" : ""}: ${MILESTONE_LABELS[m.kind]}${projected ? " (projected)" : ""}`,
        description: `${projected ? "Projected date, not announced" : "Announced date"}: ${m.rule}${m.source ? ` (source: ${m.source})` : ""}.`,
        url: input.pageUrl,
      });
    }
  }
  return cal.toString();
}
