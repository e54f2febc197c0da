/** The real HTTP app with the governance room mounted, over a given database (tests and benchmarks). */
import type { Hono } from "hono";
import { createGovernanceRouter } from "../src/governance/index.ts";
import { FixedClock } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import type { Database } from "../src/platform/db/index.ts";
import { type AppEnv, createHttpApp } from "../src/platform/http/app.tsx";
import { createServices, type Services } from "../src/platform/services.ts";

/** Builds services (config from `env`, NODE_ENV=test) and the HTTP app over `database`. */
export async function createGovernanceTestApp(
  database: Database,
  env: Record<string, string> = {},
): Promise<{ app: Hono<AppEnv>; services: Services }> {
  const config = loadConfig({ NODE_ENV: "test", ...env });
  const services = await createServices(config, { database, clock: new FixedClock("2026-11-21T12:00:00Z") });
  const app = createHttpApp({ log: services.log, routers: [createGovernanceRouter(services)] });
  return { app, services };
}
