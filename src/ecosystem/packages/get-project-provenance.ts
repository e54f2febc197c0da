/** The provenance of a page of catalogue rows, by project name, in two queries whatever the page size. */
import type { Db } from "../../platform/db/client.ts";
import { type ProjectOrigin, type ProjectProvenance, projectProvenance } from "./catalogue-provenance.ts";
import { provenanceSources } from "./packages.repo.ts";

/** Loads the snapshot loads and sync runs the rows point at and builds each row's provenance. */
export async function getProjectProvenance(input: {
  db: Db;
  rows: ReadonlyArray<ProjectOrigin & { name: string }>;
}): Promise<Map<string, ProjectProvenance>> {
  const snapshotIds = [...new Set(input.rows.flatMap((r) => (r.snapshotId === null ? [] : [r.snapshotId])))];
  const runIds = [...new Set(input.rows.flatMap((r) => (r.syncRunId === null ? [] : [r.syncRunId])))];
  const { snapshots, runs } = await provenanceSources(input.db, { snapshots: snapshotIds, runs: runIds });
  const sources = {
    snapshots: new Map(snapshots.map((s) => [s.id, s])),
    runs: new Map(runs.map((r) => [r.id, r])),
  };
  return new Map(input.rows.map((r) => [r.name, projectProvenance(r, sources)]));
}
