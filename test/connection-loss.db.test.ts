/**
 * PostgreSQL ending the server's connections while they are in use (a restart, a failover, an
 * idle timeout; here pg_terminate_backend in a loop, under load): the requests in flight fail
 * with a clear 503, nothing answers 500, the process stays up, and the next requests work.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FixedClock } from "../src/platform/clock.ts";
import type { Database } from "../src/platform/db/index.ts";
import { createTestDatabase, onPostgres } from "./db.ts";
import { createTestAccount } from "./factories/accounts.ts";
import { type ServerProcess, startServerProcess } from "./server-process.ts";

let database: Database;
let server: ServerProcess | undefined;
let token = "";
let url = "";

beforeAll(async () => {
  if (!onPostgres()) return;
  database = await createTestDatabase();
  url = String(database.pool?.options.connectionString);
  ({ token } = await createTestAccount({
    db: database.db,
    clock: new FixedClock(new Date()),
    email: "load@example.org",
    scopes: ["read", "account"],
    tokenDays: 2,
  }));
  server = await startServerProcess({ DATABASE_URL: url });
});

afterAll(async () => {
  await server?.stop();
  await database?.close();
});

describe.runIf(onPostgres())("connections terminated by PostgreSQL under load", () => {
  it("fail the requests in flight with 503, never 500, and the server keeps serving", async () => {
    const running = server;
    if (!running) throw new Error("no server");
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const requests: Array<() => Promise<Response>> = [
      () => fetch(`${running.url}/api/account`, { headers, signal: AbortSignal.timeout(15_000) }),
      () => fetch(`${running.url}/api/packages?q=dj`, { headers, signal: AbortSignal.timeout(15_000) }),
      () =>
        fetch(`${running.url}/api/account`, {
          method: "PATCH",
          headers,
          // A request that never gets an answer counts as refused instead of stalling the test.
          signal: AbortSignal.timeout(15_000),
          body: JSON.stringify({ name: `Load ${Math.random().toString(36).slice(2, 8)}` }),
        }),
    ];
    const statuses = new Map<number, number>();
    let refused = 0;
    let sent = 0;
    let stop = false;
    const worker = async (n: number) => {
      for (let i = n; !stop; i++) {
        sent++;
        try {
          const res = await (requests[i % requests.length] ?? requests[0])?.();
          if (!res) continue;
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        } catch {
          refused++;
        }
      }
    };
    const admin = new pg.Client({ connectionString: url });
    admin.on("error", () => {});
    await admin.connect();
    let terminated = 0;
    const terminator = async () => {
      while (!stop) {
        const r = await admin.query(
          "select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()) t",
        );
        terminated += Number(r.rows[0]?.n ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    const workers = [0, 1, 2, 3, 4, 5].map(worker);
    const killing = terminator();
    await new Promise((resolve) => setTimeout(resolve, 6000));
    stop = true;
    await Promise.all([...workers, killing]);
    await admin.end();

    const summary = { sent, refused, terminated, statuses: Object.fromEntries(statuses) };
    console.log(`connection loss under load: ${JSON.stringify(summary)}`);
    expect(running.alive(), running.output()).toBe(true);
    expect(refused, JSON.stringify(summary)).toBe(0);
    expect(statuses.get(500) ?? 0, JSON.stringify(summary)).toBe(0);
    expect(statuses.get(503) ?? 0, JSON.stringify(summary)).toBeGreaterThan(0);
    expect(terminated).toBeGreaterThan(0);
    expect([...statuses.keys()].filter((s) => s !== 200 && s !== 503)).toEqual([]);
    // The next requests work.
    for (let i = 0; i < 9; i++) {
      const res = await (requests[i % requests.length] ?? requests[0])?.();
      expect(res?.status).toBe(200);
    }
  });
});
