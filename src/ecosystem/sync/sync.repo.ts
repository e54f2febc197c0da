/** Queries of the PyPI sync: runs, per-project work items, problems, and saving project results. */

import { and, eq, inArray, sql } from "drizzle-orm";
import { appendAudit } from "../../kernel/index.ts";
import type { Db } from "../../platform/db/client.ts";
import {
  packageReleaseDeclarations,
  packageReleases,
  packageSyncItems,
  packageSyncProblems,
  packageSyncRuns,
  packages,
} from "../../platform/db/schema.ts";
import type { ProblemKind, ProjectRecord } from "./pypi-documents.ts";
import type { StoredProject, SyncScope } from "./sync-scope.ts";

/** The outcome of syncing one project, saved atomically with its work item. */
export type ProjectResult =
  | {
      kind: "fetched";
      name: string;
      serial: number;
      etag: string | null;
      record: ProjectRecord;
      coreMetadata: Record<string, string[]> | null;
      /** A non-fatal problem (for example an unreadable core metadata file). */
      warning: { kind: ProblemKind; message: string } | null;
    }
  | { kind: "not_modified"; name: string; serial: number; etag: string | null }
  | { kind: "problem"; name: string; serial: number; problem: { kind: ProblemKind; message: string } };

/** Every catalogued project with its stored serial (null for rows from a snapshot) and listing state. */
export async function loadStoredProjects(db: Db): Promise<Map<string, StoredProject>> {
  const rows = await db
    .select({
      name: packages.name,
      lastSerial: packages.lastSerial,
      source: packages.source,
      delistedAt: packages.delistedAt,
    })
    .from(packages);
  return new Map(
    rows.map((r) => [r.name, { serial: r.lastSerial, source: r.source, delisted: r.delistedAt !== null }]),
  );
}

/** Projects with a problem recorded by an earlier run. */
export async function loadProblemNames(db: Db): Promise<Set<string>> {
  const rows = await db.selectDistinct({ name: packageSyncProblems.name }).from(packageSyncProblems);
  return new Set(rows.map((r) => r.name));
}

/** The unfinished run against `indexUrl`, if a previous sync was interrupted. */
export async function findRunningRun(db: Db, indexUrl: string) {
  const rows = await db
    .select()
    .from(packageSyncRuns)
    .where(and(eq(packageSyncRuns.indexUrl, indexUrl), eq(packageSyncRuns.status, "running")))
    .orderBy(packageSyncRuns.id)
    .limit(1);
  return rows[0];
}

/**
 * Creates a run and its work items, and marks the projects the listing dropped or holds again, in one
 * transaction (a run killed while planning leaves nothing).
 */
export async function createRun(
  db: Db,
  input: {
    indexUrl: string;
    startedAt: Date;
    indexSerial: number | null;
    listed: number;
    scope: SyncScope;
    outOfScope: number;
    items: Array<{ name: string; serial: number }>;
    delist: string[];
    relist: string[];
  },
): Promise<number> {
  return db.transaction(async (tx) => {
    const [run] = await tx
      .insert(packageSyncRuns)
      .values({
        indexUrl: input.indexUrl,
        status: "running",
        startedAt: input.startedAt,
        indexSerial: input.indexSerial,
        listed: input.listed,
        queued: input.items.length,
        scope: input.scope,
        outOfScope: input.outOfScope,
        delisted: input.delist.length,
        relisted: input.relist.length,
      })
      .returning({ id: packageSyncRuns.id });
    if (!run) throw new Error("sync run was not created");
    for (let i = 0; i < input.delist.length; i += 5000) {
      await tx
        .update(packages)
        .set({ delistedAt: input.startedAt })
        .where(inArray(packages.name, input.delist.slice(i, i + 5000)));
    }
    for (let i = 0; i < input.relist.length; i += 5000) {
      await tx
        .update(packages)
        .set({ delistedAt: null })
        .where(inArray(packages.name, input.relist.slice(i, i + 5000)));
    }
    for (let i = 0; i < input.items.length; i += 5000) {
      const chunk = input.items.slice(i, i + 5000).map((it) => ({ runId: run.id, ...it }));
      await tx.insert(packageSyncItems).values(chunk);
    }
    await appendAudit(tx, {
      by: SYNC_ACTOR,
      at: input.startedAt,
      action: "sync.start",
      subjectType: "sync-run",
      subjectId: run.id,
      after: {
        indexUrl: input.indexUrl,
        scope: input.scope,
        listed: input.listed,
        queued: input.items.length,
        delisted: input.delist.length,
        relisted: input.relist.length,
      },
    });
    return run.id;
  });
}

/** Names still pending in a run. */
export async function pendingNames(db: Db, runId: number): Promise<string[]> {
  const rows = await db
    .select({ name: packageSyncItems.name })
    .from(packageSyncItems)
    .where(and(eq(packageSyncItems.runId, runId), eq(packageSyncItems.state, "pending")))
    .orderBy(packageSyncItems.name);
  return rows.map((r) => r.name);
}

