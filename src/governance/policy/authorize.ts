/**
 * The kernel's `can` and `authorize`, typed with the actions and resources governance routes use
 * (the kernel's and the room's own), so a misspelt action fails the typecheck.
 */
import type { Context } from "hono";
import {
  type Actor,
  authorize as kernelAuthorize,
  can as kernelCan,
  type PolicyDeps,
  type ResourceOrLoader,
} from "../../kernel/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import type { Action, Resource } from "../governance.policy.ts";

export { actorOf, loadOnce, type PolicyDeps, requireViewer } from "../../kernel/index.ts";

/** Asks the policy, without throwing: for showing or hiding buttons. */
export function can(
  c: Context<AppEnv>,
  deps: PolicyDeps,
  action: Action,
  resource?: ResourceOrLoader<Resource>,
): Promise<boolean> {
  return kernelCan(c, deps, action, resource);
}

/** Asks the policy and throws when denied (401 or 403); returns the actor. */
export function authorize(
  c: Context<AppEnv>,
  deps: PolicyDeps,
  action: Action,
  resource?: ResourceOrLoader<Resource>,
): Promise<Actor> {
  return kernelAuthorize(c, deps, action, resource);
}
