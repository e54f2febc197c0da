/** Reporting routes: pages, the JSON API, the Atom feed of public reports. Thin: parse, authorise, call, render. */
import type { Context } from "hono";
import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import { AppError } from "../../platform/errors.ts";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Day, Id, Slug } from "../../platform/validation.ts";
import { loadGroup } from "../decisions/decisions.repo.ts";
import type { Resource } from "../governance.policy.ts";
import { can } from "../policy/authorize.ts";
import { createRoomRouter } from "../policy/room-router.ts";
import { decisionActorOf, groupBySlug, SlugParams } from "../policy/route-subjects.ts";
import { AnnualReportPage } from "./annual.views.tsx";
import { annualMarkdown } from "./annual-report.ts";
import type { ReportDeps } from "./deps.ts";
import { FIRST_YEAR, getAnnualReport } from "./get-annual-report.ts";
import { ReportDecisionInputSchema, recordReportDecision } from "./record-decision.ts";
import { groupReporting } from "./reporting-status.ts";
import { presentReport, presentReportDecision, ReportJson } from "./reports.presenters.ts";
import { type ReportRow, selectDecisions, selectReport, selectReports } from "./reports.repo.ts";
import { GroupReportsPage, ReportFormPage, ReportPage } from "./reports.views.tsx";
import { reportsAtom } from "./reports-feed.ts";
import { PERIOD_STATES } from "./schedule.ts";
import { draftReport, ReportInputSchema, reportablePeriods, submitReport } from "./submit-report.ts";

type Ctx = Context<AppEnv>;

const YearParams = SlugParams.extend({
  year: z.coerce.number().int().min(FIRST_YEAR).max(9999).describe("The calendar year (UTC), YYYY."),
});
const YearFileParams = SlugParams.extend({
  file: z
    .string()
    .regex(/^\d{4}\.md$/u, "must be a year with .md")
    .describe("The calendar year with .md (2026.md)."),
});
const AnnualItemJson = z.object({
  text: z.string(),
  href: z.string().nullable(),
  facts: z.array(z.string()),
});
const AnnualJson = z.object({
  group: z.object({ slug: z.string(), name: z.string() }),
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  partial: z.boolean(),
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      source: z.string(),
      summary: z.string(),
      items: z.array(AnnualItemJson),
      empty: z.string(),
      withheld: z.string().nullable(),
    }),
  ),
});
const ReportParams = z.object({ id: Id.describe("The report's numeric id.") });

const DueJson = z.object({
  group: z.string(),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueOn: z.string(),
  state: z.enum(PERIOD_STATES),
  defunct: z.boolean(),
});
const DueResponse = z.object({
  on: z.string(),
  due: z.array(DueJson),
  unscheduled: z.array(z.object({ group: z.string(), cadence: z.string().nullable(), reason: z.string() })),
});

