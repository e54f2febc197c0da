/** Scheduling, rescheduling and cancelling a meeting (the route lets only chairs and co-chairs). */
import { randomUUID } from "node:crypto";
import { dayOf, notify } from "../../kernel/index.ts";
import type { Tx } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { groupParticipants, loadGroup } from "../decisions/decisions.repo.ts";
import { parseInput } from "../decisions/deps.ts";
import type { MeetingCall } from "./deps.ts";
import { type MEETING_EVENTS, meetingKind, meetingNoticeTemplate } from "./meeting-notice.template.ts";
import { insertMeeting, lockMeeting, type MeetingRow, updateMeeting } from "./meetings.repo.ts";
import { type MeetingTimeInput, MeetingTimeSchema } from "./schemas.ts";
import { describeTime, instantOf } from "./time-zones.ts";

/**
 * Tells the group's participants and its chat channel (when its Chairs chose this kind), in the
 * change's transaction; one notice per meeting, change (SEQUENCE) and recipient.
 */
async function noticeOf(tx: Tx, row: MeetingRow, event: (typeof MEETING_EVENTS)[number], at: Date) {
  const group = await loadGroup(tx, row.groupId);
  const people = await groupParticipants(tx, row.groupId, dayOf(at));
  const data = {
    event,
    groupName: group.name,
    groupSlug: group.slug,
    meetingId: row.id,
    title: row.title,
    when: describeTime(row.startsAt, row.timeZone),
    durationMinutes: row.durationMinutes,
    link: row.link ?? null,
  };
  const key = `meeting:${row.id}:${row.sequence}:${event}`;
  await notify(tx, {
    kind: meetingKind(event),
    template: meetingNoticeTemplate,
    at,
    cause: `meeting:${row.id}`,
    items: [
      ...people.map((personId) => ({ to: { personId }, dedupeKey: `${key}:person:${personId}`, data })),
      { to: { webhook: `group:${row.groupId}` }, dedupeKey: `${key}:webhook`, data },
    ],
  });
}

/** The instant a meeting starts, or a refusal naming the time field. */
function startOf(input: MeetingTimeInput): Date {
  const at = instantOf(input.date, input.time, input.timeZone);
  if (!at) {
    throw new AppError("validation", {
      message: `${input.date} ${input.time} does not exist in ${input.timeZone} (the clocks change then).`,
      issues: [
        { field: "time", message: `does not exist in ${input.timeZone} on ${input.date} (clock change)` },
      ],
    });
  }
  return at;
}

/** Schedules a meeting of the group: sequence 0 and a new stable UID. */
export async function scheduleMeeting(
  call: MeetingCall & { input: { groupId: number } & Record<string, unknown> },
): Promise<MeetingRow> {
  const input = parseInput("meeting", MeetingTimeSchema, call.input);
  const startsAt = startOf(input);
  const now = call.deps.clock.now();
  return call.deps.database.db.transaction(async (tx) => {
    const row = await insertMeeting(tx, {
      groupId: call.input.groupId,
      uid: `${randomUUID()}@meetings.guildhall`,
      title: input.title,
      startsAt,
      durationMinutes: input.durationMinutes,
      timeZone: input.timeZone,
      link: input.link,
      createdByUserId: call.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    if (!row) throw new AppError("internal", { message: "The meeting was not saved." });
    await noticeOf(tx, row, "scheduled", now);
    return row;
  });
}

/** Moves a meeting (time, zone, title, link): SEQUENCE grows by one. A cancelled meeting stays cancelled. */
export async function rescheduleMeeting(
  call: MeetingCall & { input: { groupId: number; meetingId: number } & Record<string, unknown> },
): Promise<MeetingRow> {
  const input = parseInput("meeting", MeetingTimeSchema, call.input);
  const startsAt = startOf(input);
  return call.deps.database.db.transaction(async (tx) => {
    const current = await lockMeeting(tx, call.input.groupId, call.input.meetingId);
    if (current.status === "cancelled") {
      throw new AppError("conflict", { message: "This meeting is cancelled; schedule a new one instead." });
    }
    const row = await updateMeeting(tx, current.id, {
      title: input.title,
      startsAt,
      durationMinutes: input.durationMinutes,
      timeZone: input.timeZone,
      link: input.link,
      sequence: current.sequence + 1,
      updatedAt: call.deps.clock.now(),
    });
    if (!row) throw new AppError("internal", { message: "The meeting was not saved." });
    await noticeOf(tx, row, "changed", call.deps.clock.now());
    return row;
  });
}

/** Cancels a meeting: STATUS:CANCELLED in the feeds, SEQUENCE grows by one. */
export async function cancelMeeting(
  call: MeetingCall & { input: { groupId: number; meetingId: number } },
): Promise<MeetingRow> {
  return call.deps.database.db.transaction(async (tx) => {
    const current = await lockMeeting(tx, call.input.groupId, call.input.meetingId);
    if (current.status === "cancelled") {
      throw new AppError("conflict", { message: "This meeting is cancelled already." });
    }
    const now = call.deps.clock.now();
    const row = await updateMeeting(tx, current.id, {
      status: "cancelled",
      cancelledAt: now,
      sequence: current.sequence + 1,
      updatedAt: now,
    });
    if (!row) throw new AppError("internal", { message: "The meeting was not saved." });
    await noticeOf(tx, row, "cancelled", now);
    return row;
  });
}
