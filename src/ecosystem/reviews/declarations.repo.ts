/** Queries of recorded release declarations (for the backfill and time to support). */
import { and, asc, eq, gte, inArray, isNotNull, ne, notExists, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { packageReleaseDeclarations, packageReleases, packages } from "../../platform/db/schema.ts";

/** Releases of the top-ranked synced packages uploaded since `since` that have no declaration yet. */
export async function releasesWithoutDeclarations(db: Db, input: { top: number; since: Date }) {
  const top = await db
    .select({ name: packages.name })
    .from(packages)
    .where(and(eq(packages.source, "index"), isNotNull(packages.downloadRank), ne(packages.name, "django")))
    .orderBy(asc(packages.downloadRank), asc(packages.name))
    .limit(input.top);
  if (top.length === 0) return [];
  return db
    .select({
      name: packageReleases.name,
      version: packageReleases.version,
      uploadedAt: packageReleases.uploadedAt,
    })
    .from(packageReleases)
    .where(
      and(
        inArray(
          packageReleases.name,
          top.map((t) => t.name),
        ),
        gte(packageReleases.uploadedAt, input.since),
        notExists(
          db
            .select({ one: sql`1` })
            .from(packageReleaseDeclarations)
            .where(
              and(
                eq(packageReleaseDeclarations.name, packageReleases.name),
                eq(packageReleaseDeclarations.version, packageReleases.version),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(packageReleases.name), asc(packageReleases.uploadedAt));
}

/** Records declarations read by the backfill (a declaration the sync recorded is kept). */
export async function saveDeclarations(
  db: Db,
  rows: Array<{
    name: string;
    version: string;
    uploadedAt: Date | null;
    classifiers: string[];
    requiresDist: string[];
    requiresPython: string | null;
  }>,
  at: Date,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    if (chunk.length === 0) continue;
    await db
      .insert(packageReleaseDeclarations)
      .values(chunk.map((r) => ({ ...r, source: "backfill" as const, recordedAt: at })))
      .onConflictDoNothing();
  }
}
