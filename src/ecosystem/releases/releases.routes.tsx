/** Release calendar routes: pages, iCalendar feeds and `/api/releases`. Thin: load, decide, render. */

import type { Context } from "hono";
import { authorize, can, requireViewer } from "../../governance/index.ts";
import { AppError, type FieldIssue, isAppError } from "../../platform/errors.ts";
import { type AppEnv, createRouter, type Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import {
  adviseSupport,
  findSeries,
  isoDay,
  MILESTONE_KINDS,
  type MilestoneKind,
  type ReleaseSeries,
  seriesPhase,
} from "./calendar.ts";
import { calendarProvenance, loadReleaseCalendar } from "./load-release-calendar.ts";
import { recordMilestone } from "./record-milestone.ts";
import { type RecordFormState, ReleasesPage, SupportPage, seriesAnchor } from "./releases.views.tsx";
import { removeMilestone } from "./remove-milestone.ts";
import { renderCalendarIcs } from "./render-calendar-ics.ts";
import { renderSupportChart } from "./support-chart.ts";

const ICS_TYPE = { "content-type": "text/calendar; charset=utf-8" };

/** The calendar page after a change, naming the changed milestone (the page reads its state back). */
function confirmationUrl(action: "recorded" | "removed", series: string, milestone: string): string {
  const q = new URLSearchParams({ [action]: series, milestone });
  return `/releases?${q.toString()}#${seriesAnchor(series)}`;
}

/** A JSON object body, or 400 when the body is not JSON. */
async function jsonBody(req: Request): Promise<Record<string, unknown>> {
  const body: unknown = await req.json().catch(() => {
    throw new AppError("bad_request", { message: "The request body must be JSON." });
  });
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
}

/** The JSON form of one series (milestones keyed by kind, with status and rule) plus its phase today. */
export function seriesJson(s: ReleaseSeries, today: string) {
  return { ...s, phase: seriesPhase(s, today) };
}

/**
 * `/releases`, `/releases/support`, `/releases/calendar.ics`, `/releases/<series>.ics`, `/api/releases`,
 * and for site admins recording and removing milestone dates (page forms and API).
 */
export function createReleasesRouter(services: Services): Router {
  const router = createRouter();
  const db = services.database.db;
  const load = async () => {
    const now = services.clock.now();
    return { now, today: isoDay(now), calendar: await loadReleaseCalendar({ db, now }) };
  };

  const releasesPage = async (recordForm: RecordFormState | undefined) => {
    const { now, today, calendar } = await load();
    return renderPage(
      <ReleasesPage
        calendar={calendar}
        today={today}
        provenance={calendarProvenance(now)}
        chartSvg={await renderSupportChart(calendar, today)}
        recordForm={recordForm}
      />,
    );
  };
  const isKind = (v: string | undefined): v is MilestoneKind =>
    v !== undefined && (MILESTONE_KINDS as readonly string[]).includes(v);

  /** Where a change lands: the series as the calendar now shows it, and the page row that shows it. */
  const landing = async (name: string) => {
    const { today, calendar } = await load();
    const s = findSeries(calendar, name);
    return {
      series: s ? seriesJson(s, today) : null,
      links: {
        calendar: `/releases#${seriesAnchor(name)}`,
        readiness: `/readiness/${name}`,
        api: "/api/releases",
      },
    };
  };

  router.get("/releases", async (c) => {
    const admin = await can(c, services, "admin.releases");
    const done = (["recorded", "removed"] as const).flatMap((action) => {
      const series = c.req.query(action);
      const milestone = c.req.query("milestone");
      return series && isKind(milestone) ? [{ action, series, milestone }] : [];
    })[0];
    const form = admin ? { csrf: c.var.csrfToken, done } : undefined;
    if (admin) c.header("cache-control", "private, no-store");
    return c.html(await releasesPage(form));
  });

  /**
   * A site admin's form: reads the named fields, runs the change as the viewer and lands on the
   * confirmation; a refused change re-shows the page with what was typed and the problems.
   */
  const adminForm =
    <F extends string>(
      fields: readonly F[],
      change: (values: Record<F, string>, by: string) => Promise<string>,
      refused: (values: Record<F, string>, issues: FieldIssue[]) => Omit<RecordFormState, "csrf">,
    ) =>
    async (c: Context<AppEnv>) => {
      const viewer = requireViewer(c);
      await authorize(c, services, "admin.releases");
      const form = await c.req.parseBody();
      const values = Object.fromEntries(fields.map((f) => [f, String(form[f] ?? "")])) as Record<F, string>;
      try {
        return c.redirect(await change(values, viewer.name), 303);
      } catch (e) {
        if (!isAppError(e) || e.code !== "validation") throw e;
        return c.html(await releasesPage({ csrf: c.var.csrfToken, ...refused(values, e.issues) }), 422);
      }
    };

  // Site admins record announced dates.
  router.post(
    "/releases/milestones",
    adminForm(
      ["series", "milestone", "date", "note"],
      async (values, by) => {
        const row = await recordMilestone({ db, clock: services.clock, ...values, recordedBy: by });
        return confirmationUrl("recorded", row.series, row.milestone);
      },
      (values, issues) => ({ values, issues }),
    ),
  );

  // Site admins remove a recorded date; the calendar falls back to the announced or projected one.
  router.post(
    "/releases/milestones/remove",
    adminForm(
      ["series", "milestone", "note"],
      async (values, by) => {
        const row = await removeMilestone({ db, clock: services.clock, ...values, removedBy: by });
        return confirmationUrl("removed", row.series, row.milestone);
      },
      (values, issues) => ({ removal: { values, issues } }),
    ),
  );

  router.post("/api/releases/milestones", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "admin.releases");
    const input = await jsonBody(c.req.raw);
    const row = await recordMilestone({
      db,
      clock: services.clock,
      series: String(input.series ?? ""),
      milestone: String(input.milestone ?? ""),
      date: String(input.date ?? ""),
      note: typeof input.note === "string" ? input.note : undefined,
      recordedBy: viewer.name,
    });
    return c.json({ recorded: row, ...(await landing(row.series)) }, 201);
  });

  router.delete("/api/releases/milestones/:series/:milestone", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "admin.releases");
    const input = c.req.header("content-type")?.includes("json") ? await jsonBody(c.req.raw) : {};
    const row = await removeMilestone({
      db,
      clock: services.clock,
      series: c.req.param("series"),
      milestone: c.req.param("milestone"),
      note: typeof input.note === "string" ? input.note : undefined,
      removedBy: viewer.name,
    });
    return c.json({ removed: row, ...(await landing(row.series)) });
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
    const { now, today, calendar } = await load();
    return c.json({
      today,
      computedAt: now.toISOString(),
      provenance: calendarProvenance(now),
      series: calendar.map((s) => seriesJson(s, today)),
      support: adviseSupport(calendar, today),
    });
  });
  return router;
}
