/**
 * Health, repository signals and the site's checkup over a catalogue loaded from the real TSV with
 * 150 projects synced from the local PyPI index, and a local server speaking GitHub's REST API.
 */
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { type GitHubServer, startGitHubServer } from "../../../test/github-server/server.ts";
import type { PypiServer } from "../../../test/pypi-server/server.ts";
import { syncedCatalogue } from "../../../test/synced-catalogue.ts";
import type { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import type { Services } from "../../platform/services.ts";
import { backfillDeclarations } from "../reviews/backfill-declarations.ts";
import type { PackageHealth } from "./compute-health.ts";
import { fetchRepositorySignals } from "./fetch-repository-signals.ts";
import { githubRepoOf } from "./github-repo.ts";
import { SUB_SCORES } from "./health-rules.ts";

let database: Database;
let app: Hono<AppEnv>;
let services: Services;
let clock: FixedClock;
let pypi: PypiServer;
let github: GitHubServer;

beforeAll(async () => {
  database = await createTestDatabase();
  github = await startGitHubServer();
  const built = await createTestApplication(database, {
    GUILDHALL_GITHUB_TOKEN: github.apiToken,
    GUILDHALL_GITHUB_API_URL: github.url,
  });
  ({ app, services, clock } = built);
  ({ pypi } = await syncedCatalogue({ database, services, clock, index: { limit: 150 } }));
});

afterAll(async () => {
  await pypi?.close();
  await github?.close();
  await database?.close();
});

const getJson = async <T>(url: string): Promise<T> => {
  const res = await app.request(url);
  expect(res.status, url).toBe(200);
  return (await res.json()) as T;
};

async function syncedNames(): Promise<string[]> {
  const rows = await database.db
    .select({ name: schema.packages.name })
    .from(schema.packages)
    .where(eq(schema.packages.source, "index"));
  return rows.map((r) => r.name).sort();
}

async function snapshotName(): Promise<string> {
  const [row] = await database.db
    .select({ name: schema.packages.name })
    .from(schema.packages)
    .where(eq(schema.packages.source, "snapshot"))
    .limit(1);
  return row?.name ?? "";
}

describe("health of synced and snapshot packages", () => {
  it("the sync records each latest release's declarations and its known vulnerabilities", async () => {
    const decl = await database.db.select().from(schema.packageReleaseDeclarations);
    expect(decl.length).toBe((await syncedNames()).length);
    const vuln = await database.db
      .select({ name: schema.packages.name, v: schema.packages.vulnerabilities })
      .from(schema.packages)
      .where(eq(schema.packages.source, "index"));
    expect(vuln.every((r) => Array.isArray(r.v))).toBe(true);
    const snapshot = await database.db
      .select({ v: schema.packages.vulnerabilities })
      .from(schema.packages)
      .where(eq(schema.packages.source, "snapshot"))
      .limit(5);
    expect(snapshot.every((r) => r.v === null)).toBe(true);
  });

  it("the package API carries the breakdown; a snapshot row has no total and nothing scored as failing", async () => {
    const [name] = await syncedNames();
    const one = await getJson<{ health: PackageHealth; reportVulnerability: { via: string } }>(
      `/api/packages/${name}`,
    );
    expect(one.health.subScores.map((s) => s.id)).toEqual(SUB_SCORES.map((s) => s.id));
    expect(one.health.total).not.toBeNull();
    expect([
      "security-policy",
      "security-url",
      "maintainers",
      "repository-unchecked",
      "working-group",
    ]).toContain(one.reportVulnerability.via);
    const snapName = await snapshotName();
    const snap = await getJson<{ health: PackageHealth; reportVulnerability: { via: string } }>(
      `/api/packages/${snapName}`,
    );
    expect(snap.health.total).toBeNull();
    expect(snap.health.bucket).toBe("unknown");
    expect(snap.reportVulnerability.via).toBe("unknown");
    const failing = snap.health.subScores.flatMap((s) => s.rules).filter((r) => r.status === "fail");
    expect(
      failing.every((r) => r.id === "popularity.download-rank" || r.id === "maintenance.release-recency"),
    ).toBe(true);
  });

  it("/packages filters by health bucket and label and sorts by health; CSV and JSON carry the parts", async () => {
    const healthy = await getJson<{
      total: number;
      items: Array<{ name: string; healthBucket: string; healthTotal: number | null }>;
    }>("/api/packages?health=healthy&per_page=500");
    expect(healthy.items.length).toBeGreaterThan(0);
    expect(healthy.items.every((i) => i.healthBucket === "healthy")).toBe(true);
    const unknown = await getJson<{ total: number }>("/api/packages?health=unknown&per_page=1");
    expect(unknown.total).toBeGreaterThan(24_000);
    const sorted = await getJson<{ items: Array<{ healthTotal: number | null }> }>(
      "/api/packages?sort=health&per_page=100",
    );
    const totals = sorted.items.map((i) => i.healthTotal ?? -1);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    expect(totals[0]).toBeGreaterThan(0);
    const sole = await getJson<{ items: Array<{ healthLabels: string[] }> }>(
      "/api/packages?label=sole-owner&per_page=500",
    );
    expect(sole.items.length).toBeGreaterThan(0);
    expect(sole.items.every((i) => i.healthLabels.includes("sole-owner"))).toBe(true);
    const bad = await app.request("/api/packages?health=excellent");
    expect(bad.status).toBe(422);
    const csv = await app.request("/packages.csv?health=healthy");
    const rows = parse(await csv.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBe(healthy.total);
    expect(Object.keys(rows[0] ?? {})).toEqual(
      expect.arrayContaining([
        "healthTotal",
        "healthBucket",
        "healthLabels",
        "healthMaintenance",
        "healthRepository",
      ]),
    );
    const page = await app.request("/packages?health=healthy&sort=health");
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<option value="healthy" selected="">healthy</option>');
  });

  it("the package page shows the breakdown with rule links and where to report a vulnerability", async () => {
    const [name] = await syncedNames();
    const html = await (await app.request(`/packages/${name}`)).text();
    expect(html).toContain('id="health"');
    expect(html).toContain('href="/health/rules/maintenance.current-django"');
    expect(html).toContain('id="report-vulnerability"');
    expect(html).toContain(`href="/packages/${name}/checkup"`);
  });

  it("rule documentation pages exist for every rule; unknown ids are 404", async () => {
    const { rules } = await getJson<{ rules: Array<{ id: string }> }>("/api/health/rules");
    for (const r of rules) expect((await app.request(`/health/rules/${r.id}`)).status).toBe(200);
    expect((await app.request("/health/rules/nope")).status).toBe(404);
    const checkup = await getJson<{ rules: Array<{ id: string }> }>("/api/checkup/rules");
    for (const r of checkup.rules) expect((await app.request(`/checkup/rules/${r.id}`)).status).toBe(200);
    expect((await app.request("/checkup/rules/nope")).status).toBe(404);
    expect(await (await app.request("/checkup")).text()).toContain("GITHUB_STEP_SUMMARY");
  });

  it("the site's checkup of a synced package runs the metadata rules; a snapshot row's rules are skipped", async () => {
    const [name] = await syncedNames();
    const r = await getJson<{ name: string; results: Array<{ id: string; status: string }> }>(
      `/api/packages/${name}/checkup`,
    );
    expect(r.results).toHaveLength(12);
    expect(r.results.find((x) => x.id === "trusted-publishing")?.status).toBe("skipped");
    expect(r.results.find((x) => x.id === "requires-python")?.status).not.toBe("skipped");
    const snap = await getJson<{ synced: boolean; results: Array<{ status: string }> }>(
      `/api/packages/${await snapshotName()}/checkup`,
    );
    expect(snap.synced).toBe(false);
    expect(snap.results.every((x) => x.status === "skipped")).toBe(true);
    expect((await app.request(`/packages/${name}/checkup`)).status).toBe(200);
    expect((await app.request("/api/packages/no-such-package-here/checkup")).status).toBe(404);
  });

  it("lists synced packages without a vulnerability-report route for the working group", async () => {
    const r = await getJson<{ total: number; synced: number; packages: Array<{ name: string }> }>(
      "/api/health/no-security-contact",
    );
    expect(r.synced).toBe((await syncedNames()).length);
    expect(r.total).toBeGreaterThan(0);
    const html = await (await app.request("/health/no-security-contact")).text();
    expect(html).toContain('href="/groups/package-maintainers"');
  });
});

describe("repository signals from GitHub's REST API", () => {
  it("fetches archived, last push, CI and security policy, then uses ETags; stops before the rate limit", async () => {
    const synced = await database.db
      .select({ name: schema.packages.name, urls: schema.packages.projectUrls })
      .from(schema.packages)
      .where(eq(schema.packages.source, "index"));
    const withRepo = synced.flatMap((s) => {
      const repo = githubRepoOf(s.urls);
      return repo ? [{ name: s.name, repo }] : [];
    });
    expect(withRepo.length).toBeGreaterThan(10);
    for (const [i, p] of withRepo.entries()) {
      github.setRepository(p.repo, {
        archived: i === 0,
        pushedAt: "2026-11-01T10:00:00Z",
        defaultBranch: i % 2 ? "main" : "master",
        openIssues: i,
        files: i % 3 === 0 ? ["SECURITY.md"] : [],
        runs: [{ conclusion: i % 4 === 0 ? "failure" : "success", updatedAt: "2026-11-02T10:00:00Z" }],
      });
    }
    const config = services.config.repositorySignals;
    const first = await fetchRepositorySignals({
      db: database.db,
      http: services.http,
      clock,
      config,
      limit: 1000,
    });
    expect(first.fetched).toBe(withRepo.length);
    expect(first.stoppedForRateLimit).toBeNull();
    const archived = withRepo[0] as { name: string; repo: string };
    const h = await getJson<{ health: PackageHealth }>(`/api/packages/${archived.name}`);
    expect(h.health.labels.map((l) => l.id)).toContain("archived");
    expect(h.health.subScores.find((s) => s.id === "repository")?.score).not.toBeNull();

    clock.advance(86_400_000);
    const second = await fetchRepositorySignals({
      db: database.db,
      http: services.http,
      clock,
      config,
      limit: 1000,
    });
    expect(second.notModified).toBe(withRepo.length);

    github.setRateLimit(60);
    clock.advance(86_400_000);
    const limited = await fetchRepositorySignals({
      db: database.db,
      http: services.http,
      clock,
      config,
      limit: 1000,
      reserve: 50,
    });
    expect(limited.stoppedForRateLimit).not.toBeNull();
    expect(limited.stoppedForRateLimit?.left).toBeGreaterThan(0);
    expect(limited.rateRemaining).toBe(50);

    github.setRateLimit(0);
    const refused = await fetchRepositorySignals({
      db: database.db,
      http: services.http,
      clock,
      config,
      limit: 5,
    });
    expect(refused.stoppedForRateLimit?.resetAt).toMatch(/^\d{4}-/);
    github.setRateLimit(5000);
  });

  it("without a token the command refuses with a clear message", async () => {
    await expect(
      fetchRepositorySignals({
        db: database.db,
        http: services.http,
        clock,
        config: { token: undefined, apiUrl: github.url },
        limit: 1,
      }),
    ).rejects.toThrow("GUILDHALL_GITHUB_TOKEN");
  });
});

describe("declarations backfill", () => {
  it("reads older releases from the per-version JSON API once", async () => {
    const backfill = () =>
      backfillDeclarations({
        db: database.db,
        http: services.http,
        clock,
        indexUrl: pypi.url,
        top: 50,
        since: new Date("2015-01-01T00:00:00Z"),
      });
    const first = await backfill();
    expect(first.recorded).toBeGreaterThan(0);
    expect(first.failed).toEqual([]);
    const again = await backfill();
    expect(again.releases).toBe(0);
  });
});
