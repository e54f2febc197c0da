/** Release calendar routes: pages, iCalendar feeds and `/api/releases`. Thin: load, decide, render. */
import { authorize, can, requireViewer } from "../../governance/index.ts";
import { AppError, isAppError } from "../../platform/errors.ts";
import { createRouter, type Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { adviseSupport, findSeries, isoDay } from "./calendar.ts";
import { loadReleaseCalendar } from "./load-release-calendar.ts";
import { recordMilestone } from "./record-milestone.ts";
import { type RecordFormState, ReleasesPage, SupportPage } from "./releases.views.tsx";
import { renderCalendarIcs } from "./render-calendar-ics.ts";
import { seriesJson } from "./series-json.ts";
import { renderSupportChart } from "./support-chart.ts";

const ICS_TYPE = { "content-type": "text/calendar; charset=utf-8" };

/** `/releases`, `/releases/support`, `/releases/calendar.ics`, `/releases/<series>.ics`, `/api/releases`. */
export function createReleasesRouter(services: Services): Router {
  const router = createRouter();
  const db = services.database.db;
  const load = async () => {
    const now = services.clock.now();
    return { now, today: isoDay(now), calendar: await loadReleaseCalendar({ db, now }) };
  };

  const releasesPage = async (recordForm: RecordFormState | undefined) => {
    const { today, calendar } = await load();
    return renderPage(
      <ReleasesPage
        calendar={calendar}
        today={today}
        chartSvg={await renderSupportChart(calendar, today)}
        recordForm={recordForm}
      />,
    );
  };

  router.get("/releases", async (c) => {
    const admin = await can(c, services, "admin.releases");
    const recorded = c.req.query("recorded");
    const form = admin
      ? { csrf: c.var.csrfToken, recorded: recorded ? `Recorded: ${recorded}.` : undefined }
      : undefined;
    if (admin) c.header("cache-control", "private, no-store");
    return c.html(await releasesPage(form));
  });

  // Site admins record announced dates; a bad field re-shows the form with what was typed.
  router.post("/releases/milestones", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "admin.releases");
    const form = await c.req.parseBody();
    const values = {
      series: String(form.series ?? ""),
      milestone: String(form.milestone ?? ""),
      date: String(form.date ?? ""),
      note: String(form.note ?? ""),
    };
    try {
      const row = await recordMilestone({ db, clock: services.clock, ...values, recordedBy: viewer.name });
      return c.redirect(
        `/releases?recorded=${encodeURIComponent(`${row.series} ${row.milestone} ${row.date}`)}`,
        303,
      );
    } catch (e) {
      if (!isAppError(e) || e.code !== "validation") throw e;
      return c.html(await releasesPage({ csrf: c.var.csrfToken, values, issues: e.issues }), 422);
    }
  });

  router.post("/api/releases/milestones", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "admin.releases");
    const body: unknown = await c.req.json().catch(() => {
      throw new AppError("bad_request", { message: "The request body must be JSON." });
    });
    const input = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    const row = await recordMilestone({
      db,
      clock: services.clock,
      series: String(input.series ?? ""),
      milestone: String(input.milestone ?? ""),
      date: String(input.date ?? ""),
      note: typeof input.note === "string" ? input.note : undefined,
      recordedBy: viewer.name,
    });
    return c.json({ recorded: row }, 201);
  });

  router.get("/releases/support", async (c) => {
    const { today, calendar } = await load();
    return c.html(
      await renderPage(<SupportPage advice={adviseSupport(calendar, today)} calendar={calendar} />),
    );
  });

  router.get("/releases/calendar.ics", async (c) => {
    const { now, calendar } = await load();
    const ics = renderCalendarIcs({
      calendar,
      now,
      name: "Django releases",
      pageUrl: `${services.config.baseUrl}/releases`,
    });
    return c.body(ics, 200, ICS_TYPE);
  });

  router.get("/releases/:file{[^/]+\\.ics}", async (c) => {
    const name = c.req.param("file").replace(/\.ics$/, "");
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
  });

  router.get("/api/releases", async (c) => {
    const { today, calendar } = await load();
    return c.json({
      today,
      series: calendar.map((s) => seriesJson(s, today)),
      support: adviseSupport(calendar, today),
    });
  });
  return router;
}
