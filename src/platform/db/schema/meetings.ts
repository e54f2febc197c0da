import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import {
  createdAtColumn,
  day,
  idColumn,
  ownedBy,
  refersTo,
  timestamptz,
  updatedAtColumn,
} from "./columns.ts";
import { groups, people } from "./governance.ts";

/**
 * A group's meeting as its chair scheduled it: the instant it starts, the IANA time zone it is
 * held in, and a SEQUENCE that grows with every change (iCalendar readers replace older copies).
 * Notes have a public part (shown to everyone once published) and a private part (the group, the
 * Board and the Steering Council).
 */
export const meetings = pgTable(
  "meetings",
  {
    id: idColumn(),
    groupId: ownedBy("group_id", () => groups.id),
    /** Stable iCalendar UID: never changes, whatever is rescheduled. */
    uid: text("uid").notNull().unique(),
    title: text("title").notNull(),
    startsAt: timestamptz("starts_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    /** IANA time zone name ("Europe/Amsterdam"), validated against the runtime's zone database. */
    timeZone: text("time_zone").notNull(),
    /** Video or chat link, when given. */
    link: text("link"),
    status: text("status").notNull().default("scheduled"),
    /** iCalendar SEQUENCE: 0 when scheduled, +1 on every reschedule or cancellation. */
    sequence: integer("sequence").notNull().default(0),
    publicNotes: text("public_notes"),
    privateNotes: text("private_notes"),
    /** When the public part of the notes was published (null: not yet, the public sees nothing). */
    notesPublishedAt: timestamptz("notes_published_at"),
    cancelledAt: timestamptz("cancelled_at"),
    createdByUserId: refersTo("created_by_user_id", () => users.id),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("meetings_group_starts").on(t.groupId, t.startsAt),
    check("meetings_status", sql`${t.status} in ('scheduled', 'cancelled')`),
    check("meetings_duration_range", sql`${t.durationMinutes} between 5 and 1440`),
    check("meetings_sequence_non_negative", sql`${t.sequence} >= 0`),
  ],
);

/** An item a group member put on a meeting's agenda. */
export const meetingAgendaItems = pgTable(
  "meeting_agenda_items",
  {
    id: idColumn(),
    meetingId: ownedBy("meeting_id", () => meetings.id),
    title: text("title").notNull(),
    addedByPersonId: refersTo("added_by_person_id", () => people.id),
    createdAt: createdAtColumn(),
  },
  (t) => [index("meeting_agenda_items_meeting").on(t.meetingId)],
);

/** An action item raised at a meeting: an owner, a due date, open until marked done. */
export const meetingActionItems = pgTable(
  "meeting_action_items",
  {
    id: idColumn(),
    groupId: ownedBy("group_id", () => groups.id),
    /** The meeting it was raised at. */
    meetingId: ownedBy("meeting_id", () => meetings.id),
    title: text("title").notNull(),
    ownerPersonId: ownedBy("owner_person_id", () => people.id),
    dueOn: day("due_on").notNull(),
    status: text("status").notNull().default("open"),
    doneAt: timestamptz("done_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("meeting_action_items_group").on(t.groupId, t.status),
    check("meeting_action_items_status", sql`${t.status} in ('open', 'done')`),
    check("meeting_action_items_done_at", sql`(${t.status} = 'done') = (${t.doneAt} is not null)`),
  ],
);
