/**
 * Routes of calls for maintainers: `/maintainers-wanted` (page, JSON, Atom), a package's calls
 * page, making/filling/withdrawing calls, offering help, accepting offers, possibly dormant packages.
 */
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Id, optionalText, Slug, text, wholeNumber } from "../../platform/validation.ts";
import { can, createEcosystemRoomRouter, requireViewer } from "../ecosystem.router.ts";
import { normalizeName } from "../packages/normalize-name.ts";
import { MakeCallSchema } from "./call-input.ts";
import { renderCallsFeed } from "./calls-feed.ts";
import { findDormant } from "./find-dormant.ts";
import {
  acceptOffer,
  getPackageCalls,
  loadCallResource,
  loadOfferResource,
  loadPackageResource,
  makeCall,
  offerHelp,
  setCallState,
} from "./maintainer-calls.ts";
import { openCalls } from "./maintainers.repo.ts";
import { DormantPage, MaintainersWantedPage, PackageCallsPage } from "./maintainers.views.tsx";
import { MENTORING_PROGRAMMES } from "./mentoring.ts";

/** A call for maintainers as the API gives it. */
export const OpenCallSchema = z.object({
  id: z.number().int(),
  package: z.string(),
  displayName: z.string(),
  downloadRank: z.number().int().nullable(),
  help: z.string(),
  skills: z.string(),
  hoursPerWeek: z.number().int(),
  calledBy: z.string(),
  calledAs: z.string(),
  openedAt: z.string(),
  offers: z.number().int(),
  suitsMentee: z.boolean(),
  mentoring: z.array(z.object({ name: z.string(), url: z.string() })),
  url: z.string(),
});

/** A call as the JSON POST answers it. */
export const CallSchema = z.object({
  id: z.number().int(),
  package: z.string(),
  state: z.enum(["open", "filled", "withdrawn"]),
  help: z.string(),
  skills: z.string(),
  hoursPerWeek: z.number().int(),
  suitsMentee: z.boolean(),
  calledBy: z.string(),
  calledAs: z.string(),
  openedAt: z.string(),
  url: z.string(),
});

/** The body of an offer. */
export const OfferSchema = z.object({
  pypiUser: text({ max: 100 }).refine((v) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v), {
    message: "must be a PyPI user name (letters, digits, . _ -)",
  }),
  message: optionalText({ max: 2000, multiline: true }),
});

