import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { groups, people } from "./governance.ts";

/** Why a person's roles in a group ended (handovers_cause). */
export const HANDOVER_CAUSES = ["lapsed", "left", "removed", "succeeded", "board-term", "ended"] as const;

/**
 * A person's roles in a group ended (a term lapsed, they left, were removed, their Board term was
 * over): one row per person, group and day, with the hand-over note they are asked for once.
 */
export const handovers = pgTable(
  "handovers",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    /** The first day the person no longer held a role there. */
    endedOn: date("ended_on", { mode: "string" }).notNull(),
    /** lapsed | left | removed | succeeded | board-term | ended: why the role ended. */
    cause: text("cause", { enum: HANDOVER_CAUSES }).notNull(),
    /** The reason in words, as the role period records it. */
    reason: text("reason").notNull(),
    /** What is in flight and who to talk to, written by the person leaving. */
    note: text("note"),
    noteAt: timestamp("note_at", { withTimezone: true }),
    noteByUserId: integer("note_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** When the person was asked for the note (null: nothing was open, nothing asked). */
    askedAt: timestamp("asked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("handovers_person_group_day").on(t.personId, t.groupId, t.endedOn),
    index("handovers_group").on(t.groupId),
    check(
      "handovers_cause",
      sql`${t.cause} in ('lapsed', 'left', 'removed', 'succeeded', 'board-term', 'ended')`,
    ),
    check("handovers_note_at", sql`(${t.note} is null) = (${t.noteAt} is null)`),
  ],
);

/**
 * An open item its owner held when their role ended, flagged as needing a new owner until it is
 * reassigned (the flag is cleared, with who did it and to whom).
 */
export const handoverItems = pgTable(
  "handover_items",
  {
    id: serial("id").primaryKey(),
    handoverId: integer("handover_id")
      .notNull()
      .references(() => handovers.id, { onDelete: "cascade" }),
    /** The registered open-item kind (the kernel's registry). */
    sourceKind: text("source_kind").notNull(),
    itemId: text("item_id").notNull(),
    /** The item's title when it was flagged (the source's own title is shown while it is open). */
    title: text("title").notNull(),
    flaggedAt: timestamp("flagged_at", { withTimezone: true }).notNull(),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
    clearedByUserId: integer("cleared_by_user_id").references(() => users.id, { onDelete: "set null" }),
    newOwnerPersonId: integer("new_owner_person_id").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [
    // One open flag per item: the same item is never waiting for two new owners.
    uniqueIndex("handover_items_one_open_flag").on(t.sourceKind, t.itemId).where(sql`${t.clearedAt} is null`),
    index("handover_items_handover").on(t.handoverId),
    check("handover_items_cleared", sql`(${t.clearedAt} is null) = (${t.newOwnerPersonId} is null)`),
  ],
);
