/**
 * A project whose PEP 658 core metadata could not be fetched is saved with what was fetched, its
 * problem recorded, and fetched again by the next run (its serial unchanged) until the metadata
 * arrives, like any failed project. Against the local index with its metadata fault.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { type PypiServer, startPypiServer } from "../../../test/pypi-server/server.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { createHttpClient } from "../../platform/fetch.ts";
import { createLogger } from "../../platform/log.ts";
import { syncPackages } from "./sync-packages.ts";

const log = createLogger({ env: "test", logLevel: "silent" });
const clock = new FixedClock("2026-11-21T12:00:00Z");
const http = createHttpClient({
  config: { http: { userAgent: "GuildhallTest/1.0", timeoutMs: 3000, retries: 1 } },
  log,
  sleep: async () => {},
});
let database: Database;
let server: PypiServer;

const sync = () =>
  syncPackages({
    database,
    clock,
    log,
    httpFor: () => http,
    indexUrl: server.url,
    concurrency: 8,
    pollMs: 50,
  });

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startPypiServer({ limit: 120, faults: { metadata500: 0.25, seed: 3 } });
});

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe("a failed PEP 658 metadata fetch", () => {
  it("is retried by the next run until the metadata is stored", async () => {
    await sync();
    const failed = await database.db
      .select()
      .from(schema.packages)
      .where(inArray(schema.packages.name, server.faultyProjects("metadata500")));
    const withoutMetadata = failed.filter((p) => p.lastError?.startsWith("metadata:"));
    expect(withoutMetadata.length).toBeGreaterThan(3);
    for (const p of withoutMetadata) expect(p.coreMetadata).toBeNull();
    const names = withoutMetadata.map((p) => p.name);

    // The same run's listing again (serials unchanged), the fault still there: retried, still failing.
    const served = server.stats.faultsServed.metadata500 ?? 0;
    await sync();
    expect(server.stats.faultsServed.metadata500 ?? 0).toBeGreaterThanOrEqual(served + names.length);

    // The metadata is served again: the next run stores it and clears the problem.
    server.setFaults({});
    await sync();
    const after = await database.db
      .select()
      .from(schema.packages)
      .where(inArray(schema.packages.name, names));
    expect(after).toHaveLength(names.length);
    for (const p of after) {
      expect(p.coreMetadata, p.name).not.toBeNull();
      expect(p.lastError, p.name).toBeNull();
    }
    const problems = await database.db
      .select()
      .from(schema.packageSyncProblems)
      .where(inArray(schema.packageSyncProblems.name, names));
    expect(problems).toEqual([]);
    // And then it is left alone like any synced project: nothing left to retry.
    const [untouched] = await database.db
      .select()
      .from(schema.packages)
      .where(eq(schema.packages.name, names[0] ?? ""));
    const before = server.stats.requests;
    await sync();
    expect(server.stats.requests - before).toBeLessThan(5);
    expect(untouched?.coreMetadata).not.toBeNull();
  });
});
