/** Queries of the compatibility tracker's entries set by hand. */
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/client.ts";
import { packages, trackerEntries } from "../../platform/db/schema.ts";
import { metadataKnownColumn } from "../packages/packages.repo.ts";

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
  const [row] = await db
    .select({
      metadataKnown: metadataKnownColumn,
      name: packages.name,
      displayName: packages.displayName,
      version: packages.latestVersion,
      downloadRank: packages.downloadRank,
      classifiers: packages.classifiers,
      requiresDist: packages.requiresDist,
      requiresPython: packages.requiresPython,
    })
    .from(packages)
    .where(eq(packages.name, name));
  return row ?? null;
}
