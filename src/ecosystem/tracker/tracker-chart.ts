/** The tracker's progress chart: packages by status, toward the release date (echarts SSR, accessible SVG). */
import { renderAccessibleChart } from "../../platform/view/svg-chart.ts";
import type { Tracker } from "./get-tracker.ts";
import { TRACKER_LABELS, TRACKER_STATUSES } from "./tracker-status.ts";

const COLOURS: Record<string, string> = {
  ready: "#1e6b3a",
  "in-progress": "#1f4e8c",
  "not-started": "#8a4b00",
  blocked: "#a4161a",
  unknown: "#4a4a4a",
};

/** When the final release is, in words (its date and whether it is announced or projected). */
export function finalText(t: Tracker): string {
  const day = t.final.date ?? t.final.expected;
  const status = t.final.date ? t.final.status : "expected by the release policy";
  return `${day} (${status})`;
}

/** The text alternative: every count, and the days left. */
export function describeTracker(t: Tracker): string {
  return `Django ${t.series.series} tracker over the top ${t.rows.length} packages by downloads, ${t.daysToFinal} days before the final release on ${finalText(t)}: ${TRACKER_STATUSES.map((s) => `${t.counts[s]} ${TRACKER_LABELS[s].toLowerCase()}`).join(", ")}.`;
}

/** One stacked bar of the statuses, with the days left in its axis name. */
export function renderTrackerChart(t: Tracker): Promise<string> {
  return renderAccessibleChart({
    idPrefix: `tracker-${t.series.series.replace(/\W/g, "-")}`,
    width: 640,
    height: 200,
    title: `Progress toward Django ${t.series.series}`,
    description: describeTracker(t),
    option: {
      grid: { left: 110, right: 20, top: 40, bottom: 30 },
      legend: { top: 0, textStyle: { color: "#1a1a1a" } },
      xAxis: {
        type: "value",
        max: Math.max(1, t.rows.length),
        axisLabel: { color: "#1a1a1a" },
        minInterval: 1,
      },
      yAxis: {
        type: "category",
        data: [`${t.daysToFinal} days left`],
        axisLabel: { color: "#1a1a1a" },
      },
      series: TRACKER_STATUSES.map((s) => ({
        name: TRACKER_LABELS[s],
        type: "bar",
        stack: "all",
        data: [t.counts[s]],
        itemStyle: { color: COLOURS[s] },
        barWidth: 40,
      })),
    },
  });
}
