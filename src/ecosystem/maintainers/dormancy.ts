/**
 * Possibly dormant packages, by Django Commons' rules where the catalogue's data allows: no release
 * within 6 months of a Django feature release, and no release for 12 months. A snapshot knows the
 * month of the latest release only, so a rule whose answer falls inside that month is undecided.
 * Weighted by popularity so the group reaches the packages many people use first. Pure.
 */

/** What the rules read about one package. */
export interface DormancyFacts {
  name: string;
  displayName: string;
  downloadRank: number | null;
  /** `index`: the release date is a day; `snapshot`: it is a month. */
  source: "index" | "snapshot";
  latestReleaseAt: Date | null;
  /** The date the facts are from: the sync time, or the snapshot's month. */
  dataAsOf: string | null;
}

/** A Django feature release: its series and final release day. */
export interface FeatureRelease {
  series: string;
  final: string;
}

/** One rule's finding. */
export interface DormancyReason {
  rule: "no-release-12-months" | "no-release-after-django";
  text: string;
}

/** The finding for one package. */
export interface DormancyFinding {
  name: string;
  displayName: string;
  downloadRank: number | null;
  status: "possibly-dormant" | "active" | "unknown";
  reasons: DormancyReason[];
  /** Why the rules could not decide (null when they did). */
  unknownWhy: string | null;
  /** The latest release as precisely as known (`2025-03-14`, or `2025-03` from a snapshot). */
  lastRelease: string | null;
  dataAsOf: string | null;
  /** Rules met times the popularity weight; 0 when not possibly dormant. */
  priority: number;
}

/** How many days a Django feature release gives packages to release (Django Commons: 6 months). */
export const AFTER_DJANGO_DAYS = 183;
/** No release for this many days (12 months). */
export const NO_RELEASE_DAYS = 365;
/** The ranked set's size, for the popularity weight. */
const RANKED = 15_000;

const DAY = 86_400_000;

/** Popularity weight of a download rank: log10(15001 / rank), 0 when unranked (rank 1 weighs about 4.2). */
export function popularityWeight(rank: number | null): number {
  return rank === null ? 0 : Math.log10((RANKED + 1) / rank);
}

/** The earliest and latest instant the latest release can be, given the data's precision. */
function releaseBounds(f: DormancyFacts): { earliest: number; latest: number } | null {
  if (!f.latestReleaseAt) return null;
  const t = f.latestReleaseAt.getTime();
  if (f.source === "index") return { earliest: t, latest: t };
  const d = f.latestReleaseAt;
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1;
  return { earliest: start, latest: end };
}

/** The latest feature release whose 6-month window has closed by `today`, or null. */
export function lastClosedWindow(releases: readonly FeatureRelease[], today: string): FeatureRelease | null {
  const now = Date.parse(`${today}T00:00:00Z`);
  const closed = releases
    .filter((r) => Date.parse(`${r.final}T00:00:00Z`) + AFTER_DJANGO_DAYS * DAY <= now)
    .sort((a, b) => a.final.localeCompare(b.final));
  return closed[closed.length - 1] ?? null;
}

/** Judges one package on `today` (YYYY-MM-DD). */
export function judgeDormancy(
  f: DormancyFacts,
  releases: readonly FeatureRelease[],
  today: string,
): DormancyFinding {
  const base = {
    name: f.name,
    displayName: f.displayName,
    downloadRank: f.downloadRank,
    dataAsOf: f.dataAsOf,
    lastRelease: f.latestReleaseAt
      ? f.latestReleaseAt.toISOString().slice(0, f.source === "index" ? 10 : 7)
      : null,
  };
  const bounds = releaseBounds(f);
  if (!bounds) {
    return {
      ...base,
      status: "unknown",
      reasons: [],
      unknownWhy:
        f.source === "index"
          ? "the index lists no release with an upload time"
          : "no release date is known: the snapshot gives none and no sync has fetched the project",
      priority: 0,
    };
  }
  const now = Date.parse(`${today}T00:00:00Z`);
  const reasons: DormancyReason[] = [];
  const undecided: string[] = [];
  const cutoff = now - NO_RELEASE_DAYS * DAY;
  if (bounds.latest < cutoff) {
    reasons.push({
      rule: "no-release-12-months",
      text: `no release for 12 months (latest ${base.lastRelease})`,
    });
  } else if (bounds.earliest < cutoff) {
    undecided.push(`the 12-month rule: the snapshot gives only the month ${base.lastRelease}`);
  }
  const window = lastClosedWindow(releases, today);
  if (window) {
    const final = Date.parse(`${window.final}T00:00:00Z`);
    if (bounds.latest < final) {
      reasons.push({
        rule: "no-release-after-django",
        text: `no release within 6 months of Django ${window.series} (final ${window.final}; latest release ${base.lastRelease})`,
      });
    } else if (bounds.earliest < final) {
      undecided.push(
        `the Django ${window.series} rule: the snapshot gives only the month ${base.lastRelease}`,
      );
    }
  }
  if (reasons.length > 0) {
    return {
      ...base,
      status: "possibly-dormant",
      reasons,
      unknownWhy: null,
      priority: reasons.length * popularityWeight(f.downloadRank),
    };
  }
  if (undecided.length > 0) {
    return {
      ...base,
      status: "unknown",
      reasons,
      unknownWhy: `undecided: ${undecided.join("; ")}`,
      priority: 0,
    };
  }
  return { ...base, status: "active", reasons, unknownWhy: null, priority: 0 };
}

/** The possibly dormant packages, highest priority first (then by rank, then name). */
export function rankDormant(findings: readonly DormancyFinding[]): DormancyFinding[] {
  return findings
    .filter((f) => f.status === "possibly-dormant")
    .sort(
      (a, b) =>
        b.priority - a.priority ||
        (a.downloadRank ?? Number.MAX_SAFE_INTEGER) - (b.downloadRank ?? Number.MAX_SAFE_INTEGER) ||
        a.name.localeCompare(b.name),
    );
}
