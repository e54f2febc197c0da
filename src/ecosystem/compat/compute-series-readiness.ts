/** Readiness of Django series over the top N packages of the catalogue, judged as of the clock's date. */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import {
  findSeries,
  isoDay,
  isUpcoming,
  type ReleaseSeries,
  type SeriesPhase,
  seriesPhase,
} from "../releases/calendar.ts";
import { loadReleaseCalendar } from "../releases/load-release-calendar.ts";
import { selectCatalogueState, selectTopRankedPackages } from "./readiness.repo.ts";
import { computeReadiness, type SeriesReadiness } from "./readiness.ts";
import { targetForSeries } from "./verdict.ts";

/** The largest N accepted (the catalogue ranks the top 15,000). */
export const MAX_TOP = 15_000;
/** N when none is given. */
export const DEFAULT_TOP = 100;

/** Readiness of one series with where the series stands and how fresh the catalogue is. */
export interface SeriesReadinessReport {
  today: string;
  series: ReleaseSeries;
  phase: SeriesPhase;
  upcoming: boolean;
  readiness: SeriesReadiness;
  catalogue: { packages: number; ranked: number; syncedAt: string | null };
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
  const [packages, state] = await Promise.all([
    selectTopRankedPackages(input.db, top),
    selectCatalogueState(input.db),
  ]);
  return {
    today,
    series,
    phase: seriesPhase(series, today),
    upcoming: isUpcoming(series, today),
    readiness: computeReadiness({ packages, target: targetForSeries(series), top }),
    catalogue: { ...state, syncedAt: state.syncedAt ? state.syncedAt.toISOString() : null },
  };
}

/** One line of the readiness index. */
export interface ReadinessOverviewRow {
  series: string;
  lts: boolean;
  phase: SeriesPhase;
  upcoming: boolean;
  counts: SeriesReadiness["counts"];
  readyShare: number;
  considered: number;
}

/** Readiness of every series that is supported or upcoming, over the same top N. */
export async function computeReadinessOverview(input: {
  db: Db;
  clock: Clock;
  top: number;
}): Promise<{ today: string; top: number; rows: ReadinessOverviewRow[] }> {
  const top = checkTop(input.top);
  const now = input.clock.now();
  const today = isoDay(now);
  const calendar = await loadReleaseCalendar({ db: input.db, now });
  const packages = await selectTopRankedPackages(input.db, top);
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
      };
    });
  return { today, top, rows };
}
