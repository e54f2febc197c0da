/** Queries of repository signals: which packages to fetch next, and saving one repository's row. */
import { asc, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { packageRepositories, packages } from "../../platform/db/schema.ts";

/** One stored row of `package_repositories`. */
export type RepositoryRow = typeof packageRepositories.$inferSelect;

/**
 * Synced packages with project URLs, never-fetched first, then least recently fetched, each group
 * by download rank (most used first).
 */
export async function reposToFetch(db: Db, limit: number) {
  const rows = await db
    .select({ name: packages.name, projectUrls: packages.projectUrls, stored: packageRepositories })
    .from(packages)
    .leftJoin(packageRepositories, sql`${packageRepositories.name} = ${packages.name}`)
    .where(sql`${packages.source} = 'index' and ${packages.projectUrls}::text ilike '%github.com/%'`)
    .orderBy(
      sql`${packageRepositories.fetchedAt} asc nulls first`,
      sql`${packages.downloadRank} asc nulls last`,
      asc(packages.name),
    )
    .limit(limit);
  return rows.map((r) => ({ name: r.name, projectUrls: r.projectUrls, stored: r.stored }));
}

/** Inserts or replaces one package's repository row. */
export async function saveRepositoryRow(db: Db, row: RepositoryRow): Promise<void> {
  const { name, ...rest } = row;
  await db
    .insert(packageRepositories)
    .values(row)
    .onConflictDoUpdate({ target: packageRepositories.name, set: rest });
}
