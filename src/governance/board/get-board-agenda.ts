import type { Db, Tx } from "../../platform/db/index.ts";
import { addDays } from "../decisions/terms.ts";
import { type AgendaSection, DEFAULT_AGENDA_WINDOW_DAYS, loadAgendaSections } from "./agenda.ts";
import "./agenda-sections.ts";

/** The agenda of the next Board meeting. */
export interface BoardAgenda {
  day: string;
  since: string;
  lastMeetingOn: string | null;
  nextMeetingOn: string | null;
  sections: AgendaSection[];
}

/**
 * Every registered section as of `day`. No record of Board meetings exists in Guildhall yet (the
 * Board is not a working group with a charter, so it has no meetings there), so the agenda covers
 * the last 31 days (the Board meets monthly), or from `since` when the caller names the last
 * meeting's day.
 */
export async function getBoardAgenda(input: {
  db: Db | Tx;
  day: string;
  since?: string;
  viewerPersonId: number | null;
}): Promise<BoardAgenda> {
  const lastMeetingOn = input.since && input.since <= input.day ? input.since : null;
  const since = lastMeetingOn ?? addDays(input.day, -DEFAULT_AGENDA_WINDOW_DAYS);
  const context = {
    db: input.db,
    day: input.day,
    since,
    lastMeetingOn,
    nextMeetingOn: null,
    viewerPersonId: input.viewerPersonId,
  };
  return {
    day: input.day,
    since,
    lastMeetingOn,
    nextMeetingOn: null,
    sections: await loadAgendaSections(context),
  };
}