/** The HTTP routes of reporting. */
export function createReportsRouter(services: Services): Router {
  const router = createRoomRouter(services);
  const db = services.database.db;
  const deps: ReportDeps = { database: services.database, clock: services.clock, log: services.log };
  const today = () => dayOf(services.clock.now());

  const reportActor = (c: Ctx) => decisionActorOf(c, services);
  const groupResource = groupBySlug(db);
  const reportResource = async (_c: Ctx, { params }: { params: { id: number } }) => {
    const report = await selectReport(db, params.id);
    if (!report) throw new AppError("not_found", { message: "No such report." });
    return {
      kind: "report",
      groupId: report.groupId,
      visibility: report.visibility === "board" ? "board" : "public",
      report,
    } satisfies Resource & { report: ReportRow };
  };
  /** The group's reports the viewer may see: public ones, and Board-only ones when the policy lets them. */
  const visibleReports = async (c: Ctx, groupId: number) => {
    const seesBoard = await can(c, services, "report.view", { kind: "report", groupId, visibility: "board" });
    return selectReports(db, { groupId, boardOnlyOf: seesBoard ? [groupId] : [] });
  };

  const groupPage = async (c: Ctx, slug: string) => {
    const { row, ...resource } = await groupResource(c, { params: { slug } });
    const [reporting] = await groupReporting({ db, day: today(), today: today(), slug });
    if (!reporting) throw new Error("group vanished");
    return c.html(
      await renderPage(
        <GroupReportsPage
          group={row}
          reporting={reporting}
          today={today()}
          reports={await visibleReports(c, row.id)}
          decisions={await selectDecisions(db, row.id)}
          maySubmit={await can(c, services, "group.submit-report", resource)}
          mayDecide={await can(c, services, "board.decide-reporting", resource)}
        />,
      ),
    );
  };
  const formPage = async (c: Ctx, slug: string, periodStart?: string) => {
    const row = await loadGroup(db, slug);
    const { periods } = await reportablePeriods({ deps, slug });
    // Default: the latest period that has ended (the one due), else the one in progress.
    const period =
      periods.find((p) => p.start === periodStart) ?? periods.find((p) => p.end < today()) ?? periods[0];
    if (!period) throw new Error("no period");
    const draft = await draftReport({ deps, slug, period });
    return c.html(
      await renderPage(<ReportFormPage group={row} periods={periods} period={period} draft={draft} />),
    );
  };

  /** The annual report as this viewer may see it: Board-only reports, private notes and vote details by the policy. */
  const annualReport = (c: Ctx, resource: Awaited<ReturnType<typeof groupResource>>, year: number) =>
    getAnnualReport({
      db,
      slug: resource.row.slug,
      year,
      today: today(),
      access: async () => ({
        boardReports: await can(c, services, "report.view", {
          kind: "report",
          groupId: resource.groupId,
          visibility: "board",
        }),
        privateNotes: await can(c, services, "meeting.view-private-notes", resource),
        voteDetails: await can(c, services, "group.view-private", resource),
      }),
    });
  router.get("/groups/:slug/annual/:year{[0-9]+}", {
    params: YearParams,
    action: "group.view",
    resource: groupResource,
    handler: async (c, { params, resource }) =>
      c.html(
        await renderPage(
          <AnnualReportPage
            report={await annualReport(c, resource, params.year)}
            firstYear={FIRST_YEAR}
            lastYear={Number(today().slice(0, 4))}
          />,
        ),
      ),
  });
  router.get("/groups/:slug/annual/:file{[0-9]+\\.md}", {
    params: YearFileParams,
    action: "group.view",
    resource: groupResource,
    handler: async (c, { params, resource }) => {
      const report = await annualReport(c, resource, Number(params.file.slice(0, 4)));
      return c.body(annualMarkdown(report, services.config.baseUrl), 200, {
        "content-type": "text/markdown; charset=utf-8",
      });
    },
  });
  router.get("/api/groups/:slug/annual/:year{[0-9]+}", {
    summary:
      "The group's annual report for a year: reports, meetings, decisions, membership changes, requests, missed periods (what you may see).",
    operationId: "getAnnualReport",
    params: YearParams,
    action: "group.view",
    resource: groupResource,
    response: { description: "The year's sections.", schema: AnnualJson, name: "AnnualReport" },
    errors: { 404: "No such group, or a year after this one." },
    handler: async (c, { params, resource }) => c.json(await annualReport(c, resource, params.year)),
  });
  router.get("/groups/:slug/reports", {
    params: SlugParams,
    action: "group.view",
    resource: groupResource,
    handler: (c, { params }) => groupPage(c, params.slug),
  });
  router.get("/groups/:slug/reports/new", {
    params: SlugParams,
    query: z.object({ period: Day.optional() }),
    action: "group.submit-report",
    resource: groupResource,
    handler: (c, { params, query }) => formPage(c, params.slug, query.period),
  });
  router.post("/groups/:slug/reports", {
    params: SlugParams,
    form: ReportInputSchema,
    action: "group.submit-report",
    resource: groupResource,
    page: (c, { params }) => formPage(c, params.slug),
    handler: async (c, { params, body }) => {
      const saved = await submitReport({ deps, actor: await reportActor(c), slug: params.slug, input: body });
      return c.redirect(`/reports/${saved.id}`, 303);
    },
  });
  router.post("/api/groups/:slug/reports", {
    summary: "Send the group's report for a period (the Chair and Co-Chair; scope groups).",
    operationId: "submitReport",
    params: SlugParams,
    json: ReportInputSchema,
    action: "group.submit-report",
    resource: groupResource,
    response: {
      status: 201,
      description: "Sent.",
      schema: z.object({ report: ReportJson }),
      name: "ReportResponse",
    },
    errors: { 409: "The group has already sent its report for that period." },
    handler: async (c, { params, body }) => {
      const saved = await submitReport({ deps, actor: await reportActor(c), slug: params.slug, input: body });
      const report = await selectReport(db, saved.id);
      if (!report) throw new Error("report vanished");
      return c.json({ report: presentReport(report) }, 201);
    },
  });
  router.get("/api/groups/:slug/reports", {
    summary: "The group's reports you may see (Board-only ones: the Board, the group and site admins).",
    operationId: "listGroupReports",
    params: SlugParams,
    action: "group.view",
    resource: groupResource,
    response: {
      description: "Newest first.",
      schema: z.object({ reports: z.array(ReportJson) }),
      name: "ReportList",
    },
    handler: async (c, { resource }) =>
      c.json({ reports: (await visibleReports(c, resource.groupId)).map(presentReport) }),
  });
  router.get("/api/reports/due", {
    summary:
      "Each reporting group's latest periods: due date, state and the defunct flag; groups with no due dates and why.",
    operationId: "getReportsDue",
    query: z.object({ on: Day.optional(), group: Slug.optional() }),
    response: { description: "As of the day.", schema: DueResponse, name: "ReportsDue" },
    handler: async (c, { query }) => {
      const on = query.on ?? today();
      const rows = await groupReporting({ db, day: on, today: today(), slug: query.group });
      return c.json({
        on,
        due: rows.flatMap((r) => r.periods),
        unscheduled: rows.flatMap((r) =>
          r.schedule.kind === "unscheduled"
            ? [{ group: r.group.slug, cadence: r.schedule.cadence, reason: r.schedule.reason }]
            : [],
        ),
      });
    },
  });
  router.get("/reports/:id", {
    params: ReportParams,
    action: "report.view",
    resource: reportResource,
    handler: async (c, { resource }) => c.html(await renderPage(<ReportPage report={resource.report} />)),
  });
  router.get("/api/reports/:id", {
    summary: "One report (a Board-only one: the Board, the group and site admins only).",
    operationId: "getReport",
    params: ReportParams,
    action: "report.view",
    resource: reportResource,
    response: {
      description: "The report.",
      schema: z.object({ report: ReportJson }),
      name: "ReportResponse",
    },
    handler: (c, { resource }) => c.json({ report: presentReport(resource.report) }),
  });
  router.get("/reports.atom", {
    handler: async (c) => {
      const reports = await selectReports(db, { boardOnlyOf: [], limit: 100 });
      return c.body(
        reportsAtom({ baseUrl: services.config.baseUrl, reports, now: services.clock.now() }),
        200,
        {
          "content-type": "application/atom+xml; charset=utf-8",
        },
      );
    },
  });
  router.post("/groups/:slug/reporting-decisions", {
    params: SlugParams,
    form: ReportDecisionInputSchema,
    action: "board.decide-reporting",
    resource: groupResource,
    page: (c, { params }) => groupPage(c, params.slug),
    handler: async (c, { params, body }) => {
      await recordReportDecision({ deps, actor: await reportActor(c), slug: params.slug, input: body });
      return c.redirect(`/groups/${params.slug}/reports`, 303);
    },
  });
  router.post("/api/groups/:slug/reporting-decisions", {
    summary:
      "Record the Board's decision on a group's reporting: an exception (reason, end date) or a shutdown.",
    operationId: "recordReportingDecision",
    params: SlugParams,
    json: ReportDecisionInputSchema,
    action: "board.decide-reporting",
    resource: groupResource,
    response: {
      status: 201,
      description: "Recorded.",
      schema: z.object({
        decision: z.object({
          id: z.number(),
          kind: z.string(),
          decidedOn: z.string(),
          endsOn: z.string().nullable(),
        }),
      }),
      name: "ReportingDecision",
    },
    handler: async (c, { params, body }) => {
      const d = await recordReportDecision({
        deps,
        actor: await reportActor(c),
        slug: params.slug,
        input: body,
      });
      return c.json({ decision: presentReportDecision(d) }, 201);
    },
  });
  return router.app;
}
