/**
 * The editorial calendar's rules, pure: the period a view covers (a month grid or a week, in whole
 * weeks from Monday), the day an item sits on, clashes (two items on one channel in one slot: the
 * same UTC day) and gaps (a week of the period with nothing on a channel in use). Imports nothing
 * from the platform.
 */
import { dayOf } from "../kernel/rules.ts";
import type { Channel } from "./content-kinds.ts";

/** The two views. */
export const CALENDAR_VIEWS = ["month", "week"] as const;
/** A view of the calendar. */
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** Days before the period's first Monday in which a channel's item makes the channel "in use". */
export const IN_USE_DAYS = 28;

/** The day `n` days after `day` (YYYY-MM-DD, UTC calendar). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Monday = 0 ... Sunday = 6. */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The Monday of the week holding `day`. */
export function mondayOf(day: string): string {
  return addDays(day, -weekdayOf(day));
}

/** One week of a period: its Monday and its seven days. */
export interface Week {
  start: string;
  days: string[];
}

/** What a view covers. */
export interface Period {
  view: CalendarView;
  /** The day asked for. */
  date: string;
  /** The month (YYYY-MM) of a month view; null for a week. */
  month: string | null;
  /** First and last day shown (a Monday and a Sunday). */
  start: string;
  end: string;
  weeks: Week[];
  /** A day in the previous and the next period, for the links. */
  previous: string;
  next: string;
}

function daysFrom(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(start, i));
}

/**
 * The period of a view: a month's grid runs from the Monday on or before the 1st to the Sunday on or
 * after its last day; a week from Monday to Sunday.
 */
export function periodOf(view: CalendarView, date: string): Period {
  if (view === "week") {
    const start = mondayOf(date);
    return {
      view,
      date,
      month: null,
      start,
      end: addDays(start, 6),
      weeks: [{ start, days: daysFrom(start, 7) }],
      previous: addDays(start, -7),
      next: addDays(start, 7),
    };
  }
  const month = date.slice(0, 7);
  const first = `${month}-01`;
  const nextFirst = addDays(first, 32).slice(0, 7);
  const last = addDays(`${nextFirst}-01`, -1);
  const start = mondayOf(first);
  const end = addDays(mondayOf(last), 6);
  const weeks: Week[] = [];
  for (let w = start; w <= end; w = addDays(w, 7)) weeks.push({ start: w, days: daysFrom(w, 7) });
  return {
    view,
    date,
    month,
    start,
    end,
    weeks,
    previous: addDays(first, -1).slice(0, 7).concat("-01"),
    next: `${nextFirst}-01`,
  };
}

/** Whether `day` is a day of the period's own month (a month grid also shows its neighbours' days). */
export function inMonth(period: Period, day: string): boolean {
  return period.month === null || day.startsWith(period.month);
}

/** The dates that place an item. */
export interface Placeable {
  publishedAt: Date | null;
  scheduledFor: Date | null;
  plannedOn: string | null;
}

/**
 * The day an item sits on: when it was published, else when it is scheduled, else the day it is
 * planned for (UTC days); null when it has none of them (not on the calendar).
 */
export function placeOf(item: Placeable): string | null {
  if (item.publishedAt) return dayOf(item.publishedAt);
  if (item.scheduledFor) return dayOf(item.scheduledFor);
  return item.plannedOn;
}

/** An item on the calendar: its id, channel and day. */
export interface Entry {
  id: number;
  channel: Channel;
  day: string;
}

/** Two or more items on one channel on one day. */
export interface Clash {
  channel: Channel;
  day: string;
  ids: number[];
}

/** The clashes among the entries, by day then channel. */
export function clashesOf(entries: readonly Entry[]): Clash[] {
  const slots = new Map<string, Clash>();
  for (const e of entries) {
    const key = `${e.day} ${e.channel}`;
    const slot = slots.get(key) ?? { channel: e.channel, day: e.day, ids: [] };
    slot.ids.push(e.id);
    slots.set(key, slot);
  }
  return [...slots.values()]
    .filter((s) => s.ids.length > 1)
    .map((s) => ({ ...s, ids: [...s.ids].sort((a, b) => a - b) }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.channel.localeCompare(b.channel));
}

/** A week of the period with nothing on a channel in use. */
export interface Gap {
  channel: Channel;
  weekStart: string;
}

/**
 * Gaps: a channel is in use when it has an item from IN_USE_DAYS days before the period's first
 * Monday to the period's last day; each week of the period in which a channel in use has no item is
 * a gap. Also returns the empty weeks (nothing on any channel). `entries` may reach back that far;
 * entries outside the span are ignored.
 */
export function gapsOf(period: Period, entries: readonly Entry[]): { gaps: Gap[]; emptyWeeks: string[] } {
  const from = addDays(period.start, -IN_USE_DAYS);
  const inUse = new Set<Channel>();
  const filled = new Set<string>();
  for (const e of entries) {
    if (e.day < from || e.day > period.end) continue;
    inUse.add(e.channel);
    if (e.day >= period.start) filled.add(`${mondayOf(e.day)} ${e.channel}`);
  }
  const channels = [...inUse].sort();
  const gaps: Gap[] = [];
  const emptyWeeks: string[] = [];
  for (const w of period.weeks) {
    let any = false;
    for (const channel of channels) {
      if (filled.has(`${w.start} ${channel}`)) any = true;
      else gaps.push({ channel, weekStart: w.start });
    }
    if (!any) emptyWeeks.push(w.start);
  }
  return { gaps, emptyWeeks };
}

/** How far a campaign is: its items by state, and how many of those not archived are published. */
export interface CampaignProgress {
  /** Items not archived. */
  total: number;
  published: number;
  /** Whole percent of `total` published (0 when there is none). */
  percent: number;
  byState: Record<string, number>;
}

/** A campaign's progress from its items' states (archived items count in byState only). */
export function campaignProgress(states: readonly string[]): CampaignProgress {
  const byState: Record<string, number> = {};
  for (const s of states) byState[s] = (byState[s] ?? 0) + 1;
  const total = states.filter((s) => s !== "archived").length;
  const published = byState.published ?? 0;
  return { total, published, percent: total === 0 ? 0 : Math.floor((published * 100) / total), byState };
}
