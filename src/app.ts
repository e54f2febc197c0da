/** Builds the whole HTTP application from services: every room's routes behind one auth middleware. */
import type { Hono } from "hono";
import { createEcosystemRouter, ecosystemTemplates } from "./ecosystem/index.ts";
import {
  createGovernanceRouter,
  createViewerLinks,
  governanceNotificationKinds,
  governanceTemplates,
} from "./governance/index.ts";
import {
  createHttpAuth,
  createNotificationsRouter,
  inboxUnread,
  kernelTemplates,
  templateRegistry,
} from "./kernel/index.ts";
import { createMarketingRouter } from "./marketing/index.ts";
import { type AppEnv, createHttpApp } from "./platform/http/app.tsx";
import type { Services } from "./platform/services.ts";

/** The introduction of /api/openapi.json. */
const OPENAPI_INFO = {
  title: "Guildhall API",
  version: "1.0.0",
  description:
    "The DSF's working groups and teams the Django package ecosystem and the Marketing WG's content (the delegation matrix read from its charter): the public directory (groups, roles, members, health flags, timelines), Django releases, packages and release readiness; for signed-in accounts, membership decisions (votes, applications, leaving, renewals, audit), the account (tokens, person claims) and site administration. Signed-in calls send a personal access token as `Authorization: Bearer <token>`; a browser session cookie works too, with the `X-CSRF-Token` header on state-changing requests. Request bodies larger than the server's limit get 413; a field that is not valid gets 422 with `issues` naming it.",
};

/** The application main.ts serves and the route-walk test inspects (`app.routes`). */
export function createApplication(services: Services): Hono<AppEnv> {
  const notifications = createNotificationsRouter(services, {
    templates: templateRegistry([...kernelTemplates, ...governanceTemplates, ...ecosystemTemplates]),
    kinds: governanceNotificationKinds,
  });
  return createHttpApp({
    log: services.log,
    auth: createHttpAuth(services),
    routers: [
      createGovernanceRouter(services),
      createEcosystemRouter(services),
      createMarketingRouter(services),
      notifications,
    ],
    maxBodyBytes: services.config.maxBodyBytes,
    openApi: OPENAPI_INFO,
    viewerLinks: createViewerLinks(services),
    viewerUnread: async (c) => {
      const viewer = c.var.viewer;
      return viewer ? inboxUnread({ db: services.database.db, userId: viewer.userId }) : 0;
    },
  });
}
