/** The readiness chart: verdict counts of one series as SVG bars (echarts server-side). */

import { renderAccessibleChart } from "../../platform/view/svg-chart.ts";
import type { SeriesReadiness } from "./readiness.ts";
import { VERDICTS } from "./readiness.ts";
import { VERDICT_LABELS } from "./verdict.ts";

const COLOURS: Record<string, string> = {
  yes: "#1e6b3a",
  maybe: "#8a4b00",
  no: "#a4161a",
  unknown: "#4a4a4a",
  "not-synced": "#6b6b9a",
};

/** "40.0% ready of the 60 packages whose metadata is known", or why no share can be given. */
export function describeReadyShare(r: SeriesReadiness): string {
  if (r.readyShare === null) {
    return r.considered === 0
      ? "no ranked package to judge"
      : `not known: none of the ${r.considered} packages has been synced from an index`;
  }
  const of =
    r.known === r.considered
      ? `the top ${r.considered} packages`
      : `the ${r.known} of the top ${r.considered} packages whose metadata is synced (${r.counts["not-synced"]} not synced yet)`;
  return `${(r.readyShare * 100).toFixed(1)}% ready of ${of}`;
}

/** The text alternative of the readiness chart. */
export function describeReadiness(r: SeriesReadiness): string {
  return `Verdicts for Django ${r.series} over the top ${r.considered} packages by downloads: ${VERDICTS.map((v) => `${r.counts[v]} ${VERDICT_LABELS[v]}`).join(", ")}; ${describeReadyShare(r)}.`;
}

/** Renders one bar per verdict with its count. */
export function renderReadinessChart(r: SeriesReadiness): Promise<string> {
  return renderAccessibleChart({
    idPrefix: `readiness-${r.series.replace(/\W/g, "-")}`,
    width: 640,
    height: 260,
    title: `Readiness of Django ${r.series}`,
    description: describeReadiness(r),
    option: {
      grid: { left: 120, right: 40, top: 20, bottom: 30 },
      xAxis: { type: "value", axisLabel: { color: "#1a1a1a" }, minInterval: 1 },
      yAxis: {
        type: "category",
        data: [...VERDICTS].reverse().map((v) => VERDICT_LABELS[v]),
        axisLabel: { color: "#1a1a1a" },
      },
      series: [
        {
          type: "bar",
          data: [...VERDICTS]
            .reverse()
            .map((v) => ({ value: r.counts[v], itemStyle: { color: COLOURS[v] } })),
          label: { show: true, position: "right", color: "#1a1a1a" },
          barWidth: 28,
        },
      ],
    },
  });
}
