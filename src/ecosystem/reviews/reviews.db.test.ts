/**
 * Reviews over a catalogue loaded from the real TSV with 200 projects synced from the local PyPI
 * index (their older releases' declarations backfilled): take, store, export, compare, the pages.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createTestAccount } from "../../../test/factories/accounts.ts";
import type { PypiServer } from "../../../test/pypi-server/server.ts";
import { SHARED_TSV, syncedCatalogue } from "../../../test/synced-catalogue.ts";
import type { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import type { Services } from "../../platform/services.ts";
import { backfillDeclarations } from "./backfill-declarations.ts";
import type { ReviewComparison } from "./compare-reviews.ts";
import type { StoredReview } from "./reviews.repo.ts";
import { takeReview } from "./take-review.ts";

let database: Database;
let app: Hono<AppEnv>;
let services: Services;
let clock: FixedClock;
let pypi: PypiServer;
let first: StoredReview;
let second: StoredReview;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, services, clock } = await createTestApplication(database));
  // The index serves the 200 most downloaded projects, so the top packages are synced.
  const [header, ...lines] = readFileSync(SHARED_TSV, "utf8").trim().split("\n");
  const ranked = lines
    .filter((l) => l.split("\t")[3])
    .sort((a, b) => Number(a.split("\t")[3]) - Number(b.split("\t")[3]));
  const tsv = path.join(mkdtempSync(path.join(tmpdir(), "reviews-")), "top.tsv");
  writeFileSync(tsv, [header, ...ranked.slice(0, 200)].join("\n"));
  let sync: () => Promise<unknown>;
  ({ pypi, sync } = await syncedCatalogue({ database, services, clock, index: { tsv } }));
  await backfillDeclarations({
    db: database.db,
    http: services.http,
    clock,
    indexUrl: pypi.url,
    top: 100,
    since: new Date("2023-01-01T00:00:00Z"),
  });
  first = await takeReview({ db: database.db, clock, by: "test", top: 100 });
  clock.advance(30 * 86_400_000);
  await fetch(`${pypi.url}/_control/bump?fraction=0.3&seed=7`, { method: "POST" });
  await sync();
  second = await takeReview({ db: database.db, clock, by: "test", top: 100, title: "Second review" });
});

afterAll(async () => {
  await pypi?.close();
  await database?.close();
});

describe("ecosystem reviews", () => {
  it("a review holds the distributions, recency, health, at-risk, critical and time-to-support figures", () => {
    const d = first.data;
    expect(d.catalogue.packages).toBe(24_739);
    expect(d.catalogue.synced).toBe(200);
    expect(d.djangoSeries.map((s) => s.series)).toEqual(
      expect.arrayContaining(["3.2", "4.2", "5.2", "6.0", "6.1", "6.2"]),
    );
    expect(d.djangoSeries.find((s) => s.series === "5.2")?.declared).toBeGreaterThan(0);
    expect(d.recency.reduce((a, r) => a + r.packages, 0)).toBe(24_739);
    expect(Object.values(d.healthBuckets).reduce((a, b) => a + b, 0)).toBe(24_739);
    expect(d.healthBuckets.unknown).toBeGreaterThanOrEqual(24_739 - 200);
    expect(d.critical.packages).toBeGreaterThan(0);
    expect(d.critical.method).toContain("1/rank");
    const t = d.timeToSupport.find((x) => x.series === "5.2");
    expect(t?.considered).toBeGreaterThan(0);
    expect(t?.supported).toBeGreaterThan(0);
    expect(t?.medianDays).not.toBeNull();
    expect(first.questions.length).toBeGreaterThanOrEqual(6);
    expect(first.questions.every((q) => q.why.length > 0)).toBe(true);
  });

  it("two reviews compare: figures with verdicts, packages that improved or regressed", async () => {
    const res = await app.request(`/api/reviews/${second.id}/since/${first.id}`);
    expect(res.status).toBe(200);
    const c = (await res.json()) as ReviewComparison;
    expect(c.from).toBe(first.takenOn);
    expect(c.to).toBe(second.takenOn);
    expect(c.figures.find((f) => f.figure === "synced packages")).toMatchObject({
      before: 200,
      after: 200,
      verdict: "unchanged",
    });
    expect(c.improved.length + c.regressed.length).toBeGreaterThan(0);
    const reversed = (await (
      await app.request(`/api/reviews/${first.id}/since/${second.id}`)
    ).json()) as ReviewComparison;
    expect(reversed.from).toBe(first.takenOn);
    const page = await app.request(`/reviews/${second.id}/since/${first.id}`);
    expect(page.status).toBe(200);
    expect(await (await app.request(`/reviews/${second.id}/since/${first.id}.md`)).text()).toContain(
      `# Since the review of ${first.takenOn}`,
    );
  });

  it("exports: JSON as stored, CSV one figure a line, markdown report; pages with charts and text alternatives", async () => {
    const json = (await (await app.request(`/api/reviews/${first.id}`)).json()) as StoredReview;
    expect(json.data.takenOn).toBe(first.takenOn);
    const csv = parse(await (await app.request(`/reviews/${first.id}.csv`)).text(), {
      columns: true,
    }) as Array<Record<string, string>>;
    expect(csv.find((r) => r.section === "catalogue" && r.key === "synced")?.value).toBe("200");
    expect(csv.some((r) => r.section === "time to support 5.2" && r.key === "median days")).toBe(true);
    const md = await (await app.request(`/reviews/${first.id}.md`)).text();
    expect(md).toContain("## Time to support");
    expect(md).toContain("## Suggested Django Developers Survey questions");
    const html = await (await app.request(`/reviews/${second.id}`)).text();
    expect(html.match(/<svg[^>]*role="img"/g)?.length).toBe(4);
    expect(second.data.topSynced).toBe(100);
    expect(html).toContain("<desc");
    expect(html).toContain(`href="/reviews/${second.id}/since/${first.id}"`);
    const list = await (await app.request("/reviews")).text();
    expect(list).toContain("Second review");
    expect(list).not.toContain('action="/reviews"');
  });

  it("bad input: unknown ids are 404, a bad top is refused", async () => {
    expect((await app.request("/reviews/999999")).status).toBe(404);
    expect((await app.request("/api/reviews/abc")).status).toBe(404);
    expect((await app.request("/api/reviews/99999999999999999999")).status).toBe(404);
    await expect(takeReview({ db: database.db, clock, by: "t", top: 0 })).rejects.toThrow("top");
    await expect(
      takeReview({ db: database.db, clock, by: "t", top: 100, title: "a\u0000b" }),
    ).rejects.toThrow("title");
  });

  it("taking a review over HTTP: site admins only; a bad field is refused beside it, the form keeping what was typed", async () => {
    const scopes = ["read", "admin"];
    const admin = await createTestAccount({
      db: database.db,
      clock,
      email: "ra@example.org",
      admin: true,
      scopes,
    });
    const member = await createTestAccount({ db: database.db, clock, email: "rm@example.org", scopes });
    const form = (token: string, fields: Record<string, string>) =>
      app.request("/reviews", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      });
    const json = (token: string, body: unknown) =>
      app.request("/api/reviews", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await form(member.token, { top: "5" })).status).toBe(403);
    expect((await json(member.token, { top: 5 })).status).toBe(403);
    const refused = await form(admin.token, { top: "0", title: "Typed title" });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("must be a whole number from 1 to 15000");
    expect(html).toContain('value="Typed title"');
    const bad = await json(admin.token, { top: "many" });
    expect(bad.status).toBe(422);
    expect(
      ((await bad.json()) as { error: { issues: Array<{ field: string }> } }).error.issues[0]?.field,
    ).toBe("top");
    const taken = await form(admin.token, { top: "5", title: "" });
    expect(taken.status).toBe(303);
    expect(taken.headers.get("location")).toMatch(/^\/reviews\/\d+$/);
    const created = await json(admin.token, { top: 5, title: "By the API" });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ title: "By the API" });
  });
});
