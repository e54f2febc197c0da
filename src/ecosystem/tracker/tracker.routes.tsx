/** Routes of the compatibility tracker: the page and JSON of a series, one package's entry and its form. */
import { z } from "zod";
import type { Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Slug, wholeNumber } from "../../platform/validation.ts";
import { ProvenanceSchema } from "../../platform/view/provenance.tsx";
import { can, createEcosystemRoomRouter, requireViewer } from "../ecosystem.router.ts";
import { loadPackageResource } from "../maintainers/maintainer-calls.ts";
import { stewardGroupId } from "../maintainers/maintainers.repo.ts";
import { normalizeName } from "../packages/normalize-name.ts";
import { ChannelSchema, SetEntrySchema } from "./entry-input.ts";
import {
  DEFAULT_TRACKED,
  getTracker,
  getTrackerEntry,
  MAX_TRACKED,
  type TrackerRow,
  upcomingSeries,
} from "./get-tracker.ts";
import { missingFor } from "./reminder-rules.ts";
import { setSeriesChannel } from "./set-series-channel.ts";
import { setTrackerEntry } from "./set-tracker-entry.ts";
import { setSubscription } from "./subscribe.ts";
import { findChannel, isSubscribed } from "./tracker.repo.ts";
import { TrackerEntryPage, TrackerPage } from "./tracker.views.tsx";
import { renderTrackerChart } from "./tracker-chart.ts";
import { TRACKER_STATUSES } from "./tracker-status.ts";

const SeriesParam = z.string().regex(/^(\d\.\d{1,2}|20\d\d)$/, "a Django series looks like 6.2 or 2028");

const TrackerQuery = z.object({
  top: wholeNumber({
    min: 1,
    max: MAX_TRACKED,
    message: `top must be a whole number from 1 to ${MAX_TRACKED}`,
  }).default(DEFAULT_TRACKED),
});

const EntrySchema = z.object({
  package: z.string(),
  displayName: z.string(),
  downloadRank: z.number().int().nullable(),
  version: z.string(),
  status: z.enum(TRACKER_STATUSES),
  decidedBy: z.enum(["metadata", "set", "default", "not-synced"]),
  why: z.string(),
  link: z.string().nullable(),
  reason: z.string().nullable(),
  evidence: z.object({
    verdict: z.string(),
    decidedBy: z.string().nullable(),
    reason: z.string(),
    items: z.array(z.object({ source: z.string(), says: z.string(), detail: z.string() })),
  }),
});

const TrackerSchema = z.object({
  series: z.string(),
  today: z.string(),
  final: z.object({ date: z.string().nullable(), expected: z.string(), status: z.string() }),
  daysToFinal: z.number().int(),
  top: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  classifier: z.object({
    classifier: z.string(),
    onOfficialList: z.boolean(),
    source: z.string(),
    asOf: z.string(),
  }),
  channel: z
    .object({ url: z.string(), setBy: z.string(), setAt: z.string(), source: z.string() })
    .nullable()
    .describe(
      "The series' discussion channel: a setting the Package Maintainers group edits (null: not set).",
    ),
  provenance: ProvenanceSchema,
  entries: z.array(EntrySchema),
});

