/** Queries of meetings, their agenda items and action items. */
import { and, asc, desc, eq, gte, inArray } from "drizzle-orm";
import { schema } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import type { DbOrTx } from "../decisions/decisions.repo.ts";
import { wallClockOf } from "./time-zones.ts";

const { meetings, meetingAgendaItems, meetingActionItems, groups, people, membershipApplications } = schema;

/** A meeting row. */
export type MeetingRow = typeof meetings.$inferSelect;
/** A meeting row with its group. */
export type MeetingWithGroup = MeetingRow & { group: { slug: string; name: string } };

/** The meeting `id` of group `groupId`, or not_found (a meeting of another group is not found). */
export async function findMeeting(db: DbOrTx, groupId: number, id: number): Promise<MeetingRow> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), eq(meetings.groupId, groupId)));
  if (!row) throw new AppError("not_found", { message: `No meeting ${id} in this group.` });
  return row;
}

/** Locks a meeting for a change. */
export async function lockMeeting(db: DbOrTx, groupId: number, id: number): Promise<MeetingRow> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), eq(meetings.groupId, groupId)))
    .for("update");
  if (!row) throw new AppError("not_found", { message: `No meeting ${id} in this group.` });
  return row;
}

/** Meetings with their group, oldest first; of one group when `groupId` is given. */
export async function selectMeetings(db: DbOrTx, groupId?: number): Promise<MeetingWithGroup[]> {
  const rows = await db
    .select({ m: meetings, slug: groups.slug, name: groups.name })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(groupId === undefined ? undefined : eq(meetings.groupId, groupId))
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
  return rows.map((r) => ({ ...r.m, group: { slug: r.slug, name: r.name } }));
}

/** The latest start of the group's meetings that were not cancelled (for the cadence's suggestion). */
export async function lastMeetingStart(db: DbOrTx, groupId: number): Promise<Date | null> {
  const [row] = await db
    .select({ startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.groupId, groupId), eq(meetings.status, "scheduled")))
    .orderBy(desc(meetings.startsAt))
    .limit(1);
  return row?.startsAt ?? null;
}

/** Agenda items of a meeting, in the order added, with who added them. */
export async function selectAgendaItems(db: DbOrTx, meetingId: number) {
  return db
    .select({ id: meetingAgendaItems.id, title: meetingAgendaItems.title, addedBy: people.name })
    .from(meetingAgendaItems)
    .leftJoin(people, eq(people.id, meetingAgendaItems.addedByPersonId))
    .where(eq(meetingAgendaItems.meetingId, meetingId))
    .orderBy(asc(meetingAgendaItems.id));
}

/** Every action item of a group, with its owner and the start of the meeting that raised it. */
export async function selectActionItems(db: DbOrTx, groupId: number) {
  return db
    .select({
      id: meetingActionItems.id,
      meetingId: meetingActionItems.meetingId,
      title: meetingActionItems.title,
      ownerId: meetingActionItems.ownerPersonId,
      ownerName: people.name,
      dueOn: meetingActionItems.dueOn,
      status: meetingActionItems.status,
      doneAt: meetingActionItems.doneAt,
      raisedAt: meetings.startsAt,
    })
    .from(meetingActionItems)
    .innerJoin(people, eq(people.id, meetingActionItems.ownerPersonId))
    .innerJoin(meetings, eq(meetings.id, meetingActionItems.meetingId))
    .where(eq(meetingActionItems.groupId, groupId))
    .orderBy(asc(meetingActionItems.dueOn), asc(meetingActionItems.id));
}

/** One action item of a group, or not_found. */
export async function findActionItem(db: DbOrTx, groupId: number, id: number) {
  const [row] = await db
    .select()
    .from(meetingActionItems)
    .where(and(eq(meetingActionItems.id, id), eq(meetingActionItems.groupId, groupId)));
  if (!row) throw new AppError("not_found", { message: `No action item ${id} in this group.` });
  return row;
}

/** Names of people whose application to the group is still pending (invited to the next meeting). */
export async function pendingApplicants(db: DbOrTx, groupId: number): Promise<string[]> {
  const rows = await db
    .select({ name: people.name })
    .from(membershipApplications)
    .innerJoin(people, eq(people.id, membershipApplications.personId))
    .where(
      and(
        eq(membershipApplications.groupId, groupId),
        inArray(membershipApplications.status, ["pending", "voting"]),
      ),
    )
    .orderBy(asc(membershipApplications.createdAt), asc(membershipApplications.id));
  return rows.map((r) => r.name);
}

/** Names of people by id. */
export async function peopleNames(db: DbOrTx, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The local date of the group's next scheduled meeting (the earliest not cancelled and not started
 * by `now`), in the meeting's own zone; null when none is scheduled.
 */
export async function nextScheduledDay(db: DbOrTx, groupId: number, now: Date): Promise<string | null> {
  const [row] = await db
    .select({ startsAt: meetings.startsAt, timeZone: meetings.timeZone })
    .from(meetings)
    .where(and(eq(meetings.groupId, groupId), eq(meetings.status, "scheduled"), gte(meetings.startsAt, now)))
    .orderBy(asc(meetings.startsAt))
    .limit(1);
  return row ? wallClockOf(row.startsAt, row.timeZone).date : null;
}

/** Saves a new agenda item of a meeting; its id and title. */
export async function insertAgendaItem(db: DbOrTx, values: typeof meetingAgendaItems.$inferInsert) {
  return (
    await db
      .insert(meetingAgendaItems)
      .values(values)
      .returning({ id: meetingAgendaItems.id, title: meetingAgendaItems.title })
  )[0];
}

/** Saves a new action item raised at a meeting. */
export async function insertActionItem(db: DbOrTx, values: typeof meetingActionItems.$inferInsert) {
  return (await db.insert(meetingActionItems).values(values).returning())[0];
}

/** Changes an action item; the row after. */
export async function updateActionItem(
  db: DbOrTx,
  id: number,
  change: Partial<typeof meetingActionItems.$inferInsert>,
) {
  return (
    await db.update(meetingActionItems).set(change).where(eq(meetingActionItems.id, id)).returning()
  )[0];
}

/** Saves a new meeting. */
export async function insertMeeting(
  db: DbOrTx,
  values: typeof meetings.$inferInsert,
): Promise<MeetingRow | undefined> {
  return (await db.insert(meetings).values(values).returning())[0];
}

/** Changes a meeting (time, notes, status); the row after. */
export async function updateMeeting(
  db: DbOrTx,
  id: number,
  change: Partial<typeof meetings.$inferInsert>,
): Promise<MeetingRow | undefined> {
  return (await db.update(meetings).set(change).where(eq(meetings.id, id)).returning())[0];
}
