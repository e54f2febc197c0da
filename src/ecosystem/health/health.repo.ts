/** Queries that gather a package's health facts: catalogue row, release counts, declarations, repository signals. */
import { and, gte, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import {
  packageReleaseDeclarations,
  packageReleases,
  packageRepositories,
  packages,
  releaseMilestones,
} from "../../platform/db/schema.ts";
import type { HealthFacts, ReleaseDeclaration, RepositorySignals } from "./compute-health.ts";

const CHUNK = 5000;

async function inChunks<T>(
  names: string[] | null,
  load: (chunk: string[] | null) => Promise<T[]>,
): Promise<T[]> {
  if (names === null) return load(null);
  const out: T[] = [];
  for (let i = 0; i < names.length; i += CHUNK) out.push(...(await load(names.slice(i, i + CHUNK))));
  return out;
}

/** Health facts of the named packages (every package when `names` is null), keyed by name. */
export async function loadHealthFacts(
  db: Db,
  names: string[] | null,
  now: Date,
): Promise<Map<string, HealthFacts>> {
  const cutoff = new Date(now.getTime() - 730 * 86_400_000);
  const rows = await inChunks(names, (chunk) =>
    db
      .select({
        name: packages.name,
        source: packages.source,
        latestVersion: packages.latestVersion,
        latestReleaseAt: packages.latestReleaseAt,
        classifiers: packages.classifiers,
        requiresDist: packages.requiresDist,
        requiresPython: packages.requiresPython,
        projectUrls: packages.projectUrls,
        coreMetadata: packages.coreMetadata,
        ownership: packages.ownership,
        downloadRank: packages.downloadRank,
        vulnerabilities: packages.vulnerabilities,
      })
      .from(packages)
      .where(chunk ? inArray(packages.name, chunk) : undefined),
  );
  const recent = await inChunks(names, (chunk) =>
    db
      .select({ name: packageReleases.name, n: sql<number>`count(*)::int` })
      .from(packageReleases)
      .where(
        and(
          gte(packageReleases.uploadedAt, cutoff),
          chunk ? inArray(packageReleases.name, chunk) : undefined,
        ),
      )
      .groupBy(packageReleases.name),
  );
  const declarations = await inChunks(names, (chunk) =>
    db
      .select()
      .from(packageReleaseDeclarations)
      .where(chunk ? inArray(packageReleaseDeclarations.name, chunk) : undefined),
  );
  const repos = await inChunks(names, (chunk) =>
    db
      .select()
      .from(packageRepositories)
      .where(chunk ? inArray(packageRepositories.name, chunk) : undefined),
  );
  const recentBy = new Map(recent.map((r) => [r.name, Number(r.n)]));
  const declBy = new Map<string, ReleaseDeclaration[]>();
  for (const d of declarations) {
    const list = declBy.get(d.name) ?? [];
    list.push({
      version: d.version,
      uploadedAt: d.uploadedAt,
      classifiers: d.classifiers,
      requiresDist: d.requiresDist,
      requiresPython: d.requiresPython,
    });
    declBy.set(d.name, list);
  }
  const repoBy = new Map<string, RepositorySignals>(
    repos.map((r) => [
      r.name,
      {
        repo: r.repo,
        status: r.status,
        archived: r.archived,
        pushedAt: r.pushedAt,
        openIssues: r.openIssues,
        securityPolicy: r.securityPolicy,
        ciConclusion: r.ciConclusion,
        fetchedAt: r.fetchedAt,
      },
    ]),
  );
  const out = new Map<string, HealthFacts>();
  for (const r of rows) {
    const synced = r.source === "index";
    out.set(r.name, {
      name: r.name,
      synced,
      latestVersion: r.latestVersion,
      latestReleaseAt: r.latestReleaseAt,
      releasesLastTwoYears: synced ? (recentBy.get(r.name) ?? 0) : null,
      classifiers: r.classifiers,
      requiresDist: r.requiresDist,
      requiresPython: r.requiresPython,
      projectUrls: r.projectUrls,
      licenseExpression: r.coreMetadata?.["License-Expression"]?.[0] ?? null,
      ownership: r.ownership,
      downloadRank: r.downloadRank,
      vulnerabilities: r.vulnerabilities,
      declarations: declBy.get(r.name) ?? [],
      repository: repoBy.get(r.name) ?? null,
      contacts: [
        ...(r.coreMetadata?.["Maintainer-email"] ?? []),
        ...(r.coreMetadata?.["Author-email"] ?? []),
      ],
    });
  }
  return out;
}

/** Every download rank in the catalogue (for percentiles). */
export async function catalogueRanks(db: Db): Promise<number[]> {
  const rows = await db
    .select({ r: packages.downloadRank })
    .from(packages)
    .where(isNotNull(packages.downloadRank));
  return rows.map((r) => r.r ?? 0);
}

/** A cheap fingerprint of everything health reads, so a cached result can tell it is stale. */
export async function healthFingerprint(db: Db): Promise<string> {
  const [row] = await db
    .select({
      packages: sql<string>`(select count(*) || '/' || coalesce(max(${packages.syncedAt})::text, '') || '/' || count(${packages.downloadRank}) from ${packages})`,
      repos: sql<string>`(select count(*) || '/' || coalesce(max(${packageRepositories.fetchedAt})::text, '') from ${packageRepositories})`,
      decl: sql<string>`(select count(*) || '/' || coalesce(max(${packageReleaseDeclarations.recordedAt})::text, '') from ${packageReleaseDeclarations})`,
      milestones: sql<string>`(select count(*)::text from ${releaseMilestones})`,
    })
    .from(sql`(select 1) as one`);
  return JSON.stringify(row ?? {});
}
