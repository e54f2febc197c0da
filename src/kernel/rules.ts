/**
 * The kernel's pure rules and constant tables (foundation roles, token scopes, dated roles, the
 * policy's building blocks), for pure room files (`<room>.policy.ts`) and command-line files:
 * nothing here loads the platform, a database driver or zod. Everything else enters the kernel
 * through index.ts.
 */
export {
  type Actor,
  ANONYMOUS,
  FOUNDATION_ROLE_LABELS,
  FOUNDATION_ROLES,
  type FoundationRole,
  foundationRolesOn,
  type GroupHolding,
  isFoundationRole,
  TOKEN_SCOPE_LABELS,
  TOKEN_SCOPES,
  type TokenScope,
} from "./identity/actor.ts";
export { dayOf, endRefusal, type Holding, heldOn, holdsOn } from "./identity/dated.ts";
export { type FlaggedItem, OPEN_ITEM_KIND, type OpenItem, stillNeedsOwner } from "./ownership/open-items.ts";
export { type KernelAction, kernelPolicy, ownAccountRule } from "./policy/kernel.policy.ts";
export {
  type ActionSpec,
  type AnyResource,
  allow,
  type Decision,
  definePolicy,
  deny,
  type KernelResource,
  type PolicyModule,
} from "./policy/permissions.ts";
