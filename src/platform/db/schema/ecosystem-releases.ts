import { date, index, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Django release milestone dates recorded by an admin (from an announcement). Append-only: the
 * latest row per series and milestone overrides the calendar's projection; older rows stay as history.
 */
export const releaseMilestones = pgTable(
  "release_milestones",
  {
    id: serial("id").primaryKey(),
    /** `6.2`, `2028`. */
    series: text("series").notNull(),
    /** alpha | beta | rc | final | end-mainstream | end-extended */
    milestone: text("milestone").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    /** Who recorded it (an account name, or the operating-system user on the command line). */
    recordedBy: text("recorded_by").notNull(),
    /** Where the date comes from (an announcement link) or any remark. */
    note: text("note"),
  },
  (t) => [index("release_milestones_series").on(t.series, t.milestone, t.recordedAt)],
);
