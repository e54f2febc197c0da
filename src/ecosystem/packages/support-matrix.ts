/**
 * A project's declared support matrix: one compatibility verdict per current Django series, from
 * the compat rules. Pure: imports nothing from platform/.
 */
import {
  type CompatVerdict,
  judgeCompatibility,
  type PackageFacts,
  targetForSeries,
} from "../compat/verdict.ts";
import { calendarSeriesNames, isSupported, isUpcoming, type ReleaseSeries } from "../releases/calendar.ts";

/** Series shown in a support matrix on `today`: every supported series and the next upcoming one. */
export function matrixSeries(today: string, calendar: readonly ReleaseSeries[]): ReleaseSeries[] {
  const supported = calendar.filter((s) => isSupported(s, today));
  const next = calendar.find((s) => isUpcoming(s, today));
  return next ? [...supported, next] : supported;
}

/** Verdicts of one release for each series of the matrix. */
export function supportMatrix(input: {
  today: string;
  /** The release calendar as of `today` (with recorded dates). */
  calendar: readonly ReleaseSeries[];
  facts: PackageFacts;
}): Array<{ series: ReleaseSeries; verdict: CompatVerdict }> {
  return matrixSeries(input.today, input.calendar).map((series) => ({
    series,
    verdict: judgeCompatibility({ facts: input.facts, target: targetForSeries(series) }),
  }));
}

/** Django series offered by the list filter on `today`: recent older series, then the calendar's up to the next one. */
export function djangoFilterChoices(today: string, calendar: readonly ReleaseSeries[]): string[] {
  const shown = matrixSeries(today, calendar).map((s) => s.series);
  const older = ["3.2", "4.0", "4.1", ...calendar.map((s) => s.series)].filter((s) => !shown.includes(s));
  const last = shown[shown.length - 1];
  return [...new Set([...older.filter((s) => !last || Number(s) < Number(last)), ...shown])].sort(
    (a, b) => Number(a) - Number(b),
  );
}

/** Series of the release calendar (those with a readiness page). */
export function readinessSeries(): string[] {
  return calendarSeriesNames();
}
