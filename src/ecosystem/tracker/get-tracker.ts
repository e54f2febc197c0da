/**
 * The compatibility tracker of an upcoming Django series: every top package by the catalogue's rank
 * with its status (from synced evidence and entries set by hand), counts, the release date and
 * whether the series' classifier is on the official list yet.
 */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { type Provenance, provenance } from "../../platform/view/provenance.tsx";
import { selectTopRankedPackages } from "../compat/readiness.repo.ts";
import { judgedPackage } from "../compat/readiness.ts";
import { type CompatVerdict, judgeCompatibility, targetForSeries } from "../compat/verdict.ts";
import { getCatalogueProvenance } from "../packages/get-catalogue-provenance.ts";
import { findSeries, isoDay, isUpcoming, type Milestone, type ReleaseSeries } from "../releases/calendar.ts";
import { loadReleaseCalendar } from "../releases/load-release-calendar.ts";
import { type ClassifierKnown, classifierKnown } from "./classifier-known.ts";
import { entriesOf, packageFacts } from "./tracker.repo.ts";
import { countStatuses, type TrackerDecision, type TrackerStatus, trackerStatus } from "./tracker-status.ts";

/** The largest number of top packages a tracker shows. */
export const MAX_TRACKED = 1000;
/** How many when none is asked for. */
export const DEFAULT_TRACKED = 100;

/** One tracked package. */
export interface TrackerRow {
  name: string;
  displayName: string;
  downloadRank: number | null;
  version: string;
  decision: TrackerDecision;
  compat: CompatVerdict;
}

/** The tracker of one series. */
export interface Tracker {
  series: ReleaseSeries;
  today: string;
  final: Milestone;
  /** Days from today to the final release (by its date or the policy's expectation). */
  daysToFinal: number;
  top: number;
  rows: TrackerRow[];
  counts: Record<TrackerStatus, number>;
  classifier: ClassifierKnown;
  provenance: Provenance;
  catalogue: Awaited<ReturnType<typeof getCatalogueProvenance>>;
}

/** The series of the calendar that are still upcoming (their final release is ahead). */
export async function upcomingSeries(input: { db: Db; clock: Clock }): Promise<ReleaseSeries[]> {
  const now = input.clock.now();
  const today = isoDay(now);
  return (await loadReleaseCalendar({ db: input.db, now })).filter((s) => isUpcoming(s, today));
}

/** Finds an upcoming series, or throws not_found naming the upcoming ones. */
export async function findUpcomingSeries(input: {
  db: Db;
  clock: Clock;
  series: string;
}): Promise<ReleaseSeries> {
  const now = input.clock.now();
  const calendar = await loadReleaseCalendar({ db: input.db, now });
  const upcoming = calendar.filter((s) => isUpcoming(s, isoDay(now)));
  const found = findSeries(upcoming, input.series);
  if (!found) {
    throw new AppError("not_found", {
      message: `No upcoming Django series "${input.series}" has a tracker (upcoming: ${upcoming.map((s) => s.series).join(", ")}).`,
    });
  }
  return found;
}

/** Builds the tracker of `series` over the `top` best-ranked packages. */
export async function getTracker(input: {
  db: Db;
  clock: Clock;
  series: string;
  top: number;
}): Promise<Tracker> {
  const now = input.clock.now();
  const today = isoDay(now);
  const series = await findUpcomingSeries(input);
  const target = targetForSeries(series);
  const [packages, catalogue] = await Promise.all([
    selectTopRankedPackages(input.db, input.top),
    getCatalogueProvenance({ db: input.db }),
  ]);
  const entries = new Map(
    (
      await entriesOf(
        input.db,
        series.series,
        packages.map((p) => p.name),
      )
    ).map((e) => [e.packageName, e]),
  );
  const rows = packages.map((p) => {
    const row = judgedPackage(p, target);
    return { ...row, decision: trackerStatus(row.compat, entries.get(p.name) ?? null) };
  });
  const final = series.milestones.final;
  const finalDay = final.date ?? final.expected;
  return {
    series,
    today,
    final,
    daysToFinal: Math.round(
      (Date.parse(`${finalDay}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
    ),
    top: input.top,
    rows,
    counts: countStatuses(rows.map((r) => r.decision)),
    classifier: classifierKnown(series.classifier),
    provenance: provenance(
      "Guildhall's compatibility rules over the catalogue's latest-release metadata, and statuses set by maintainers and the Package Maintainers group",
      "computed",
      now,
    ),
    catalogue,
  };
}

/** One package's row of an upcoming series' tracker (any catalogued package, in the top or not). */
export async function getTrackerEntry(input: { db: Db; clock: Clock; series: string; name: string }) {
  const series = await findUpcomingSeries(input);
  const facts = await packageFacts(input.db, input.name);
  if (!facts)
    throw new AppError("not_found", { message: `No package named ${input.name} in the catalogue.` });
  const [entry] = await entriesOf(input.db, series.series, [facts.name]);
  const compat = judgeCompatibility({ facts, target: targetForSeries(series) });
  const row: TrackerRow = {
    name: facts.name,
    displayName: facts.displayName,
    downloadRank: facts.downloadRank,
    version: facts.version,
    compat,
    decision: trackerStatus(compat, entry ?? null),
  };
  return { series, row };
}
