/**
 * The package list's Django filter, declared (a classifier) or judged (the compatibility verdict,
 * which also weighs Django requirement bounds and Requires-Python), on the page, the API and the CSV.
 */
import { parse } from "csv-parse/sync";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";

let database: Database;
let app: Hono<AppEnv>;

const at = new Date("2026-11-01T00:00:00Z");
const row = (
  name: string,
  rank: number,
  facts: { classifiers?: string[]; requiresDist?: string[]; requiresPython?: string },
) => ({
  name,
  displayName: name,
  latestVersion: "1.0",
  latestReleaseAt: at,
  downloadRank: rank,
  classifiers: facts.classifiers ?? [],
  requiresDist: facts.requiresDist ?? [],
  requiresPython: facts.requiresPython ?? null,
  source: "index" as const,
  syncedAt: at,
});

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await createTestApplication(database));
  await database.db.insert(schema.packages).values([
    // Supports 5.2 by its requirement bound only: no Django classifier at all.
    row("django-bounds-only", 1, { requiresDist: ["Django>=4.2,<6.0"], requiresPython: ">=3.10" }),
    // Declares 5.2 by classifier.
    row("django-declares", 2, {
      classifiers: [
        "Framework :: Django",
        "Framework :: Django :: 5.2",
        "Programming Language :: Python :: 3.12",
      ],
    }),
    // Declares only 4.2: not 5.2, either way.
    row("django-old", 3, { classifiers: ["Framework :: Django :: 4.2"] }),
    // Says nothing: unknown, so neither.
    row("django-silent", 4, {}),
  ]);
});

afterAll(async () => {
  await database?.close();
});

async function names(query: string): Promise<{ total: number; names: string[] }> {
  const res = await app.request(`/api/packages?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  const body = (await res.json()) as { total: number; items: Array<{ name: string }> };
  return { total: body.total, names: body.items.map((i) => i.name) };
}

describe("the Django filter", () => {
  it("matches classifiers when declared, and the compatibility verdict when judged", async () => {
    expect(await names("django=5.2")).toEqual({ total: 1, names: ["django-declares"] });
    expect(await names("django=5.2&support=declared")).toEqual({ total: 1, names: ["django-declares"] });
    expect(await names("django=5.2&support=judged")).toEqual({
      total: 2,
      names: ["django-bounds-only", "django-declares"],
    });
    // 4.2: the bound admits it, the old package declares it, the 5.2-only classifier says no.
    expect((await names("django=4.2&support=judged")).names).toEqual(["django-bounds-only", "django-old"]);
  });

  it("pages the judged list and keeps the order and the other filters", async () => {
    expect(await names("django=5.2&support=judged&per_page=1&page=2")).toEqual({
      total: 2,
      names: ["django-declares"],
    });
    expect(await names("django=5.2&support=judged&sort=name&q=declares")).toEqual({
      total: 1,
      names: ["django-declares"],
    });
    expect(await names("django=5.2&support=judged&python=3.12")).toEqual({
      total: 1,
      names: ["django-declares"],
    });
  });

  it("exports the judged list as CSV and keeps the choice in the page's form and links", async () => {
    const csv = parse(await (await app.request("/packages.csv?django=5.2&support=judged")).text(), {
      columns: true,
    }) as Array<{ name: string }>;
    expect(csv.map((r) => r.name)).toEqual(["django-bounds-only", "django-declares"]);
    const page = await (await app.request("/packages?django=5.2&support=judged")).text();
    expect(page).toMatch(/<option value="judged" selected/);
    expect(page).toContain("Showing 1–2 of 2 packages");
    expect(page).toContain("/packages.csv?django=5.2&amp;support=judged");
  });

  it("refuses judged support for a series outside the calendar, naming the parameter", async () => {
    const res = await app.request("/api/packages?django=3.2&support=judged");
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/support/);
    expect((await app.request("/api/packages?support=sometimes")).status).toBe(422);
  });
});
