import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { CADENCES, REPORT_CADENCES } from "./closed-sets.ts";
import {
  createdAtColumn,
  day,
  idColumn,
  keyedBy,
  oneOf,
  ownedBy,
  refersTo,
  sweepEventColumns,
  timestamptz,
  updatedAtColumn,
} from "./columns.ts";
import { groups, people } from "./governance.ts";

/**
 * A group's report to the Board for one reporting period (the period its charter's cadence gives;
 * a calendar month for groups that report as needed). One report per group and period.
 */
export const groupReports = pgTable(
  "group_reports",
  {
    id: idColumn(),
    groupId: ownedBy("group_id", () => groups.id),
    /** First and last day of the period the report covers. */
    periodStart: day("period_start").notNull(),
    periodEnd: day("period_end").notNull(),
    /** The reporting cadence the period came from (the charter's, when submitted). */
    cadence: text("cadence", { enum: REPORT_CADENCES }).notNull(),
    /** public | board: Board-only reports are seen by the Board, the group's members and site admins. */
    visibility: text("visibility").notNull(),
    /** 3 to 5 highlights. */
    highlights: jsonb("highlights").$type<string[]>().notNull(),
    /** What the group asks of the Board (may be empty). */
    asks: jsonb("asks").$type<string[]>().notNull(),
    challenges: text("challenges"),
    nextSteps: text("next_steps"),
    notes: text("notes"),
    submittedByUserId: refersTo("submitted_by_user_id", () => users.id),
    submittedByPersonId: refersTo("submitted_by_person_id", () => people.id),
    submittedAt: timestamptz("submitted_at").notNull(),
  },
  (t) => [
    uniqueIndex("group_reports_one_per_period").on(t.groupId, t.periodStart),
    index("group_reports_submitted").on(t.submittedAt),
    check("group_reports_visibility", sql`${t.visibility} in ('public', 'board')`),
    check("group_reports_cadence", oneOf("cadence", REPORT_CADENCES)),
    check("group_reports_period_order", sql`${t.periodStart} <= ${t.periodEnd}`),
    check("group_reports_highlights_count", sql`jsonb_array_length(${t.highlights}) between 3 and 5`),
  ],
);

/**
 * What the reporting sweep has recorded for a group's period, each once: the reminders before and
 * after the due date, the day the report became overdue, missed, and the group flagged defunct.
 */
export const reportEvents = pgTable(
  "report_events",
  {
    id: idColumn(),
    groupId: ownedBy("group_id", () => groups.id),
    periodStart: day("period_start").notNull(),
    /** reminder-before | reminder-after | overdue | missed | defunct */
    kind: text("kind").notNull(),
    ...sweepEventColumns(),
  },
  (t) => [
    uniqueIndex("report_events_once").on(t.groupId, t.periodStart, t.kind),
    check(
      "report_events_kind",
      sql`${t.kind} in ('reminder-before', 'reminder-after', 'overdue', 'missed', 'defunct')`,
    ),
  ],
);

/**
 * The Board's decision about a group flagged defunct: an exception (with a reason and an end date)
 * or the start of its shutdown.
 */
export const reportDecisions = pgTable(
  "report_decisions",
  {
    id: idColumn(),
    groupId: ownedBy("group_id", () => groups.id),
    /** exception | shutdown */
    kind: text("kind").notNull(),
    reason: text("reason").notNull(),
    /** Last day of an exception; null for a shutdown. */
    endsOn: day("ends_on"),
    decidedOn: day("decided_on").notNull(),
    decidedByUserId: refersTo("decided_by_user_id", () => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("report_decisions_group").on(t.groupId, t.decidedOn),
    check("report_decisions_kind", sql`${t.kind} in ('exception', 'shutdown')`),
    check(
      "report_decisions_exception_end",
      sql`(${t.kind} = 'exception') = (${t.endsOn} is not null) and (${t.endsOn} is null or ${t.endsOn} >= ${t.decidedOn})`,
    ),
  ],
);

/**
 * Since when Guildhall tracks a group's reports: the first sweep that saw the group with a
 * reporting cadence it can date records the day (and the cadence); a new cadence starts afresh.
 * Nothing is claimed about periods before that day.
 */
export const reportTracking = pgTable(
  "report_tracking",
  {
    groupId: keyedBy("group_id", () => groups.id),
    cadence: text("cadence", { enum: CADENCES }).notNull(),
    trackedFrom: day("tracked_from").notNull(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [check("report_tracking_cadence", oneOf("cadence", CADENCES))],
);