/** Routes of the tracker. */
export function createTrackerRouter(services: Services): Router {
  const router = createEcosystemRoomRouter(services);
  const db = services.database.db;
  const clock = services.clock;
  const SeriesParams = z.object({ series: SeriesParam });
  const EntryParams = z.object({ series: SeriesParam, name: Slug });

  type C = Parameters<Parameters<typeof router.get>[1]["handler"]>[0];

  /** Sets a package's entry as the signed-in viewer (the page form and the API alike); returns its name. */
  const setEntry = async (
    c: C,
    params: z.infer<typeof EntryParams>,
    body: z.infer<typeof SetEntrySchema>,
  ): Promise<string> => {
    const v = requireViewer(c);
    const name = normalizeName(params.name);
    await setTrackerEntry({
      db,
      clock,
      series: params.series,
      name,
      ...body,
      by: { userId: v.userId, name: v.name },
    });
    return name;
  };

  const entryPage = async (c: C, series: string, name: string) => {
    const { row, series: found } = await getTrackerEntry({ db, clock, series, name: normalizeName(name) });
    const viewer = c.var.viewer;
    const canSet = viewer
      ? await can(c, services, "package.track-compat", () => loadPackageResource(db, row.name))
      : false;
    const canSubscribe = viewer
      ? await can(c, services, "package.subscribe", () => loadPackageResource(db, row.name))
      : false;
    const subscribed = viewer && canSubscribe ? await isSubscribed(db, viewer.userId, row.name) : null;
    return c.html(
      await renderPage(
        <TrackerEntryPage
          series={series}
          row={row}
          canSet={canSet}
          subscribed={subscribed}
          missing={missingFor(row.decision, row.compat, found.classifier)}
        />,
      ),
    );
  };
  const stewardResource = async () => ({
    kind: "steward-group" as const,
    stewardGroupId: await stewardGroupId(db),
  });
  const trackerPage = async (
    c: Parameters<Parameters<typeof router.get>[1]["handler"]>[0],
    series: string,
    top: number,
  ) => {
    const t = await getTracker({ db, clock, series, top });
    const channel = (await findChannel(db, t.series.series)) ?? null;
    const canSetChannel = c.var.viewer
      ? await can(c, services, "release.set-channel", stewardResource)
      : false;
    return c.html(
      await renderPage(
        <TrackerPage
          t={t}
          chart={await renderTrackerChart(t)}
          channel={channel}
          canSetChannel={canSetChannel}
        />,
      ),
    );
  };

  router.get("/releases/:series/tracker", {
    params: SeriesParams,
    query: TrackerQuery,
    handler: (c, { params, query }) => trackerPage(c, params.series, query.top),
  });

  router.get("/api/releases/:series/tracker", {
    summary:
      "The compatibility tracker of an upcoming Django series: one entry per tracked package (the top N by downloads) with its status and the evidence.",
    operationId: "getReleaseTracker",
    params: SeriesParams,
    query: TrackerQuery,
    response: { description: "The tracker.", schema: TrackerSchema, name: "ReleaseTracker" },
    errors: { 404: "No upcoming series by this name." },
    handler: async (c, { params, query }) => {
      const t = await getTracker({ db, clock, series: params.series, top: query.top });
      const channel = await findChannel(db, t.series.series);
      return c.json({
        series: t.series.series,
        today: t.today,
        final: { date: t.final.date, expected: t.final.expected, status: t.final.status },
        daysToFinal: t.daysToFinal,
        top: t.top,
        counts: t.counts,
        classifier: t.classifier,
        channel: channel
          ? {
              url: channel.url,
              setBy: channel.setByName,
              setAt: channel.setAt.toISOString(),
              source: "a setting of this series edited by the Package Maintainers group",
            }
          : null,
        provenance: t.provenance,
        entries: t.rows.map(entryJson),
      });
    },
  });

  router.get("/releases/:series/tracker/:name", {
    params: EntryParams,
    handler: (c, { params }) => entryPage(c, params.series, params.name),
  });

  router.post("/releases/:series/tracker/:name", {
    params: EntryParams,
    form: SetEntrySchema,
    action: "package.track-compat",
    resource: (_c, { params }) => loadPackageResource(db, normalizeName(params.name)),
    page: (c, { params }) => entryPage(c, params.series, params.name),
    handler: async (c, { params, body }) => {
      const name = await setEntry(c, params, body);
      return c.redirect(`/releases/${params.series}/tracker/${name}`, 303);
    },
  });

  router.post("/api/releases/:series/tracker/:name", {
    summary:
      "Set a package's status on an upcoming series' tracker: in progress (with a link), not started, or blocked (with a reason); ready comes from metadata only (its maintainers and the Package Maintainers group, scope groups).",
    operationId: "setTrackerEntry",
    params: EntryParams,
    json: SetEntrySchema,
    action: "package.track-compat",
    resource: (_c, { params }) => loadPackageResource(db, normalizeName(params.name)),
    response: {
      description: "The package's entry as the tracker now shows it.",
      schema: EntrySchema,
      name: "TrackerEntry",
    },
    errors: { 404: "No upcoming series or package by this name." },
    handler: async (c, { params, body }) => {
      const name = await setEntry(c, params, body);
      const { row: r } = await getTrackerEntry({ db, clock, series: params.series, name });
      return c.json(entryJson(r));
    },
  });

  router.post("/releases/:series/channel", {
    params: SeriesParams,
    form: ChannelSchema,
    action: "release.set-channel",
    resource: stewardResource,
    page: (c, { params }) => trackerPage(c, params.series, DEFAULT_TRACKED),
    handler: async (c, { params, body }) => {
      const v = requireViewer(c);
      const saved = await setSeriesChannel({
        db,
        clock,
        series: params.series,
        url: body.url,
        by: { userId: v.userId, name: v.name },
      });
      return c.redirect(`/releases/${saved.series}/tracker`, 303);
    },
  });

  for (const [path, subscribed] of [
    ["/packages/:name/subscription", true],
    ["/packages/:name/subscription/delete", false],
  ] as const) {
    router.post(path, {
      params: z.object({ name: Slug }),
      action: "package.subscribe",
      resource: (_c, { params }) => loadPackageResource(db, normalizeName(params.name)),
      handler: async (c, { params }) => {
        const v = requireViewer(c);
        const name = normalizeName(params.name);
        await setSubscription({ db, clock, name, subscribed, by: { userId: v.userId, name: v.name } });
        const [series] = await upcomingSeries({ db, clock });
        return c.redirect(series ? `/releases/${series.series}/tracker/${name}` : `/packages/${name}`, 303);
      },
    });
  }

  return router.app;
}

/** One tracker entry in its API form. */
function entryJson(r: TrackerRow): z.infer<typeof EntrySchema> {
  return {
    package: r.name,
    displayName: r.displayName,
    downloadRank: r.downloadRank,
    version: r.version,
    status: r.decision.status,
    decidedBy: r.decision.decidedBy,
    why: r.decision.why,
    link: r.decision.link,
    reason: r.decision.reason,
    evidence: {
      verdict: r.compat.verdict,
      decidedBy: r.compat.decidedBy,
      reason: r.compat.reason,
      items: r.compat.evidence.map((e) => ({ source: e.source, says: e.says, detail: e.detail })),
    },
  };
}
