/**
 * The sync against the local PyPI-compatible index: full sync, incremental sync after serial
 * bumps, the ETag/304 path, every injected fault recorded while the run goes on, Retry-After
 * honoured, and the User-Agent the index sees.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { catalogueState } from "../../../test/pypi-server/catalogue-state.ts";
import { type PypiServer, startPypiServer } from "../../../test/pypi-server/server.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { createHttpClient } from "../../platform/fetch.ts";
import { createLogger } from "../../platform/log.ts";
import { syncPackages } from "./sync-packages.ts";

const UA = "GuildhallTest/1.0 (+mailto:ecosystem@example.org)";
const log = createLogger({ env: "test", logLevel: "silent" });
const clock = new FixedClock("2026-11-21T12:00:00Z");

let database: Database;
let server: PypiServer;
const slept: number[] = [];
const http = createHttpClient({
  config: { http: { userAgent: "configured-agent", timeoutMs: 1500, retries: 2 } },
  log,
  sleep: async (ms) => {
    slept.push(ms);
  },
});

const sync = (extra: Partial<Parameters<typeof syncPackages>[0]> = {}) =>
  syncPackages({
    database,
    clock,
    log,
    httpFor: (ua) =>
      ua
        ? createHttpClient({
            config: { http: { userAgent: ua, timeoutMs: 1500, retries: 2 } },
            log,
            sleep: async (ms) => {
              slept.push(ms);
            },
          })
        : http,
    indexUrl: server.url,
    userAgent: UA,
    concurrency: 8,
    workers: 2,
    pollMs: 50,
    ...extra,
  });

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startPypiServer({
    limit: 400,
    faults: {
      rate429: 0.02,
      retryAfterSeconds: 3,
      transient500: 0.02,
      status500: 0.01,
      hang: 0.01,
      truncated: 0.01,
      malformed: 0.01,
      missing: 0.01,
      seed: 7,
    },
  });
});

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe("packages sync against the local index", () => {
  it("fetches every listed project, records each fault against its project and goes on", async () => {
    const summary = await sync();
    const persistent = ["status500", "hang", "truncated", "malformed", "missing"] as const;
    const failing = new Set(persistent.flatMap((k) => server.faultyProjects(k)));
    expect(failing.size).toBeGreaterThan(5);
    expect(summary.listed).toBe(400);
    expect(summary.queued).toBe(400);
    expect(summary.fetched).toBe(400 - failing.size);
    expect(summary.notModified).toBe(0);

    const state = await catalogueState(database);
    expect(state.packages).toHaveLength(400 - failing.size);
    const byKind = new Map(state.problems.filter((p) => p.kind !== "metadata").map((p) => [p.name, p.kind]));
    for (const n of server.faultyProjects("status500")) expect(byKind.get(n)).toBe("http");
    for (const n of server.faultyProjects("hang")) expect(byKind.get(n)).toBe("timeout");
    for (const n of server.faultyProjects("truncated")) expect(byKind.get(n)).toBe("truncated");
    for (const n of server.faultyProjects("malformed")) expect(byKind.get(n)).toBe("malformed");
    for (const n of server.faultyProjects("missing")) expect(byKind.get(n)).toBe("not_found");
    // Transient faults (one 429 or 500, then success) end in a saved project, not a problem.
    for (const n of [...server.faultyProjects("rate429"), ...server.faultyProjects("transient500")]) {
      expect(byKind.has(n)).toBe(false);
      expect(state.packages.some((p) => p.name === n)).toBe(true);
    }
    expect(summary.errors).toMatchObject({
      http: server.faultyProjects("status500").length,
      timeout: server.faultyProjects("hang").length,
      not_found: server.faultyProjects("missing").length,
    });
  });

  it("honours Retry-After and identifies itself with the given User-Agent", () => {
    expect(server.faultyProjects("rate429").length).toBeGreaterThan(0);
    expect(slept.filter((ms) => ms === 3000).length).toBe(server.faultyProjects("rate429").length);
    expect([...server.stats.userAgents]).toEqual([UA]);
  });

  it("stores what the JSON API and the core metadata say", async () => {
    const rows = await database.query<{
      name: string;
      latest_version: string;
      last_serial: string;
      classifiers: string[];
      ownership: { roles: unknown[] };
      core_metadata: Record<string, string[]> | null;
      etag: string | null;
    }>("select * from packages order by name");
    const withMeta = rows.filter((r) => r.core_metadata);
    expect(withMeta.length).toBeGreaterThan(100);
    for (const r of withMeta.slice(0, 20)) {
      expect(r.core_metadata?.["Version"]).toEqual([r.latest_version]);
      expect(r.core_metadata?.["Classifier"] ?? []).toEqual(r.classifiers);
    }
    for (const r of rows) {
      expect(Number(r.last_serial)).toBe(server.serialOf(r.name));
      expect(r.etag).toMatch(/^"[0-9a-f]+"$/);
      expect(r.ownership.roles.length).toBeGreaterThan(0);
    }
    const releases = await database.query<{ n: number }>("select count(*)::int as n from package_releases");
    expect(releases[0]?.n).toBeGreaterThan(rows.length);
  });

  it("fetches only changed serials on the next run, and takes 304 for unchanged pages", async () => {
    server.setFaults({});
    const before = await catalogueState(database);
    const failing = 400 - before.packages.length;
    const { bumped, changed } = server.bumpSerials(0.05, 11);
    expect(bumped.length).toBeGreaterThan(4);
    const jsonBefore = server.stats.byKind["json"] ?? 0;
    const summary = await sync();
    // Bumped projects plus the ones that failed last time (they kept their old serial).
    expect(summary.queued).toBe(
      new Set([...bumped, ...before.problems.filter((p) => p.kind !== "metadata").map((p) => p.name)]).size,
    );
    expect(summary.unchanged).toBe(400 - summary.queued);
    const bumpedStored = bumped.filter((n) => before.packages.some((p) => p.name === n));
    const unchangedContent = bumpedStored.filter((n) => !changed.includes(n));
    expect(summary.notModified).toBe(unchangedContent.length);
    expect(summary.fetched).toBe(summary.queued - unchangedContent.length);
    // A 304 answers from the simple page: no JSON API request for those projects.
    expect((server.stats.byKind["json"] ?? 0) - jsonBefore).toBe(summary.fetched);
    const after = await catalogueState(database);
    expect(after.packages).toHaveLength(400);
    expect(after.problems.filter((p) => p.kind !== "metadata")).toHaveLength(0);
    expect(failing).toBeGreaterThan(0);
    for (const n of changed) {
      const row = after.packages.find((p) => p.name === n);
      expect(row?.latest_version).toMatch(/\.post1$/);
      expect(Number(row?.last_serial)).toBe(server.serialOf(n));
    }
  });

  it("has nothing to do when no serial changed", async () => {
    const requests = server.stats.requests;
    const summary = await sync();
    expect(summary.queued).toBe(0);
    expect(summary.unchanged).toBe(400);
    expect(server.stats.requests - requests).toBe(1);
  });
});