/** Pending items among `names`, with the listed serial and the stored ETag to send. */
export async function pendingItems(
  db: Db,
  runId: number,
  names: string[],
): Promise<Array<{ name: string; serial: number; etag: string | null }>> {
  if (names.length === 0) return [];
  return db
    .select({ name: packageSyncItems.name, serial: packageSyncItems.serial, etag: packages.etag })
    .from(packageSyncItems)
    .leftJoin(packages, eq(packages.name, packageSyncItems.name))
    .where(
      and(
        eq(packageSyncItems.runId, runId),
        eq(packageSyncItems.state, "pending"),
        inArray(packageSyncItems.name, names),
      ),
    );
}

/** Item counts by state for a run. */
export async function itemStateCounts(db: Db, runId: number): Promise<Record<string, number>> {
  const rows = await db
    .select({ state: packageSyncItems.state, n: sql<number>`count(*)::int` })
    .from(packageSyncItems)
    .where(eq(packageSyncItems.runId, runId))
    .groupBy(packageSyncItems.state);
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

/** Problems recorded in a run, counted by kind. */
export async function problemCounts(db: Db, runId: number): Promise<Record<string, number>> {
  const rows = await db
    .select({ kind: packageSyncProblems.kind, n: sql<number>`count(*)::int` })
    .from(packageSyncProblems)
    .where(eq(packageSyncProblems.runId, runId))
    .groupBy(packageSyncProblems.kind);
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

/** The package sync as an audit actor (it runs from the command line and the worker). */
const SYNC_ACTOR = { userId: null, label: "sync" };

/** Marks a run finished with its summary (and audits it). */
export async function finishRun(db: Db, runId: number, finishedAt: Date, summary: unknown): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(packageSyncRuns)
      .set({ status: "finished", finishedAt, summary })
      .where(eq(packageSyncRuns.id, runId));
    await appendAudit(tx, {
      by: SYNC_ACTOR,
      at: finishedAt,
      action: "sync.finish",
      subjectType: "sync-run",
      subjectId: runId,
      after: summary,
    });
  });
}

/**
 * Saves a batch of project results and marks their items done, all in one transaction: a project's
 * data, serial and item state are written together or not at all.
 */
