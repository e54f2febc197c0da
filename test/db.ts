/**
 * A fresh, migrated database for one test file: PGlite loaded from the run's dump, or a new
 * PostgreSQL database copied from the template when the run is on a server (DATABASE_URL).
 */
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase, PGLITE_OPTIONS } from "../src/platform/db/client.ts";
import { adminUrl, databaseName } from "./pg-admin.ts";

let counter = 0;

/** Opens an empty, migrated database private to the caller; close it in afterAll. */
export async function createTestDatabase(): Promise<Database> {
  const template = inject("postgresTemplate");
  if (template) {
    const name = `guildhall_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    const admin = new pg.Client({ connectionString: adminUrl(template) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${databaseName(template)}`);
    await admin.end();
    const url = new URL(template);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() }, { migrate: false });
    const close = database.close;
    database.close = async () => {
      await close();
      const a = new pg.Client({ connectionString: adminUrl(template) });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
    return database;
  }
  const dump = readFileSync(inject("pgliteDump"));
  const pglite = await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: new Blob([dump]) });
  return openDatabase({ pglite }, { migrate: false });
}

/** True when this run targets a PostgreSQL server rather than PGlite. */
export function onPostgres(): boolean {
  return Boolean(inject("postgresTemplate"));
}

/**
 * Closes a test database, first ignoring the errors of pooled connections that dropping it
 * terminates while they are still closing (expected on PostgreSQL).
 */
export async function closeTestDatabase(database: Database | undefined): Promise<void> {
  database?.pool?.on("error", () => {});
  await database?.close();
}
