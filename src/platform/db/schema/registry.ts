import { integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "./governance.ts";

/**
 * People merged into another after an alias suggestion was accepted: the merged row is gone, so
 * this keeps who was merged into whom, why and when (the suggestion row goes with the merged person).
 */
export const personMerges = pgTable("person_merges", {
  id: serial("id").primaryKey(),
  keptPersonId: integer("kept_person_id")
    .notNull()
    .references(() => people.id, { onDelete: "cascade" }),
  mergedPersonId: integer("merged_person_id").notNull(),
  mergedSlug: text("merged_slug").notNull(),
  mergedName: text("merged_name").notNull(),
  /** The suggestion's reason ("same surname, first name is a prefix"). */
  reason: text("reason").notNull(),
  suggestionId: integer("suggestion_id"),
  mergedAt: timestamp("merged_at", { withTimezone: true }).notNull(),
});
