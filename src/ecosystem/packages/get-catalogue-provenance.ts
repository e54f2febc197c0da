/** The catalogue's provenance: latest snapshot, latest finished sync, how many projects are synced. */
import type { Db } from "../../platform/db/client.ts";
import { type CatalogueProvenance, catalogueProvenance } from "./catalogue-provenance.ts";
import { countSyncedPackages, lastFinishedSyncRun, lastSnapshotLoad } from "./packages.repo.ts";

/** Loads the catalogue's provenance. */
export async function getCatalogueProvenance(input: { db: Db }): Promise<CatalogueProvenance> {
  const [counts, snapshot, lastRun] = await Promise.all([
    countSyncedPackages(input.db),
    lastSnapshotLoad(input.db),
    lastFinishedSyncRun(input.db),
  ]);
  return catalogueProvenance({ counts, snapshot, lastRun });
}
