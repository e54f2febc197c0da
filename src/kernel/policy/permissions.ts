/**
 * The policy's core: a pure `decide(actor, action, resource, day)` over the actions every room
 * registers beside its code (`definePolicy` in `<room>.policy.ts`), each with its token scope,
 * whether anonymous visitors may take it, the resource kinds it is decided on, and its rule. The
 * kernel registers its own (sessions, accounts, administration) in kernel.policy.ts. Imports
 * nothing from platform/.
 */
import type { Actor, TokenScope } from "../identity/actor.ts";

/** The policy's answer; `reason` says why in words fit for an error message. */
export interface Decision {
  allowed: boolean;
  /**
   * `sign-in` when an anonymous visitor could be allowed after signing in; `never` when no one at
   * all may (a secret ballot's choices).
   */
  denial?: "sign-in" | "scope" | "rule" | "never";
  reason: string;
}

/** What every action may be taken on: the site itself, or an account. Rooms add their own kinds. */
export type KernelResource = { kind: "site" } | { kind: "account"; userId: number };

/** Any resource a room decides on: a `kind` and what its rules read. */
export interface AnyResource {
  kind: string;
}

/** Allows, saying why. */
export const allow = (reason: string): Decision => ({ allowed: true, reason });
/** Denies, saying why (a rule's refusal unless told otherwise). */
export const deny = (reason: string, denial: Decision["denial"] = "rule"): Decision => ({
  allowed: false,
  denial,
  reason,
});

/** One action a room registers. */
export interface ActionSpec<R extends AnyResource> {
  /** The token scope a token needs to take the action. */
  scope: TokenScope;
  /** True when anonymous visitors may take it; every other action needs someone signed in. */
  public?: boolean;
  /** Whether `actor` may take the action on `resource` on day `on` (YYYY-MM-DD); checks the kind. */
  rule(actor: Actor, resource: R, on: string): Decision;
}

/** A room's registration: its actions and the audit kinds it writes. */
export interface PolicyModule<A extends string, R extends AnyResource> {
  room: string;
  actions: { readonly [K in A]: ActionSpec<R> };
  /** The `action` values this room writes to the audit log. */
  auditKinds: readonly string[];
}

/** Declares a room's policy (typed: the room's action names become its `Action` type). */
export function definePolicy<const A extends string, R extends AnyResource>(
  module: PolicyModule<A, R>,
): PolicyModule<A, R> {
  return module;
}

// biome-ignore lint/suspicious/noExplicitAny: registrations of every room, each typed by its room
type RegisteredSpec = ActionSpec<any>;
const registry = new Map<string, { room: string; spec: RegisteredSpec }>();
const auditKindsByRoom = new Map<string, readonly string[]>();

/**
 * Adds a room's actions to the one registry `decide` consults (idempotent for the same module);
 * an action name registered by two rooms is refused.
 */
export function registerPolicy<A extends string, R extends AnyResource>(
  module: PolicyModule<A, R>,
): PolicyModule<A, R> {
  for (const [name, spec] of Object.entries<ActionSpec<R>>(module.actions)) {
    const known = registry.get(name);
    if (known && known.room !== module.room) {
      throw new Error(`Action ${name} is registered by ${known.room} and ${module.room}.`);
    }
    registry.set(name, { room: module.room, spec });
  }
  auditKindsByRoom.set(module.room, module.auditKinds);
  return module;
}

/** Every registered action with the token scope it needs (derived from the registrations). */
export function actionScopes(): Readonly<Record<string, TokenScope>> {
  return Object.fromEntries([...registry].map(([name, { spec }]) => [name, spec.scope]));
}

/** The actions an anonymous visitor may take (derived from the registrations). */
export function publicActions(): ReadonlySet<string> {
  return new Set([...registry].filter(([, { spec }]) => spec.public === true).map(([name]) => name));
}

/** The audit kinds each room registered, by room. */
export function auditKinds(): ReadonlyMap<string, readonly string[]> {
  return auditKindsByRoom;
}

function specOf(action: string): RegisteredSpec {
  const found = registry.get(action);
  if (!found) throw new Error(`No room registered the policy action ${action}.`);
  return found.spec;
}

function describe(action: string): string {
  return `do this (${action})`;
}

/**
 * The answer to an anonymous visitor for an action only signed-in people may take, whatever it is
 * taken on; null for public actions. Deciding this before looking the resource up gives the same
 * answer for ids that exist and ids that do not, so anonymous requests cannot probe which exist.
 */
export function anonymousDenial(action: string): Decision | null {
  return specOf(action).public === true ? null : deny(`Sign in to ${describe(action)}.`, "sign-in");
}

/** Decides whether `actor` may take `action` on `resource` on day `on` (YYYY-MM-DD). */
export function decide(actor: Actor, action: string, resource: AnyResource, on: string): Decision {
  const spec = specOf(action);
  if (actor.scopes !== null && !actor.scopes.includes(spec.scope)) {
    return deny(`This access token lacks the "${spec.scope}" scope needed to ${action}.`, "scope");
  }
  const decision = spec.rule(actor, resource, on);
  if (!decision.allowed && actor.userId === null && decision.denial === "rule") {
    return deny(`Sign in to ${describe(action)}.`, "sign-in");
  }
  return decision;
}
