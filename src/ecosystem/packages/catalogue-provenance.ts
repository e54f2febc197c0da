/**
 * Where the catalogue's figures come from: a snapshot file (with the date its data is from) or a
 * sync run against an index (with its time), per project and for the whole catalogue. Pure: the
 * rows come from packages.repo.ts.
 */
import { type Provenance, provenance } from "../../platform/view/provenance.tsx";

/** A snapshot load as stored. */
export interface SnapshotLoad {
  id: number;
  file: string;
  asOf: string | null;
  loadedAt: Date;
}

/** A sync run as stored. */
export interface SyncRunRef {
  id: number;
  indexUrl: string;
  startedAt: Date;
  finishedAt: Date | null;
}

/** Whether a project's release metadata was fetched by a sync or is only known from a snapshot. */
export type MetadataState = "synced" | "not-synced";

/** The command that fills in what a snapshot lacks. */
export const SYNC_COMMAND = "guildhall packages sync --index https://pypi.org";

/** The provenance of figures from a snapshot: its file and the date its data is from. */
export function snapshotProvenance(s: SnapshotLoad): Provenance {
  if (s.asOf === null) {
    return provenance(`snapshot ${s.file} (its date is not known)`, "loaded", s.loadedAt);
  }
  return provenance(
    `snapshot ${s.file}, loaded ${s.loadedAt.toISOString().slice(0, 10)}`,
    "snapshot",
    s.asOf,
  );
}

/** The provenance of figures a sync run fetched, as of `at` (the project's fetch, or the run's end). */
export function syncProvenance(run: SyncRunRef, at: Date | null = null): Provenance {
  const when = at ?? run.finishedAt ?? run.startedAt;
  return provenance(
    `sync run ${run.id} of ${run.indexUrl}${run.finishedAt ? "" : " (still running)"}`,
    "fetched",
    when,
    run.indexUrl,
  );
}

/** What one project row needs for its provenance. */
export interface ProjectOrigin {
  source: "snapshot" | "index";
  syncedAt: Date | null;
  syncRunId: number | null;
  snapshotId: number | null;
}

/** A project's provenance: of its release facts, and of its download rank (which only snapshots carry). */
export interface ProjectProvenance {
  metadata: MetadataState;
  /** Where the version, release date, classifiers, requirements and Requires-Python come from. */
  facts: Provenance | null;
  /** Where the download rank comes from (null when no snapshot gave one). */
  rank: Provenance | null;
}

/** Builds a project's provenance from its row and the snapshot loads and runs it points at. */
export function projectProvenance(
  row: ProjectOrigin,
  sources: { snapshots: ReadonlyMap<number, SnapshotLoad>; runs: ReadonlyMap<number, SyncRunRef> },
): ProjectProvenance {
  const snapshot = row.snapshotId === null ? undefined : sources.snapshots.get(row.snapshotId);
  const rank = snapshot ? snapshotProvenance(snapshot) : null;
  if (row.source === "snapshot") return { metadata: "not-synced", facts: rank, rank };
  const run = row.syncRunId === null ? undefined : sources.runs.get(row.syncRunId);
  const facts = run
    ? syncProvenance(run, row.syncedAt)
    : provenance("a sync from an index (run not recorded)", "fetched", row.syncedAt);
  return { metadata: "synced", facts, rank };
}

/** The whole catalogue's provenance: its latest snapshot, its latest finished sync, and how much is synced. */
export interface CatalogueProvenance {
  packages: number;
  synced: number;
  notSynced: number;
  snapshot: Provenance | null;
  /** Null until a sync has finished: "last synced" appears only after one. */
  lastSync: Provenance | null;
}

/** Builds the catalogue's provenance. */
export function catalogueProvenance(input: {
  counts: { packages: number; synced: number };
  snapshot: SnapshotLoad | null;
  lastRun: SyncRunRef | null;
}): CatalogueProvenance {
  return {
    packages: input.counts.packages,
    synced: input.counts.synced,
    notSynced: input.counts.packages - input.counts.synced,
    snapshot: input.snapshot ? snapshotProvenance(input.snapshot) : null,
    lastSync: input.lastRun ? syncProvenance(input.lastRun) : null,
  };
}
