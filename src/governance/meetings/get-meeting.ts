/** Reading meetings: the list of a group (or every group) and one meeting as a visitor may see it. */

import { dayOf } from "../../kernel/rules.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Cadence } from "../charter/types.ts";
import { loadGroup } from "../decisions/decisions.repo.ts";
import { type MeetingSummary, summaryOf } from "./meeting-views.ts";
import {
  findMeeting,
  lastMeetingStart,
  pendingApplicants,
  selectActionItems,
  selectAgendaItems,
  selectMeetings,
} from "./meetings.repo.ts";
import { isCarriedTo, nextMeetingOf, suggestedDay, type VisibleNotes, visibleNotes } from "./rules.ts";
import { wallClockOf } from "./time-zones.ts";

/** One line of an agenda: an item a member added, an applicant to meet, or an open action item. */
export interface AgendaLine {
  kind: "item" | "applicant" | "action-item";
  title: string;
  addedBy: string | null;
  /** The carried action item, for a line of kind action-item. */
  actionItemId: number | null;
}

/** An action item as shown. */
export interface ActionItemView {
  id: number;
  meetingId: number;
  title: string;
  owner: { id: number; name: string };
  dueOn: string;
  status: "open" | "done";
  doneAt: string | null;
}

/** A meeting with its agenda, the notes the visitor may read and the action items raised there. */
export interface MeetingDetail extends MeetingSummary {
  agenda: AgendaLine[];
  notes: VisibleNotes;
  actionItems: ActionItemView[];
}

/** Meetings of every group, or of one (oldest first), without notes. */
export async function listMeetings(input: { db: Db; group?: string }): Promise<MeetingSummary[]> {
  const groupId = input.group === undefined ? undefined : (await loadGroup(input.db, input.group)).id;
  return (await selectMeetings(input.db, groupId)).map(summaryOf);
}

/** A group's meetings, the charter's cadence and the day it suggests for the next one. */
export async function listGroupMeetings(input: {
  db: Db;
  groupId: number;
  cadence: Cadence | null;
  now: Date;
}) {
  const [meetings, last] = await Promise.all([
    selectMeetings(input.db, input.groupId),
    lastMeetingStart(input.db, input.groupId),
  ]);
  const lastDay = last ? wallClockOf(last, "UTC").date : null;
  return {
    meetings: meetings.map(summaryOf),
    cadence: input.cadence,
    suggestedDay: suggestedDay({ cadence: input.cadence, lastDay, today: dayOf(input.now) }),
  };
}

/**
 * One meeting of a group. The agenda holds the items members added, the action items carried from
 * earlier meetings and, on the next meeting only, the applicants waiting for a decision.
 * `seesPrivate` is the policy's answer for meeting.view-private-notes.
 */
export async function getMeeting(input: {
  db: Db;
  groupId: number;
  meetingId: number;
  seesPrivate: boolean;
  /** The policy's answer for group.view-private: applicants are named only to those who see applications. */
  seesApplicants: boolean;
  now: Date;
}): Promise<MeetingDetail> {
  const row = await findMeeting(input.db, input.groupId, input.meetingId);
  const all = await selectMeetings(input.db, input.groupId);
  const meeting = all.find((m) => m.id === row.id) ?? { ...row, group: { slug: "", name: "" } };
  const [items, actionItems] = await Promise.all([
    selectAgendaItems(input.db, row.id),
    selectActionItems(input.db, input.groupId),
  ]);
  const agenda: AgendaLine[] = items.map((i) => ({
    kind: "item",
    title: i.title,
    addedBy: i.addedBy,
    actionItemId: null,
  }));
  for (const a of actionItems) {
    if (isCarriedTo(a, row)) {
      agenda.push({
        kind: "action-item",
        title: `Action item: ${a.title} (${a.ownerName}, due ${a.dueOn})`,
        addedBy: null,
        actionItemId: a.id,
      });
    }
  }
  if (nextMeetingOf(all, input.now)?.id === row.id) {
    const names = await pendingApplicants(input.db, input.groupId);
    // An applicant's person is private until they are a member: their name only to those who see
    // the group's applications; everyone else is told how many are waiting.
    if (input.seesApplicants) {
      for (const name of names) {
        agenda.push({
          kind: "applicant",
          title: `Meet applicant ${name}`,
          addedBy: null,
          actionItemId: null,
        });
      }
    } else if (names.length > 0) {
      agenda.push({
        kind: "applicant",
        title: `Meet the applicants waiting for a decision (${names.length})`,
        addedBy: null,
        actionItemId: null,
      });
    }
  }
  return {
    ...summaryOf(meeting),
    agenda,
    notes: visibleNotes(row, input.seesPrivate),
    actionItems: actionItems.filter((a) => a.meetingId === row.id).map(actionItemView),
  };
}

/** An action item row as shown. */
export function actionItemView(a: {
  id: number;
  meetingId: number;
  title: string;
  ownerId: number;
  ownerName: string;
  dueOn: string;
  status: string;
  doneAt: Date | null;
}): ActionItemView {
  return {
    id: a.id,
    meetingId: a.meetingId,
    title: a.title,
    owner: { id: a.ownerId, name: a.ownerName },
    dueOn: a.dueOn,
    status: a.status === "done" ? "done" : "open",
    doneAt: a.doneAt ? a.doneAt.toISOString() : null,
  };
}
