/** "Since the last review": what improved and what regressed between two reviews. Pure. */
import type { ReviewData } from "./review.ts";

/** One figure of both reviews and which way is better. */
export interface FigureChange {
  figure: string;
  before: number | null;
  after: number | null;
  /** after - before (null when either is unknown). */
  change: number | null;
  /** Whether the change is an improvement, a regression or neither. */
  verdict: "improved" | "regressed" | "unchanged" | "unknown";
}

/** A package whose health moved. */
export interface PackageChange {
  name: string;
  rank: number | null;
  before: number | null;
  after: number | null;
  detail: string;
}

/** The comparison of `before` (older) and `after`. */
export interface ReviewComparison {
  from: string;
  to: string;
  figures: FigureChange[];
  improved: PackageChange[];
  regressed: PackageChange[];
  newlyAtRisk: string[];
  noLongerAtRisk: string[];
}

function figure(
  name: string,
  before: number | null,
  after: number | null,
  higherIsBetter: boolean,
): FigureChange {
  const change = before === null || after === null ? null : Math.round((after - before) * 10) / 10;
  const verdict =
    change === null
      ? "unknown"
      : change === 0
        ? "unchanged"
        : change > 0 === higherIsBetter
          ? "improved"
          : "regressed";
  return { figure: name, before, after, change, verdict };
}

const share = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 10 : null);

/** Compares two reviews figure by figure and package by package. */
export function compareReviews(before: ReviewData, after: ReviewData): ReviewComparison {
  const figures: FigureChange[] = [
    figure("synced packages", before.catalogue.synced, after.catalogue.synced, true),
    figure(
      "healthy packages (% of those with a total)",
      share(
        before.healthBuckets.healthy,
        before.healthBuckets.healthy + before.healthBuckets.fair + before.healthBuckets.poor,
      ),
      share(
        after.healthBuckets.healthy,
        after.healthBuckets.healthy + after.healthBuckets.fair + after.healthBuckets.poor,
      ),
      true,
    ),
    figure("poor packages", before.healthBuckets.poor, after.healthBuckets.poor, false),
    figure("stable packages", before.labels.stable ?? 0, after.labels.stable ?? 0, true),
    figure(
      "packages with a known vulnerability",
      before.labels.vulnerable ?? 0,
      after.labels.vulnerable ?? 0,
      false,
    ),
    figure("at risk among the most used", before.atRisk.length, after.atRisk.length, false),
    figure(
      "critical and sole-maintained",
      before.critical.soleMaintained.length,
      after.critical.soleMaintained.length,
      false,
    ),
  ];
  for (const t of after.timeToSupport) {
    const b = before.timeToSupport.find((x) => x.series === t.series);
    figures.push(
      figure(`median days to support Django ${t.series}`, b?.medianDays ?? null, t.medianDays, false),
    );
    figures.push(
      figure(`top packages supporting Django ${t.series}`, b ? b.supported : null, t.supported, true),
    );
  }
  const improved: PackageChange[] = [];
  const regressed: PackageChange[] = [];
  for (const [name, a] of Object.entries(after.packages)) {
    const b = before.packages[name];
    if (!b || a.total === null || b.total === null || a.total === b.total) continue;
    const gained = a.labels.filter((l) => !b.labels.includes(l));
    const lost = b.labels.filter((l) => !a.labels.includes(l));
    const detail = [
      `${b.total} -> ${a.total}`,
      ...gained.map((l) => `+${l}`),
      ...lost.map((l) => `-${l}`),
    ].join(", ");
    (a.total > b.total ? improved : regressed).push({
      name,
      rank: a.rank,
      before: b.total,
      after: a.total,
      detail,
    });
  }
  const byMove = (x: PackageChange, y: PackageChange) =>
    Math.abs((y.after ?? 0) - (y.before ?? 0)) - Math.abs((x.after ?? 0) - (x.before ?? 0)) ||
    x.name.localeCompare(y.name);
  const beforeRisk = new Set(before.atRisk.map((r) => r.name));
  const afterRisk = new Set(after.atRisk.map((r) => r.name));
  return {
    from: before.takenOn,
    to: after.takenOn,
    figures,
    improved: improved.sort(byMove),
    regressed: regressed.sort(byMove),
    newlyAtRisk: [...afterRisk].filter((n) => !beforeRisk.has(n)),
    noLongerAtRisk: [...beforeRisk].filter((n) => !afterRisk.has(n)),
  };
}
