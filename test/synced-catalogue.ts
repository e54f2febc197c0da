/**
 * A test catalogue: the real shared TSV loaded as a snapshot, then some projects synced from the
 * local PyPI index (the first `limit`, or those of another TSV), over the whole application.
 */
import path from "node:path";
import type { Hono } from "hono";
import { loadSnapshot, syncPackages } from "../src/ecosystem/index.ts";
import type { FixedClock } from "../src/platform/clock.ts";
import type { Database } from "../src/platform/db/client.ts";
import type { AppEnv } from "../src/platform/http/app.tsx";
import type { Services } from "../src/platform/services.ts";
import { createTestApplication } from "./app.ts";
import { createTestDatabase } from "./db.ts";
import { type PackageAccounts, packageAccounts, personalPackage } from "./factories/ecosystem.ts";
import { type PypiServer, startPypiServer } from "./pypi-server/server.ts";

/** The shared snapshot of every Django-related project. */
export const SHARED_TSV = path.resolve(import.meta.dirname, "../../shared/data/pypi-django-2026-11.tsv");

/** Loads the snapshot, starts the index and syncs from it once; returns the index and a function to sync again. */
export async function syncedCatalogue(input: {
  database: Database;
  services: Services;
  clock: FixedClock;
  index: { limit?: number; tsv?: string };
}): Promise<{ pypi: PypiServer; sync: () => Promise<unknown> }> {
  await loadSnapshot({ db: input.database.db, clock: input.clock, file: SHARED_TSV });
  const pypi = await startPypiServer(input.index);
  const sync = () =>
    syncPackages({
      database: input.database,
      clock: input.clock,
      log: input.services.log,
      httpFor: () => input.services.http,
      indexUrl: pypi.url,
      pollMs: 50,
    });
  await sync();
  return { pypi, sync };
}

/**
 * An ecosystem test's world: the application over a database of its own, the catalogue synced
 * from `pypi`, a personally owned package in it (see personalPackage) and the accounts around it.
 */
export interface CatalogueTest extends PackageAccounts, Awaited<ReturnType<typeof personalPackage>> {
  database: Database;
  app: Hono<AppEnv>;
  services: Services;
  clock: FixedClock;
  pypi: PypiServer;
  sync: () => Promise<unknown>;
  /** Stops the index and closes the database. */
  close(): Promise<void>;
}

/** Opens a test database and the application, syncs `index` into it, finds a personal package and makes its accounts. */
export async function openCatalogueTest(index: { limit?: number; tsv?: string }): Promise<CatalogueTest> {
  const database = await createTestDatabase();
  let pypi: PypiServer | undefined;
  const close = async () => {
    await pypi?.close();
    await database.close();
  };
  try {
    const made = await createTestApplication(database);
    const synced = await syncedCatalogue({ ...made, database, index });
    pypi = synced.pypi;
    const found = await personalPackage(database.db);
    const accounts = await packageAccounts(database.db, made.clock, found.owner);
    return { database, ...made, ...synced, ...found, ...accounts, close };
  } catch (error) {
    await close();
    throw error;
  }
}
