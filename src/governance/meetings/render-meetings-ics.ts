/**
 * iCalendar feeds of meetings, built with ical-generator: each event keeps its stable UID, carries
 * its SEQUENCE and STATUS (CANCELLED once cancelled), and is written in the meeting's own time zone
 * (TZID) with a VTIMEZONE for every zone used. Notes are never written into a feed.
 */
import ical, { ICalEventStatus } from "ical-generator";
import { wallClockOf } from "./time-zones.ts";
import { vtimezone } from "./vtimezone.ts";

/** What a feed says about one meeting. */
export interface FeedMeeting {
  id: number;
  uid: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  link: string | null;
  status: "scheduled" | "cancelled";
  sequence: number;
  updatedAt: Date;
  group: { slug: string; name: string };
}

/**
 * The wall clock of `instant` in `timeZone` as a Date whose UTC fields are that wall clock: what
 * ical-generator writes after TZID= when an event has a time zone.
 */
function floating(instant: Date, timeZone: string): Date {
  const w = wallClockOf(instant, timeZone);
  return new Date(`${w.date}T${w.time}:${String(w.second).padStart(2, "0")}Z`);
}

/** Renders the feed; `pageUrl(m)` is the absolute address of a meeting's page. */
export function renderMeetingsIcs(input: {
  name: string;
  meetings: readonly FeedMeeting[];
  pageUrl: (m: FeedMeeting) => string;
}): string {
  const years = input.meetings.map((m) => m.startsAt.getUTCFullYear());
  const from = Math.min(...years, 9999) - 1;
  const to = Math.max(...years, 0) + 1;
  const cal = ical({
    name: input.name,
    prodId: { company: "Guildhall", product: "Group meetings", language: "EN" },
  });
  cal.timezone({ name: null, generator: (tz) => vtimezone(tz, from, to) });
  for (const m of input.meetings) {
    const ends = new Date(m.startsAt.getTime() + m.durationMinutes * 60_000);
    const utc = m.timeZone === "UTC";
    const url = input.pageUrl(m);
    cal.createEvent({
      id: m.uid,
      sequence: m.sequence,
      start: utc ? m.startsAt : floating(m.startsAt, m.timeZone),
      end: utc ? ends : floating(ends, m.timeZone),
      ...(utc ? {} : { timezone: m.timeZone }),
      stamp: m.updatedAt,
      lastModified: m.updatedAt,
      summary: `${m.group.name}: ${m.title}${m.status === "cancelled" ? " (cancelled)" : ""}`,
      description: `${m.status === "cancelled" ? "Cancelled. " : ""}Agenda and public notes: ${url}${m.link ? `\nJoin: ${m.link}` : ""}`,
      location: m.link,
      url,
      status: m.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
