/**
 * The job queue (pg-boss 10) on the application's database: across processes on PostgreSQL, in
 * one process on PGlite through pg-boss's `db` adapter.
 */
import PgBoss from "pg-boss";
import { type Database, STARTUP_LOCKS, withStartupLock } from "../db/client.ts";
import type { Logger } from "../log.ts";

/** The queue handle rooms use to send and work jobs. */
export type JobQueue = PgBoss;

/** A job as handlers receive it. */
export type QueuedJob<T> = PgBoss.Job<T>;

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

/** Starts pg-boss on `database` (installing its schema on first use) and creates `queues`. */
export async function startJobQueue(input: {
  database: Database;
  log?: Logger;
  queues: string[];
  /** Run maintenance (expiry, archiving); off for short-lived command-line workers. */
  supervise?: boolean;
}): Promise<JobQueue> {
  // Processes starting together on one PostgreSQL database (web server, workers) install pg-boss's
  // schema and create queues one at a time: concurrent DDL there deadlocks or hits duplicate keys.
  return withStartupLock(input.database, STARTUP_LOCKS.jobQueue, async () => {
    const boss = new PgBoss({
      db: adapter(input.database),
      schedule: false,
      supervise: input.supervise ?? true,
      migrate: true,
    });
    boss.on("error", (err: Error) => input.log?.error({ err }, "job queue error"));
    await boss.start();
    for (const q of input.queues) {
      if (!(await boss.getQueue(q))) await boss.createQueue(q);
    }
    return boss;
  });
}
