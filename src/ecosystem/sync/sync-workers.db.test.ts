/**
 * Several workers share one sync on PostgreSQL: two `guildhall worker` processes work the chunks
 * of a run planned by `syncPackages` with no workers of its own, and the catalogue ends exactly as
 * a single in-process worker leaves it. (PGlite is one process, so this runs on PostgreSQL only.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres } from "../../../test/db.ts";
import { catalogueState } from "../../../test/pypi-server/catalogue-state.ts";
import { type CliChild, startCli } from "../../../test/pypi-server/run-cli.ts";
import { type FaultOptions, type PypiServer, startPypiServer } from "../../../test/pypi-server/server.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { createHttpClient } from "../../platform/fetch.ts";
import { createLogger } from "../../platform/log.ts";
import { syncPackages } from "./sync-packages.ts";

const LIMIT = 1500;
const FAULTS: FaultOptions = { malformed: 0.02, missing: 0.02, transient500: 0.02, seed: 5 };
const log = createLogger({ env: "test", logLevel: "silent" });
const clock = new FixedClock("2026-11-21T12:00:00Z");
const http = createHttpClient({
  config: { http: { userAgent: "coordinator", timeoutMs: 5000, retries: 3 } },
  log,
});

let server: PypiServer;
let single: Database;
let shared: Database;
const workers: CliChild[] = [];

describe.skipIf(!onPostgres())("two workers on PostgreSQL", () => {
  beforeAll(async () => {
    server = await startPypiServer({ limit: LIMIT, faults: FAULTS, latencyMs: 5 });
    single = await createTestDatabase();
    shared = await createTestDatabase();
  });

  afterAll(async () => {
    for (const w of workers) {
      w.child.kill("SIGTERM");
      await w.exited;
    }
    await server?.close();
    await single?.close();
    await shared?.close();
  });

  it("share one run and reach the same end state as one worker", async () => {
    const url = shared.pool?.options.connectionString;
    if (!url) throw new Error("expected a server database URL");
    for (const name of ["worker-a", "worker-b"]) {
      workers.push(
        startCli(["worker", "--workers", "2", "--concurrency", "4"], {
          DATABASE_URL: url,
          GUILDHALL_USER_AGENT: `GuildhallTest-${name}/1.0`,
        }),
      );
    }
    // Wait for both to be ready (they install the queue schema on first start).
    for (const w of workers) {
      const deadline = Date.now() + 60_000;
      while (!/worker ready/.test(w.output()) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(w.output()).toMatch(/worker ready \(postgres;/);
    }
    const sharedSummary = await syncPackages({
      database: shared,
      clock,
      log,
      httpFor: () => http,
      indexUrl: server.url,
      workers: 0,
      pollMs: 50,
    });
    expect(sharedSummary.listed).toBe(LIMIT);
    expect(server.stats.userAgents.has("GuildhallTest-worker-a/1.0")).toBe(true);
    expect(server.stats.userAgents.has("GuildhallTest-worker-b/1.0")).toBe(true);

    const singleSummary = await syncPackages({
      database: single,
      clock,
      log,
      httpFor: () => http,
      indexUrl: server.url,
      workers: 1,
      pollMs: 50,
    });
    expect(sharedSummary.fetched).toBe(singleSummary.fetched);
    const a = await catalogueState(shared);
    const b = await catalogueState(single);
    expect(a.packages.length).toBeGreaterThan(LIMIT * 0.9);
    expect(a).toEqual(b);
  }, 180_000);
});
