/** "My groups" (`/me`) and its JSON form (`/api/me`): the signed-in viewer's own overview. */
import type { Context } from "hono";
import type { Actor } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { createRoomRouter } from "../policy/room-router.ts";
import { getMyGroups } from "./get-my-groups.ts";
import { MyGroupsSchema } from "./my-groups.schemas.ts";
import { MyGroupsPage } from "./my-groups.views.tsx";

/** The routes of "My groups". */
export function createMyGroupsRouter(services: Services): Router {
  const router = createRoomRouter(services);
  const db = services.database.db;
  /** The viewer's own account: what viewing one's own overview is decided on. */
  const ownAccount = (c: Context<AppEnv>) => ({
    kind: "account" as const,
    userId: c.var.viewer?.userId ?? 0,
  });
  const load = async (actor: () => Promise<Actor>) =>
    getMyGroups({ db, day: dayOf(services.clock.now()), actor: await actor() });

  router.get("/me", {
    action: "account.view",
    resource: ownAccount,
    handler: async (c, { actor }) => c.html(await renderPage(<MyGroupsPage model={await load(actor)} />)),
  });
  router.get("/api/me", {
    summary:
      "My groups: your memberships with terms and renewal windows, open votes you may cast, your applications and where each stands, and what needs you.",
    operationId: "getMyGroups",
    action: "account.view",
    resource: ownAccount,
    response: { description: "Your overview.", schema: MyGroupsSchema, name: "MyGroups" },
    handler: async (c, { actor }) => c.json(await load(actor)),
  });
  return router.app;
}
