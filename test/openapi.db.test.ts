/**
 * /api/openapi.json is generated from the route declarations: it is a valid OpenAPI 3.1 document
 * (checked against the official schema), lists exactly the application's `/api/` routes, and the
 * ecosystem routes (releases, readiness, packages, milestones) answer as it documents. The
 * governance routes are called in src/governance/directory/openapi-members.db.test.ts.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/platform/db/index.ts";
import { schema } from "../src/platform/db/index.ts";
import type { AppEnv } from "../src/platform/http/app.tsx";
import { openApiPath } from "../src/platform/http/openapi.ts";
import { createTestApplication } from "./app.ts";
import { createTestDatabase } from "./db.ts";
import { createTestAccount } from "./factories/accounts.ts";
import { insertGroup } from "./factories/governance.ts";
import { loadOpenApi } from "./openapi.ts";

let database: Database;
let app: Hono<AppEnv>;
let api: Awaited<ReturnType<typeof loadOpenApi>>;
const tokens: Record<"admin" | "member" | "steward", string> = { admin: "", member: "", steward: "" };

beforeAll(async () => {
  database = await createTestDatabase();
  const built = await createTestApplication(database);
  app = built.app;
  const synced = new Date("2026-11-20T00:00:00Z");
  await database.db.insert(schema.packages).values(
    [
      { name: "djangorestframework", classifiers: ["Framework :: Django :: 6.1"], requiresDist: [] },
      { name: "django-pinned", classifiers: ["Framework :: Django :: 6.2"], requiresDist: ["Django<6.2"] },
      { name: "django-open", classifiers: ["Framework :: Django"], requiresDist: ["Django>=4.2"] },
    ].map((p, i) => ({
      ...p,
      displayName: p.name,
      latestVersion: "1.0",
      downloadRank: i + 1,
      source: "snapshot" as const,
      syncedAt: synced,
    })),
  );
  const scopes = ["read", "account", "groups", "votes", "admin"];
  const clock = built.clock;
  tokens.admin = (
    await createTestAccount({ db: database.db, clock, email: "a@example.org", admin: true, scopes })
  ).token;
  tokens.member = (await createTestAccount({ db: database.db, clock, email: "m@example.org", scopes })).token;
  // A participant of the Package Maintainers group, who may act on any package.
  const stewards = await insertGroup(database.db, {
    slug: "package-maintainers",
    chairs: ["Steward"],
    coChairs: [],
    boardLiaisons: [],
    members: [],
  });
  tokens.steward = (
    await createTestAccount({
      db: database.db,
      clock,
      email: "s@example.org",
      personId: stewards.people.get("Steward") ?? null,
      scopes,
    })
  ).token;
  api = await loadOpenApi(app);
});

afterAll(async () => {
  await database?.close();
});

/** Calls one route and checks the request and the response against the document. */
async function call(input: {
  as?: keyof typeof tokens;
  method?: string;
  url: string;
  route: string;
  status: number;
  body?: unknown;
}): Promise<unknown> {
  const method = input.method ?? "GET";
  const headers: Record<string, string> = {};
  if (input.as) headers.authorization = `Bearer ${tokens[input.as]}`;
  if (input.body !== undefined) {
    headers["content-type"] = "application/json";
    if (input.status < 300) expect(api.requestProblems(method, input.route, input.body)).toEqual([]);
  }
  const res = await app.request(input.url, {
    method,
    headers,
    body: input.body === undefined ? undefined : JSON.stringify(input.body),
  });
  const json: unknown = await res.json();
  expect(res.status, `${method} ${input.url}: ${JSON.stringify(json).slice(0, 300)}`).toBe(input.status);
  expect(api.responseProblems(method, input.route, input.status, json), `${method} ${input.url}`).toEqual([]);
  return json;
}

