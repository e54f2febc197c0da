/**
 * Server-side echarts rendered to an SVG string that assistive technology can read: role="img",
 * a <title> and a <desc>, referenced by aria-labelledby. Pure apart from echarts itself.
 * echarts is loaded on first use: it takes about a second to import, which every command-line
 * start and every server start would otherwise pay even when no chart is drawn.
 */
import type * as Echarts from "echarts";

type EchartsModule = typeof Echarts;
let echartsModule: Promise<EchartsModule> | undefined;
function loadEcharts(): Promise<EchartsModule> {
  echartsModule ??= import("echarts");
  return echartsModule;
}

/** What to draw and how to describe it. */
export interface AccessibleChartInput {
  /** An echarts option (series, axes, ...). */
  option: Echarts.EChartsCoreOption;
  width: number;
  height: number;
  /** Short name of the chart (the SVG <title>). */
  title: string;
  /** Text alternative that states what the chart shows (the SVG <desc>). */
  description: string;
  /** Prefix for the ids of <title> and <desc>, unique on the page. */
  idPrefix: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Renders the chart to an SVG string with role="img", <title> and <desc>, with animation off. */
export async function renderAccessibleChart(input: AccessibleChartInput): Promise<string> {
  const echarts = await loadEcharts();
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: input.width,
    height: input.height,
  });
  try {
    chart.setOption({ animation: false, ...input.option });
    const svg = chart.renderToSVGString();
    const titleId = `${input.idPrefix}-title`;
    const descId = `${input.idPrefix}-desc`;
    return svg.replace(
      /^<svg([^>]*)>/,
      `<svg$1 role="img" aria-labelledby="${titleId} ${descId}" focusable="false"><title id="${titleId}">${escapeXml(input.title)}</title><desc id="${descId}">${escapeXml(input.description)}</desc>`,
    );
  } finally {
    chart.dispose();
  }
}
