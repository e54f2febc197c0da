/**
 * The kernel's `can` and `authorize`, typed with the actions and resources governance routes use
 * (the kernel's and the room's own), so a misspelt action fails the typecheck.
 */
import { typedPolicy } from "../../kernel/index.ts";
import type { Action, Resource } from "../governance.policy.ts";

export { actorOf, loadOnce, type PolicyDeps, requireViewer } from "../../kernel/index.ts";

export const { can, authorize } = typedPolicy<Action, Resource>();
