import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase } from "../../../test/db.ts";
import { insertEvent, insertGroup, insertPerson } from "../../../test/factories/governance.ts";
import { createGovernanceTestApp } from "../../../test/governance-app.ts";
import type { Database } from "../../platform/db/index.ts";
import { createHttpApp, createRouter } from "../../platform/http/app.tsx";
import { createGovernanceRouter } from "../index.ts";

type App = Awaited<ReturnType<typeof createGovernanceTestApp>>["app"];

let database: Database;
let app: App;
const ids: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await createGovernanceTestApp(database));
  const db = database.db;
  const web = await insertGroup(db, {
    slug: "website",
    name: "Website Working Group",
    chairs: ["Sarah Chair"],
    coChairs: ["Saptak Cochair"],
    boardLiaisons: ["Paolo Liaison"],
    members: ["Mark Member", "Jason Member", "Late Joiner"],
    alumni: ["Old Timer"],
    other: [{ title: "Ops Liaison", people: ["Tobias Ops"] }],
    charter: {
      termMonths: 12,
      meetingCadence: "monthly",
      reportingCadence: "quarterly",
      channels: ["Forum"],
    },
  });
  const mergers = await insertGroup(db, {
    slug: "mergers",
    name: "Mergers Team",
    kind: "team",
    members: ["M One", "M Two", "M Three"],
  });
  const draft = await insertGroup(db, {
    slug: "package-maintainers",
    name: "Package Maintainers Working Group",
    status: "draft",
    boardLiaisons: [],
    members: ["P One"],
    charter: { missing: ["budget", "reportingCadence"] },
  });
  await insertGroup(db, {
    slug: "dceu",
    name: "DjangoCon Europe Support",
    status: "archived",
    members: ["D One"],
  });
  await insertGroup(db, {
    slug: "marketing",
    name: "Marketing Working Group",
    status: "proposed",
    members: ["K One", "K Two"],
  });
  for (const [name, id] of web.people) ids[name] = id;
  ids.webGroup = web.id;
  ids.mergersGroup = mergers.id;
  ids.draftGroup = draft.id;
  const mark = web.people.get("Mark Member") ?? 0;
  const sarah = web.people.get("Sarah Chair") ?? 0;
  await insertEvent(db, {
    groupId: web.id,
    kind: "proposed",
    occurredAt: "2023-05-01T09:00:00Z",
    commitSha: "a".repeat(40),
  });
  await insertEvent(db, {
    groupId: web.id,
    kind: "activated",
    occurredAt: "2023-06-01T09:00:00Z",
    commitSha: "b".repeat(40),
  });
  await insertEvent(db, {
    groupId: web.id,
    kind: "joined",
    personId: mark,
    role: "member",
    occurredAt: "2023-06-01T09:00:00Z",
    commitSha: "b".repeat(40),
  });
  await insertEvent(db, {
    groupId: web.id,
    kind: "left",
    personId: mark,
    role: "member",
    occurredAt: "2024-01-10T09:00:00Z",
    commitSha: "c".repeat(40),
  });
  await insertEvent(db, {
    groupId: web.id,
    kind: "joined",
    personId: mark,
    role: "member",
    occurredAt: "2024-09-15T09:00:00Z",
    commitSha: "d".repeat(40),
  });
  await insertEvent(db, {
    groupId: web.id,
    kind: "joined",
    personId: sarah,
    role: "chair",
    occurredAt: "2023-06-01T09:00:00Z",
    commitSha: "b".repeat(40),
  });
  // An import-only event carries the import time, not a join date: "member since" stays unknown.
  await insertEvent(db, {
    groupId: web.id,
    kind: "joined",
    personId: ids["Late Joiner"] ?? 0,
    occurredAt: "2026-11-20T00:00:00Z",
    source: "import",
  });
  // A join in another group does not count for this one.
  await insertEvent(db, {
    groupId: mergers.id,
    kind: "joined",
    personId: ids["Jason Member"] ?? 0,
    occurredAt: "2022-01-01T00:00:00Z",
  });
});

afterAll(async () => {
  await database?.close();
});

async function html(path: string, status = 200): Promise<string> {
  const res = await app.request(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get("content-type")).toContain("text/html");
  const body = await res.text();
  expect(body.startsWith("<!DOCTYPE html>")).toBe(true);
  return body;
}

