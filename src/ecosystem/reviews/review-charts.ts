/** The review's charts as SVG with text alternatives (the shared echarts helper). */
import { renderAccessibleChart } from "../../platform/view/svg-chart.ts";
import type { ReviewData } from "./review.ts";

const AXIS = { axisLabel: { color: "#1a1a1a", interval: 0, fontSize: 11 } };

function bars(input: {
  id: string;
  title: string;
  labels: string[];
  series: Array<{ name: string; data: Array<number | null>; color: string }>;
}) {
  const description = input.labels
    .map(
      (l, i) =>
        `${l}: ${input.series.map((s) => `${s.data[i] ?? "unknown"}${input.series.length > 1 ? ` ${s.name}` : ""}`).join(", ")}`,
    )
    .join("; ");
  return renderAccessibleChart({
    option: {
      grid: { left: 56, right: 16, top: input.series.length > 1 ? 36 : 16, bottom: 48 },
      legend:
        input.series.length > 1
          ? { top: 4, data: input.series.map((s) => s.name), textStyle: { color: "#1a1a1a" } }
          : undefined,
      xAxis: { type: "category", data: input.labels, ...AXIS },
      yAxis: { type: "value", minInterval: 1, ...AXIS },
      series: input.series.map((s) => ({
        type: "bar",
        name: s.name,
        data: s.data,
        itemStyle: { color: s.color },
      })),
    },
    width: 720,
    height: 260,
    title: input.title,
    description: `${input.title}. ${description}.`,
    idPrefix: input.id,
  });
}

/** Django series, recency, health buckets and time to support, in that order. */
export async function renderReviewCharts(
  d: ReviewData,
): Promise<{ django: string; recency: string; health: string; support: string | null }> {
  const [django, recency, health, support] = await Promise.all([
    bars({
      id: "review-django",
      title: "Synced packages declaring each Django series",
      labels: d.djangoSeries.map((s) => s.series),
      series: [
        { name: "declared by classifier", data: d.djangoSeries.map((s) => s.declared), color: "#0c4b33" },
        { name: "judged yes", data: d.djangoSeries.map((s) => s.judgedYes), color: "#0b5394" },
      ],
    }),
    bars({
      id: "review-recency",
      title: "Packages by age of their latest release",
      labels: d.recency.map((r) => r.bucket),
      series: [{ name: "packages", data: d.recency.map((r) => r.packages), color: "#0c4b33" }],
    }),
    bars({
      id: "review-health",
      title: "Packages by health bucket",
      labels: Object.keys(d.healthBuckets),
      series: [{ name: "packages", data: Object.values(d.healthBuckets), color: "#0c4b33" }],
    }),
    bars({
      id: "review-support",
      title: `Median days from each Django final to support among the ${d.top} most used`,
      labels: d.timeToSupport.map((t) => t.series),
      series: [{ name: "median days", data: d.timeToSupport.map((t) => t.medianDays), color: "#8a4b00" }],
    }),
  ]);
  // Without a single measured series the chart would be an empty frame: the page says so instead.
  const measured = d.timeToSupport.some((t) => t.medianDays !== null);
  return { django, recency, health, support: measured ? support : null };
}
