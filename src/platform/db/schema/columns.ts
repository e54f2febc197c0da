/**
 * Columns many tables share, written once: the serial id, the creation time, and a reference to
 * the row a record belongs to (deleted with it). Same SQL as writing them out.
 */
import { type AnyPgColumn, integer, serial, timestamp } from "drizzle-orm/pg-core";

/** `id serial primary key`. */
export const idColumn = () => serial("id").primaryKey();

/** `created_at timestamptz not null`. */
export const createdAtColumn = () => timestamp("created_at", { withTimezone: true }).notNull();

/** `<name> integer not null references <target> on delete cascade`: the row this one belongs to. */
export const ownedBy = (name: string, target: () => AnyPgColumn) =>
  integer(name).notNull().references(target, { onDelete: "cascade" });
