/**
 * Two processes with a job runtime each, on one PostgreSQL database, run a scheduled job once per
 * tick between them: pg-boss lets one process queue each tick. With a timer per process
 * (TEST_SCHEDULER=clock in the children) every tick runs twice and this test fails.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres } from "../../../test/db.ts";
import { PROJECT_ROOT } from "../../../test/pypi-server/run-cli.ts";
import type { Database } from "../db/client.ts";

const children: ChildProcess[] = [];
let database: Database;

function startChild(url: string): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/jobs/schedule-child.ts"], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env["PATH"] ?? "",
      NODE_ENV: "test",
      DATABASE_URL: url,
      ...(process.env["TEST_SCHEDULER"] ? { TEST_SCHEDULER: process.env["TEST_SCHEDULER"] } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child did not start: ${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /ready (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`child exited with ${code}: ${out}`)));
  });
}

describe.skipIf(!onPostgres())("a schedule shared by two processes on PostgreSQL", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.exec(
      "CREATE TABLE test_ticks (pid int NOT NULL, job_id uuid NOT NULL, ran_at timestamptz NOT NULL)",
    );
  });
  afterAll(async () => {
    for (const c of children) {
      if (c.exitCode === null) {
        const exited = new Promise((r) => c.once("exit", r));
        c.kill("SIGTERM");
        await exited;
      }
    }
    await database?.close();
  });

  it("runs once per tick, not once per process", async () => {
    const url = database.pool?.options.connectionString;
    if (!url) throw new Error("expected a server database URL");
    // Start just after a minute boundary, so each run is created well inside its tick's minute.
    const now = Date.now();
    await new Promise((r) => setTimeout(r, 60_000 - (now % 60_000) + 2_000));
    const kinds = await Promise.all([startChild(url), startChild(url)]);
    expect(kinds.length).toBe(2);
    // The tick current at start-up, then the next boundary's, plus time to queue and work it.
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 60_000 - (started % 60_000) + 20_000));

    const jobs = await database.query<{ id: string; minute: string }>(
      `SELECT id::text, to_char(date_trunc('minute', created_on), 'HH24:MI') AS minute
       FROM pgboss.job WHERE name = 'test.minute-tick' ORDER BY created_on`,
    );
    const runs = await database.query<{ job_id: string; pid: number }>(
      "SELECT job_id::text, pid FROM test_ticks",
    );
    const perMinute = new Map<string, number>();
    for (const j of jobs) perMinute.set(j.minute, (perMinute.get(j.minute) ?? 0) + 1);
    expect([...perMinute.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    // At least the boundary crossed while both ran (pg-boss also queues the tick current at start-up).
    expect(perMinute.size).toBeGreaterThanOrEqual(1);
    // Each queued tick ran exactly once, in one of the two processes.
    expect(runs.map((r) => r.job_id).sort()).toEqual(jobs.map((j) => j.id).sort());
    for (const c of children) expect(c.exitCode).toBeNull();
  }, 300_000);
});
