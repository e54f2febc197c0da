/** The median time to an answer per group pair and month, as the platform's accessible SVG chart. */
import { renderAccessibleChart } from "../../platform/view/svg-chart.ts";

/** Medians per pair, as getStalledView gives them. */
export type PairMedians = ReadonlyArray<{
  pair: string;
  months: ReadonlyArray<{ month: string; medianDays: number; answers: number }>;
}>;

/** The pairs drawn: the six with the most answers (the table below the chart lists every pair). */
export function chartedPairs(medians: PairMedians): PairMedians {
  const answers = (p: PairMedians[number]) => p.months.reduce((n, m) => n + m.answers, 0);
  return [...medians].sort((a, b) => answers(b) - answers(a) || a.pair.localeCompare(b.pair)).slice(0, 6);
}

/** One line per charted pair: the month's median days to an answer. */
export function renderMedianChart(medians: PairMedians): Promise<string> {
  const pairs = chartedPairs(medians);
  const months = [...new Set(pairs.flatMap((p) => p.months.map((m) => m.month)))].sort();
  return renderAccessibleChart({
    idPrefix: "request-medians",
    width: 640,
    height: 260,
    title: "Median days to an answer, per group pair and month",
    description: pairs.length
      ? `${pairs.length} group pair(s): ${pairs
          .map((p) => `${p.pair}: ${p.months.map((m) => `${m.month} ${m.medianDays} days`).join(", ")}`)
          .join("; ")}.`
      : "No request has been answered yet.",
    option: {
      grid: { left: 50, right: 20, top: 60, bottom: 30 },
      legend: { top: 0, textStyle: { color: "#1a1a1a" } },
      xAxis: { type: "category", data: months, axisLabel: { color: "#1a1a1a" } },
      yAxis: { type: "value", name: "days", axisLabel: { color: "#1a1a1a" }, minInterval: 1 },
      series: pairs.map((p) => ({
        name: p.pair,
        type: "line",
        data: months.map((m) => p.months.find((x) => x.month === m)?.medianDays ?? null),
        connectNulls: true,
      })),
    },
  });
}
