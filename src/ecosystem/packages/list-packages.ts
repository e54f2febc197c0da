/** Lists catalogued projects with filters and pagination (the `/packages` page, its CSV and JSON). */
import { z } from "zod";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { optionalText, wholeNumber } from "../../platform/validation.ts";
import { judgeCompatibility, targetForSeries } from "../compat/verdict.ts";
import { HEALTH_BUCKETS, HEALTH_LABELS } from "../health/compute-health.ts";
import { catalogueHealth, healthOfPackages } from "../health/package-health.ts";
import { findSeries } from "../releases/calendar.ts";
import { loadReleaseCalendar } from "../releases/load-release-calendar.ts";
import {
  listPackageFacts,
  listPackageNames,
  listPackageRows,
  type PackageFilter,
  packagesNamed,
} from "./packages.repo.ts";

/** Recency choices of the list filter: latest release within (or, for `older-2y`, before) a span. */
export const RECENCY = {
  "90d": { days: 90, label: "in the last 90 days" },
  "1y": { days: 365, label: "in the last year" },
  "2y": { days: 730, label: "in the last two years" },
  "older-2y": { days: 730, label: "more than two years ago" },
} as const;

/** Query parameters of the list, validated (also used by the CSV and JSON exports). */
export const PackageQuerySchema = z.object({
  q: optionalText({ max: 100 }).transform((v) => v ?? undefined),
  django: z
    .string()
    .regex(/^(\d\.\d{1,2}|20\d\d)$/, "Django series looks like 5.2 or 2028")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * How the Django filter matches: `declared` (a trove classifier for the series) or `judged` (the
   * compatibility verdict is yes: classifiers, Django requirement bounds and Requires-Python together).
   */
  support: z
    .enum(["declared", "judged"], { error: "support must be declared or judged" })
    .default("declared")
    .or(z.literal("").transform(() => "declared" as const)),
  python: z
    .string()
    .regex(/^3\.\d{1,2}$/, "Python version looks like 3.12")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  released: z
    .enum(["90d", "1y", "2y", "older-2y"], { error: "released must be 90d, 1y, 2y or older-2y" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  sort: z
    .enum(["rank", "name", "recent", "health"], { error: "sort must be rank, name, recent or health" })
    .default("rank"),
  /** Health bucket (by the explained total; unknown when the total is not known). */
  health: z
    .enum(HEALTH_BUCKETS, { error: "health must be healthy, fair, poor or unknown" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** A health label: stable, sole-owner, archived, vulnerable or inactive. */
  label: z
    .enum(HEALTH_LABELS, { error: "label must be stable, sole-owner, archived, vulnerable or inactive" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** `1`: only packages with an open call for maintainers. */
  wanted: z
    .enum(["1"], { error: "wanted must be 1 (packages with an open call for maintainers) or empty" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  page: wholeNumber({
    min: 1,
    max: 100_000,
    message: "page must be a whole number from 1 to 100000",
  }).default(1),
  per_page: wholeNumber({
    min: 1,
    max: 500,
    message: "per_page must be a whole number from 1 to 500",
  }).default(50),
});

/** A validated list query. */
export type PackageQuery = z.infer<typeof PackageQuerySchema>;

/** Parses raw query parameters; bad ones give a validation error naming the parameter. */
export function parsePackageQuery(raw: Record<string, string | undefined>): PackageQuery {
  const r = PackageQuerySchema.safeParse(raw);
  if (!r.success) throw validationError("query", r.error.issues);
  return r.data;
}

/** Turns a query into repository filters relative to `now`. */
export function filterOf(q: PackageQuery, now: Date): PackageFilter {
  const f: PackageFilter = {
    q: q.q,
    django: q.django,
    python: q.python,
    sort: q.sort === "health" ? "rank" : q.sort,
    maintainersWanted: q.wanted === "1",
  };
  if (q.released) {
    const cut = new Date(now.getTime() - RECENCY[q.released].days * 86_400_000);
    if (q.released === "older-2y") f.releasedBefore = cut;
    else f.releasedAfter = cut;
  }
  return f;
}

/** One page of the list. */
export async function listPackages(input: { db: Db; clock: Clock; query: PackageQuery; all?: boolean }) {
  const q = input.query;
  const page = input.all
    ? { offset: 0, limit: 1_000_000 }
    : { offset: (q.page - 1) * q.per_page, limit: q.per_page };
  const filter = filterOf(q, input.clock.now());
  const judged = Boolean(q.django && q.support === "judged");
  const byHealth = Boolean(q.health || q.label || q.sort === "health");
  const { rows, total } = byHealth
    ? await listByHealth(input, filter, judged, page)
    : judged && q.django
      ? await listJudged(input.db, input.clock.now(), filter, q.django, page)
      : await listPackageRows(input.db, filter, page);
  const health = await healthOfPackages({ db: input.db, clock: input.clock, names: rows.map((r) => r.name) });
  return {
    rows,
    /** Health of each row, by name (explained: sub-scores, rules, labels). */
    health,
    total,
    page: q.page,
    perPage: q.per_page,
    pages: Math.max(1, Math.ceil(total / q.per_page)),
  };
}

/**
 * The list filtered by health bucket or label, or ordered by health: the other filters and the
 * order come from the database (or the judged list), health from the whole catalogue's (cached).
 */
async function listByHealth(
  input: { db: Db; clock: Clock; query: PackageQuery },
  filter: PackageFilter,
  judged: boolean,
  page: { offset: number; limit: number },
) {
  const q = input.query;
  const now = input.clock.now();
  const names =
    judged && q.django
      ? await judgedNames(input.db, now, filter, q.django)
      : await listPackageNames(input.db, filter);
  const health = await catalogueHealth({ db: input.db, clock: input.clock });
  let kept = names.filter((n) => {
    const h = health.get(n);
    if (!h) return false;
    if (q.health && h.bucket !== q.health) return false;
    if (q.label && !h.labels.some((l) => l.id === q.label)) return false;
    return true;
  });
  if (q.sort === "health") {
    const score = (n: string) => health.get(n)?.total ?? -1;
    kept = kept
      .map((n, i) => ({ n, i }))
      .sort((a, b) => score(b.n) - score(a.n) || a.i - b.i)
      .map((x) => x.n);
  }
  return {
    rows: await packagesNamed(input.db, kept.slice(page.offset, page.offset + page.limit)),
    total: kept.length,
  };
}

/**
 * The list filtered by the compatibility verdict for a series of the release calendar: the other
 * filters and the order come from the database, the verdict from the compat rules (the same as the
 * package pages and readiness), then the page is cut.
 */
async function listJudged(
  db: Db,
  now: Date,
  filter: PackageFilter,
  series: string,
  page: { offset: number; limit: number },
) {
  const ready = await judgedNames(db, now, filter, series);
  return {
    rows: await packagesNamed(db, ready.slice(page.offset, page.offset + page.limit)),
    total: ready.length,
  };
}

/** Names of the projects matching the other filters whose verdict for `series` is yes, in list order. */
async function judgedNames(db: Db, now: Date, filter: PackageFilter, series: string): Promise<string[]> {
  const found = findSeries(await loadReleaseCalendar({ db, now }), series);
  if (!found) {
    throw new AppError("validation", {
      message: `Invalid query: support: judged support needs a series of the release calendar (4.2 on), not ${series}`,
      issues: [{ field: "support", message: "judged needs a calendar series (4.2 on)" }],
    });
  }
  const target = targetForSeries(found);
  const facts = await listPackageFacts(db, { ...filter, django: undefined });
  return facts.filter((f) => judgeCompatibility({ facts: f, target }).verdict === "yes").map((f) => f.name);
}
