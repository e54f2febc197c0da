/** Demo data: on an empty catalogue, loads the project's own snapshot of the real Django ecosystem. */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import type { Logger } from "../../platform/log.ts";
import { projectPath } from "../../platform/paths.ts";
import { loadSnapshot } from "./load-snapshot.ts";
import { countAllPackages } from "./packages.repo.ts";

/** The snapshot shipped with the project (facts only: names, versions, release months, ranks). */
export const DEMO_SNAPSHOT = projectPath("data/packages-2026-11.tsv.gz");

/** Loads the shipped snapshot when the catalogue is empty; returns how many projects were loaded. */
export async function seedDemoPackages(input: {
  db: Db;
  clock: Clock;
  log: Logger;
  file?: string;
}): Promise<number> {
  if ((await countAllPackages(input.db)) > 0) return 0;
  const summary = await loadSnapshot({ db: input.db, clock: input.clock, file: input.file ?? DEMO_SNAPSHOT });
  input.log.info({ loaded: summary.loaded, file: summary.file }, "loaded the package catalogue snapshot");
  return summary.loaded;
}
