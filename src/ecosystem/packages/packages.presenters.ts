/**
 * A catalogue row as the API and the CSV give it. A project only a snapshot knows has unknown
 * classifiers, requirements and Requires-Python (null, "unknown"), never empty ones: empty means
 * the synced release declares none. Every row says where its facts and its rank come from.
 */
import { type Provenance, provenanceText } from "../../platform/view/provenance.tsx";
import type { ProjectProvenance } from "./catalogue-provenance.ts";
import type { packagesNamed } from "./packages.repo.ts";

/** One catalogue row as read from the database. */
export type PackageRow = Awaited<ReturnType<typeof packagesNamed>>[number];

/** The versions after `prefix` in the classifiers (`Framework :: Django :: ` -> `5.2`, …). */
export function declaredAfter(classifiers: readonly string[], prefix: string): string[] {
  return classifiers.filter((c) => c.startsWith(prefix)).map((c) => c.slice(prefix.length));
}

/** Django versions a release declares in its classifiers. */
export function declaredDjango(classifiers: readonly string[]): string[] {
  return declaredAfter(classifiers, "Framework :: Django :: ");
}

/** Python 3.X versions a release declares in its classifiers. */
export function declaredPython(classifiers: readonly string[]): string[] {
  return declaredAfter(classifiers, "Programming Language :: Python :: ").filter((v) => /^3\.\d+$/.test(v));
}

/** The latest release's date as precisely as it is known: a day once synced, a month from a snapshot. */
export function latestReleaseText(p: Pick<PackageRow, "source" | "latestReleaseAt">): string | null {
  if (!p.latestReleaseAt) return null;
  const iso = p.latestReleaseAt.toISOString();
  return p.source === "snapshot" ? iso.slice(0, 7) : iso.slice(0, 10);
}

/** The JSON of one row (list items and the base of the project object). */
export function packageJson(p: PackageRow, prov: ProjectProvenance | undefined) {
  const synced = p.source === "index";
  return {
    name: p.name,
    displayName: p.displayName,
    latestVersion: p.latestVersion,
    /** The upload time once synced; null for a snapshot row, which knows the month only. */
    latestReleaseAt: synced ? (p.latestReleaseAt?.toISOString() ?? null) : null,
    /** The month of the latest release (`2026-07`), from the snapshot or the sync. */
    latestReleaseMonth: p.latestReleaseAt?.toISOString().slice(0, 7) ?? null,
    downloadRank: p.downloadRank,
    summary: p.summary,
    /** `synced`: the fields below come from the index; `not-synced`: they are not known yet. */
    metadata: synced ? ("synced" as const) : ("not-synced" as const),
    requiresPython: synced ? p.requiresPython : null,
    djangoClassifiers: synced ? declaredDjango(p.classifiers) : null,
    pythonClassifiers: synced ? declaredPython(p.classifiers) : null,
    yanked: synced ? p.yanked : null,
    source: p.source,
    /** When a sync last fetched or confirmed the project; null until one has. */
    syncedAt: p.syncedAt?.toISOString() ?? null,
    /** When a sync found the index no longer lists the project (null while listed). */
    delistedAt: p.delistedAt?.toISOString() ?? null,
    provenance: { facts: prov?.facts ?? null, rank: prov?.rank ?? null },
    url: `/packages/${p.name}`,
  };
}

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  "name",
  "displayName",
  "latestVersion",
  "latestRelease",
  "downloadRank",
  "metadata",
  "requiresPython",
  "djangoClassifiers",
  "pythonClassifiers",
  "yanked",
  "source",
  "syncedAt",
  "delistedAt",
  "factsSource",
  "rankSource",
  "summary",
] as const;

const UNKNOWN = "unknown (not synced)";
const sourceText = (p: Provenance | null) => (p ? provenanceText(p).replace(/^source: /, "") : "");

/** One CSV record: unknown facts say so in their cell, declared-nothing cells are empty. */
export function packageCsvRecord(p: PackageRow, prov: ProjectProvenance | undefined): Record<string, string> {
  const synced = p.source === "index";
  return {
    name: p.name,
    displayName: p.displayName,
    latestVersion: p.latestVersion,
    latestRelease: latestReleaseText(p) ?? "",
    downloadRank: p.downloadRank === null ? "" : String(p.downloadRank),
    metadata: synced ? "synced" : "not synced",
    requiresPython: synced ? (p.requiresPython ?? "") : UNKNOWN,
    djangoClassifiers: synced ? declaredDjango(p.classifiers).join(" ") : UNKNOWN,
    pythonClassifiers: synced ? declaredPython(p.classifiers).join(" ") : UNKNOWN,
    yanked: synced ? String(p.yanked) : UNKNOWN,
    source: p.source,
    syncedAt: p.syncedAt?.toISOString() ?? "",
    delistedAt: p.delistedAt?.toISOString() ?? "",
    factsSource: sourceText(prov?.facts ?? null),
    rankSource: sourceText(prov?.rank ?? null),
    summary: p.summary ?? "",
  };
}
