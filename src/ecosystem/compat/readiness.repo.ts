/** Reads the package catalogue (`packages`, kept by the PyPI sync) for readiness. */
import { and, asc, isNotNull, max, ne, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { packages } from "../../platform/db/schema.ts";
import type { RankedPackage } from "./readiness.ts";

const COLUMNS = {
  name: packages.name,
  displayName: packages.displayName,
  version: packages.latestVersion,
  downloadRank: packages.downloadRank,
  classifiers: packages.classifiers,
  requiresDist: packages.requiresDist,
  requiresPython: packages.requiresPython,
};

/**
 * The `top` best-ranked packages, best first. Unranked ones are never in a top N, and Django itself
 * is left out: it is the framework being judged, not a package that supports it.
 */
export async function selectTopRankedPackages(db: Db, top: number): Promise<RankedPackage[]> {
  return db
    .select(COLUMNS)
    .from(packages)
    .where(and(isNotNull(packages.downloadRank), ne(packages.name, "django")))
    .orderBy(asc(packages.downloadRank), asc(packages.name))
    .limit(top);
}

/** Every package in the catalogue (for benchmarks and whole-catalogue readiness). */
export async function selectAllPackages(db: Db): Promise<RankedPackage[]> {
  return db.select(COLUMNS).from(packages).orderBy(asc(packages.name));
}

/** How big and how fresh the catalogue is. */
export async function selectCatalogueState(
  db: Db,
): Promise<{ packages: number; ranked: number; syncedAt: Date | null }> {
  const [row] = await db
    .select({
      packages: sql<number>`count(*)::int`,
      ranked: sql<number>`count(${packages.downloadRank})::int`,
      syncedAt: max(packages.syncedAt),
    })
    .from(packages);
  return { packages: row?.packages ?? 0, ranked: row?.ranked ?? 0, syncedAt: row?.syncedAt ?? null };
}
