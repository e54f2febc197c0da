/** Queries of the package catalogue: snapshot upserts, listing with filters, one project. */
import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { packageReleases, packageSnapshots, packageSyncRuns, packages } from "../../platform/db/schema.ts";
import { hasOpenCallCondition } from "../maintainers/maintainers.repo.ts";
import type { SnapshotRow } from "./snapshot-tsv.ts";

/**
 * True for rows whose release metadata a sync fetched; snapshot-only rows carry none, so their
 * empty classifiers and requirements mean "not known", not "declares nothing".
 */
export const metadataKnownColumn = sql<boolean>`(${packages.source} = 'index')`;

/** Records the start of a snapshot load (which file, the date its data is from) and returns its id. */
export async function insertSnapshotLoad(
  db: Db,
  row: { file: string; asOf: string | null; loadedAt: Date },
): Promise<number> {
  const [inserted] = await db.insert(packageSnapshots).values(row).returning({ id: packageSnapshots.id });
  if (!inserted) throw new Error("snapshot load row was not inserted");
  return inserted.id;
}

/** Stores how many projects a snapshot load wrote. */
export async function finishSnapshotLoad(db: Db, id: number, projects: number): Promise<void> {
  await db.update(packageSnapshots).set({ projects }).where(eq(packageSnapshots.id, id));
}

/**
 * Upserts snapshot rows. Rows an index sync wrote keep their synced facts; only the download rank
 * (which only snapshots carry) is refreshed on them, and every row points at the snapshot its
 * rank came from. Snapshot rows have no sync time: a load is not a sync.
 */
export async function upsertSnapshotRows(db: Db, rows: SnapshotRow[], snapshotId: number): Promise<void> {
  if (rows.length === 0) return;
  const fromSnapshot = sql`${packages.source} = 'snapshot'`;
  const keepOrTake = (column: SQL, excluded: SQL) =>
    sql`CASE WHEN ${fromSnapshot} THEN ${excluded} ELSE ${column} END`;
  await db
    .insert(packages)
    .values(
      rows.map((r) => ({
        name: r.name,
        displayName: r.displayName,
        latestVersion: r.latestVersion,
        latestReleaseAt: r.latestReleaseAt,
        downloadRank: r.downloadRank,
        summary: r.summary,
        source: "snapshot" as const,
        syncedAt: null,
        snapshotId,
      })),
    )
    .onConflictDoUpdate({
      target: packages.name,
      set: {
        displayName: keepOrTake(sql`${packages.displayName}`, sql`excluded.display_name`),
        latestVersion: keepOrTake(sql`${packages.latestVersion}`, sql`excluded.latest_version`),
        latestReleaseAt: keepOrTake(sql`${packages.latestReleaseAt}`, sql`excluded.latest_release_at`),
        summary: keepOrTake(sql`${packages.summary}`, sql`coalesce(excluded.summary, ${packages.summary})`),
        downloadRank: sql`excluded.download_rank`,
        syncedAt: keepOrTake(sql`${packages.syncedAt}`, sql`excluded.synced_at`),
        snapshotId: sql`excluded.snapshot_id`,
      },
    });
}

/** Number of catalogued projects. */
export async function countAllPackages(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(packages);
  return Number(row?.n ?? 0);
}

/** Filters of the package list. */
export interface PackageFilter {
  /** Substring of the normalised name. */
  q?: string;
  /** Django series the project declares (classifier `Framework :: Django :: X.Y`); see list-packages.ts for judged support. */
  django?: string;
  /** Python version the project declares (classifier `Programming Language :: Python :: 3.X`). */
  python?: string;
  /** Latest release on or after this date. */
  releasedAfter?: Date;
  /** Latest release before this date (for "no release for years"). */
  releasedBefore?: Date;
  sort?: "rank" | "name" | "recent";
  /** Only packages with an open call for maintainers. */
  maintainersWanted?: boolean;
}

