/**
 * The package pages and exports over a catalogue loaded from the real shared TSV, with a few
 * projects synced from the local index: filters, pagination, CSV and JSON, the project page.
 */
import { parse } from "csv-parse/sync";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { type PypiServer, startPypiServer } from "../../../test/pypi-server/server.ts";
import { sharedData } from "../../../test/shared-data.ts";
import type { Database } from "../../platform/db/client.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import { syncPackages } from "../sync/sync-packages.ts";
import { loadSnapshot } from "./load-snapshot.ts";

const SHARED = sharedData("pypi-django-2026-11.tsv");
let database: Database;
let app: Hono<AppEnv>;
let server: PypiServer;

beforeAll(async () => {
  database = await createTestDatabase();
  const built = await createTestApplication(database);
  app = built.app;
  await loadSnapshot({ db: database.db, clock: built.clock, file: SHARED });
  server = await startPypiServer({ limit: 150 });
  await syncPackages({
    database,
    clock: built.clock,
    log: built.services.log,
    httpFor: () => built.services.http,
    indexUrl: server.url,
    pollMs: 50,
  });
});

afterAll(async () => {
  await server?.close();
  await database?.close();
});

interface ApiList {
  total: number;
  page: number;
  pages: number;
  items: Array<{
    name: string;
    latestReleaseAt: string | null;
    latestReleaseMonth: string | null;
    downloadRank: number | null;
    djangoClassifiers: string[] | null;
  }>;
}

const api = async (query: string) => {
  const res = await app.request(`/api/packages${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ApiList;
};

describe("package list and exports", () => {
  it("lists the whole catalogue by download rank, 50 to a page", async () => {
    const first = await api("");
    expect(first.total).toBe(24_739);
    expect(first.items).toHaveLength(50);
    const ranks = first.items.map((i) => i.downloadRank ?? Number.POSITIVE_INFINITY);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    const second = await api("?page=2");
    expect(second.items[0]?.name).not.toBe(first.items[0]?.name);
  });

  it("filters by name, declared Django series, Python version and release recency", async () => {
    const rest = await api("?q=rest&per_page=500");
    expect(rest.total).toBeGreaterThan(10);
    for (const i of rest.items) expect(i.name).toContain("rest");
    const dj = await api("?django=5.2&per_page=500");
    expect(dj.total).toBeGreaterThan(0);
    for (const i of dj.items) expect(i.djangoClassifiers?.some((c) => c === "5.2" || c === "5")).toBe(true);
    const py = (await (await app.request("/api/packages?python=3.12&per_page=500")).json()) as {
      total: number;
      items: Array<{ pythonClassifiers: string[] }>;
    };
    expect(py.total).toBeGreaterThan(0);
    for (const i of py.items) expect(i.pythonClassifiers).toContain("3.12");
    const recent = await api("?released=1y&per_page=500&sort=recent");
    for (const i of recent.items) {
      // Snapshot rows know the month only; synced rows the upload time.
      if (i.latestReleaseAt)
        expect(Date.parse(i.latestReleaseAt)).toBeGreaterThanOrEqual(Date.parse("2025-11-21"));
      else expect((i.latestReleaseMonth ?? "") >= "2025-11").toBe(true);
    }
    const old = await api("?released=older-2y&per_page=5");
    expect(old.total + (await api("?released=2y")).total).toBe(24_739);
  });

  it("rejects a bad filter with a message naming it", async () => {
    const res = await app.request("/api/packages?django=five");
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^Invalid query: django: /);
  });

  it("exports every matching row as CSV", async () => {
    const res = await app.request("/packages.csv?q=django-rest");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const rows = parse(await res.text(), { columns: true }) as Array<Record<string, string>>;
    const json = await api("?q=django-rest&per_page=500");
    expect(rows).toHaveLength(json.total);
    expect(rows.map((r) => r["name"])).toEqual(json.items.map((i) => i.name));
  });

  it("renders the list page with the filter form and result count", async () => {
    const res = await app.request("/packages?q=debug&released=2y");
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<label for="q-packages-q">Name contains</label>');
    expect(html).toMatch(/<input type="search" value="debug" id="q-packages-q" name="q"/);
    expect(html).toMatch(/Showing 1–\d+ of \d+ packages/);
    expect(html).toContain('href="/packages.csv?q=debug&amp;released=2y"');
    const filtered = await (await app.request("/packages?django=5.2")).text();
    expect(filtered).toContain('<a href="/readiness/5.2">readiness for Django 5.2</a>');
    expect(await (await app.request("/packages?django=3.2")).text()).not.toContain("/readiness/3.2");
  });
});

describe("package page", () => {
  it("shows a synced project's versions, support matrix and release chart with a text alternative", async () => {
    const name = server.names.find((n) => n.startsWith("django-")) ?? server.names[0];
    const res = await app.request(`/packages/${name}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain("Declared Django support");
    expect(html).toMatch(/<th scope="row">5\.2 LTS<\/th>/);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="release-chart-title release-chart-desc"/);
    expect(html).toMatch(/<desc id="release-chart-desc">\d+ releases? from \d{4} to \d{4}/);
    const detail = (await (await app.request(`/api/packages/${name}`)).json()) as {
      releases: unknown[];
      support: Array<{ series: string; verdict: string }>;
      source: string;
    };
    expect(detail.source).toBe("index");
    expect(detail.releases.length).toBeGreaterThan(0);
    expect(detail.support.map((s) => s.series)).toContain("5.2");
  });

  it("redirects other spellings to the normalised name and answers 404 for unknown projects", async () => {
    const res = await app.request("/packages/Django_Debug.Toolbar");
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("/packages/django-debug-toolbar");
    expect((await app.request("/packages/no-such-project-here")).status).toBe(404);
    expect((await app.request("/api/packages/no-such-project-here")).status).toBe(404);
  });
});
