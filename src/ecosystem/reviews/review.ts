/**
 * An ecosystem review: the catalogue's figures on one day, built from the packages' health facts
 * and the release calendar, to be stored as taken and compared with a later one. Pure.
 */

import { topByRank } from "../compat/readiness.ts";
import { judgeCompatibility, targetForSeries } from "../compat/verdict.ts";
import {
  computeHealth,
  firstSupporting,
  HEALTH_BUCKETS,
  HEALTH_LABELS,
  type HealthBucket,
  type HealthContext,
  type HealthFacts,
  latestFacts,
  type PackageHealth,
} from "../health/compute-health.ts";

/** Recency buckets of the latest release. */
export const RECENCY_BUCKETS = [
  "under 90 days",
  "90 days to 1 year",
  "1 to 2 years",
  "2 to 5 years",
  "over 5 years",
  "unknown",
] as const;

/** Older series counted in the distribution besides the calendar's. */
const OLDER_SERIES = ["3.2", "4.0", "4.1"];
/** Python versions counted in the distribution. */
const PYTHON = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "3.15"];

/** One package's line in a review (kept to compare reviews). */
export interface ReviewPackage {
  rank: number | null;
  total: number | null;
  bucket: HealthBucket;
  labels: string[];
}

/** Days from a Django final to one top package's first release supporting it. */
export interface SupportTiming {
  name: string;
  rank: number | null;
  version: string | null;
  /** Days after the final (negative: before it); null when no release supports it yet. */
  days: number | null;
}

/** The figures of a review. */
export interface ReviewData {
  takenOn: string;
  top: number;
  catalogue: {
    packages: number;
    synced: number;
    ranked: number;
    withRepositorySignals: number;
    lastSyncedAt: string | null;
  };
  djangoSeries: Array<{ series: string; declared: number; judgedYes: number }>;
  pythonVersions: Array<{ version: string; declared: number }>;
  recency: Array<{ bucket: (typeof RECENCY_BUCKETS)[number]; packages: number }>;
  healthBuckets: Record<HealthBucket, number>;
  labels: Record<string, number>;
  /** How many of the `top` most used are synced (the others' health is unknown, so never at risk here). */
  topSynced: number;
  /** Among the `top` most used: packages whose health is poor, or archived, vulnerable, inactive or without current Django support. */
  atRisk: Array<{ name: string; rank: number | null; total: number | null; reasons: string[] }>;
  critical: {
    /** How the 80% cut was made (the catalogue has ranks, not download counts). */
    method: string;
    packages: number;
    soleMaintained: Array<{ name: string; rank: number | null; owner: string }>;
    ownershipUnknown: number;
  };
  timeToSupport: Array<{
    series: string;
    final: string;
    /** Top packages synced from an index (the others' release metadata is unknown). */
    considered: number;
    /** Top packages never synced: not counted either way. */
    notSynced: number;
    supported: number;
    medianDays: number | null;
    within6Months: number;
    /** Releases with recorded declarations among the considered packages' (what the figure rests on). */
    declarationsRecorded: number;
    rows: SupportTiming[];
  }>;
  packages: Record<string, ReviewPackage>;
}

const DAY = 86_400_000;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : Math.round(((s[mid - 1] as number) + (s[mid] as number)) / 2);
}

function recencyBucket(f: HealthFacts, today: string): (typeof RECENCY_BUCKETS)[number] {
  if (!f.latestReleaseAt) return "unknown";
  const days = (Date.parse(`${today}T00:00:00Z`) - f.latestReleaseAt.getTime()) / DAY;
  if (days < 90) return "under 90 days";
  if (days < 365) return "90 days to 1 year";
  if (days < 730) return "1 to 2 years";
  if (days < 1826) return "2 to 5 years";
  return "over 5 years";
}

/**
 * The top ranked packages whose estimated downloads reach `share` of the ranked catalogue's, with
 * downloads estimated as proportional to 1/rank (Zipf's law): the catalogue holds ranks only.
 */
