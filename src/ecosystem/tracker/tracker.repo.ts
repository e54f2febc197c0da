/** Queries of the compatibility tracker's entries set by hand. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/client.ts";
import {
  packages,
  seriesChannels,
  trackerEntries,
  trackerSubscriptions,
  users,
} from "../../platform/db/schema.ts";
import { RANKED_PACKAGE_COLUMNS } from "../compat/readiness.repo.ts";

/** Who set a tracker row and when: the columns every row set by hand stores (null user: the command line). */
export function setBy(by: { userId: number | null; name: string }, at: Date) {
  return { setByUserId: by.userId, setByName: by.name, setAt: at };
}

/** Entries of one series for the named packages. */
export async function entriesOf(db: Db, series: string, names: readonly string[]) {
  if (names.length === 0) return [];
  return db
    .select()
    .from(trackerEntries)
    .where(and(eq(trackerEntries.series, series), inArray(trackerEntries.packageName, [...names])));
}

/** One entry. */
export async function findEntry(db: Db | Tx, series: string, name: string) {
  const [row] = await db
    .select()
    .from(trackerEntries)
    .where(and(eq(trackerEntries.series, series), eq(trackerEntries.packageName, name)));
  return row;
}

/** Writes (or replaces) an entry. */
export async function upsertEntry(db: Db | Tx, row: typeof trackerEntries.$inferInsert) {
  const [saved] = await db
    .insert(trackerEntries)
    .values(row)
    .onConflictDoUpdate({
      target: [trackerEntries.series, trackerEntries.packageName],
      set: {
        status: row.status,
        link: row.link ?? null,
        reason: row.reason ?? null,
        setByUserId: row.setByUserId ?? null,
        setByName: row.setByName,
        setAt: row.setAt,
      },
    })
    .returning();
  if (!saved) throw new Error("tracker entry was not saved");
  return saved;
}

/** One package's compatibility facts (null when not catalogued). */
export async function packageFacts(db: Db, name: string) {
  const [row] = await db.select(RANKED_PACKAGE_COLUMNS).from(packages).where(eq(packages.name, name));
  return row ?? null;
}

/** Subscribes an account to a package's reminders (no-op when already); true when new. */
export async function insertSubscription(db: Db | Tx, row: typeof trackerSubscriptions.$inferInsert) {
  const rows = await db.insert(trackerSubscriptions).values(row).onConflictDoNothing().returning();
  return rows.length > 0;
}

/** Removes a subscription; true when there was one. */
export async function deleteSubscription(db: Db | Tx, userId: number, packageName: string) {
  const rows = await db
    .delete(trackerSubscriptions)
    .where(and(eq(trackerSubscriptions.userId, userId), eq(trackerSubscriptions.packageName, packageName)))
    .returning();
  return rows.length > 0;
}

/** Whether the account is subscribed to the package. */
export async function isSubscribed(db: Db | Tx, userId: number, packageName: string) {
  const rows = await db
    .select({ u: trackerSubscriptions.userId })
    .from(trackerSubscriptions)
    .where(and(eq(trackerSubscriptions.userId, userId), eq(trackerSubscriptions.packageName, packageName)));
  return rows.length > 0;
}

/** Every subscription of enabled accounts, by account. */
export async function allSubscriptions(db: Db | Tx) {
  return db
    .select({ userId: trackerSubscriptions.userId, packageName: trackerSubscriptions.packageName })
    .from(trackerSubscriptions)
    .innerJoin(users, eq(users.id, trackerSubscriptions.userId))
    .where(sql`${users.disabledAt} is null`)
    .orderBy(asc(trackerSubscriptions.userId), asc(trackerSubscriptions.packageName));
}

/** A series' discussion channel, if the group set one. */
export async function findChannel(db: Db | Tx, series: string) {
  const [row] = await db.select().from(seriesChannels).where(eq(seriesChannels.series, series));
  return row;
}

/** Sets (or replaces) a series' discussion channel. */
export async function upsertChannel(db: Db | Tx, row: typeof seriesChannels.$inferInsert) {
  const [saved] = await db
    .insert(seriesChannels)
    .values(row)
    .onConflictDoUpdate({
      target: seriesChannels.series,
      set: { url: row.url, setByUserId: row.setByUserId ?? null, setByName: row.setByName, setAt: row.setAt },
    })
    .returning();
  if (!saved) throw new Error("channel was not saved");
  return saved;
}
