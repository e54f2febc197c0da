/**
 * Readiness of a Django series: how many of the most downloaded packages' latest releases support
 * it. Pure: imports nothing from platform/.
 */
import {
  type CompatTarget,
  type CompatVerdict,
  judgeCompatibility,
  type PackageFacts,
  type Verdict,
} from "./verdict.ts";

/** The verdicts in display order. */
export const VERDICTS: readonly Verdict[] = ["yes", "maybe", "no", "unknown", "not-synced"];

/** A catalogue package as readiness needs it. */
export interface RankedPackage extends PackageFacts {
  displayName: string;
  /** 1 = most downloaded; null = outside the ranked set. */
  downloadRank: number | null;
}

/** One package's line in a readiness report. */
export interface ReadinessRow {
  name: string;
  displayName: string;
  downloadRank: number | null;
  version: string;
  compat: CompatVerdict;
}

/** Readiness of one series over the top N packages. */
export interface SeriesReadiness {
  series: string;
  /** N asked for. */
  top: number;
  /** Packages actually considered (fewer than N when the catalogue ranks fewer). */
  considered: number;
  /** Considered packages whose metadata is known (synced); the rest are counted as `not-synced`. */
  known: number;
  counts: Record<Verdict, number>;
  /**
   * Share of the packages whose metadata is known that say `yes`; null when none is known (never a
   * 0% computed from packages nobody has synced).
   */
  readyShare: number | null;
  rows: ReadinessRow[];
}

/** The N best-ranked packages, best first; unranked packages and Django itself are never in the top N. */
export function topByRank<T extends { downloadRank: number | null; name: string }>(
  packages: readonly T[],
  top: number,
): T[] {
  return packages
    .filter((p) => p.downloadRank !== null && p.name !== "django")
    .sort((a, b) => (a.downloadRank ?? 0) - (b.downloadRank ?? 0) || a.name.localeCompare(b.name))
    .slice(0, top);
}

/** One package as readiness and the tracker list it: its name, rank and version, and its verdict. */
export function judgedPackage(p: RankedPackage, target: CompatTarget) {
  return {
    name: p.name,
    displayName: p.displayName,
    downloadRank: p.downloadRank,
    version: p.version,
    compat: judgeCompatibility({ facts: p, target }),
  };
}

/** Judges every package against the series and counts the verdicts. */
export function computeReadiness(input: {
  packages: readonly RankedPackage[];
  target: CompatTarget;
  top: number;
}): SeriesReadiness {
  const chosen = topByRank(input.packages, input.top);
  const counts: Record<Verdict, number> = { yes: 0, maybe: 0, no: 0, unknown: 0, "not-synced": 0 };
  const rows = chosen.map((p) => {
    const row = judgedPackage(p, input.target);
    counts[row.compat.verdict]++;
    return row;
  });
  const known = rows.length - counts["not-synced"];
  return {
    series: input.target.series,
    top: input.top,
    considered: rows.length,
    known,
    counts,
    readyShare: known > 0 ? counts.yes / known : null,
    rows,
  };
}
