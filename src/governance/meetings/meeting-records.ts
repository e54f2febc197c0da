/** Agenda items, notes and action items of a meeting (the routes decide who may). */
import { dayOf } from "../../kernel/rules.ts";
import { AppError } from "../../platform/errors.ts";
import { groupParticipants } from "../decisions/decisions.repo.ts";
import { parseInput } from "../decisions/deps.ts";
import type { MeetingCall } from "./deps.ts";
import {
  findActionItem,
  findMeeting,
  insertActionItem,
  insertAgendaItem,
  lockMeeting,
  updateActionItem,
  updateMeeting,
} from "./meetings.repo.ts";
import { ActionItemSchema, AgendaItemSchema, NotesSchema } from "./schemas.ts";

type MeetingRef = { groupId: number; meetingId: number };

/** Adds an item to a meeting's agenda, in the name of the person acting. */
export async function addAgendaItem(call: MeetingCall & { input: MeetingRef & Record<string, unknown> }) {
  const input = parseInput("agenda item", AgendaItemSchema, call.input);
  const meeting = await findMeeting(call.deps.database.db, call.input.groupId, call.input.meetingId);
  if (meeting.status === "cancelled") {
    throw new AppError("conflict", { message: "This meeting is cancelled; add the item to another one." });
  }
  const row = await insertAgendaItem(call.deps.database.db, {
    meetingId: meeting.id,
    title: input.title,
    addedByPersonId: call.actor.personId,
    createdAt: call.deps.clock.now(),
  });
  if (!row) throw new AppError("internal", { message: "The agenda item was not saved." });
  return row;
}

/**
 * Saves a meeting's notes (both parts). Publishing makes the public part visible to everyone and
 * cannot be undone here: what the public has read stays published.
 */
export async function saveNotes(call: MeetingCall & { input: MeetingRef & Record<string, unknown> }) {
  const input = parseInput("notes", NotesSchema, call.input);
  return call.deps.database.db.transaction(async (tx) => {
    const current = await lockMeeting(tx, call.input.groupId, call.input.meetingId);
    const now = call.deps.clock.now();
    if (input.publish && !input.publicNotes && !current.publicNotes) {
      throw new AppError("validation", {
        message: "Write the public part before publishing it.",
        issues: [{ field: "publicNotes", message: "is empty: write the public part before publishing it" }],
      });
    }
    const row = await updateMeeting(tx, current.id, {
      publicNotes: input.publicNotes,
      privateNotes: input.privateNotes,
      notesPublishedAt: current.notesPublishedAt ?? (input.publish ? now : null),
      updatedAt: now,
    });
    if (!row) throw new AppError("internal", { message: "The notes were not saved." });
    return row;
  });
}

/** Records an action item raised at a meeting; its owner must be a participant of the group. */
export async function addActionItem(call: MeetingCall & { input: MeetingRef & Record<string, unknown> }) {
  const input = parseInput("action item", ActionItemSchema, call.input);
  const db = call.deps.database.db;
  const meeting = await findMeeting(db, call.input.groupId, call.input.meetingId);
  const now = call.deps.clock.now();
  const participants = await groupParticipants(db, meeting.groupId, dayOf(now));
  if (!participants.includes(input.ownerPersonId)) {
    throw new AppError("validation", {
      message: "The owner must be a participant of the group.",
      issues: [{ field: "ownerPersonId", message: "must be a participant of the group" }],
    });
  }
  const row = await insertActionItem(db, {
    groupId: meeting.groupId,
    meetingId: meeting.id,
    title: input.title,
    ownerPersonId: input.ownerPersonId,
    dueOn: input.dueOn,
    createdAt: now,
  });
  if (!row) throw new AppError("internal", { message: "The action item was not saved." });
  return row;
}

/** Marks an action item done: from then on it is carried to no later agenda. */
export async function completeActionItem(
  call: MeetingCall & { input: { groupId: number; actionItemId: number } },
) {
  const db = call.deps.database.db;
  const item = await findActionItem(db, call.input.groupId, call.input.actionItemId);
  if (item.status === "done")
    throw new AppError("conflict", { message: "This action item is done already." });
  const row = await updateActionItem(db, item.id, { status: "done", doneAt: call.deps.clock.now() });
  if (!row) throw new AppError("internal", { message: "The action item was not saved." });
  return row;
}
