/** Readiness routes: `/readiness`, `/readiness/<series>`, `/api/readiness/<series>?top=N`. */
import { z } from "zod";
import type { Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { optionalText, Slug, wholeNumber } from "../../platform/validation.ts";
import { SeriesReadinessReportSchema } from "../api-schemas.ts";
import { createEcosystemRoomRouter } from "../ecosystem.router.ts";
import {
  computeReadinessOverview,
  computeSeriesReadiness,
  DEFAULT_TOP,
  MAX_TOP,
} from "./compute-series-readiness.ts";
import { ReadinessIndexPage, SeriesReadinessPage } from "./readiness.views.tsx";
import { renderReadinessChart } from "./readiness-chart.ts";

/** `top`: absent or blank gives the default, otherwise a whole number from 1 to MAX_TOP. */
const Top = z
  .union([z.literal("").transform(() => undefined), wholeNumber({ min: 1, max: MAX_TOP })])
  .optional()
  .transform((n) => n ?? DEFAULT_TOP)
  .describe(`How many of the most downloaded packages to judge (1 to ${MAX_TOP}, default ${DEFAULT_TOP}).`);
const SeriesParams = z.object({ series: Slug.describe("A Django series: `5.2`, `6.2`, `2028`.") });

/** The readiness pages and API. */
export function createReadinessRouter(services: Services): Router {
  const router = createEcosystemRoomRouter(services);
  const db = services.database.db;

  router.get("/readiness", {
    query: z.object({ series: optionalText({ max: 20 }), top: Top }),
    handler: async (c, { query: { series, top } }) => {
      if (series) return c.redirect(`/readiness/${encodeURIComponent(series)}?top=${top}`, 303);
      const overview = await computeReadinessOverview({ db, clock: services.clock, top });
      return c.html(await renderPage(<ReadinessIndexPage {...overview} />));
    },
  });

  router.get("/readiness/:series", {
    params: SeriesParams,
    query: z.object({ top: Top }),
    handler: async (c, { params, query: { top } }) => {
      const report = await computeSeriesReadiness({ db, clock: services.clock, series: params.series, top });
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
    },
  });

  router.get("/api/readiness/:series", {
    summary:
      "Share of the top N packages (by download rank) ready for a Django series, with each verdict and its evidence.",
    operationId: "getSeriesReadiness",
    params: SeriesParams,
    query: z.object({ top: Top }),
    response: {
      description: "The readiness report.",
      schema: SeriesReadinessReportSchema,
      name: "SeriesReadiness",
    },
    errors: { 404: "No such Django series in the calendar." },
    handler: async (c, { params, query: { top } }) =>
      c.json(await computeSeriesReadiness({ db, clock: services.clock, series: params.series, top })),
  });
  return router.app;
}
