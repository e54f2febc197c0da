import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { projectPath } from "../paths.ts";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.ts";
import * as schema from "./schema.ts";

/** The database handle every repository uses; the same type on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle (same query API as Db). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** An open database plus what is needed to run raw SQL and to close it. */
export interface Database {
  db: Db;
  driver: "pglite" | "postgres";
  /** Runs SQL without parameters (several statements allowed). */
  exec(sqlText: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** The PGlite instance when embedded (for dumps and clones in tests). */
  pglite?: PGlite;
  /** The pool when on a server. */
  pool?: pg.Pool;
}

/**
 * Options every embedded database is created with: the extensions the migrations use (btree_gist,
 * for the exclusion constraint on role periods). A PGlite made without them cannot read the schema.
 */
export const PGLITE_OPTIONS = { extensions: { btree_gist } } satisfies PGliteOptions;

/** Folder holding the one set of SQL migrations for both drivers. */
export const MIGRATIONS_DIR = projectPath("src/platform/db/migrations");

/** How to open the database: a server URL, a data directory, or an existing PGlite (tests). */
export type DatabaseTarget =
  | { databaseUrl: string; poolSize?: number }
  | {
      dataDir: string;
      /** What this process is, for the data directory's lock ("the Guildhall server"). */
      owner?: string;
    }
  | { pglite: PGlite }
  | { memory: true };

/** Opens PostgreSQL when a URL is given, otherwise PGlite, and applies pending migrations. */
export async function openDatabase(
  target: DatabaseTarget,
  options: { migrate?: boolean } = {},
): Promise<Database> {
  const database = await connect(target);
  if (options.migrate !== false) await migrateDatabase(database);
  return database;
}

async function connect(target: DatabaseTarget): Promise<Database> {
  if ("databaseUrl" in target) {
    const pool = new CheckoutSafePool({
      connectionString: target.databaseUrl,
      max: target.poolSize ?? 10,
      // A pool whose every client is stuck never hands out another one: waiting for a client
      // fails after this long (a 503) instead of holding the request forever.
      connectionTimeoutMillis: 15_000,
    });
    // An idle client whose connection the server ends (restart, DROP DATABASE ... FORCE) is dropped by
    // the pool, which then emits "error"; without a listener that would crash the process.
    pool.on("error", () => {});
    // A checked-out client whose connection dies mid-query (pg_terminate_backend, failover, an
    // idle timeout on the server) emits "error" too, and no pool listener is attached while it is
    // checked out: one listener per client for its whole life keeps the process up. The query in
    // flight still rejects, and the request fails with a 503 (platform/db/errors.ts); the pool
    // drops the broken client when it is released.
    pool.on("connect", (client) => {
      client.on("error", () => {});
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      driver: "postgres",
      pool,
      exec: async (sqlText) => {
        await pool.query(sqlText);
      },
      query: async <T>(sqlText: string, params: unknown[] = []) =>
        (await pool.query(sqlText, params)).rows as T[],
      close: () => pool.end(),
    };
  }
  let pglite: PGlite;
  let lock: DataDirLock | undefined;
  if ("pglite" in target) pglite = target.pglite;
  else if ("dataDir" in target) {
    mkdirSync(target.dataDir, { recursive: true });
    // Refuses, naming the owner, when another process has the directory open (data-dir-lock.ts).
    lock = acquireDataDirLock(target.dataDir, target.owner ?? describeProcess());
    try {
      pglite = await PGlite.create(target.dataDir, PGLITE_OPTIONS);
    } catch (e) {
      lock.release();
      throw e;
    }
  } else pglite = await PGlite.create(PGLITE_OPTIONS);
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    pglite,
    exec: async (sqlText) => {
      await pglite.exec(sqlText);
    },
    query: async <T>(sqlText: string, params: unknown[] = []) =>
      (await pglite.query<T>(sqlText, params)).rows,
    close: async () => {
      try {
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** This process in words, when its opener did not say: the command it runs. */
function describeProcess(): string {
  const script = process.argv[1] ? path.basename(process.argv[1]) : "node";
  const args = process.argv.slice(2).join(" ");
  return `${script}${args ? ` ${args}` : ""}`.slice(0, 200);
}

/** Advisory lock keys for start-up work that several processes may attempt at once. */
export const STARTUP_LOCKS = { migrations: 727_001, jobQueue: 727_002 } as const;

/**
 * Runs `work` while holding a PostgreSQL session-level advisory lock, so processes starting together
 * (web server, workers) do it one after another instead of deadlocking on each other's DDL. The lock
 * lives on a connection of its own and is released even when `work` fails. PGlite is one process, so
 * there it simply runs `work`.
 */
export async function withStartupLock<T>(
  database: Database,
  key: number,
  work: () => Promise<T>,
): Promise<T> {
  if (!database.pool) return work();
  // A connection of its own, outside the pool, so `work` keeps every pooled connection.
  const client = new pg.Client(database.pool.options);
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [key]);
    return await work();
  } finally {
    // Ending the session releases its advisory locks.
    await client.end();
  }
}

/**
 * A pool that gets back the clients drizzle-orm's transactions check out when their BEGIN fails.
 * drizzle-orm runs BEGIN before its try/finally, so a BEGIN that fails (the connection died between
 * checkout and BEGIN: a failover, pg_terminate_backend) leaves the client checked out for good;
 * after `max` such losses the pool is empty and every later request waits forever. A checkout by
 * promise (only drizzle's transactions use one; `pool.query` checks out by callback) therefore
 * releases its client, as broken, when the first query on it fails, since nothing else will.
 */
export class CheckoutSafePool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads (promise and callback) are kept as they are.
  override connect(...args: any[]): any {
    if (args.length > 0) return (super.connect as (...a: unknown[]) => unknown)(...args);
    return super.connect().then((client) => {
      const query = client.query;
      client.query = ((...queryArgs: Parameters<typeof query>) => {
        client.query = query;
        const result = (query as (...a: unknown[]) => unknown).apply(client, queryArgs);
        if (result instanceof Promise) {
          return result.catch((error: unknown) => {
            client.release(error instanceof Error ? error : new Error(String(error)));
            throw error;
          });
        }
        return result;
      }) as typeof query;
      return client;
    });
  }
}

/** Applies every migration not yet applied; safe to call on every start, from several processes at once. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.driver === "postgres") {
    await withStartupLock(database, STARTUP_LOCKS.migrations, () =>
      migratePg(database.db as unknown as Parameters<typeof migratePg>[0], {
        migrationsFolder: MIGRATIONS_DIR,
      }),
    );
  } else {
    await migratePglite(database.db as unknown as Parameters<typeof migratePglite>[0], {
      migrationsFolder: MIGRATIONS_DIR,
    });
  }
}
