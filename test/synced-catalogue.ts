/**
 * A test catalogue: the real shared TSV loaded as a snapshot, then some projects synced from the
 * local PyPI index (the first `limit`, or those of another TSV), over the whole application.
 */
import path from "node:path";
import { loadSnapshot, syncPackages } from "../src/ecosystem/index.ts";
import type { FixedClock } from "../src/platform/clock.ts";
import type { Database } from "../src/platform/db/client.ts";
import type { Services } from "../src/platform/services.ts";
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
