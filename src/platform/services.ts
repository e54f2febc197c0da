import { type Clock, systemClock } from "./clock.ts";
import type { Config } from "./config.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { createHttpClient, type HttpClient } from "./fetch.ts";
import { createLogger, type Logger } from "./log.ts";

/** Everything infrastructure gives the rooms: built once in the composition root. */
export interface Services {
  config: Config;
  log: Logger;
  clock: Clock;
  database: Database;
  http: HttpClient;
}

/** Opens the configured database (PostgreSQL if DATABASE_URL is set, else PGlite) and wires the rest. */
export async function createServices(
  config: Config,
  overrides: Partial<Omit<Services, "config">> = {},
  /** What this process is, named to any other process that finds the embedded database in use. */
  owner?: string,
): Promise<Services> {
  const log = overrides.log ?? createLogger(config);
  const database =
    overrides.database ??
    (await openDatabase(
      config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir, owner },
    ));
  return {
    config,
    log,
    clock: overrides.clock ?? systemClock,
    database,
    http: overrides.http ?? createHttpClient({ config, log }),
  };
}
