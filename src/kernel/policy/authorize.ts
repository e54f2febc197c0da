import type { Context } from "hono";
import type { Viewer } from "../../platform/auth/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import { loadActor } from "../identity/actor.repo.ts";
import type { Actor } from "../identity/actor.ts";
import { type AnyResource, anonymousDenial, type Decision, decide } from "./permissions.ts";

const actors = new WeakMap<Request, Promise<Actor>>();

/** What authorize() needs from the services. */
export interface PolicyDeps {
  database: { db: Db };
  clock: Clock;
}

/** The actor behind a request (loaded once per request). */
export function actorOf(c: Context<AppEnv>, deps: PolicyDeps): Promise<Actor> {
  let actor = actors.get(c.req.raw);
  if (!actor) {
    actor = loadActor(deps.database.db, c.var.viewer);
    actors.set(c.req.raw, actor);
  }
  return actor;
}

/**
 * What an action is taken on: the resource itself, or a function that loads it (and throws
 * not_found for a missing id). A loader runs only when the answer depends on the resource, so an
 * anonymous visitor gets the same "sign in" for an id that exists and for one that does not.
 */
export type ResourceOrLoader<R extends AnyResource = AnyResource> = R | (() => Promise<R>);

/** A resource loader that loads at most once, for a route that asks the policy more than once. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    return loaded;
  };
}

async function decideFor(
  actor: Actor,
  action: string,
  resource: ResourceOrLoader,
  deps: PolicyDeps,
): Promise<Decision> {
  const anonymous = actor.userId === null ? anonymousDenial(action) : null;
  if (anonymous) return anonymous;
  const loaded = typeof resource === "function" ? await resource() : resource;
  return decide(actor, action, loaded, deps.clock.now().toISOString().slice(0, 10));
}

/** Asks the policy, without throwing: for showing or hiding buttons. */
export async function can(
  c: Context<AppEnv>,
  deps: PolicyDeps,
  action: string,
  resource: ResourceOrLoader = { kind: "site" },
): Promise<boolean> {
  return (await decideFor(await actorOf(c, deps), action, resource, deps)).allowed;
}

/**
 * Asks the policy and throws when denied: 401 (`unauthenticated`; pages redirect to /sign-in) when
 * signing in could help, 403 (`forbidden`) otherwise. Returns the actor for the route to use.
 */
export async function authorize(
  c: Context<AppEnv>,
  deps: PolicyDeps,
  action: string,
  resource: ResourceOrLoader = { kind: "site" },
): Promise<Actor> {
  const actor = await actorOf(c, deps);
  throwUnlessAllowed(await decideFor(actor, action, resource, deps));
  return actor;
}

/** The policy's questions as a room asks them: `action` one of the room's `A`, `resource` one of its `R`. */
export interface TypedPolicy<A extends string, R extends AnyResource> {
  /** Asks the policy, without throwing: for showing or hiding buttons. */
  can(c: Context<AppEnv>, deps: PolicyDeps, action: A, resource?: ResourceOrLoader<R>): Promise<boolean>;
  /** Asks the policy and throws when denied (401 or 403); returns the actor. */
  authorize(c: Context<AppEnv>, deps: PolicyDeps, action: A, resource?: ResourceOrLoader<R>): Promise<Actor>;
}

/**
 * `can` and `authorize` typed with a room's actions and resources (the kernel's and its own), so a
 * misspelt action or a wrong resource fails the typecheck; the same functions at run time.
 */
export function typedPolicy<A extends string, R extends AnyResource>(): TypedPolicy<A, R> {
  return { can, authorize };
}

/** Throws the AppError matching a denial. */
export function throwUnlessAllowed(decision: Decision): void {
  if (decision.allowed) return;
  throw new AppError(decision.denial === "sign-in" ? "unauthenticated" : "forbidden", {
    message: decision.reason,
  });
}

/** The signed-in viewer, or a 401 (pages redirect to /sign-in). */
export function requireViewer(c: Context<AppEnv>): Viewer {
  const viewer = c.var.viewer;
  if (!viewer) throw new AppError("unauthenticated", { message: "Sign in first." });
  return viewer;
}
