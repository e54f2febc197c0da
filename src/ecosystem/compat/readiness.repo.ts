/** Reads the package catalogue (`packages`, kept by the PyPI sync) for readiness. */
import { and, asc, isNotNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { packages } from "../../platform/db/schema.ts";
import { metadataKnownColumn } from "../packages/packages.repo.ts";
import type { RankedPackage } from "./readiness.ts";

/** The columns of a package that its compatibility is judged from (readiness and the tracker). */
export const RANKED_PACKAGE_COLUMNS = {
  metadataKnown: metadataKnownColumn,
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
    .select(RANKED_PACKAGE_COLUMNS)
    .from(packages)
    .where(and(isNotNull(packages.downloadRank), ne(packages.name, "django")))
    .orderBy(asc(packages.downloadRank), asc(packages.name))
    .limit(top);
}

/** Every package in the catalogue (for benchmarks and whole-catalogue readiness). */
export async function selectAllPackages(db: Db): Promise<RankedPackage[]> {
  return db.select(RANKED_PACKAGE_COLUMNS).from(packages).orderBy(asc(packages.name));
}

/** How many catalogued projects have a download rank. */
export async function countRankedPackages(db: Db): Promise<number> {
  const [row] = await db.select({ ranked: sql<number>`count(${packages.downloadRank})::int` }).from(packages);
  return Number(row?.ranked ?? 0);
}
