/**
 * The rules of requests between groups, pure: when reminders, lazy consensus, each escalation
 * step and expiry fall; who sees a request; what is stalled; the median time to an answer.
 * Imports nothing from platform/.
 */
import { addDays } from "../decisions/terms.ts";

export { addDays, daysBetween } from "../decisions/terms.ts";

/** What a request asks of its target. */
export const REQUEST_KINDS = ["review", "decision", "information", "access"] as const;
/** A request's kind. */
export type RequestKind = (typeof REQUEST_KINDS)[number];
/** Who a request goes to. */
export const TARGET_KINDS = ["group", "board", "steering-council", "person"] as const;
/** A request's target kind. */
export type TargetKind = (typeof TARGET_KINDS)[number];
/** The answer needed: an approval (approve, reject or ask for changes) or a comment. */
export const ANSWERS_NEEDED = ["approval", "comment"] as const;
/** The answer a request needs. */
export type AnswerNeeded = (typeof ANSWERS_NEEDED)[number];
/** A request's states. */
export const REQUEST_STATES = ["open", "acknowledged", "answered", "expired"] as const;
/** A request's state. */
export type RequestState = (typeof REQUEST_STATES)[number];
/** The outcomes an answer may give, by the answer needed. */
export const OUTCOMES_FOR: Record<AnswerNeeded, readonly string[]> = {
  approval: ["approved", "rejected", "changes-requested"],
  comment: ["commented"],
};

/** The reminder goes this many days before the deadline (the last day to answer). */
export const REMINDER_DAYS_BEFORE = 2;
/** Step 1 (the target's Chair and liaison): the first day after the deadline. */
export const ESCALATE_TARGET_AFTER = 1;
/** Step 2 (the Board): a week after step 1. */
export const ESCALATE_BOARD_AFTER = 8;
/** Still unanswered four weeks after the Board was told: expired. */
export const EXPIRE_AFTER = 36;
/** Longest deadline a request may set. */
export const MAX_DEADLINE_DAYS = 365;

/** The instant a deadline passes: the end of its day, UTC. */
export function deadlineEnd(deadline: string): Date {
  return new Date(Date.parse(`${addDays(deadline, 1)}T00:00:00Z`));
}

/** An event the sweep records once per request. */
export type RequestEventKind =
  | "reminder"
  | "lazy-consensus"
  | "escalated-target"
  | "escalated-board"
  | "expired";

/** What the sweep needs to know about a waiting request. */
export interface WaitingFacts {
  state: RequestState;
  deadline: string;
  /** The day it was opened. */
  openedOn: string;
  lazyConsensus: boolean;
  /** Someone objected in the thread (lazy consensus no longer applies). */
  objected: boolean;
  /** Events already recorded. */
  recorded: ReadonlySet<RequestEventKind>;
}

/**
 * The events due on `today` and not yet recorded, in order, each with the day the rules put it
 * on. A sweep that did not run for days records each missed step once (a reminder whose day has
 * gone with the deadline is dropped: it would arrive after the deadline). Lazy consensus applies
 * at the deadline in place of escalation; once it applies nothing else follows.
 */
export function dueEvents(f: WaitingFacts, today: string): Array<{ kind: RequestEventKind; on: string }> {
  if (f.state !== "open" && f.state !== "acknowledged") return [];
  const out: Array<{ kind: RequestEventKind; on: string }> = [];
  const remindOn = addDays(f.deadline, -REMINDER_DAYS_BEFORE);
  if (!f.recorded.has("reminder") && remindOn > f.openedOn && today >= remindOn && today <= f.deadline) {
    out.push({ kind: "reminder", on: remindOn });
  }
  if (today <= f.deadline) return out;
  if (f.lazyConsensus && !f.objected) {
    if (!f.recorded.has("lazy-consensus")) out.push({ kind: "lazy-consensus", on: addDays(f.deadline, 1) });
    return out;
  }
  const steps: Array<[RequestEventKind, number]> = [
    ["escalated-target", ESCALATE_TARGET_AFTER],
    ["escalated-board", ESCALATE_BOARD_AFTER],
    ["expired", EXPIRE_AFTER],
  ];
  for (const [kind, after] of steps) {
    const on = addDays(f.deadline, after);
    if (today >= on && !f.recorded.has(kind)) out.push({ kind, on });
  }
  return out;
}

/** What the visibility rule needs to know about a request. */
export interface RequestSides {
  visibility: "public" | "private";
  fromGroupId: number;
  targetKind: TargetKind;
  targetGroupId: number | null;
  targetPersonId: number | null;
  openedByPersonId: number | null;
  ownerPersonId: number | null;
  /** The last escalation step recorded (2: the Board was told). */
  escalation: number;
}

/** Who is looking: their person, the groups they take part in today, and their foundation roles. */
export interface RequestViewer {
  personId: number | null;
  groupIds: ReadonlySet<number>;
  board: boolean;
  steeringCouncil: boolean;
}

/** True when the viewer is on the target side: the ones asked to answer. */
export function onTargetSide(r: RequestSides, v: RequestViewer): boolean {
  switch (r.targetKind) {
    case "group":
      return r.targetGroupId !== null && v.groupIds.has(r.targetGroupId);
    case "board":
      return v.board;
    case "steering-council":
      return v.steeringCouncil;
    case "person":
      return v.personId !== null && v.personId === r.targetPersonId;
  }
}

/** True when the viewer is on the asking side: the group's participants, the opener, the owner. */
export function onAskingSide(r: RequestSides, v: RequestViewer): boolean {
  if (v.groupIds.has(r.fromGroupId)) return true;
  return v.personId !== null && (v.personId === r.openedByPersonId || v.personId === r.ownerPersonId);
}

/**
 * Who sees a request: anyone when public; when private, both sides only, and the Board once the
 * request has been escalated to it (site administrators are not in it, as for private notes).
 */
export function canSeeRequest(r: RequestSides, v: RequestViewer): boolean {
  if (r.visibility === "public") return true;
  if (onAskingSide(r, v) || onTargetSide(r, v)) return true;
  return r.escalation >= 2 && v.board;
}

/** A request waiting on someone, as the stalled view lists it. */
export interface StalledCandidate {
  state: RequestState;
  deadline: string;
  ownerPersonId: number | null;
}

/** Why a request is stalled on `today`, or null: waiting past its deadline, or with no owner. */
export function stalledReason(r: StalledCandidate, today: string): "past-deadline" | "no-owner" | null {
  if (r.state !== "open" && r.state !== "acknowledged") return null;
  if (r.deadline < today) return "past-deadline";
  return r.ownerPersonId === null ? "no-owner" : null;
}

/** The median of numbers (the mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const value = s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

/** An answered request: its pair and how long the answer took. */
export interface AnsweredFact {
  pair: string;
  answeredOn: string;
  days: number;
}

/** Per group pair and month of answer: the median days to an answer and how many answers. */
export function medianTimesByPair(
  facts: readonly AnsweredFact[],
): Map<string, Array<{ month: string; medianDays: number; answers: number }>> {
  const byPair = new Map<string, Map<string, number[]>>();
  for (const f of facts) {
    const months = byPair.get(f.pair) ?? new Map<string, number[]>();
    const month = f.answeredOn.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), f.days]);
    byPair.set(f.pair, months);
  }
  const out = new Map<string, Array<{ month: string; medianDays: number; answers: number }>>();
  for (const [pair, months] of [...byPair].sort(([a], [b]) => a.localeCompare(b))) {
    out.set(
      pair,
      [...months]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, days]) => ({ month, medianDays: median(days) ?? 0, answers: days.length })),
    );
  }
  return out;
}