async function json(path: string, status = 200): Promise<unknown> {
  const res = await app.request(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  return res.json();
}

describe("/groups", () => {
  it("sections groups active, draft, proposed, archived with kind, size, chairs and flags", async () => {
    const body = await html("/groups");
    const order = ["section-active", "section-draft", "section-proposed", "section-archived"].map((id) =>
      body.indexOf(`id="${id}"`),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const active = body.slice(order[0], order[1]);
    expect(active).toContain("Website Working Group");
    expect(active).toContain("Mergers Team");
    expect(active).toContain(">Team<");
    expect(active).toContain("Sarah Chair");
    // website: 3 role holders, a titled role holder and 3 members = 7
    expect(active).toMatch(/Website Working Group<\/a><\/th><td>Working group<\/td><td>7<\/td>/);
    const draft = body.slice(order[1], order[2]);
    expect(draft).toContain("Package Maintainers Working Group");
    expect(draft).toContain("This working group has no Board Liaison.");
    expect(draft).toContain("The charter does not fill in: budget, reporting cadence.");
    expect(body.slice(order[3])).toContain("DjangoCon Europe Support");
  });

  it("filters by kind and status with plain GET parameters", async () => {
    const teams = await html("/groups?kind=team");
    expect(teams).toContain("Mergers Team");
    expect(teams).not.toContain("Website Working Group");
    expect(teams).toContain('<option value="team" selected="">');
    const drafts = await html("/groups?kind=&status=draft");
    expect(drafts).toContain("Package Maintainers Working Group");
    expect(drafts).not.toContain("Mergers Team");
    expect(drafts).toContain("1 group match the filter.");
  });

  it("rejects an unknown filter value naming the field", async () => {
    const body = await html("/groups?kind=committee", 422);
    expect(body).toContain("kind");
    const err = (await json("/api/groups?status=sleeping", 422)) as {
      error: { code: string; message: string };
    };
    expect(err.error.code).toBe("validation");
    expect(err.error.message).toContain("status");
  });

  it("shows a group added after the page was first served", async () => {
    expect(await html("/groups")).not.toContain("Late Arrival Team");
    const added = await insertGroup(database.db, {
      slug: "late-arrival",
      name: "Late Arrival Team",
      kind: "team",
      members: ["L One", "L Two", "L Three"],
    });
    expect(await html("/groups")).toContain("Late Arrival Team");
    const list = (await json("/api/groups?kind=team")) as { groups: Array<{ slug: string }> };
    expect(list.groups.map((g) => g.slug)).toContain("late-arrival");
    await database.db
      .delete((await import("../../platform/db/schema.ts")).groups)
      .where(
        (await import("drizzle-orm")).eq((await import("../../platform/db/schema.ts")).groups.id, added.id),
      );
    expect(await html("/groups")).not.toContain("Late Arrival Team");
  });
});

describe("/groups/:slug", () => {
  it("shows roles, members with member since, alumni, terms, cadences, channels and health", async () => {
    const body = await html("/groups/website");
    expect(body).toContain("<h1>Website Working Group</h1>");
    // Signed out, the way to join is a sign-in that comes back to the application form.
    expect(body).toContain(
      '<a href="/sign-in?next=%2Fgroups%2Fwebsite%2Fdecisions">Sign in to apply to join Website Working Group</a>',
    );
    expect(body).toMatch(/<dt>Chair<\/dt><dd><a href="\/people\/sarah-chair">Sarah Chair<\/a><\/dd>/);
    expect(body).toMatch(/<dt>Board Liaison<\/dt><dd><a href="\/people\/paolo-liaison">Paolo Liaison<\/a>/);
    expect(body).toMatch(/<dt>Ops Liaison<\/dt><dd><a href="\/people\/tobias-ops">Tobias Ops<\/a>/);
    // most recent joined event from history
    expect(body).toMatch(
      /Mark Member<\/a><\/th><td><time datetime="2024-09-15T09:00:00.000Z">2024-09-15<\/time>/,
    );
    expect(body).toMatch(
      /Sarah Chair<\/a><\/th><td><time datetime="2023-06-01T09:00:00.000Z">2023-06-01<\/time>/,
    );
    expect(body).toMatch(/Late Joiner<\/a><\/th><td><span class="muted">Unknown<\/span>/);
    expect(body).toMatch(/Jason Member<\/a><\/th><td><span class="muted">Unknown<\/span>/);
    expect(body).toContain('<a href="/people/old-timer">Old Timer</a>');
    expect(body).toContain("12 months");
    expect(body).toContain("<dt>Meetings</dt><dd>Monthly</dd>");
    expect(body).toContain("<dt>Reports to the Board</dt><dd>Quarterly</dd>");
    expect(body).toContain("<li>Forum</li>");
    expect(body).toContain("Direct: the group votes new members in");
    expect(body).toContain('href="/api/groups/website"');
    expect(body).toContain('href="https://github.com/django/dsf-working-groups/blob/main/active/website.md"');
    expect(body).toContain("No flags");
  });

  it("shows the timeline with dates and commit shas", async () => {
    const body = await html("/groups/website");
    const timeline = body.slice(body.indexOf('id="timeline"'));
    expect(timeline).toContain(`https://github.com/django/dsf-working-groups/commit/${"d".repeat(40)}`);
    expect(timeline).toContain("<code>dddddddddd</code>");
    expect(timeline.indexOf("2023-05-01")).toBeLessThan(timeline.indexOf("2024-09-15"));
    expect(timeline).toContain("Left");
  });

  it("answers 404 pages and JSON errors for an unknown slug", async () => {
    const body = await html("/groups/no-such-group", 404);
    expect(body).toContain("No group with slug &quot;no-such-group&quot;.");
    expect(await json("/api/groups/no-such-group", 404)).toEqual({
      error: { code: "not_found", message: 'No group with slug "no-such-group".' },
    });
    expect(await json("/api/groups/no-such-group/timeline", 404)).toMatchObject({
      error: { code: "not_found" },
    });
  });
});

describe("/people", () => {
  it("lists people with their current groups", async () => {
    const body = await html("/people");
    expect(body).toMatch(
      /Mark Member<\/a><\/th><td><a href="\/groups\/website">Website Working Group<\/a><\/td>/,
    );
  });

  it("shows a person's roles and timeline by slug and by id", async () => {
    const bySlug = await html("/people/mark-member");
    expect(bySlug).toContain("<h1>Mark Member</h1>");
    expect(bySlug).toContain("Website Working Group");
    expect(bySlug.match(/<time /g)?.length).toBe(3);
    const byId = await html(`/people/${ids["Mark Member"]}`);
    expect(byId).toContain("<h1>Mark Member</h1>");
    await html("/people/nobody-here", 404);
    await json("/api/people/999999", 404);
  });

  it("serves a person over the API by id and slug with aliases", async () => {
    await insertPerson(database.db, { name: "Eliana Rosselli", aliases: ["Eli"] });
    const p = (await json("/api/people/eliana-rosselli")) as {
      id: number;
      aliases: string[];
      roles: unknown[];
    };
    expect(p.aliases).toEqual(["Eli"]);
    expect(p.roles).toEqual([]);
    expect(await json(`/api/people/${p.id}`)).toEqual(p);
    const sarah = (await json(`/api/people/${ids["Sarah Chair"]}`)) as {
      roles: Array<{ role: string; group: { slug: string } }>;
    };
    expect(sarah.roles.map((r) => r.role)).toEqual(["chair"]);
  });
});

describe("JSON API", () => {
  it("lists groups with filters and health flags", async () => {
    const list = (await json("/api/groups?kind=working-group&status=draft")) as {
      filter: unknown;
      groups: Array<{ slug: string; health: Array<{ code: string; rule: { source: string } }> }>;
    };
    expect(list.filter).toEqual({ kind: "working-group", status: "draft" });
    expect(list.groups.map((g) => g.slug)).toEqual(["package-maintainers"]);
    expect(list.groups[0]?.health.map((f) => f.code)).toEqual(["no-board-liaison", "missing-charter-fields"]);
    expect(list.groups[0]?.health[0]?.rule.source).toContain("README.md:44");
  });

  it("serves a group with member since and its timeline", async () => {
    const g = (await json("/api/groups/website")) as {
      size: number;
      members: Array<{ person: { slug: string }; since: string | null }>;
    };
    expect(g.size).toBe(7);
    const since = Object.fromEntries(g.members.map((m) => [m.person.slug, m.since]));
    expect(since["mark-member"]).toBe("2024-09-15T09:00:00.000Z");
    expect(since["late-joiner"]).toBeNull();
    const t = (await json("/api/groups/website/timeline")) as {
      events: Array<{ kind: string; commitSha: string | null }>;
    };
    expect(t.events.map((e) => e.kind)).toEqual([
      "proposed",
      "activated",
      "joined",
      "joined",
      "left",
      "joined",
      "joined",
    ]);
  });

  it("returns responses that validate against the schemas published in /api/openapi.json", async () => {
    const doc = (await json("/api/openapi.json")) as {
      openapi: string;
      paths: Record<
        string,
        {
          get: {
            responses: Record<string, { content: { "application/json": { schema: { $ref: string } } } }>;
          };
        }
      >;
      components: { schemas: Record<string, Record<string, unknown>> };
    };
    expect(doc.openapi).toBe("3.1.0");
    const resolve = (ref: string) => {
      const name = ref.replace("#/components/schemas/", "");
      const schema = doc.components.schemas[name];
      if (!schema) throw new Error(`unresolved ${ref}`);
      return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
    };
    const samples: Array<[string, string, string]> = [
      ["/api/groups", "/api/groups", "200"],
      ["/api/groups?kind=team", "/api/groups", "200"],
      ["/api/groups?status=bogus", "/api/groups", "422"],
      ["/api/groups/website", "/api/groups/{slug}", "200"],
      ["/api/groups/package-maintainers", "/api/groups/{slug}", "200"],
      ["/api/groups/nope", "/api/groups/{slug}", "404"],
      ["/api/groups/website/timeline", "/api/groups/{slug}/timeline", "200"],
      ["/api/people", "/api/people", "200"],
      [`/api/people/${ids["Mark Member"]}`, "/api/people/{id}", "200"],
      ["/api/people/nobody", "/api/people/{id}", "404"],
    ];
    for (const [url, route, status] of samples) {
      const response = doc.paths[route]?.get.responses[status];
      expect(response, `${route} ${status} documented`).toBeDefined();
      const schema = resolve(response?.content["application/json"].schema.$ref ?? "");
      const res = await app.request(url);
      expect(String(res.status), url).toBe(status);
      const result = schema.safeParse(await res.json());
      expect(result.success, `${url}: ${result.success ? "" : JSON.stringify(result.error.issues)}`).toBe(
        true,
      );
    }
    // The documented schema really constrains: a wrong shape is rejected.
    expect(resolve("#/components/schemas/GroupDetail").safeParse({ slug: "x" }).success).toBe(false);
  });
});

describe("compression", () => {
  it("sends cached pages and API bodies gzipped to clients that accept it, the same bytes otherwise", async () => {
    for (const path of ["/groups", "/groups/website", "/api/groups", "/api/openapi.json"]) {
      const plain = await app.request(path);
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(plain.headers.get("vary")).toContain("accept-encoding");
      const text = await plain.text();
      const zipped = await app.request(path, { headers: { "accept-encoding": "gzip, deflate, br" } });
      expect(zipped.headers.get("content-encoding"), path).toBe("gzip");
      const raw = Buffer.from(await zipped.arrayBuffer());
      expect(raw.length).toBeLessThan(Buffer.byteLength(text));
      expect(gunzipSync(raw).toString("utf8")).toBe(text);
    }
  });
});

describe("charter export", () => {
  it("serves the stored charter as markdown and links to it", async () => {
    const res = await app.request("/groups/website/charter.md");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/markdown");
    const markdown = await res.text();
    expect(markdown).toContain("Website Working Group");
    expect(markdown).toContain("Sarah Chair");
    expect(await html("/groups/website")).toContain('href="/groups/website/charter.md"');
    expect((await app.request("/groups/nope/charter.md")).status).toBe(404);
  });
});

describe("signed-in viewers", () => {
  it("see their name on directory pages, which anonymous visitors never get from the cache", async () => {
    // The auth middleware sets the viewer; here a router mounted first does it for one header.
    const signIn = createRouter();
    signIn.use("*", async (c, next) => {
      if (c.req.header("x-test-viewer")) {
        c.set("viewer", { userId: 1, name: "Signed Viewer", method: "session", scopes: null });
        c.set("csrfToken", "tok");
      }
      await next();
    });
    const { services } = await createGovernanceTestApp(database);
    const withViewer = createHttpApp({
      log: services.log,
      routers: [signIn, createGovernanceRouter(services)],
    });
    for (const path of ["/groups", "/groups/website", "/people", "/people/mark-member"]) {
      const anonymous = await (await withViewer.request(path)).text();
      expect(anonymous).toContain('href="/sign-in"');
      const signed = await (await withViewer.request(path, { headers: { "x-test-viewer": "1" } })).text();
      expect(signed, path).toContain("Signed in as");
      expect(signed).toContain("Signed Viewer");
      const again = await (await withViewer.request(path)).text();
      expect(again).not.toContain("Signed Viewer");
    }
    // Signed in, the group page's way to join is a link to the application form, not a sign-in.
    const group = await (
      await withViewer.request("/groups/website", { headers: { "x-test-viewer": "1" } })
    ).text();
    expect(group).toContain('<a href="/groups/website/decisions#apply">Apply to join Website Working Group');
    expect(group).not.toContain("Sign in to apply");
  });
});

describe("health configuration", () => {
  it("follows GUILDHALL_SIZE_MAX and GUILDHALL_MIN_MEMBERS_TEAM", async () => {
    const strict = await createGovernanceTestApp(database, {
      GUILDHALL_MIN_MEMBERS_TEAM: "4",
      GUILDHALL_SIZE_MAX: "5",
    });
    const list = (await (await strict.app.request("/api/groups?status=active")).json()) as {
      groups: Array<{ slug: string; health: Array<{ code: string; message: string }> }>;
    };
    const bySlug = Object.fromEntries(list.groups.map((g) => [g.slug, g.health.map((f) => f.code)]));
    expect(bySlug.mergers).toEqual(["below-minimum-membership"]);
    expect(bySlug.website).toEqual(["size-outside-range"]);
    const defaults = (await json("/api/groups?status=active")) as typeof list;
    expect(Object.fromEntries(defaults.groups.map((g) => [g.slug, g.health.length]))).toMatchObject({
      mergers: 0,
      website: 0,
    });
  });
});
