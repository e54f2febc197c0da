import { sql } from "drizzle-orm";
import { check, index, pgTable, text } from "drizzle-orm/pg-core";
import { day, idColumn, timestamptz } from "./columns.ts";

/**
 * Django release milestone dates recorded by an admin (from an announcement), and removals of
 * such records. Append-only (a trigger refuses UPDATE and DELETE): the latest row per series and
 * milestone decides; a `record` row overrides the calendar's date, a `remove` row takes the
 * override away again; older rows stay as the history of who changed what, when and why.
 */
export const releaseMilestones = pgTable(
  "release_milestones",
  {
    id: idColumn(),
    /** `6.2`, `2028`. */
    series: text("series").notNull(),
    /** alpha | beta | rc | final | end-mainstream | end-extended */
    milestone: text("milestone").notNull(),
    /** record | remove */
    action: text("action").$type<"record" | "remove">().notNull().default("record"),
    /** The recorded date; null on a removal. */
    date: day("date"),
    recordedAt: timestamptz("recorded_at").notNull(),
    /** Who recorded or removed it (an account name, or the operating-system user on the command line). */
    recordedBy: text("recorded_by").notNull(),
    /** Where the date comes from (an announcement link), or why it was removed. */
    note: text("note"),
  },
  (t) => [
    index("release_milestones_series").on(t.series, t.milestone, t.recordedAt),
    check(
      "release_milestones_action_date",
      sql`(${t.action} = 'record' AND ${t.date} IS NOT NULL) OR (${t.action} = 'remove' AND ${t.date} IS NULL)`,
    ),
  ],
);
