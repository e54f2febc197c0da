import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from "drizzle-orm/pg-core";
import { SYNC_ITEM_STATES, SYNC_PROBLEM_KINDS, SYNC_RUN_STATUSES, SYNC_SCOPES } from "./closed-sets.ts";
import { idColumn, oneOf, refersTo, timestamptz } from "./columns.ts";

/** Who may publish a project on PyPI, as the JSON API's `ownership` block reports it. */
export interface PackageOwnership {
  roles: Array<{ role: string; user: string }>;
  organization: string | null;
}

/**
 * One row per snapshot file loaded into the catalogue: which file, the date its data is from, when
 * it was loaded. Snapshot rows carry no metadata (no classifiers, requirements, Requires-Python),
 * so their compatibility is unknown until a sync fetches it; download ranks only come from here.
 */
export const packageSnapshots = pgTable("package_snapshots", {
  id: idColumn(),
  /** The file's name as given (no directory), e.g. `packages-2026-11.tsv.gz`. */
  file: text("file").notNull(),
  /** The date the snapshot's data is from (`2026-11`, from the file name or given); null when unknown. */
  asOf: text("as_of"),
  loadedAt: timestamptz("loaded_at").notNull(),
  /** Projects loaded from it. */
  projects: integer("projects").notNull().default(0),
});
/** A known vulnerability of a release, as PyPI's JSON API reports it (from the OSV database). */
export interface PackageVulnerability {
  id: string;
  aliases: string[];
  summary: string | null;
  fixedIn: string[];
  link: string | null;
}

/** The package catalogue: one row per PyPI project, keyed by its PEP 503 normalised name. */
export const packages = pgTable(
  "packages",
  {
    /** PEP 503 normalised name (lower case, runs of `-_.` become `-`). */
    name: text("name").primaryKey(),
    /** The name as the project spells it. */
    displayName: text("display_name").notNull(),
    latestVersion: text("latest_version").notNull(),
    latestReleaseAt: timestamptz("latest_release_at"),
    /** 1 = most downloaded; null when outside the ranked set. */
    downloadRank: integer("download_rank"),
    summary: text("summary"),
    classifiers: jsonb("classifiers").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    requiresDist: jsonb("requires_dist").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    requiresPython: text("requires_python"),
    projectUrls: jsonb("project_urls").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    /** True when the latest release is yanked. */
    yanked: boolean("yanked").notNull().default(false),
    ownership: jsonb("ownership")
      .$type<PackageOwnership>()
      .notNull()
      .default(sql`'{"roles":[],"organization":null}'::jsonb`),
    /** The index's serial for this project when last synced (null for snapshot-only rows). */
    lastSerial: bigint("last_serial", { mode: "number" }),
    /** ETag of the project's simple-API page when last fetched. */
    etag: text("etag"),
    /** Where the row came from: a loaded snapshot file or a sync from an index. */
    source: text("source").$type<"snapshot" | "index">().notNull(),
    /** When a sync last fetched or confirmed this project; null until one does (snapshot-only rows). */
    syncedAt: timestamptz("synced_at"),
    /** The sync run that last fetched or confirmed this project (null until one does). */
    syncRunId: bigint("sync_run_id", { mode: "number" }).references(() => packageSyncRuns.id, {
      onDelete: "set null",
    }),
    /** The snapshot load that last wrote this row or its download rank (null when none did). */
    snapshotId: refersTo("snapshot_id", () => packageSnapshots.id),
    /** Last problem met fetching this project (null when the last fetch was clean). */
    lastError: text("last_error"),
    /** Header fields of the latest release's core metadata file (PEP 658), when the index offers one. */
    coreMetadata: jsonb("core_metadata").$type<Record<string, string[]>>(),
    /**
     * When a sync first found this project missing from the index's listing (deleted or renamed
     * upstream); cleared when the index lists it again. Null while listed.
     */
    delistedAt: timestamptz("delisted_at"),
    /**
     * Known vulnerabilities of the latest release (the JSON API's `vulnerabilities`, withdrawn ones
     * left out); null when never synced with that field (unknown, not "none").
     */
    vulnerabilities: jsonb("vulnerabilities").$type<PackageVulnerability[]>(),
  },
  (t) => [
    index("packages_download_rank").on(t.downloadRank),
    index("packages_latest_release").on(t.latestReleaseAt),
  ],
);

