/**
 * The editorial calendar's iCalendar feed, built with ical-generator: one event per scheduled or
 * published item at its time (30 minutes long), with a stable UID and a SEQUENCE that grows with
 * each recorded change of the item. Titles and channels only: bodies and drafts never reach it.
 */
import ical from "ical-generator";
import type { Channel } from "./content-kinds.ts";

/** What the feed says about one item. */
export interface FeedItem {
  id: number;
  title: string;
  channel: Channel;
  state: "scheduled" | "published";
  at: Date;
  sequence: number;
  updatedAt: Date;
}

/** Stable UID of an item's event: the same item always gets the same UID. */
export function itemUid(id: number): string {
  return `marketing-item-${id}@calendar.guildhall`;
}

/** Renders the feed; `pageUrl(item)` is an absolute address to link from the event. */
export function renderCalendarIcs(input: {
  name: string;
  items: readonly FeedItem[];
  pageUrl: (item: FeedItem) => string;
}): string {
  const cal = ical({
    name: input.name,
    prodId: { company: "Guildhall", product: "Editorial calendar", language: "EN" },
  });
  for (const item of input.items) {
    const url = input.pageUrl(item);
    cal.createEvent({
      id: itemUid(item.id),
      sequence: item.sequence,
      start: item.at,
      end: new Date(item.at.getTime() + 30 * 60_000),
      stamp: item.updatedAt,
      lastModified: item.updatedAt,
      summary: `${item.channel}: ${item.title}`,
      description: `${item.state === "published" ? "Published" : "Scheduled"} on ${item.channel}. ${url}`,
      url,
    });
  }
  return cal.toString();
}
