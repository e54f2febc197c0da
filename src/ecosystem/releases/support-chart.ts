/** The support-window chart of the release calendar (echarts, server-side SVG) and its text alternative. */
import { renderAccessibleChart } from "../../platform/view/svg-chart.ts";
import {
  describeMilestoneDate,
  type Milestone,
  milestoneDay,
  type ReleaseSeries,
  seriesPhase,
} from "./calendar.ts";

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
/** Where a milestone sits on the axis (a milestone not recorded sits where the policy expected it). */
const at = (m: Milestone) => ms(milestoneDay(m));

/** One sentence per series saying what the chart shows, for the SVG <desc> and the page. */
export function describeSupportWindows(calendar: readonly ReleaseSeries[], today: string): string {
  const parts = calendar.map((s) => {
    const m = s.milestones;
    const d = (x: Milestone) =>
      x.date === null
        ? "a date not recorded"
        : describeMilestoneDate(x).replace(", projected", " (projected)");
    const pre =
      m.alpha.date === null ? " (pre-release period not drawn: the alpha date is not recorded)" : "";
    return `Django ${s.series}${s.lts ? " LTS" : ""}: released ${d(m.final)}, mainstream support until ${d(m["end-mainstream"])}, extended support until ${d(m["end-extended"])}${pre}; ${seriesPhase(s, today).replace(/-/g, " ")} on ${today}.`;
  });
  return `Support windows of Django series as horizontal bars. ${parts.join(" ")}`;
}

/** Renders the Gantt-style chart: pre-release, mainstream and extended support per series, and today. */
export function renderSupportChart(calendar: readonly ReleaseSeries[], today: string): Promise<string> {
  const rows = [...calendar].reverse();
  // The axis counts from 1 January of the first year, so yearly ticks fall on year boundaries.
  const start = Date.UTC(
    new Date(Math.min(...rows.map((s) => at(s.milestones.alpha)))).getUTCFullYear(),
    0,
    1,
  );
  const lastEnd = new Date(Math.max(...rows.map((s) => at(s.milestones["end-extended"]))));
  const end = Date.UTC(lastEnd.getUTCFullYear() + 1, 0, 1);
  // Without a recorded alpha the pre-release bar is left out rather than drawn from a guess.
  const preStart = (s: ReleaseSeries) =>
    s.milestones.alpha.date === null ? at(s.milestones.final) : at(s.milestones.alpha);
  const offset = rows.map((s) => preStart(s) - start);
  const pre = rows.map((s) => at(s.milestones.final) - preStart(s));
  const main = rows.map((s) => at(s.milestones["end-mainstream"]) - at(s.milestones.final));
  const ext = rows.map((s) => at(s.milestones["end-extended"]) - at(s.milestones["end-mainstream"]));
  // A segment that ends on a projected date is drawn as an outline only: the end is not a fact.
  const ending = (kind: "final" | "end-mainstream" | "end-extended") =>
    rows.map((s) => s.milestones[kind].status === "projected");
  const bar = (name: string, data: number[], color: string, projectedEnd: boolean[] = []) => ({
    name,
    type: "bar",
    stack: "window",
    data: data.map((value, i) =>
      projectedEnd[i]
        ? { value, itemStyle: { color: "#ffffff", borderColor: color, borderWidth: 2, borderType: "dashed" } }
        : value,
    ),
    itemStyle: { color },
    barWidth: 14,
  });
  return renderAccessibleChart({
    idPrefix: "support-chart",
    width: 900,
    height: 60 + rows.length * 28,
    title: "Django support windows",
    description: describeSupportWindows(calendar, today),
    option: {
      grid: { left: 90, right: 20, top: 40, bottom: 30 },
      legend: {
        top: 5,
        textStyle: { color: "#1a1a1a" },
        data: ["Pre-release", "Mainstream support", "Extended support"],
      },
      xAxis: {
        type: "value",
        min: 0,
        max: end - start,
        interval: YEAR,
        axisLabel: {
          color: "#1a1a1a",
          formatter: (v: number) => String(new Date(start + v + 15 * DAY).getUTCFullYear()),
        },
        splitLine: { lineStyle: { color: "#d0d0d0" } },
      },
      yAxis: {
        type: "category",
        data: rows.map((s) => `${s.series}${s.lts ? " LTS" : ""}`),
        axisLabel: { color: "#1a1a1a" },
      },
      series: [
        { ...bar("offset", offset, "transparent"), silent: true },
        bar("Pre-release", pre, "#767676", ending("final")),
        bar("Mainstream support", main, "#0c4b33", ending("end-mainstream")),
        {
          ...bar("Extended support", ext, "#4f7f66", ending("end-extended")),
          markLine: {
            symbol: "none",
            label: { formatter: `today ${today}`, color: "#a4161a" },
            lineStyle: { color: "#a4161a", type: "dashed" },
            data: [{ xAxis: ms(today) - start }],
          },
        },
      ],
    },
  });
}
