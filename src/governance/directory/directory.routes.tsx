/** Public directory pages and JSON API: parse, call one operation, render (through the read cache). */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { z } from "zod";
import { listHandovers } from "../../kernel/index.ts";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { type EncodedBody, encodeBody, pickEncoding } from "../../platform/http/encoded-body.ts";
import { type LayoutViewer, renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Slug } from "../../platform/validation.ts";
import { loadGroup } from "../decisions/decisions.repo.ts";
import { groupResourceOf } from "../policy/actor.repo.ts";
import { can } from "../policy/authorize.ts";
import { createRoomRouter } from "../policy/room-router.ts";
import { SlugParams } from "../policy/route-subjects.ts";
import { exportCharter } from "../registry/export-charter.ts";
import { groupReporting } from "../reports/reporting-status.ts";
import { getGroup } from "./get-group.ts";
import { getGroupTimeline } from "./get-group-timeline.ts";
import { getPerson } from "./get-person.ts";
import { listGroups } from "./list-groups.ts";
import { listPeople } from "./list-people.ts";
import { createReadCache } from "./read-cache.ts";
import { watchRegistryVersion } from "./registry-version.ts";
import {
  GroupDetailSchema,
  GroupFilterSchema,
  GroupListSchema,
  GroupTimelineSchema,
  PersonDetailSchema,
  PersonSummarySchema,
} from "./schemas.ts";

/** The directory API's response schemas (documented in /api/openapi.json and encoded with). */
const API_SCHEMAS = {
  GroupList: GroupListSchema,
  GroupDetail: GroupDetailSchema,
  GroupTimeline: GroupTimelineSchema,
  PersonList: z.object({ people: z.array(PersonSummarySchema) }),
  PersonDetail: PersonDetailSchema,
};

import { DirectoryPage, GroupPage, PeoplePage, PersonPage } from "./directory.views.tsx";

const JSON_TYPE = "application/json; charset=utf-8";

const PersonParams = z.object({ id: Slug.describe("The person's numeric id or slug.") });
const HTML_TYPE = "text/html; charset=UTF-8";

/** A response body checked against its documented schema, encoded for caching. */
function encode(schema: z.ZodType, value: unknown): EncodedBody {
  return encodeBody(JSON.stringify(schema.parse(value)));
}

/** Sends a cached body in the encoding the client accepts. */
function send(c: Context<AppEnv>, body: EncodedBody, contentType: string, varyCookie = false) {
  const { bytes, headers } = pickEncoding(body, c.req.header("accept-encoding"));
  // A page's header depends on the session cookie: shared caches must keep the two apart.
  const out: Record<string, string> = { ...headers, "content-type": contentType };
  if (varyCookie) out.vary = `${headers.vary ?? "accept-encoding"}, cookie`;
  return c.body(bytes, 200, out);
}

/** The layout's view of the signed-in viewer, or null for anonymous visitors. */
function layoutViewer(c: Context<AppEnv>): LayoutViewer | null {
  const viewer = c.get("viewer");
  return viewer ? { name: viewer.name } : null;
}

