/** Public directory pages and JSON API: parse, call one operation, render (through the read cache). */
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { z } from "zod";
import { validationError } from "../../platform/errors.ts";
import { type AppEnv, createRouter, type Router } from "../../platform/http/app.tsx";
import { type LayoutViewer, renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { exportCharter } from "../registry/export-charter.ts";
import { type EncodedBody, encodeBody, pickEncoding } from "./encoded-body.ts";
import { getGroup } from "./get-group.ts";
import { getGroupTimeline } from "./get-group-timeline.ts";
import { getPerson } from "./get-person.ts";
import { listGroups } from "./list-groups.ts";
import { listPeople } from "./list-people.ts";
import { API_SCHEMAS, buildOpenApiDocument } from "./openapi.ts";
import { createReadCache } from "./read-cache.ts";
import { watchRegistryVersion } from "./registry-version.ts";
import { type GroupFilter, GroupFilterSchema } from "./schemas.ts";
import { DirectoryPage, GroupPage, PeoplePage, PersonPage } from "./views.tsx";

const JSON_TYPE = "application/json; charset=utf-8";

function parseFilter(query: { kind: string | undefined; status: string | undefined }): GroupFilter {
  if (!query.kind && !query.status) return {};
  const parsed = GroupFilterSchema.safeParse(query);
  if (!parsed.success) throw validationError("filter", parsed.error.issues);
  return parsed.data;
}

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
  return viewer ? { name: viewer.name, csrfToken: c.get("csrfToken") } : null;
}

/** The directory's pages (`/groups`, `/groups/:slug`, `/people`, `/people/:idOrSlug`) and API (`/api/...`). */
export function createDirectoryRouter(services: Services): Router {
  const router = createRouter();
  const db = services.database.db;
  const health = services.config.health;
  const registry = watchRegistryVersion(services.database);
  const cache = createReadCache({ version: registry.query, pushedVersion: registry.pushed });
  const openApi = encodeBody(JSON.stringify(buildOpenApiDocument()));
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

  router.get("/groups", async (c) => {
    const filter = parseFilter({ kind: c.req.query("kind"), status: c.req.query("status") });
    return page(
      c,
      `groups:${filter.kind ?? ""}:${filter.status ?? ""}`,
      () => listGroups({ db, health, filter, day: today() }),
      (list, viewer) => <DirectoryPage list={list} viewer={viewer} />,
    );
  });

  router.get("/groups/:slug", async (c) => {
    const slug = c.req.param("slug");
    return page(
      c,
      `group:${slug}`,
      () => getGroup({ db, health, slug, day: today() }),
      (g, viewer) => <GroupPage group={g.group} timeline={g.timeline} viewer={viewer} />,
    );
  });

  router.get("/groups/:slug/charter.md", async (c) => {
    const markdown = await exportCharter({ services, slug: c.req.param("slug") });
    return c.body(markdown, 200, { "content-type": "text/markdown; charset=utf-8" });
  });

  router.get("/people", async (c) =>
    page(
      c,
      "people",
      () => listPeople({ db, day: today() }),
      (people, viewer) => <PeoplePage people={people} viewer={viewer} />,
    ),
  );

  router.get("/people/:idOrSlug", async (c) => {
    const idOrSlug = c.req.param("idOrSlug");
    return page(
      c,
      `person:${idOrSlug}`,
      () => getPerson({ db, idOrSlug, day: today() }),
      (person, viewer) => <PersonPage person={person} viewer={viewer} />,
    );
  });

  router.get("/api/openapi.json", (c) => send(c, openApi, JSON_TYPE));

  router.get("/api/groups", async (c) => {
    const filter = parseFilter({ kind: c.req.query("kind"), status: c.req.query("status") });
    const body = await cache.get(
      `api:${today()}:groups:${filter.kind ?? ""}:${filter.status ?? ""}`,
      async () => encode(API_SCHEMAS.GroupList, await listGroups({ db, health, filter, day: today() })),
    );
    return send(c, body, JSON_TYPE);
  });

  router.get("/api/groups/:slug", async (c) => {
    const slug = c.req.param("slug");
    const body = await cache.get(`api:${today()}:group:${slug}`, async () =>
      encode(API_SCHEMAS.GroupDetail, (await getGroup({ db, health, slug, day: today() })).group),
    );
    return send(c, body, JSON_TYPE);
  });

  router.get("/api/groups/:slug/timeline", async (c) => {
    const slug = c.req.param("slug");
    const body = await cache.get(`api:${today()}:timeline:${slug}`, async () =>
      encode(API_SCHEMAS.GroupTimeline, await getGroupTimeline({ db, slug })),
    );
    return send(c, body, JSON_TYPE);
  });

  router.get("/api/people", async (c) => {
    const body = await cache.get(`api:${today()}:people`, async () =>
      encode(API_SCHEMAS.PersonList, { people: await listPeople({ db, day: today() }) }),
    );
    return send(c, body, JSON_TYPE);
  });

  router.get("/api/people/:id", async (c) => {
    const idOrSlug = c.req.param("id");
    const body = await cache.get(`api:${today()}:person:${idOrSlug}`, async () =>
      encode(API_SCHEMAS.PersonDetail, await getPerson({ db, idOrSlug, day: today() })),
    );
    return send(c, body, JSON_TYPE);
  });

  return router;
}
