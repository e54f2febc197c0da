/** The marketing room's declared router and `can`, typed with the kernel's and the room's actions. */
import type { Context } from "hono";
import {
  type AnyResource,
  createRoomRouter,
  type KernelAction,
  can as kernelCan,
  type PolicyDeps,
  type RoomRouter,
} from "../kernel/index.ts";
import type { AppEnv } from "../platform/http/app.tsx";
import { type MarketingAction, marketingPolicy } from "./marketing.policy.ts";

export { requireViewer } from "../kernel/index.ts";

/** A router whose routes are authorised by the kernel's and the marketing room's actions. */
export type MarketingRouter = RoomRouter<MarketingAction, AnyResource>;

/** Creates a marketing router (its actions registered with the kernel's policy). */
export function createMarketingRoomRouter(deps: PolicyDeps): MarketingRouter {
  return createRoomRouter(deps, marketingPolicy);
}

/** Asks the policy, without throwing: for showing or hiding buttons. */
export function can(
  c: Context<AppEnv>,
  deps: PolicyDeps,
  action: MarketingAction | KernelAction,
  resource?: Parameters<typeof kernelCan>[3],
): Promise<boolean> {
  return kernelCan(c, deps, action, resource);
}
