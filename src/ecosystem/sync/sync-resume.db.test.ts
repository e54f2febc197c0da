/**
 * Kill-and-resume: a `packages sync` child process killed with SIGKILL in the middle of a run and
 * started again ends with exactly the catalogue an uninterrupted run gives.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres } from "../../../test/db.ts";
import { catalogueState } from "../../../test/pypi-server/catalogue-state.ts";
import { startCli } from "../../../test/pypi-server/run-cli.ts";
import { type FaultOptions, type PypiServer, startPypiServer } from "../../../test/pypi-server/server.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, openDatabase } from "../../platform/db/client.ts";
import { createHttpClient } from "../../platform/fetch.ts";
import { createLogger } from "../../platform/log.ts";
import { syncPackages } from "./sync-packages.ts";

const LIMIT = 800;
const FAULTS: FaultOptions = { malformed: 0.02, missing: 0.02, transient500: 0.02, truncated: 0.01, seed: 3 };
const log = createLogger({ env: "test", logLevel: "silent" });

let killedServer: PypiServer;
let referenceServer: PypiServer;
let reference: Database;
let target: Database | undefined;
let dataDir = "";

beforeAll(async () => {
  killedServer = await startPypiServer({ limit: LIMIT, faults: FAULTS, latencyMs: 15 });
  referenceServer = await startPypiServer({ limit: LIMIT, faults: FAULTS });
  reference = await createTestDatabase();
});

afterAll(async () => {
  await killedServer?.close();
  await referenceServer?.close();
  await reference?.close();
  await target?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("a sync killed mid-run", () => {
  it("resumes to exactly the state of an uninterrupted run", async () => {
    const http = createHttpClient({
      config: { http: { userAgent: "GuildhallTest/1.0", timeoutMs: 5000, retries: 3 } },
      log,
    });
    const full = await syncPackages({
      database: reference,
      clock: new FixedClock("2026-11-21T12:00:00Z"),
      log,
      httpFor: () => http,
      indexUrl: referenceServer.url,
      pollMs: 50,
    });
    expect(full.listed).toBe(LIMIT);

    let env: Record<string, string>;
    if (onPostgres()) {
      target = await createTestDatabase();
      const url = target.pool?.options.connectionString;
      if (!url) throw new Error("expected a server database URL");
      env = { DATABASE_URL: url };
    } else {
      dataDir = mkdtempSync(path.join(tmpdir(), "guildhall-resume-"));
      env = { GUILDHALL_DATA_DIR: dataDir };
    }
    const args = ["packages", "sync", "--index", killedServer.url, "--batch", "10", "--concurrency", "4"];
    const first = startCli(args, env);
    // Kill once a good part of the projects' documents has been served.
    const deadline = Date.now() + 120_000;
    while ((killedServer.stats.byKind["json"] ?? 0) < LIMIT * 0.4 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill("SIGKILL");
    const killed = await first.exited;
    expect(killed.signal).toBe("SIGKILL");
    expect(first.output()).not.toMatch(/Sync run \d+ of/);
    const servedBeforeKill = killedServer.stats.byKind["json"] ?? 0;
    expect(servedBeforeKill).toBeLessThan(LIMIT);

    const second = startCli([...args, "--json"], env);
    const done = await second.exited;
    expect(done.code, second.output()).toBe(0);
    const summary = JSON.parse(second.output().trim().split("\n").pop() ?? "{}") as {
      resumed: boolean;
      queued: number;
    };
    expect(summary.resumed).toBe(true);
    expect(summary.queued).toBe(LIMIT);
    // The resumed run did not fetch everything again.
    expect(killedServer.stats.byKind["json"] ?? 0).toBeLessThan(LIMIT + servedBeforeKill);

    if (!target) target = await openDatabase({ dataDir });
    const got = await catalogueState(target);
    const want = await catalogueState(reference);
    expect(got.packages.length).toBeGreaterThan(LIMIT * 0.9);
    expect(got).toEqual(want);
    const items = await target.query<{ state: string; n: number }>(
      "select state, count(*)::int as n from package_sync_items group by state order by state",
    );
    expect(items.find((i) => i.state === "pending")).toBeUndefined();
    expect(items.reduce((a, i) => a + Number(i.n), 0)).toBe(LIMIT);
  }, 240_000);
});