export function criticalByRank<T extends { downloadRank: number | null }>(
  facts: readonly T[],
  share = 0.8,
): T[] {
  const ranked = facts
    .filter((f) => f.downloadRank !== null)
    .sort((a, b) => (a.downloadRank ?? 0) - (b.downloadRank ?? 0));
  const weights = ranked.map((f) => 1 / (f.downloadRank ?? 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const out: T[] = [];
  let acc = 0;
  for (let i = 0; i < ranked.length && acc < share * total; i++) {
    out.push(ranked[i] as T);
    acc += weights[i] as number;
  }
  return out;
}

/** Builds a review of the catalogue on `ctx.today`. */
export function buildReview(input: {
  facts: ReadonlyMap<string, HealthFacts>;
  ctx: HealthContext;
  top: number;
  lastSyncedAt: Date | null;
  health?: ReadonlyMap<string, PackageHealth>;
}): ReviewData {
  const { ctx } = input;
  const today = ctx.today;
  const all = [...input.facts.values()];
  const synced = all.filter((f) => f.synced);
  const health = new Map<string, PackageHealth>();
  for (const f of all) health.set(f.name, input.health?.get(f.name) ?? computeHealth(f, ctx));

  // A final not recorded still orders the series by the day the policy expects.
  const finalOf = (s: (typeof ctx.calendar)[number]) =>
    s.milestones.final.date ?? s.milestones.final.expected;
  const released = ctx.calendar.filter((s) => finalOf(s) <= today);
  const upcoming = ctx.calendar.find((s) => finalOf(s) > today);
  const seriesShown = [
    ...OLDER_SERIES,
    ...released.map((s) => s.series),
    ...(upcoming ? [upcoming.series] : []),
  ];
  const djangoSeries = seriesShown.map((series) => {
    const cls = `Framework :: Django :: ${series}`;
    const cal = ctx.calendar.find((s) => s.series === series);
    const target = cal ? targetForSeries(cal) : null;
    return {
      series,
      declared: synced.filter((f) => f.classifiers.includes(cls)).length,
      judgedYes: target
        ? synced.filter((f) => judgeCompatibility({ facts: latestFacts(f), target }).verdict === "yes").length
        : 0,
    };
  });
  const pythonVersions = PYTHON.map((v) => ({
    version: v,
    declared: synced.filter((f) => f.classifiers.includes(`Programming Language :: Python :: ${v}`)).length,
  }));
  const recencyCounts = new Map<string, number>();
  for (const f of all)
    recencyCounts.set(recencyBucket(f, today), (recencyCounts.get(recencyBucket(f, today)) ?? 0) + 1);
  const healthBuckets = Object.fromEntries(HEALTH_BUCKETS.map((b) => [b, 0])) as Record<HealthBucket, number>;
  const labels: Record<string, number> = Object.fromEntries(HEALTH_LABELS.map((l) => [l, 0]));
  for (const h of health.values()) {
    healthBuckets[h.bucket]++;
    for (const l of h.labels) labels[l.id] = (labels[l.id] ?? 0) + 1;
  }

  const topPackages = topByRank(
    all.map((f) => ({ ...f, downloadRank: f.downloadRank })),
    input.top,
  );
  const atRisk = topPackages.flatMap((f) => {
    const h = health.get(f.name);
    if (!h) return [];
    const reasons: string[] = [];
    if (h.bucket === "poor") reasons.push(`health ${h.total} (poor)`);
    for (const l of h.labels)
      if (l.id === "archived" || l.id === "vulnerable" || l.id === "inactive")
        reasons.push(l.text.toLowerCase());
    const current = h.subScores[0]?.rules.find((r) => r.id === "maintenance.current-django");
    if (current?.status === "fail") reasons.push(current.message);
    return reasons.length ? [{ name: f.name, rank: f.downloadRank, total: h.total, reasons }] : [];
  });

  const critical = criticalByRank(all.filter((f) => f.name !== "django"));
  const soleMaintained = critical.flatMap((f) => {
    const owners = [...new Set(f.ownership.roles.map((r) => r.user))];
    return f.synced && owners.length === 1 && !f.ownership.organization
      ? [{ name: f.name, rank: f.downloadRank, owner: owners[0] as string }]
      : [];
  });
  const ownershipUnknown = critical.filter(
    (f) => !f.synced || (f.ownership.roles.length === 0 && !f.ownership.organization),
  ).length;

  const topSynced = topPackages.filter((f) => f.synced);
  // Only series whose final is a known date: days from a date nobody recorded would be made up.
  const timeToSupport = released.flatMap((s) => {
    const final = s.milestones.final.date;
    if (final === null) return [];
    const finalAt = Date.parse(`${final}T00:00:00Z`);
    const rows: SupportTiming[] = topSynced.map((f) => {
      const first = firstSupporting(f, s);
      return {
        name: f.name,
        rank: f.downloadRank,
        version: first?.version ?? null,
        days: first?.uploadedAt ? Math.round((first.uploadedAt.getTime() - finalAt) / DAY) : null,
      };
    });
    const days = rows.flatMap((r) => (r.days === null ? [] : [r.days]));
    return [
      {
        series: s.series,
        final,
        considered: rows.length,
        notSynced: topPackages.length - topSynced.length,
        supported: days.length,
        medianDays: median(days),
        within6Months: days.filter((d) => d <= 182).length,
        declarationsRecorded: topSynced.reduce((a, f) => a + f.declarations.length, 0),
        rows,
      },
    ];
  });

  // Kept per package to compare reviews: every package with a total, and the most used.
  const topNames = new Set(topPackages.map((f) => f.name));
  const packages: Record<string, ReviewPackage> = {};
  for (const f of all) {
    const h = health.get(f.name);
    if (!h || (h.total === null && !topNames.has(f.name))) continue;
    packages[f.name] = {
      rank: f.downloadRank,
      total: h.total,
      bucket: h.bucket,
      labels: h.labels.map((l) => l.id),
    };
  }
  return {
    takenOn: today,
    top: input.top,
    topSynced: topSynced.length,
    catalogue: {
      packages: all.length,
      synced: synced.length,
      ranked: all.filter((f) => f.downloadRank !== null).length,
      withRepositorySignals: all.filter((f) => f.repository?.status === "ok").length,
      lastSyncedAt: input.lastSyncedAt?.toISOString() ?? null,
    },
    djangoSeries,
    pythonVersions,
    recency: RECENCY_BUCKETS.map((b) => ({ bucket: b, packages: recencyCounts.get(b) ?? 0 })),
    healthBuckets,
    labels,
    atRisk,
    critical: {
      method:
        "The catalogue has download ranks, not counts: downloads are estimated as proportional to 1/rank (Zipf's law) over the ranked packages, and the most used are taken until their estimated share reaches 80%.",
      packages: critical.length,
      soleMaintained,
      ownershipUnknown,
    },
    timeToSupport,
    packages,
  };
}
