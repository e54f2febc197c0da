/** The governance room's declared router: routes name the kernel's or governance's actions. */
import {
  createRoomRouter as createKernelRoomRouter,
  type RoomRouter as KernelRoomRouter,
  kernelPolicy,
  type PolicyDeps,
  registerGroupRoleSource,
  registerPolicy,
} from "../../kernel/index.ts";
import { type GovernanceAction, type GovernanceResource, governancePolicy } from "../governance.policy.ts";
import { registerTurnover } from "../turnover/register.ts";
import { loadGroupRoles } from "./actor.repo.ts";

/** A router whose routes are authorised by the kernel's and the governance room's actions. */
export type RoomRouter = KernelRoomRouter<GovernanceAction, GovernanceResource>;

/**
 * Registers what governance adds to the kernel's policy: its actions and rules, and the group roles
 * of an actor (idempotent; every governance router does it).
 */
export function registerGovernance(): void {
  registerPolicy(kernelPolicy);
  registerPolicy(governancePolicy);
  registerGroupRoleSource(loadGroupRoles);
  registerTurnover();
}

/** Creates a governance router (its actions registered with the kernel's policy). */
export function createRoomRouter(deps: PolicyDeps): RoomRouter {
  registerGovernance();
  return createKernelRoomRouter(deps, governancePolicy);
}