/** `<name> text not null references packages(name) on delete cascade`: the package a row is about. */
export const packageColumn = (name: string) =>
  text(name)
    .notNull()
    .references(() => packages.name, { onDelete: "cascade" });

/** Every known release of a project, with its upload time. */
export const packageReleases = pgTable(
  "package_releases",
  {
    name: packageColumn("name"),
    version: text("version").notNull(),
    /** Earliest upload time of the release's files; null when the release has no files. */
    uploadedAt: timestamptz("uploaded_at"),
    yanked: boolean("yanked").notNull().default(false),
    requiresPython: text("requires_python"),
  },
  (t) => [primaryKey({ columns: [t.name, t.version] })],
);

/** One row per sync run against an index; a killed run is resumed by the next `packages sync`. */
export const packageSyncRuns = pgTable(
  "package_sync_runs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    indexUrl: text("index_url").notNull(),
    /** running | finished */
    status: text("status", { enum: SYNC_RUN_STATUSES }).notNull(),
    startedAt: timestamptz("started_at").notNull(),
    finishedAt: timestamptz("finished_at"),
    /** The index's `X-PyPI-Last-Serial` when the project list was read. */
    indexSerial: bigint("index_serial", { mode: "number" }),
    /** Projects listed by the index. */
    listed: integer("listed").notNull().default(0),
    /** Projects queued for fetching (new or changed serial). */
    queued: integer("queued").notNull().default(0),
    /** `listed` (every project the index lists) or `catalogue` (known projects and new Django ones). */
    scope: text("scope", { enum: SYNC_SCOPES }).notNull().default("listed"),
    /** Listed projects left out by the scope. */
    outOfScope: integer("out_of_scope").notNull().default(0),
    /** Synced projects the listing no longer holds (marked delisted by this run). */
    delisted: integer("delisted").notNull().default(0),
    /** Delisted projects the index lists again. */
    relisted: integer("relisted").notNull().default(0),
    /** Counters at the end of the run (fetched, unchanged, notModified, errors by kind, duration). */
    summary: jsonb("summary").notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    check("package_sync_runs_status", oneOf("status", SYNC_RUN_STATUSES)),
    check("package_sync_runs_scope", oneOf("scope", SYNC_SCOPES)),
  ],
);

/**
 * Per-project work of a sync run: written when the run is planned, marked done in the same
 * transaction that saves the project, so a killed run resumes exactly where it stopped.
 */
export const packageSyncItems = pgTable(
  "package_sync_items",
  {
    runId: bigint("run_id", { mode: "number" })
      .notNull()
      .references(() => packageSyncRuns.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The project's serial in the index listing. */
    serial: bigint("serial", { mode: "number" }).notNull(),
    /** pending | fetched | not_modified | error */
    state: text("state", { enum: SYNC_ITEM_STATES }).notNull().default("pending"),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.name] }),
    index("package_sync_items_state").on(t.runId, t.state),
    check("package_sync_items_state_known", oneOf("state", SYNC_ITEM_STATES)),
  ],
);

/** Problems met while syncing a project (malformed JSON, 404, timeouts), one row per project and kind. */
export const packageSyncProblems = pgTable(
  "package_sync_problems",
  {
    name: text("name").notNull(),
    /** not_found | malformed | truncated | http | timeout | network | metadata */
    kind: text("kind", { enum: SYNC_PROBLEM_KINDS }).notNull(),
    message: text("message").notNull(),
    /** The serial the index listed when the problem was met. */
    serial: bigint("serial", { mode: "number" }),
    runId: bigint("run_id", { mode: "number" }),
    seenAt: timestamptz("seen_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.name, t.kind] }),
    check("package_sync_problems_kind", oneOf("kind", SYNC_PROBLEM_KINDS)),
  ],
);