/** Routes of calls for maintainers. */
export function createMaintainersRouter(services: Services): Router {
  const router = createEcosystemRoomRouter(services);
  const db = services.database.db;
  const clock = services.clock;
  const NameParams = z.object({ name: Slug.describe("The project's name (PEP 503 normalised).") });
  const IdParams = z.object({ id: Id });
  const acting = (c: Parameters<typeof requireActing>[0]) => requireActing(c);

  const callsPage = async (c: Parameters<typeof requireActing>[0], name: string) => {
    const data = await getPackageCalls({ db, name: normalizeName(name) });
    const viewer = c.var.viewer;
    const canCall = viewer
      ? await can(c, services, "package.call-maintainers", () => loadPackageResource(db, data.pkg.name))
      : false;
    return c.html(
      await renderPage(<PackageCallsPage data={data} canCall={canCall} signedIn={viewer !== null} />),
    );
  };

  router.get("/maintainers-wanted", {
    handler: async (c) => {
      const calls = await openCalls(db);
      return c.html(
        await renderPage(<MaintainersWantedPage calls={calls} signedIn={c.var.viewer !== null} />),
      );
    },
  });

  router.get("/api/maintainers-wanted", {
    summary: "Open calls for new maintainers on Django packages, newest first.",
    operationId: "listMaintainersWanted",
    response: {
      description: "The open calls.",
      schema: z.object({ items: z.array(OpenCallSchema) }),
      name: "MaintainersWanted",
    },
    handler: async (c) => {
      const calls = await openCalls(db);
      return c.json({
        items: calls.map((x) => ({
          id: x.id,
          package: x.packageName,
          displayName: x.displayName,
          downloadRank: x.downloadRank,
          help: x.help,
          skills: x.skills,
          hoursPerWeek: x.hoursPerWeek,
          calledBy: x.createdByName,
          calledAs: x.createdAs,
          openedAt: x.openedAt.toISOString(),
          offers: Number(x.offers),
          suitsMentee: x.suitsMentee,
          mentoring: x.suitsMentee ? MENTORING_PROGRAMMES.map((p) => ({ ...p })) : [],
          url: `/packages/${x.packageName}/maintainers`,
        })),
      });
    },
  });

  router.get("/maintainers-wanted.atom", {
    handler: async (c) => {
      const calls = await openCalls(db);
      const xml = renderCallsFeed({ baseUrl: services.config.baseUrl, calls, now: clock.now() });
      return c.body(xml, 200, { "content-type": "application/atom+xml; charset=utf-8" });
    },
  });

  router.get("/maintainers-wanted/dormant", {
    query: z.object({
      limit: wholeNumber({
        min: 1,
        max: 1000,
        message: "limit must be a whole number from 1 to 1000",
      }).default(100),
    }),
    handler: async (c, { query }) => {
      const report = await findDormant({ db, clock, limit: query.limit });
      return c.html(await renderPage(<DormantPage report={report} />));
    },
  });

  router.get("/packages/:name/maintainers", {
    params: NameParams,
    handler: (c, { params }) => callsPage(c, params.name),
  });

  router.post("/packages/:name/maintainer-calls", {
    params: NameParams,
    form: MakeCallSchema,
    action: "package.call-maintainers",
    resource: (_c, { params }) => loadPackageResource(db, normalizeName(params.name)),
    page: (c, { params }) => callsPage(c, params.name),
    handler: async (c, { params, body }) => {
      await makeCall({ db, clock, name: normalizeName(params.name), ...body, by: acting(c) });
      return c.redirect(`/packages/${normalizeName(params.name)}/maintainers`, 303);
    },
  });

  router.post("/api/packages/:name/maintainer-calls", {
    summary:
      "Make a call for maintainers on a package (its maintainers and the Package Maintainers group, scope groups); one open call per package.",
    operationId: "makeMaintainerCall",
    params: NameParams,
    json: MakeCallSchema,
    action: "package.call-maintainers",
    resource: (_c, { params }) => loadPackageResource(db, normalizeName(params.name)),
    response: { status: 201, description: "The call, open.", schema: CallSchema, name: "MaintainerCall" },
    errors: { 404: "No such package.", 409: "The package already has an open call." },
    handler: async (c, { params, body }) => {
      const call = await makeCall({ db, clock, name: normalizeName(params.name), ...body, by: acting(c) });
      return c.json(
        {
          id: call.id,
          package: call.packageName,
          state: call.state,
          help: call.help,
          skills: call.skills,
          hoursPerWeek: call.hoursPerWeek,
          suitsMentee: call.suitsMentee,
          calledBy: call.createdByName,
          calledAs: call.createdAs,
          openedAt: call.openedAt.toISOString(),
          url: `/packages/${call.packageName}/maintainers`,
        },
        201,
      );
    },
  });

  for (const state of ["filled", "withdrawn"] as const) {
    router.post(`/maintainer-calls/:id/${state}`, {
      params: IdParams,
      action: "package.call-maintainers",
      resource: (_c, { params }) => loadCallResource(db, params.id),
      handler: async (c, { params }) => {
        const call = await setCallState({ db, clock, callId: params.id, state, by: acting(c) });
        return c.redirect(`/packages/${call.packageName}/maintainers`, 303);
      },
    });
  }

  router.post("/maintainer-calls/:id/offers", {
    params: IdParams,
    form: OfferSchema,
    action: "package.offer-help",
    page: async (c, { params }) => {
      const resource = await loadCallResource(db, params.id);
      return callsPage(c, resource.name);
    },
    handler: async (c, { params, body }) => {
      await offerHelp({
        db,
        clock,
        callId: params.id,
        pypiUser: body.pypiUser,
        message: body.message,
        by: acting(c),
      });
      const resource = await loadCallResource(db, params.id);
      return c.redirect(`/packages/${resource.name}/maintainers`, 303);
    },
  });

  router.post("/maintainer-offers/:id/accept", {
    params: IdParams,
    action: "package.call-maintainers",
    resource: (_c, { params }) => loadOfferResource(db, params.id),
    handler: async (c, { params, resource }) => {
      await acceptOffer({ db, clock, offerId: params.id, by: acting(c) });
      const name = resource.kind === "package" ? resource.name : "";
      return c.redirect(`/packages/${name}/maintainers`, 303);
    },
  });

  return router.app;
}

/** The signed-in account acting. */
function requireActing(c: Context<AppEnv>) {
  const v = requireViewer(c);
  return { userId: v.userId, name: v.name };
}
