/**
 * The job queue (pg-boss 10) on the application's database: across processes on PostgreSQL, in
 * one process on PGlite through pg-boss's `db` adapter.
 */
import PgBoss from "pg-boss";
import { type Database, STARTUP_LOCKS, withStartupLock } from "../db/client.ts";
import type { Logger } from "../log.ts";

/** The queue handle the job runtime sends and works jobs with. */
export type JobQueue = PgBoss;

/** A job as handlers receive it. */
export type QueuedJob<T> = PgBoss.Job<T>;

/** A queue to create (or bring up to date) on start, with its retry and expiry settings. */
export interface QueueSpec {
  name: string;
  policy?: "standard" | "stately";
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
}

/** Adapts our database to pg-boss: statements without parameters may hold several commands (PGlite `exec`). */
function adapter(database: Database): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (database.pglite) {
        const pglite = database.pglite;
        if (values && values.length > 0) return { rows: (await pglite.query(text, values)).rows };
        const results = await pglite.exec(text);
        return { rows: results[results.length - 1]?.rows ?? [] };
      }
      if (database.pool) return { rows: (await database.pool.query(text, values ?? [])).rows };
      throw new Error("database has neither a PGlite instance nor a pool");
    },
  };
}

/** True when an existing queue's settings differ from what the definition now asks. */
function differs(existing: PgBoss.QueueResult, spec: QueueSpec): boolean {
  return (
    (spec.policy ?? "standard") !== (existing.policy ?? "standard") ||
    (spec.retryLimit !== undefined && spec.retryLimit !== existing.retryLimit) ||
    (spec.retryDelay !== undefined && spec.retryDelay !== existing.retryDelay) ||
    (spec.retryBackoff !== undefined && spec.retryBackoff !== existing.retryBackoff) ||
    (spec.expireInSeconds !== undefined && spec.expireInSeconds !== existing.expireInSeconds)
  );
}

/** Starts pg-boss on `database` (installing its schema on first use) and creates `queues`. */
export async function startJobQueue(input: {
  database: Database;
  log?: Logger;
  queues: Array<string | QueueSpec>;
  /** Run maintenance (expiry, archiving); off for short-lived command-line workers. */
  supervise?: boolean;
  /** Run pg-boss's cron monitor (PostgreSQL schedules); off by default. */
  schedule?: boolean;
  /** Seconds between the cron monitor's checks (pg-boss allows 1-45; default 30). */
  cronMonitorIntervalSeconds?: number;
}): Promise<JobQueue> {
  // Processes starting together on one PostgreSQL database (web server, workers) install pg-boss's
  // schema and create queues one at a time: concurrent DDL there deadlocks or hits duplicate keys.
  return withStartupLock(input.database, STARTUP_LOCKS.jobQueue, async () => {
    const boss = new PgBoss({
      db: adapter(input.database),
      schedule: input.schedule ?? false,
      supervise: input.supervise ?? true,
      migrate: true,
      ...(input.cronMonitorIntervalSeconds
        ? { cronMonitorIntervalSeconds: input.cronMonitorIntervalSeconds }
        : {}),
    });
    boss.on("error", (err: Error) => input.log?.error({ err }, "job queue error"));
    await boss.start();
    for (const q of input.queues) {
      const spec: QueueSpec = typeof q === "string" ? { name: q } : q;
      const { name, ...options } = spec;
      const existing = await boss.getQueue(name);
      if (!existing) await boss.createQueue(name, { name, ...options });
      else if (differs(existing, spec)) await boss.updateQueue(name, { name, ...options });
    }
    return boss;
  });
}
