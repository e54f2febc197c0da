/** Release calendar routes: pages, iCalendar feeds and `/api/releases`. Thin: load, decide, render. */
import type { Context } from "hono";
import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { oneOf, optionalText, text } from "../../platform/validation.ts";
import { MilestoneRecordedSchema, MilestoneRemovedSchema, ReleaseCalendarSchema } from "../api-schemas.ts";
import { auditActorOf, can, createEcosystemRoomRouter, requireViewer } from "../ecosystem.router.ts";
import { adviseSupport, findSeries, isoDay, MILESTONE_KINDS, type MilestoneKind } from "./calendar.ts";
import { calendarProvenance, loadReleaseCalendar } from "./load-release-calendar.ts";
import { RecordMilestoneInputSchema, recordMilestone } from "./record-milestone.ts";
import { seriesAnchor } from "./release-links.ts";
import { seriesJson } from "./releases.presenters.ts";
import { type RecordFormState, ReleasesPage, SupportPage } from "./releases.views.tsx";
import { removeMilestone } from "./remove-milestone.ts";
import { renderCalendarIcs } from "./render-calendar-ics.ts";
import { renderSupportChart } from "./support-chart.ts";

const ICS_TYPE = { "content-type": "text/calendar; charset=utf-8" };

/** The calendar page after a change, naming the changed milestone (the page reads its state back). */
function confirmationUrl(action: "recorded" | "removed", series: string, milestone: string): string {
  const q = new URLSearchParams({ [action]: series, milestone });
  return `/releases?${q.toString()}#${seriesAnchor(series)}`;
}

/** The series and milestone of a recorded date, from the path. */
const MilestoneParams = z.object({
  series: text({ max: 20 }).describe("The Django series, e.g. 6.2 or 2028."),
  milestone: oneOf(MILESTONE_KINDS).describe("The milestone whose recorded date is removed."),
});

/** Why a recorded date is removed (optional). */
const RemoveBody = z.object({ note: optionalText({ max: 500 }) });

/**
 * `/releases`, `/releases/support`, `/releases/calendar.ics`, `/releases/<series>.ics`, `/api/releases`,
 * and for site admins recording and removing milestone dates (page forms and API).
 */
export function createReleasesRouter(services: Services): Router {
  const router = createEcosystemRoomRouter(services);
  const db = services.database.db;
  const load = async () => {
    const now = services.clock.now();
    return { now, today: isoDay(now), calendar: await loadReleaseCalendar({ db, now }) };
  };

  /** The calendar page; site admins also get the forms recording and removing announced dates. */
  const releasesPage = async (c: Context<AppEnv>, done?: RecordFormState["done"]) => {
    const admin = await can(c, services, "admin.releases");
    const { now, today, calendar } = await load();
    if (admin) c.header("cache-control", "private, no-store");
    return c.html(
      await renderPage(
        <ReleasesPage
          calendar={calendar}
          today={today}
          provenance={calendarProvenance(now)}
          chartSvg={await renderSupportChart(calendar, today)}
          recordForm={admin ? { done } : undefined}
        />,
      ),
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

  /** Records a date as the signed-in site admin (the page form and the API alike). */
  const record = (c: Context<AppEnv>, body: z.infer<typeof RecordMilestoneInputSchema>) => {
    const viewer = requireViewer(c);
    return recordMilestone({
      db,
      clock: services.clock,
      ...body,
      recordedBy: viewer.name,
      by: auditActorOf(viewer),
    });
  };
  /** Removes a recorded date as the signed-in site admin (the page form and the API alike). */
  const remove = (
    c: Context<AppEnv>,
    params: z.infer<typeof MilestoneParams>,
    note: string | null | undefined,
  ) => {
    const viewer = requireViewer(c);
    return removeMilestone({
      db,
      clock: services.clock,
      ...params,
      note: note ?? undefined,
      removedBy: viewer.name,
      by: auditActorOf(viewer),
    });
  };

  router.get("/releases", {
    query: z.object({
      recorded: optionalText({ max: 20 }).catch(null),
      removed: optionalText({ max: 20 }).catch(null),
      milestone: optionalText({ max: 20 }).catch(null),
    }),
    handler: (c, { query }) => {
      const milestone = query.milestone ?? undefined;
      const done = (["recorded", "removed"] as const).flatMap((action) => {
        const series = query[action];
        return series && isKind(milestone) ? [{ action, series, milestone }] : [];
      })[0];
      return releasesPage(c, done);
    },
  });

  // Site admins record announced dates; a refused one re-shows the form with what was typed.
  router.post("/releases/milestones", {
    form: RecordMilestoneInputSchema,
    action: "admin.releases",
    page: (c) => releasesPage(c),
    handler: async (c, { body }) => {
      const row = await record(c, body);
      return c.redirect(confirmationUrl("recorded", row.series, row.milestone), 303);
    },
  });

  // Site admins remove a recorded date; the calendar falls back to the announced or projected one.
  router.post("/releases/milestones/:series/:milestone/remove", {
    params: MilestoneParams,
    form: RemoveBody,
    action: "admin.releases",
    page: (c) => releasesPage(c),
    handler: async (c, { params, body }) => {
      const row = await remove(c, params, body.note);
      return c.redirect(confirmationUrl("removed", row.series, row.milestone), 303);
    },
  });

  router.post("/api/releases/milestones", {
    summary:
      "Record an announced milestone date; it then overrides the calendar (site admins, scope admin). Dates must keep the series' milestones in order.",
    operationId: "recordMilestone",
    json: RecordMilestoneInputSchema,
    action: "admin.releases",
    response: {
      status: 201,
      description: "Recorded, with the series as the calendar now shows it and where it shows.",
      schema: MilestoneRecordedSchema,
      name: "MilestoneRecorded",
    },
    handler: async (c, { body }) => {
      const row = await record(c, body);
      return c.json({ recorded: row, ...(await landing(row.series)) }, 201);
    },
  });

  router.delete("/api/releases/milestones/:series/:milestone", {
    summary:
      "Remove a recorded milestone date; the calendar falls back to the announced or projected date (site admins, scope admin).",
    operationId: "removeMilestone",
    params: MilestoneParams,
    json: RemoveBody.optional(),
    action: "admin.releases",
    response: {
      description: "Removed, with the series as the calendar now shows it and where it shows.",
      schema: MilestoneRemovedSchema,
      name: "MilestoneRemoved",
    },
    errors: { 404: "No date is recorded for this milestone." },
    handler: async (c, { params, body }) => {
      const row = await remove(c, params, body?.note);
      return c.json({ removed: row, ...(await landing(row.series)) });
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
      "Every Django series from 4.2 on: milestones (announced, recorded, projected with the rule, or not recorded), Python versions, phase, and which series to support today.",
    operationId: "listReleases",
    response: {
      description: "The release calendar.",
      schema: ReleaseCalendarSchema,
      name: "ReleaseCalendar",
    },
    handler: async (c) => {
      const { now, today, calendar } = await load();
      return c.json({
        today,
        computedAt: now.toISOString(),
        provenance: calendarProvenance(now),
        series: calendar.map((s) => seriesJson(s, today)),
        support: adviseSupport(calendar, today),
      });
    },
  });
  return router.app;
}
