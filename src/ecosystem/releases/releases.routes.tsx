/** Release calendar routes: pages, iCalendar feeds and `/api/releases`. Thin: load, decide, render. */
import type { Context } from "hono";
import { z } from "zod";
import { can, createRoomRouter, requireViewer } from "../../governance/index.ts";
import { AppError } from "../../platform/errors.ts";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { optionalText } from "../../platform/validation.ts";
import { MilestoneRecordedSchema, ReleaseCalendarSchema } from "../api-schemas.ts";
import { adviseSupport, findSeries, isoDay } from "./calendar.ts";
import { loadReleaseCalendar } from "./load-release-calendar.ts";
import { RecordMilestoneInputSchema, recordMilestone } from "./record-milestone.ts";
import { ReleasesPage, SupportPage } from "./releases.views.tsx";
import { renderCalendarIcs } from "./render-calendar-ics.ts";
import { seriesJson } from "./series-json.ts";
import { renderSupportChart } from "./support-chart.ts";

const ICS_TYPE = { "content-type": "text/calendar; charset=utf-8" };

/** `/releases`, `/releases/support`, `/releases/calendar.ics`, `/releases/<series>.ics`, `/api/releases`. */
export function createReleasesRouter(services: Services): Router {
  const router = createRoomRouter(services);
  const db = services.database.db;
  const load = async () => {
    const now = services.clock.now();
    return { now, today: isoDay(now), calendar: await loadReleaseCalendar({ db, now }) };
  };

  /** The calendar page; site admins also get the form recording announced dates. */
  const releasesPage = async (c: Context<AppEnv>, recorded?: string | null) => {
    const admin = await can(c, services, "admin.releases");
    const { today, calendar } = await load();
    if (admin) c.header("cache-control", "private, no-store");
    return c.html(
      await renderPage(
        <ReleasesPage
          calendar={calendar}
          today={today}
          chartSvg={await renderSupportChart(calendar, today)}
          recordForm={admin ? { recorded: recorded ? `Recorded: ${recorded}.` : undefined } : undefined}
        />,
      ),
    );
  };

  router.get("/releases", {
    query: z.object({ recorded: optionalText({ max: 200 }).catch(null) }),
    handler: (c, { query }) => releasesPage(c, query.recorded),
  });

  // Site admins record announced dates; a refused one re-shows the form with what was typed.
  router.post("/releases/milestones", {
    form: RecordMilestoneInputSchema,
    action: "admin.releases",
    page: (c) => releasesPage(c),
    handler: async (c, { body }) => {
      const viewer = requireViewer(c);
      const row = await recordMilestone({ db, clock: services.clock, ...body, recordedBy: viewer.name });
      return c.redirect(
        `/releases?recorded=${encodeURIComponent(`${row.series} ${row.milestone} ${row.date}`)}`,
        303,
      );
    },
  });

  router.post("/api/releases/milestones", {
    summary:
      "Record an announced milestone date; it then overrides the projection (site admins, scope admin).",
    operationId: "recordMilestone",
    json: RecordMilestoneInputSchema,
    action: "admin.releases",
    response: {
      status: 201,
      description: "Recorded.",
      schema: MilestoneRecordedSchema,
      name: "MilestoneRecorded",
    },
    handler: async (c, { body }) => {
      const viewer = requireViewer(c);
      const row = await recordMilestone({ db, clock: services.clock, ...body, recordedBy: viewer.name });
      return c.json({ recorded: row }, 201);
    },
  });

  router.get("/releases/support", {
    handler: async (c) => {
      const { today, calendar } = await load();
      return c.html(
        await renderPage(<SupportPage advice={adviseSupport(calendar, today)} calendar={calendar} />),
      );
    },
  });

  router.get("/releases/calendar.ics", {
    handler: async (c) => {
      const { now, calendar } = await load();
      const ics = renderCalendarIcs({
        calendar,
        now,
        name: "Django releases",
        pageUrl: `${services.config.baseUrl}/releases`,
      });
      return c.body(ics, 200, ICS_TYPE);
    },
  });

  router.get("/releases/:file{[^/]+\\.ics}", {
    params: z.object({
      file: z
        .string()
        .max(40)
        .regex(/^[0-9A-Za-z.]+\.ics$/, "is not a series calendar"),
    }),
    handler: async (c, { params }) => {
      const name = params.file.replace(/\.ics$/, "");
      const { now, calendar } = await load();
      const s = findSeries(calendar, name);
      if (!s) throw new AppError("not_found", { message: `No Django series "${name}" in the calendar.` });
      const ics = renderCalendarIcs({
        calendar: [s],
        now,
        name: `Django ${s.series}`,
        pageUrl: `${services.config.baseUrl}/releases`,
      });
      return c.body(ics, 200, ICS_TYPE);
    },
  });

  router.get("/api/releases", {
    summary:
      "Every Django series from 4.2 on: milestones (announced or projected, with the rule), Python versions, phase, and which series to support today.",
    operationId: "listReleases",
    response: {
      description: "The release calendar.",
      schema: ReleaseCalendarSchema,
      name: "ReleaseCalendar",
    },
    handler: async (c) => {
      const { today, calendar } = await load();
      return c.json({
        today,
        series: calendar.map((s) => seriesJson(s, today)),
        support: adviseSupport(calendar, today),
      });
    },
  });
  return router.app;
}
