/** Builds the whole HTTP application from services: every room's routes behind one auth middleware. */
import type { Hono } from "hono";
import { createEcosystemRouter } from "./ecosystem/index.ts";
import { createGovernanceRouter, createHttpAuth } from "./governance/index.ts";
import { type AppEnv, createHttpApp } from "./platform/http/app.tsx";
import type { Services } from "./platform/services.ts";

/** The application main.ts serves and the route-walk test inspects (`app.routes`). */
export function createApplication(services: Services): Hono<AppEnv> {
  return createHttpApp({
    log: services.log,
    auth: createHttpAuth(services),
    routers: [createGovernanceRouter(services), createEcosystemRouter(services)],
  });
}