describe("/api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(api.doc as unknown as Record<string, unknown>);
    expect(JSON.stringify(result.errors ?? []).slice(0, 2000)).toBe("[]");
    expect(result.valid).toBe(true);
    expect(api.doc.openapi).toBe("3.1.0");
    // The validator does refuse a broken document (a response without its description).
    const broken = structuredClone(api.doc) as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, Record<string, unknown>> }>>;
    };
    delete broken.paths["/api/releases"]?.get?.responses["200"]?.description;
    expect((await new Validator().validate(broken as unknown as Record<string, unknown>)).valid).toBe(false);
  });

  it("lists exactly the application's /api/ routes, each with a summary, an operation id and its responses", () => {
    const registered = new Set<string>();
    for (const r of app.routes) {
      if (r.method === "ALL" || !r.path.startsWith("/api/")) continue;
      registered.add(`${r.method} ${openApiPath(r.path)}`);
    }
    const documented = new Set<string>();
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(api.doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        documented.add(`${method.toUpperCase()} ${path}`);
        expect(op.summary, `${method} ${path}`).not.toBe("");
        expect(ids.has(op.operationId), `operation id ${op.operationId} is unique`).toBe(false);
        ids.add(op.operationId);
        expect(
          Object.keys(op.responses).some((s) => s.startsWith("2")),
          `${method} ${path}`,
        ).toBe(true);
        if (op["x-policy-actions"]) expect(op.security).toEqual([{ bearerAuth: [] }]);
        // Path parameters are declared for every {name} in the path.
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          const declared = op.parameters?.some((p) => p.in === "path" && `{${p.name}}` === name);
          expect(declared, `${method} ${path} declares ${name}`).toBe(true);
        }
      }
    }
    expect(
      [...registered].filter((k) => !documented.has(k)),
      "routes missing from the document",
    ).toEqual([]);
    expect(
      [...documented].filter((k) => !registered.has(k)),
      "documented routes that do not exist",
    ).toEqual([]);
    // The routes that were missing before the document was generated from the declarations.
    for (const k of [
      "GET /api/releases",
      "POST /api/releases/milestones",
      "GET /api/readiness/{series}",
      "GET /api/packages",
      "GET /api/packages/{name}",
    ]) {
      expect(documented.has(k), k).toBe(true);
    }
  });

  it("documents request and response schemas from the routes' zod schemas", () => {
    const milestones = api.operation("POST", "/api/releases/milestones");
    expect(milestones?.["x-policy-actions"]).toEqual(["admin.releases"]);
    expect(milestones?.["x-token-scopes"]).toEqual(["admin"]);
    expect(Object.keys(milestones?.responses ?? {})).toEqual(
      expect.arrayContaining(["201", "400", "401", "403", "413", "422"]),
    );
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    expect(
      api.problems(ref("RecordMilestoneRequest"), { series: "6.2", milestone: "alpha", date: "2027-01-18" }),
    ).toEqual([]);
    expect(
      api.problems(ref("RecordMilestoneRequest"), { series: "6.2", milestone: "gamma", date: "2027-01-18" }),
    ).not.toEqual([]);
    expect(api.problems(ref("ReleaseCalendar"), { today: "2026-11-21" })).not.toEqual([]);
    const readiness = api.operation("GET", "/api/readiness/{series}");
    expect(readiness?.parameters?.map((p) => `${p.in} ${p.name}`)).toEqual(["path series", "query top"]);
  });

  it("the ecosystem routes answer as documented", async () => {
    await call({ url: "/api/releases", route: "/api/releases", status: 200 });
    await call({ url: "/api/readiness/6.2?top=3", route: "/api/readiness/{series}", status: 200 });
    await call({ url: "/api/readiness/6.2?top=0", route: "/api/readiness/{series}", status: 422 });
    await call({ url: "/api/readiness/9.9", route: "/api/readiness/{series}", status: 404 });
    await call({ url: "/api/packages?sort=name&per_page=2", route: "/api/packages", status: 200 });
    await call({ url: "/api/packages?per_page=100000", route: "/api/packages", status: 422 });
    await call({ url: "/api/packages/djangorestframework", route: "/api/packages/{name}", status: 200 });
    await call({ url: "/api/packages/no-such-package", route: "/api/packages/{name}", status: 404 });
    await call({ url: "/api/health/rules", route: "/api/health/rules", status: 200 });
    await call({
      url: "/api/health/no-security-contact",
      route: "/api/health/no-security-contact",
      status: 200,
    });
    await call({ url: "/api/checkup/rules", route: "/api/checkup/rules", status: 200 });
    const checkup = "/api/packages/{name}/checkup";
    await call({ url: "/api/packages/django-open/checkup", route: checkup, status: 200 });
    await call({ url: "/api/packages/no-such-package/checkup", route: checkup, status: 404 });
    await call({ url: "/api/reviews", route: "/api/reviews", status: 200 });
    await call({ url: "/api/reviews/999999", route: "/api/reviews/{id}", status: 404 });
    const record = { method: "POST", url: "/api/releases/milestones", route: "/api/releases/milestones" };
    const body = { series: "6.2", milestone: "alpha", date: "2027-01-18", note: "forum announcement" };
    // Anonymous and cookie-less: refused by the CSRF check before anything else.
    await call({ ...record, status: 403, body });
    await call({ ...record, as: "member", status: 403, body });
    await call({ ...record, as: "admin", status: 422, body: { ...body, date: "2027-02-30" } });
    await call({ ...record, as: "admin", status: 422, body: { ...body, date: "0001-01-01" } });
    await call({ ...record, as: "admin", status: 201, body });
    const review = { method: "POST", url: "/api/reviews", route: "/api/reviews" };
    await call({ ...review, as: "member", status: 403, body: { top: 3 } });
    await call({ ...review, as: "admin", status: 422, body: { top: 0 } });
    const taken = (await call({ ...review, as: "admin", status: 201, body: { top: 3, title: "API" } })) as {
      id: number;
    };
    await call({ url: `/api/reviews/${taken.id}`, route: "/api/reviews/{id}", status: 200 });
    await call({
      url: `/api/reviews/${taken.id}/since/${taken.id}`,
      route: "/api/reviews/{id}/since/{other}",
      status: 200,
    });
    await call({ url: "/api/openapi.json", route: "/api/openapi.json", status: 200 });
  });

  it("the transfer, contact-log, call and tracker routes answer as documented", async () => {
    await call({ url: "/api/transfers", route: "/api/transfers", status: 200 });
    const open = {
      method: "POST",
      url: "/api/packages/django-open/transfers",
      route: "/api/packages/{name}/transfers",
    };
    const body = {
      fromKind: "jazzband",
      toKind: "django-commons",
      addPypiOwners: ["commons"],
      removePypiOwners: [],
    };
    await call({ ...open, as: "member", status: 403, body });
    await call({ ...open, as: "steward", status: 422, body: { ...body, toKind: "person" } });
    const t = (await call({ ...open, as: "steward", status: 201, body })) as { id: number };
    await call({ ...open, as: "steward", status: 409, body });
    await call({ url: `/api/transfers/${t.id}`, route: "/api/transfers/{id}", status: 200 });
    await call({ url: "/api/transfers/999999", route: "/api/transfers/{id}", status: 404 });
    const step = { method: "POST", route: "/api/transfers/{id}/steps/{step}" };
    await call({
      ...step,
      url: `/api/transfers/${t.id}/steps/repository`,
      as: "steward",
      status: 200,
      body: { owner: "to", state: "done" },
    });
    await call({
      ...step,
      url: `/api/transfers/${t.id}/steps/pypi-roles`,
      as: "steward",
      status: 422,
      body: { owner: "to", state: "done" },
    });
    const log = "/api/packages/{name}/contact-log";
    await call({ url: "/api/packages/django-open/contact-log", route: log, status: 200 });
    await call({ url: "/api/packages/no-such-package/contact-log", route: log, status: 404 });
    const attempt = {
      method: "POST",
      url: "/api/packages/django-open/contact-attempts",
      route: "/api/packages/{name}/contact-attempts",
    };
    const a = { attemptedOn: "2026-11-01", channel: "email", outcome: "no-reply" };
    await call({ ...attempt, as: "member", status: 403, body: a });
    await call({ ...attempt, as: "steward", status: 422, body: { ...a, channel: "pigeon" } });
    await call({ ...attempt, as: "steward", status: 201, body: a });
    const calls = {
      method: "POST",
      url: "/api/packages/django-open/maintainer-calls",
      route: "/api/packages/{name}/maintainer-calls",
    };
    const c = { help: "Triage", skills: "Django", hoursPerWeek: 2, suitsMentee: true };
    await call({ ...calls, as: "member", status: 403, body: c });
    await call({ ...calls, as: "steward", status: 201, body: c });
    const entry = {
      method: "POST",
      url: "/api/releases/6.2/tracker/django-open",
      route: "/api/releases/{series}/tracker/{name}",
    };
    await call({ ...entry, as: "steward", status: 422, body: { status: "ready" } });
    await call({ ...entry, as: "steward", status: 200, body: { status: "blocked", reason: "a dependency" } });
    await call({
      url: "/api/releases/6.2/tracker?top=2",
      route: "/api/releases/{series}/tracker",
      status: 200,
    });
  });
});
