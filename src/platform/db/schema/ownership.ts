import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { columnOneOf, createdAtColumn, day, idColumn, ownedBy, refersTo, timestamptz } from "./columns.ts";
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
    id: idColumn(),
    personId: ownedBy("person_id", () => people.id),
    groupId: ownedBy("group_id", () => groups.id),
    /** The first day the person no longer held a role there. */
    endedOn: day("ended_on").notNull(),
    /** lapsed | left | removed | succeeded | board-term | ended: why the role ended. */
    cause: text("cause", { enum: HANDOVER_CAUSES }).notNull(),
    /** The reason in words, as the role period records it. */
    reason: text("reason").notNull(),
    /** What is in flight and who to talk to, written by the person leaving. */
    note: text("note"),
    noteAt: timestamptz("note_at"),
    noteByUserId: refersTo("note_by_user_id", () => users.id),
    /** When the person was asked for the note (null: nothing was open, nothing asked). */
    askedAt: timestamptz("asked_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("handovers_person_group_day").on(t.personId, t.groupId, t.endedOn),
    index("handovers_group").on(t.groupId),
    check("handovers_cause", columnOneOf(t.cause, HANDOVER_CAUSES)),
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
    id: idColumn(),
    handoverId: ownedBy("handover_id", () => handovers.id),
    /** The registered open-item kind (the kernel's registry). */
    sourceKind: text("source_kind").notNull(),
    itemId: text("item_id").notNull(),
    /** The item's title when it was flagged (the source's own title is shown while it is open). */
    title: text("title").notNull(),
    flaggedAt: timestamptz("flagged_at").notNull(),
    clearedAt: timestamptz("cleared_at"),
    clearedByUserId: refersTo("cleared_by_user_id", () => users.id),
    newOwnerPersonId: refersTo("new_owner_person_id", () => people.id),
  },
  (t) => [
    // One open flag per item: the same item is never waiting for two new owners.
    uniqueIndex("handover_items_one_open_flag").on(t.sourceKind, t.itemId).where(sql`${t.clearedAt} is null`),
    index("handover_items_handover").on(t.handoverId),
    check("handover_items_cleared", sql`(${t.clearedAt} is null) = (${t.newOwnerPersonId} is null)`),
  ],
);