/** The directory's pages (`/groups`, `/groups/:slug`, `/people`, `/people/:idOrSlug`) and API (`/api/...`). */
export function createDirectoryRouter(services: Services): Router {
  const router = createRoomRouter(services);
  const db = services.database.db;
  const health = services.config.health;
  const registry = watchRegistryVersion(services.database);
  const cache = createReadCache({ version: registry.query, pushedVersion: registry.pushed });
  /** Membership is dated, so every cached read is keyed on the day as well as the registry version. */
  const today = () => services.clock.now().toISOString().slice(0, 10);

  /**
   * Renders a page from cached data. Anonymous visitors share one cached HTML per registry
   * version; a signed-in viewer's page carries their name, so it is rendered for them.
   */
  async function page<T>(
    c: Context<AppEnv>,
    key: string,
    load: () => Promise<T>,
    view: (data: T, viewer: LayoutViewer | null) => Child,
  ) {
    const viewer = layoutViewer(c);
    const data = () => cache.get(`data:${today()}:${key}`, load);
    if (viewer) {
      return c.html(await renderPage(view(await data(), viewer)), 200, {
        "cache-control": "private, no-store",
        vary: "cookie",
      });
    }
    // Kept encoded (UTF-8 and gzip) so a cached page is not encoded again on every request.
    const body = await cache.get(`html:${today()}:${key}`, async () =>
      encodeBody(await renderPage(view(await data(), null))),
    );
    return send(c, body, HTML_TYPE, true);
  }

  /** An API answer from the read cache: loaded, checked against its documented schema and encoded on a miss. */
  async function json(c: Context<AppEnv>, key: string, schema: z.ZodType, load: () => Promise<unknown>) {
    const body = await cache.get(`api:${today()}:${key}`, async () => encode(schema, await load()));
    return send(c, body, JSON_TYPE);
  }

  router.get("/groups", {
    query: GroupFilterSchema,
    handler: (c, { query: filter }) =>
      page(
        c,
        `groups:${filter.kind ?? ""}:${filter.status ?? ""}`,
        () => listGroups({ db, health, filter, day: today() }),
        (list, viewer) => <DirectoryPage list={list} viewer={viewer} />,
      ),
  });

  /** How many items need a new owner, for a signed-in viewer who may see them (null otherwise). */
  const handoverSummary = async (c: Context<AppEnv>, slug: string) => {
    if (!c.get("viewer")) return null;
    const row = await loadGroup(db, slug).catch(() => null);
    if (!row || !(await can(c, services, "group.view-handovers", groupResourceOf(row)))) return null;
    const open = await listHandovers(db, { groupIds: [row.id], open: true });
    return { needingOwner: open.reduce((n, h) => n + h.needingOwner, 0) };
  };

  router.get("/groups/:slug", {
    params: SlugParams,
    handler: async (c, { params: { slug } }) => {
      const handovers = await handoverSummary(c, slug);
      return page(
        c,
        `group:${slug}`,
        async () => ({
          ...(await getGroup({ db, health, slug, day: today() })),
          reporting: (await groupReporting({ db, day: today(), today: today(), slug }))[0],
        }),
        (g, viewer) => (
          <GroupPage
            group={g.group}
            timeline={g.timeline}
            viewer={viewer}
            reporting={g.reporting}
            handovers={handovers}
          />
        ),
      );
    },
  });

  router.get("/groups/:slug/charter.md", {
    params: SlugParams,
    handler: async (c, { params }) => {
      const markdown = await exportCharter({ services, slug: params.slug });
      return c.body(markdown, 200, { "content-type": "text/markdown; charset=utf-8" });
    },
  });

  router.get("/people", {
    handler: (c) =>
      page(
        c,
        "people",
        () => listPeople({ db, day: today() }),
        (people, viewer) => <PeoplePage people={people} viewer={viewer} />,
      ),
  });

  router.get("/people/:idOrSlug", {
    params: z.object({ idOrSlug: Slug }),
    handler: (c, { params: { idOrSlug } }) =>
      page(
        c,
        `person:${idOrSlug}`,
        () => getPerson({ db, idOrSlug, day: today() }),
        (person, viewer) => <PersonPage person={person} viewer={viewer} />,
      ),
  });

  router.get("/api/groups", {
    summary: "The directory of groups, active first, then draft, proposed and archived.",
    operationId: "listGroups",
    query: GroupFilterSchema,
    response: {
      description: "Groups matching the filter.",
      schema: API_SCHEMAS.GroupList,
      name: "GroupList",
    },
    errors: { 422: "A filter value is not one of the allowed values." },
    handler: (c, { query: filter }) =>
      json(c, `groups:${filter.kind ?? ""}:${filter.status ?? ""}`, API_SCHEMAS.GroupList, () =>
        listGroups({ db, health, filter, day: today() }),
      ),
  });

  router.get("/api/groups/:slug", {
    summary: "One group in full: scope, roles, members with member-since dates, health flags.",
    operationId: "getGroup",
    params: SlugParams,
    response: { description: "The group.", schema: API_SCHEMAS.GroupDetail, name: "GroupDetail" },
    errors: { 404: "No group has this slug." },
    handler: (c, { params: { slug } }) =>
      json(
        c,
        `group:${slug}`,
        API_SCHEMAS.GroupDetail,
        async () => (await getGroup({ db, health, slug, day: today() })).group,
      ),
  });

  router.get("/api/groups/:slug/timeline", {
    summary: "A group's timeline, oldest first, with commit shas and dates.",
    operationId: "getGroupTimeline",
    params: SlugParams,
    response: {
      description: "The group's events.",
      schema: API_SCHEMAS.GroupTimeline,
      name: "GroupTimeline",
    },
    errors: { 404: "No group has this slug." },
    handler: (c, { params: { slug } }) =>
      json(c, `timeline:${slug}`, API_SCHEMAS.GroupTimeline, () => getGroupTimeline({ db, slug })),
  });

  router.get("/api/people", {
    summary: "Everyone known, with the groups they are in now.",
    operationId: "listPeople",
    response: { description: "People by name.", schema: API_SCHEMAS.PersonList, name: "PersonList" },
    handler: (c) =>
      json(c, "people", API_SCHEMAS.PersonList, async () => ({
        people: await listPeople({ db, day: today() }),
      })),
  });

  router.get("/api/people/:id", {
    summary: "A person's current roles and their timeline across groups.",
    operationId: "getPerson",
    params: PersonParams,
    response: { description: "The person.", schema: API_SCHEMAS.PersonDetail, name: "PersonDetail" },
    errors: { 404: "No such person." },
    handler: (c, { params }) =>
      json(c, `person:${params.id}`, API_SCHEMAS.PersonDetail, () =>
        getPerson({ db, idOrSlug: params.id, day: today() }),
      ),
  });

  return router.app;
}
