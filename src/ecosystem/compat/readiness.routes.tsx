/** Readiness routes: `/readiness`, `/readiness/<series>`, `/api/readiness/<series>?top=N`. */

import { AppError } from "../../platform/errors.ts";
import { createRouter, type Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import {
  computeReadinessOverview,
  computeSeriesReadiness,
  DEFAULT_TOP,
  MAX_TOP,
} from "./compute-series-readiness.ts";
import { ReadinessIndexPage, SeriesReadinessPage } from "./readiness.views.tsx";
import { renderReadinessChart } from "./readiness-chart.ts";

/** Reads `top` from the query: absent -> the default, otherwise a whole number from 1 to MAX_TOP. */
function parseTop(raw: string | undefined): number {
  if (raw === undefined || raw === "") return DEFAULT_TOP;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(n) || n < 1 || n > MAX_TOP) {
    throw new AppError("validation", {
      message: `Invalid readiness request: top: must be a whole number from 1 to ${MAX_TOP}, got "${raw}"`,
      issues: [{ field: "top", message: `must be a whole number from 1 to ${MAX_TOP}` }],
    });
  }
  return n;
}

/** The readiness pages and API. */
export function createReadinessRouter(services: Services): Router {
  const router = createRouter();
  const db = services.database.db;

  router.get("/readiness", async (c) => {
    const series = c.req.query("series");
    const top = parseTop(c.req.query("top"));
    if (series) return c.redirect(`/readiness/${encodeURIComponent(series)}?top=${top}`, 303);
    const overview = await computeReadinessOverview({ db, clock: services.clock, top });
    return c.html(await renderPage(<ReadinessIndexPage {...overview} />));
  });

  router.get("/readiness/:series", async (c) => {
    const top = parseTop(c.req.query("top"));
    const report = await computeSeriesReadiness({
      db,
      clock: services.clock,
      series: c.req.param("series"),
      top,
    });
    const overview = await computeReadinessOverview({ db, clock: services.clock, top: 1 });
    return c.html(
      await renderPage(
        <SeriesReadinessPage
          report={report}
          chartSvg={await renderReadinessChart(report.readiness)}
          allSeries={overview.rows.map((r) => r.series)}
        />,
      ),
    );
  });

  router.get("/api/readiness/:series", async (c) => {
    const top = parseTop(c.req.query("top"));
    const report = await computeSeriesReadiness({
      db,
      clock: services.clock,
      series: c.req.param("series"),
      top,
    });
    return c.json(report);
  });
  return router;
}
