/**
 * Columns many tables share, written once: the serial id, instants and days, the creation and
 * update times, a reference to the row a record belongs to (deleted with it), the key of a table
 * holding one row per row of another (its settings) and a reference a row outlives (set to null);
 * and the CHECK of a closed set. Same SQL as writing them out.
 */
import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, date, integer, serial, timestamp } from "drizzle-orm/pg-core";

/** `id serial primary key`. */
export const idColumn = () => serial("id").primaryKey();

/** `<name> timestamptz`: an instant, stored with its zone. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

/** `<name> date`, read and written as `YYYY-MM-DD` text. */
export const day = (name: string) => date(name, { mode: "string" });

/** `created_at timestamptz not null`. */
export const createdAtColumn = () => timestamptz("created_at").notNull();

/** `updated_at timestamptz not null`. */
export const updatedAtColumn = () => timestamptz("updated_at").notNull();

/** `<name> integer not null references <target> on delete cascade`: the row this one belongs to. */
export const ownedBy = (name: string, target: () => AnyPgColumn) =>
  integer(name).notNull().references(target, { onDelete: "cascade" });

/**
 * `<name> integer primary key references <target> on delete cascade`: the table holds at most one
 * row per target row (a group's settings, an applicant person), deleted with it.
 */
export const keyedBy = (name: string, target: () => AnyPgColumn) =>
  integer(name).primaryKey().references(target, { onDelete: "cascade" });

/** `<name> integer references <target> on delete set null`: a row this one names and outlives. */
export const refersTo = (name: string, target: () => AnyPgColumn) =>
  integer(name).references(target, { onDelete: "set null" });

/**
 * The columns of a sweep's record of an event (a reminder, an escalation, an expiry), written once
 * per event: the day the rules put it on, when the sweep recorded it, the notifications it wrote.
 */
export const sweepEventColumns = () => ({
  /** The day the event falls on by the rules (the sweep may record it later if it did not run). */
  dueOn: day("due_on").notNull(),
  recordedAt: timestamptz("recorded_at").notNull(),
  /** Notifications written to the outbox for it. */
  notified: integer("notified").notNull().default(0),
});

const quoted = (values: readonly string[]) => values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ");

/** `column in ('a', 'b', ...)` for a CHECK constraint (values are constants, never input). */
export const oneOf = (column: string, values: readonly string[]): SQL =>
  sql.raw(`${column} in (${quoted(values)})`);

/** The same CHECK naming the table's column itself (`"table"."column" in (...)`). */
export const columnOneOf = (column: AnyPgColumn, values: readonly string[]): SQL =>
  sql`${column} in (${sql.raw(quoted(values))})`;
