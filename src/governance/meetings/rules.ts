/**
 * The rules of meetings: who sees which part of the notes, which action items are carried to a
 * meeting's agenda, which meeting is the next one, and the date the charter's cadence suggests.
 * Pure: imports nothing from platform/.
 */
import type { Cadence } from "../charter/types.ts";
import { STEP } from "./next-meeting.ts";

/** A meeting's notes as stored. */
export interface StoredNotes {
  publicNotes: string | null;
  privateNotes: string | null;
  notesPublishedAt: Date | null;
}

/** The notes one visitor may read: a part they may not see is null, never an empty string. */
export interface VisibleNotes {
  /** The public part: everyone once published; the group, the Board and the Steering Council always. */
  public: string | null;
  /** The private part: the group, the Board and the Steering Council only. */
  private: string | null;
  published: boolean;
  /** True when this visitor was shown the private part (or would be, once written). */
  full: boolean;
}

/**
 * What a visitor reads of a meeting's notes. `seesPrivate` is the policy's answer for
 * `meeting.view-private-notes` (the group's participants, the Board, the Steering Council).
 */
export function visibleNotes(notes: StoredNotes, seesPrivate: boolean): VisibleNotes {
  const published = notes.notesPublishedAt !== null;
  return {
    public: seesPrivate || published ? notes.publicNotes : null,
    private: seesPrivate ? notes.privateNotes : null,
    published,
    full: seesPrivate,
  };
}

/** An action item, with the start of the meeting that raised it. */
export interface ActionItemFacts {
  meetingId: number;
  raisedAt: Date;
  doneAt: Date | null;
}

/**
 * True when an action item is carried to the agenda of the meeting starting at `startsAt`: raised
 * at an earlier meeting and not yet done when this one starts (so an old agenda stays as it was).
 */
export function isCarriedTo(item: ActionItemFacts, meeting: { id: number; startsAt: Date }): boolean {
  if (item.meetingId === meeting.id) return false;
  if (item.raisedAt.getTime() >= meeting.startsAt.getTime()) return false;
  return item.doneAt === null || item.doneAt.getTime() > meeting.startsAt.getTime();
}

/** The next meeting: the earliest scheduled (not cancelled) one that has not started by `now`. */
export function nextMeetingOf<M extends { id: number; startsAt: Date; status: string }>(
  meetings: readonly M[],
  now: Date,
): M | null {
  let best: M | null = null;
  for (const m of meetings) {
    if (m.status !== "scheduled" || m.startsAt.getTime() < now.getTime()) continue;
    if (!best || m.startsAt.getTime() < best.startsAt.getTime()) best = m;
  }
  return best;
}

/**
 * The day the charter's cadence puts the next meeting on, from the last meeting held or scheduled
 * (rolled forward to `today` or later); null when the cadence gives no rhythm or nothing is known.
 */
export function suggestedDay(input: {
  cadence: Cadence | null;
  lastDay: string | null;
  today: string;
}): string | null {
  const step = input.cadence ? STEP[input.cadence] : undefined;
  if (!step || !input.lastDay) return null;
  let day = step(input.lastDay);
  for (let i = 0; day < input.today && i < 1000; i++) day = step(day);
  return day;
}