export async function saveProjectResults(
  db: Db,
  input: { runId: number; results: ProjectResult[]; at: Date },
): Promise<void> {
  // The same project twice in one batch (a repeated job) would make one upsert touch a row twice.
  const byName = new Map<string, ProjectResult>();
  for (const r of input.results) byName.set(r.name, r);
  const results = [...byName.values()];
  if (results.length === 0) return;
  const at = input.at;
  const fetched = results.flatMap((r) => (r.kind === "fetched" ? [r] : []));
  const notModified = results.flatMap((r) => (r.kind === "not_modified" ? [r] : []));
  const problems = results.flatMap((r) => (r.kind === "problem" ? [r] : []));
  await db.transaction(async (tx) => {
    const names = results.map((r) => r.name);
    await tx.delete(packageSyncProblems).where(inArray(packageSyncProblems.name, names));
    if (fetched.length > 0) {
      // Rows travel as one JSON parameter (see the releases below for why).
      const rows = fetched.map((r) => ({
        name: r.name,
        display_name: r.record.displayName,
        latest_version: r.record.latestVersion,
        latest_release_at: r.record.latestReleaseAt,
        summary: r.record.summary,
        classifiers: r.record.classifiers,
        requires_dist: r.record.requiresDist,
        requires_python: r.record.requiresPython,
        project_urls: r.record.projectUrls,
        yanked: r.record.yanked,
        ownership: r.record.ownership,
        last_serial: r.serial,
        // A partial fetch keeps no ETag: the next run must not be told "304, unchanged" and skip
        // the part that failed (a project's PEP 658 metadata).
        etag: r.warning ? null : r.etag,
        last_error: r.warning ? `${r.warning.kind}: ${r.warning.message}` : null,
        core_metadata: r.coreMetadata,
      }));
      await tx.execute(sql`
        INSERT INTO ${packages} (name, display_name, latest_version, latest_release_at, summary,
          classifiers, requires_dist, requires_python, project_urls, yanked, ownership, last_serial,
          etag, source, synced_at, sync_run_id, last_error, core_metadata)
        SELECT p.name, p.display_name, p.latest_version, p.latest_release_at, p.summary,
          p.classifiers, p.requires_dist, p.requires_python, p.project_urls, p.yanked, p.ownership,
          p.last_serial, p.etag, 'index', ${at.toISOString()}::timestamptz, ${input.runId}::bigint,
          p.last_error, p.core_metadata
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS p(name text, display_name text,
          latest_version text, latest_release_at timestamptz, summary text, classifiers jsonb,
          requires_dist jsonb, requires_python text, project_urls jsonb, yanked boolean,
          ownership jsonb, last_serial bigint, etag text, last_error text, core_metadata jsonb)
        ON CONFLICT (name) DO UPDATE SET
          display_name = excluded.display_name,
          latest_version = excluded.latest_version,
          latest_release_at = excluded.latest_release_at,
          summary = excluded.summary,
          classifiers = excluded.classifiers,
          requires_dist = excluded.requires_dist,
          requires_python = excluded.requires_python,
          project_urls = excluded.project_urls,
          yanked = excluded.yanked,
          ownership = excluded.ownership,
          last_serial = excluded.last_serial,
          etag = excluded.etag,
          source = excluded.source,
          synced_at = excluded.synced_at,
          sync_run_id = excluded.sync_run_id,
          last_error = excluded.last_error,
          core_metadata = excluded.core_metadata`);
      await saveHealthFacts(tx, fetched, at);
      const fetchedNames = fetched.map((r) => r.name);
      await tx.delete(packageReleases).where(inArray(packageReleases.name, fetchedNames));
      const releaseRows = fetched.flatMap((r) =>
        dedupeVersions(r.record.releases).map((rel) => ({
          name: r.name,
          version: rel.version,
          uploaded_at: rel.uploadedAt,
          yanked: rel.yanked,
          requires_python: rel.requiresPython,
        })),
      );
      // One JSON parameter per statement rather than five per row: building and binding thousands of
      // parameters was a large share of a full sync's CPU (profiled: query building and parameter
      // encoding), and the embedded database shares the process's one thread with the fetching.
      for (let i = 0; i < releaseRows.length; i += 5000) {
        await tx.execute(sql`
          INSERT INTO ${packageReleases} (name, version, uploaded_at, yanked, requires_python)
          SELECT r.name, r.version, r.uploaded_at, r.yanked, r.requires_python
          FROM jsonb_to_recordset(${JSON.stringify(releaseRows.slice(i, i + 5000))}::jsonb)
            AS r(name text, version text, uploaded_at timestamptz, yanked boolean, requires_python text)`);
      }
      const warned = fetched.flatMap((r) =>
        r.warning
          ? [
              {
                name: r.name,
                kind: r.warning.kind,
                message: r.warning.message,
                serial: r.serial,
                runId: input.runId,
                seenAt: at,
              },
            ]
          : [],
      );
      if (warned.length > 0) await tx.insert(packageSyncProblems).values(warned);
    }
    for (const r of notModified) {
      await tx
        .update(packages)
        .set({ lastSerial: r.serial, syncedAt: at, syncRunId: input.runId, lastError: null })
        .where(eq(packages.name, r.name));
    }
    if (problems.length > 0) {
      await tx.insert(packageSyncProblems).values(
        problems.map((r) => ({
          name: r.name,
          kind: r.problem.kind,
          message: r.problem.message,
          serial: r.serial,
          runId: input.runId,
          seenAt: at,
        })),
      );
      for (const r of problems) {
        await tx
          .update(packages)
          .set({ lastError: `${r.problem.kind}: ${r.problem.message}` })
          .where(eq(packages.name, r.name));
      }
    }
    for (const state of ["fetched", "not_modified", "problem"] as const) {
      const group = results.filter((r) => r.kind === state).map((r) => r.name);
      if (group.length === 0) continue;
      await tx
        .update(packageSyncItems)
        .set({ state: state === "problem" ? "error" : state })
        .where(and(eq(packageSyncItems.runId, input.runId), inArray(packageSyncItems.name, group)));
    }
  });
}

/**
 * Facts health and reviews need beyond the catalogue row: the latest release's declarations (kept
 * across syncs, so time to support builds up) and its known vulnerabilities.
 */
async function saveHealthFacts(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  fetched: Array<Extract<ProjectResult, { kind: "fetched" }>>,
  at: Date,
): Promise<void> {
  const declarations = fetched.map((r) => ({
    name: r.name,
    version: r.record.latestVersion,
    uploaded_at: r.record.latestReleaseAt,
    classifiers: r.record.classifiers,
    requires_dist: r.record.requiresDist,
    requires_python: r.record.requiresPython,
  }));
  await tx.execute(sql`
    INSERT INTO ${packageReleaseDeclarations} (name, version, uploaded_at, classifiers, requires_dist,
      requires_python, source, recorded_at)
    SELECT d.name, d.version, d.uploaded_at, d.classifiers, d.requires_dist, d.requires_python, 'sync',
      ${at.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(declarations)}::jsonb) AS d(name text, version text,
      uploaded_at timestamptz, classifiers jsonb, requires_dist jsonb, requires_python text)
    ON CONFLICT (name, version) DO UPDATE SET uploaded_at = excluded.uploaded_at,
      classifiers = excluded.classifiers, requires_dist = excluded.requires_dist,
      requires_python = excluded.requires_python, source = excluded.source, recorded_at = excluded.recorded_at`);
  const vulnerabilities = fetched.map((r) => ({ name: r.name, v: r.record.vulnerabilities }));
  await tx.execute(sql`
    UPDATE ${packages} SET vulnerabilities = x.v
    FROM jsonb_to_recordset(${JSON.stringify(vulnerabilities)}::jsonb) AS x(name text, v jsonb)
    WHERE ${packages.name} = x.name`);
}

function dedupeVersions<T extends { version: string }>(releases: T[]): T[] {
  const seen = new Map<string, T>();
  for (const r of releases) seen.set(r.version, r);
  return [...seen.values()];
}
