/** Readiness of Django series over the top N packages of the catalogue, judged as of the clock's date. */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { type Provenance, provenance } from "../../platform/view/provenance.tsx";
import { type CatalogueProvenance, SYNC_COMMAND } from "../packages/catalogue-provenance.ts";
import { getCatalogueProvenance } from "../packages/get-catalogue-provenance.ts";
import {
  findSeries,
  isoDay,
  isUpcoming,
  type ReleaseSeries,
  type SeriesPhase,
  seriesPhase,
} from "../releases/calendar.ts";
import { loadReleaseCalendar } from "../releases/load-release-calendar.ts";
import { countRankedPackages, selectTopRankedPackages } from "./readiness.repo.ts";
import { computeReadiness, type SeriesReadiness } from "./readiness.ts";
import { targetForSeries } from "./verdict.ts";

/** The largest N accepted (the catalogue ranks the top 15,000). */
export const MAX_TOP = 15_000;
/** N when none is given. */
export const DEFAULT_TOP = 100;

/** Readiness of one series with where the series stands and where its figures come from. */
export interface SeriesReadinessReport {
  today: string;
  /** When the verdicts were computed (they are worked out on each request). */
  computedAt: string;
  series: ReleaseSeries;
  phase: SeriesPhase;
  upcoming: boolean;
  readiness: SeriesReadiness;
  /** The catalogue judged: its snapshot, its last sync (null until one), how much is synced and ranked. */
  catalogue: CatalogueProvenance & { ranked: number };
  /** Where the verdicts come from, and when they were computed. */
  provenance: Provenance;
  /** How to get verdicts for the packages not synced yet (null when every considered one is). */
  toGetVerdicts: VerdictsHint | null;
}

/** The provenance of readiness figures computed at `now`. */
export function readinessProvenance(now: Date): Provenance {
  return provenance(
    "Guildhall's compatibility rules over the catalogue's latest-release metadata and the release calendar",
    "computed",
    now,
  );
}

/** How to get verdicts for the considered packages not synced yet. */
export interface VerdictsHint {
  notSynced: number;
  /** The command that fetches their metadata. */
  command: string;
  message: string;
}

/** What to run to get verdicts, when some considered packages are not synced yet (null otherwise). */
export function howToGetVerdicts(notSynced: number): VerdictsHint | null {
  return notSynced > 0
    ? {
        notSynced,
        command: SYNC_COMMAND,
        message: `${notSynced} of these packages are not synced yet, so what they support is not known; run a sync to get verdicts: ${SYNC_COMMAND}`,
      }
    : null;
}

/** Checks N: a whole number from 1 to MAX_TOP. */
export function checkTop(top: number): number {
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) {
    throw new AppError("validation", {
      message: `Invalid readiness request: top: must be a whole number from 1 to ${MAX_TOP}`,
      issues: [{ field: "top", message: `must be a whole number from 1 to ${MAX_TOP}` }],
    });
  }
  return top;
}

/** Judges the top N packages against one series (announced, projected or upcoming alike). */
export async function computeSeriesReadiness(input: {
  db: Db;
  clock: Clock;
  series: string;
  top: number;
}): Promise<SeriesReadinessReport> {
  const top = checkTop(input.top);
  const now = input.clock.now();
  const today = isoDay(now);
  const calendar = await loadReleaseCalendar({ db: input.db, now });
  const series = findSeries(calendar, input.series);
  if (!series) {
    throw new AppError("not_found", {
      message: `No Django series "${input.series}" (known: ${calendar.map((s) => s.series).join(", ")}).`,
    });
  }
  const [packages, catalogue, ranked] = await Promise.all([
    selectTopRankedPackages(input.db, top),
    getCatalogueProvenance({ db: input.db }),
    countRankedPackages(input.db),
  ]);
  const readiness = computeReadiness({ packages, target: targetForSeries(series), top });
  return {
    today,
    computedAt: now.toISOString(),
    series,
    phase: seriesPhase(series, today),
    upcoming: isUpcoming(series, today),
    readiness,
    catalogue: { ...catalogue, ranked },
    provenance: readinessProvenance(now),
    toGetVerdicts: howToGetVerdicts(readiness.counts["not-synced"]),
  };
}

/** One line of the readiness index. */
export interface ReadinessOverviewRow {
  series: string;
  lts: boolean;
  phase: SeriesPhase;
  upcoming: boolean;
  counts: SeriesReadiness["counts"];
  /** Share of the packages with known metadata that say yes; null when none is known. */
  readyShare: number | null;
  considered: number;
  known: number;
}

/** Readiness of every series that is supported or upcoming, over the same top N. */
export async function computeReadinessOverview(input: { db: Db; clock: Clock; top: number }): Promise<{
  today: string;
  top: number;
  rows: ReadinessOverviewRow[];
  computedAt: string;
  provenance: Provenance;
  catalogue: CatalogueProvenance;
  toGetVerdicts: VerdictsHint | null;
}> {
  const top = checkTop(input.top);
  const now = input.clock.now();
  const today = isoDay(now);
  const calendar = await loadReleaseCalendar({ db: input.db, now });
  const [packages, catalogue] = await Promise.all([
    selectTopRankedPackages(input.db, top),
    getCatalogueProvenance({ db: input.db }),
  ]);
  const rows = calendar
    .filter((s) => seriesPhase(s, today) !== "end-of-life")
    .map((s) => {
      const r = computeReadiness({ packages, target: targetForSeries(s), top });
      return {
        series: s.series,
        lts: s.lts,
        phase: seriesPhase(s, today),
        upcoming: isUpcoming(s, today),
        counts: r.counts,
        readyShare: r.readyShare,
        considered: r.considered,
        known: r.known,
      };
    });
  const notSynced = packages.filter((p) => !p.metadataKnown).length;
  return {
    today,
    top,
    rows,
    computedAt: now.toISOString(),
    provenance: readinessProvenance(now),
    catalogue,
    toGetVerdicts: howToGetVerdicts(notSynced),
  };
}