function whereOf(f: PackageFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.q) conds.push(ilike(packages.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (f.django) {
    const major = f.django.split(".")[0] ?? f.django;
    conds.push(
      sql`(${packages.classifiers} @> ${JSON.stringify([`Framework :: Django :: ${f.django}`])}::jsonb or ${packages.classifiers} @> ${JSON.stringify([`Framework :: Django :: ${major}`])}::jsonb)`,
    );
  }
  if (f.python) {
    conds.push(
      sql`${packages.classifiers} @> ${JSON.stringify([`Programming Language :: Python :: ${f.python}`])}::jsonb`,
    );
  }
  if (f.releasedAfter) conds.push(gte(packages.latestReleaseAt, f.releasedAfter));
  if (f.releasedBefore) conds.push(lt(packages.latestReleaseAt, f.releasedBefore));
  if (f.maintainersWanted) conds.push(hasOpenCallCondition);
  return conds.length ? and(...conds) : undefined;
}

function orderOf(f: PackageFilter): SQL[] {
  return f.sort === "name"
    ? [asc(packages.name)]
    : f.sort === "recent"
      ? [sql`${packages.latestReleaseAt} desc nulls last`, asc(packages.name)]
      : [sql`${packages.downloadRank} asc nulls last`, asc(packages.name)];
}

/** Every matching project's compatibility facts, in the list's order (for judging support). */
export async function listPackageFacts(db: Db, f: PackageFilter) {
  return db
    .select({
      name: packages.name,
      version: packages.latestVersion,
      classifiers: packages.classifiers,
      requiresDist: packages.requiresDist,
      requiresPython: packages.requiresPython,
      metadataKnown: metadataKnownColumn,
    })
    .from(packages)
    .where(whereOf(f))
    .orderBy(...orderOf(f));
}

/** Every matching project's name, in the list's order (for filters computed outside the database). */
export async function listPackageNames(db: Db, f: PackageFilter): Promise<string[]> {
  const rows = await db
    .select({ name: packages.name })
    .from(packages)
    .where(whereOf(f))
    .orderBy(...orderOf(f));
  return rows.map((r) => r.name);
}

/** Whole rows of the named projects, in the order of `names`. */
export async function packagesNamed(db: Db, names: string[]) {
  const byName = new Map<string, typeof packages.$inferSelect>();
  for (let i = 0; i < names.length; i += 5000) {
    const chunk = names.slice(i, i + 5000);
    for (const r of await db.select().from(packages).where(inArray(packages.name, chunk)))
      byName.set(r.name, r);
  }
  return names.flatMap((n) => byName.get(n) ?? []);
}

/** One page of matching projects plus the total count. */
export async function listPackageRows(db: Db, f: PackageFilter, page: { offset: number; limit: number }) {
  const where = whereOf(f);
  const order = orderOf(f);
  const rows = await db
    .select()
    .from(packages)
    .where(where)
    .orderBy(...order)
    .offset(page.offset)
    .limit(page.limit);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(packages).where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

/** One project by normalised name. */
export async function findPackage(db: Db, name: string) {
  const [row] = await db.select().from(packages).where(eq(packages.name, name)).limit(1);
  return row;
}

/** Releases of a project, oldest first. */
export async function findReleases(db: Db, name: string) {
  return db
    .select()
    .from(packageReleases)
    .where(eq(packageReleases.name, name))
    .orderBy(sql`${packageReleases.uploadedAt} asc nulls first`, desc(packageReleases.version));
}

/** The latest finished sync run (null when the catalogue has never been synced). */
export async function lastFinishedSyncRun(db: Db) {
  const [row] = await db
    .select({
      id: packageSyncRuns.id,
      indexUrl: packageSyncRuns.indexUrl,
      scope: packageSyncRuns.scope,
      startedAt: packageSyncRuns.startedAt,
      finishedAt: packageSyncRuns.finishedAt,
    })
    .from(packageSyncRuns)
    .where(isNotNull(packageSyncRuns.finishedAt))
    .orderBy(desc(packageSyncRuns.finishedAt), desc(packageSyncRuns.id))
    .limit(1);
  return row ?? null;
}

/** The latest snapshot load (null when none was loaded). */
export async function lastSnapshotLoad(db: Db) {
  const [row] = await db
    .select()
    .from(packageSnapshots)
    .orderBy(desc(packageSnapshots.loadedAt), desc(packageSnapshots.id))
    .limit(1);
  return row ?? null;
}

/** Snapshot loads and sync runs by id (for the provenance of a page of rows). */
export async function provenanceSources(db: Db, ids: { snapshots: number[]; runs: number[] }) {
  const snapshots = ids.snapshots.length
    ? await db.select().from(packageSnapshots).where(inArray(packageSnapshots.id, ids.snapshots))
    : [];
  const runs = ids.runs.length
    ? await db
        .select({
          id: packageSyncRuns.id,
          indexUrl: packageSyncRuns.indexUrl,
          startedAt: packageSyncRuns.startedAt,
          finishedAt: packageSyncRuns.finishedAt,
        })
        .from(packageSyncRuns)
        .where(inArray(packageSyncRuns.id, ids.runs))
    : [];
  return { snapshots, runs };
}

/** How many catalogued projects a sync has fetched, and how many only a snapshot knows. */
export async function countSyncedPackages(db: Db): Promise<{ packages: number; synced: number }> {
  const [row] = await db
    .select({
      packages: sql<number>`count(*)::int`,
      synced: sql<number>`count(*) filter (where ${packages.source} = 'index')::int`,
    })
    .from(packages);
  return { packages: Number(row?.packages ?? 0), synced: Number(row?.synced ?? 0) };
}
