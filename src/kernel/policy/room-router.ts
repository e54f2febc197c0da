/**
 * The declared router of every room: routes name a policy action (the kernel's or the room's own,
 * with the token scope its registration gives) and the resource it is decided on; the one policy
 * authorises them (see platform/http/route.ts).
 */
import { createDeclaredRouter, type DeclaredRouter } from "../../platform/http/route.ts";
import type { Actor, TokenScope } from "../identity/actor.ts";
import { actorOf, authorize, can, type PolicyDeps, type TypedPolicy, typedPolicy } from "./authorize.ts";
import { type KernelAction, kernelPolicy } from "./kernel.policy.ts";
import { type AnyResource, type KernelResource, type PolicyModule, registerPolicy } from "./permissions.ts";

/** A router whose routes are authorised by the kernel's and one room's actions. */
export type RoomRouter<A extends string, R extends AnyResource> = DeclaredRouter<
  A | KernelAction,
  R | KernelResource,
  Actor
>;

/**
 * Creates a room's router: each route it declares names one of the kernel's or the room's actions
 * (registered here if the room has not yet) and is authorised by the policy before its handler runs.
 */
export function createRoomRouter<A extends string, R extends AnyResource>(
  deps: PolicyDeps,
  room: PolicyModule<A, R>,
): RoomRouter<A, R> {
  registerPolicy(kernelPolicy);
  registerPolicy(room);
  const scopes: Record<string, TokenScope> = {};
  for (const [name, spec] of Object.entries(kernelPolicy.actions)) scopes[name] = spec.scope;
  for (const [name, spec] of Object.entries<{ scope: TokenScope }>(room.actions)) scopes[name] = spec.scope;
  return createDeclaredRouter<A | KernelAction, R | KernelResource, Actor>({
    // Every key of both registrations is set just above.
    scopes: scopes as Record<A | KernelAction, TokenScope>,
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

/** A room's routing: its router factory and its typed `can` and `authorize`. */
export interface RoomRouting<A extends string, R extends AnyResource>
  extends TypedPolicy<A | KernelAction, R | KernelResource> {
  /** Creates a router of the room (its actions registered with the kernel's policy). */
  createRouter(deps: PolicyDeps): RoomRouter<A, R>;
}

/** The routing of a room whose routes name the kernel's and its own actions. */
export function roomRouting<A extends string, R extends AnyResource>(
  room: PolicyModule<A, R>,
): RoomRouting<A, R> {
  return {
    createRouter: (deps) => createRoomRouter(deps, room),
    ...typedPolicy<A | KernelAction, R | KernelResource>(),
  };
}
