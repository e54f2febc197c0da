/**
 * The declared router of every room: routes name a policy action (scope from ACTION_SCOPES) and the
 * resource it is decided on; the one policy authorises them (see platform/http/route.ts).
 */
import { createDeclaredRouter, type DeclaredRouter } from "../../platform/http/route.ts";
import { actorOf, authorize, can, type PolicyDeps } from "./authorize.ts";
import { ACTION_SCOPES, type Action, type Actor, type Resource } from "./policy.ts";

/** A router whose routes are authorised by the policy's actions. */
export type RoomRouter = DeclaredRouter<Action, Resource, Actor>;

/** Creates a room's router: each route it declares is authorised by the policy before its handler runs. */
export function createRoomRouter(deps: PolicyDeps): RoomRouter {
  return createDeclaredRouter<Action, Resource, Actor>({
    scopes: ACTION_SCOPES,
    site: { kind: "site" },
    actor: (c) => actorOf(c, deps),
    async authorize(c, actions, resource) {
      // `resource` loads once (the route memoises it) and only when the policy needs it.
      // Any one of several actions will do; the last one's refusal is the one reported.
      for (const action of actions.slice(0, -1)) {
        if (await can(c, deps, action, resource)) return actorOf(c, deps);
      }
      const last = actions[actions.length - 1];
      if (last === undefined) return actorOf(c, deps);
      return authorize(c, deps, last, resource);
    },
  });
}
