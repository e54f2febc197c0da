/** The catalogue row a site checkup reads. */
import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { packages } from "../../platform/db/schema.ts";

/** One catalogued package's metadata fields, or undefined. */
export async function findCataloguePackage(db: Db, name: string) {
  const [row] = await db
    .select({
      name: packages.name,
      displayName: packages.displayName,
      source: packages.source,
      syncedAt: packages.syncedAt,
      classifiers: packages.classifiers,
      requiresDist: packages.requiresDist,
      requiresPython: packages.requiresPython,
      projectUrls: packages.projectUrls,
      coreMetadata: packages.coreMetadata,
    })
    .from(packages)
    .where(eq(packages.name, name))
    .limit(1);
  return row;
}
