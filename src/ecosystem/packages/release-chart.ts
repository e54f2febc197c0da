/** The release history chart of a project: releases per year as a server-rendered SVG bar chart. */
import { renderAccessibleChart } from "../../platform/view/svg-chart.ts";

/** Releases counted per calendar year, oldest first, with empty years filled in. */
export function releasesPerYear(dates: ReadonlyArray<Date | null>): Array<{ year: number; count: number }> {
  const years = dates.flatMap((d) => (d ? [d.getUTCFullYear()] : []));
  if (years.length === 0) return [];
  const min = Math.min(...years);
  const max = Math.max(...years);
  const out: Array<{ year: number; count: number }> = [];
  for (let y = min; y <= max; y++) out.push({ year: y, count: years.filter((x) => x === y).length });
  return out;
}

/** The chart as SVG with a title and a text description; null when no release has a date. */
export async function renderReleaseChart(input: {
  name: string;
  dates: ReadonlyArray<Date | null>;
}): Promise<string | null> {
  const perYear = releasesPerYear(input.dates);
  if (perYear.length === 0) return null;
  const total = perYear.reduce((a, b) => a + b.count, 0);
  const busiest = perYear.reduce((a, b) => (b.count > a.count ? b : a));
  const description = `${total} release${total === 1 ? "" : "s"} from ${perYear[0]?.year} to ${perYear[perYear.length - 1]?.year}; most in ${busiest.year} (${busiest.count}). ${perYear.map((p) => `${p.year}: ${p.count}`).join(", ")}.`;
  return renderAccessibleChart({
    option: {
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: "category", data: perYear.map((p) => String(p.year)), axisLabel: { color: "#1a1a1a" } },
      yAxis: { type: "value", minInterval: 1, axisLabel: { color: "#1a1a1a" } },
      series: [{ type: "bar", data: perYear.map((p) => p.count), itemStyle: { color: "#0c4b33" } }],
    },
    width: 640,
    height: 220,
    title: `Releases of ${input.name} per year`,
    description,
    idPrefix: "release-chart",
  });
}
