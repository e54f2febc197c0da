/**
 * Several processes starting at once on one empty PostgreSQL database (a web server and workers
 * after a deploy) all come up: migrations and the job queue's schema are installed once, without
 * deadlocks or duplicate-key failures. Each handle here has its own pool, as separate processes do.
 */
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { onPostgres } from "../../../test/db.ts";
import { adminUrl } from "../../../test/pg-admin.ts";
import { loadConfig } from "../config.ts";
import { type Database, openDatabase } from "../db/client.ts";
import { type JobQueue, startJobQueue } from "./queue.ts";

const STARTERS = 4;
const QUEUES = ["startup-a", "startup-b", "startup-c"];

describe.skipIf(!onPostgres())("start-up on an empty PostgreSQL database", () => {
  const name = `guildhall_startup_${process.pid}_${Date.now().toString(36)}`;
  // Read inside the tests: on the embedded database this block is collected but skipped.
  const server = () => loadConfig().databaseUrl ?? "";
  const opened: Database[] = [];
  const queues: JobQueue[] = [];

  afterAll(async () => {
    for (const q of queues) await q.stop({ graceful: false, wait: true });
    for (const d of opened) await d.close();
    const admin = new pg.Client({ connectionString: adminUrl(server()) });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("migrates and installs the queue once when several processes start together", async () => {
    const admin = new pg.Client({ connectionString: adminUrl(server()) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server());
    url.pathname = `/${name}`;

    const started = await Promise.allSettled(
      Array.from({ length: STARTERS }, async () => {
        const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 3 });
        opened.push(database);
        const queue = await startJobQueue({ database, queues: QUEUES, supervise: false });
        queues.push(queue);
        return database;
      }),
    );
    const failures = started.filter((s) => s.status === "rejected").map((s) => String(s.reason));
    expect(failures).toEqual([]);

    const [first] = opened;
    if (!first) throw new Error("no database opened");
    const migrations = await first.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations",
    );
    const files = await first.query<{ n: number }>(
      "SELECT count(DISTINCT hash)::int AS n FROM drizzle.__drizzle_migrations",
    );
    expect(migrations[0]?.n).toBe(files[0]?.n);
    expect(migrations[0]?.n).toBeGreaterThan(0);
    const created = await first.query<{ name: string }>(
      "SELECT name FROM pgboss.queue WHERE name = ANY($1) ORDER BY name",
      [QUEUES],
    );
    expect(created.map((r) => r.name)).toEqual(QUEUES);
  }, 120_000);
});
