import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { idColumn, ownedBy, timestamptz } from "./columns.ts";
import { people } from "./governance.ts";

/**
 * People merged into another after an alias suggestion was accepted: the merged row is gone, so
 * this keeps who was merged into whom, why and when (the suggestion row goes with the merged person).
 */
export const personMerges = pgTable("person_merges", {
  id: idColumn(),
  keptPersonId: ownedBy("kept_person_id", () => people.id),
  mergedPersonId: integer("merged_person_id").notNull(),
  mergedSlug: text("merged_slug").notNull(),
  mergedName: text("merged_name").notNull(),
  /** The suggestion's reason ("same surname, first name is a prefix"). */
  reason: text("reason").notNull(),
  suggestionId: integer("suggestion_id"),
  mergedAt: timestamptz("merged_at").notNull(),
});
