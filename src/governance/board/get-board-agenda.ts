import type { Db, Tx } from "../../platform/db/index.ts";
import { addDays } from "../decisions/terms.ts";
import {
  type AgendaMemo,
  type AgendaSection,
  DEFAULT_AGENDA_WINDOW_DAYS,
  loadAgendaSections,
} from "./agenda.ts";
import { selectLastBoardMeeting } from "./board-meetings.repo.ts";
import "./agenda-sections.ts";

/**
 * Where the agenda's first day comes from: the last Board meeting recorded in Guildhall, a day the
 * caller gave (`?since=`), or the default window (no Board meeting recorded).
 */
export type AgendaSinceSource = "board-meeting" | "given" | "default";

/** The agenda of the next Board meeting. */
export interface BoardAgenda {
  day: string;
  since: string;
  sinceSource: AgendaSinceSource;
  /** The period in words: "since the Board meeting of 2026-11-19", "in the last 31 days (no Board meeting recorded)". */
  coverage: string;
  lastMeetingOn: string | null;
  /** The minutes of the last recorded Board meeting, when its recorder gave them. */
  lastMeetingMinutesUrl: string | null;
  nextMeetingOn: string | null;
  sections: AgendaSection[];
}

/** The agenda's period in words. */
export function coverageText(source: AgendaSinceSource, since: string): string {
  switch (source) {
    case "board-meeting":
      return `since the Board meeting of ${since}`;
    case "given":
      return `since ${since}`;
    default:
      return `in the last ${DEFAULT_AGENDA_WINDOW_DAYS} days (no Board meeting recorded)`;
  }
}

/**
 * Every registered section as of `day`, covering what happened since the last Board meeting
 * recorded on or before `day` (`board_meetings`); a `since` the caller names (on or before `day`)
 * takes its place; with neither, the last 31 days (the Board meets monthly).
 */
export async function getBoardAgenda(input: {
  db: Db | Tx;
  day: string;
  since?: string;
  viewerPersonId: number | null;
  /** Shared with the page around the agenda (see `shared` in agenda.ts). */
  memo?: AgendaMemo;
}): Promise<BoardAgenda> {
  const given = input.since && input.since <= input.day ? input.since : null;
  const recorded = given ? undefined : await selectLastBoardMeeting(input.db, input.day);
  const sinceSource: AgendaSinceSource = given ? "given" : recorded ? "board-meeting" : "default";
  const lastMeetingOn = given ?? recorded?.heldOn ?? null;
  const since = lastMeetingOn ?? addDays(input.day, -DEFAULT_AGENDA_WINDOW_DAYS);
  const coverage = coverageText(sinceSource, since);
  const context = {
    db: input.db,
    day: input.day,
    since,
    coverage,
    lastMeetingOn,
    nextMeetingOn: null,
    viewerPersonId: input.viewerPersonId,
    memo: input.memo ?? new Map(),
  };
  return {
    day: input.day,
    since,
    sinceSource,
    coverage,
    lastMeetingOn,
    lastMeetingMinutesUrl: recorded?.minutesUrl ?? null,
    nextMeetingOn: null,
    sections: await loadAgendaSections(context),
  };
}
