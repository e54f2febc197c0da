/** The shape every face (pages, JSON API, command line) shows of a meeting. */
import type { MeetingWithGroup } from "./meetings.repo.ts";
import { wallClockOf } from "./time-zones.ts";

/** A meeting as shown to anyone: no notes (they depend on who is looking). */
export interface MeetingSummary {
  id: number;
  uid: string;
  group: { slug: string; name: string };
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  localDate: string;
  localTime: string;
  durationMinutes: number;
  link: string | null;
  status: "scheduled" | "cancelled";
  sequence: number;
  notesPublished: boolean;
}

/** The summary of a meeting row. */
export function summaryOf(m: MeetingWithGroup): MeetingSummary {
  const w = wallClockOf(m.startsAt, m.timeZone);
  return {
    id: m.id,
    uid: m.uid,
    group: m.group,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000).toISOString(),
    timeZone: m.timeZone,
    localDate: w.date,
    localTime: w.time,
    durationMinutes: m.durationMinutes,
    link: m.link,
    status: m.status === "cancelled" ? "cancelled" : "scheduled",
    sequence: m.sequence,
    notesPublished: m.notesPublishedAt !== null,
  };
}
