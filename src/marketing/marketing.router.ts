/** The marketing room's declared router and `can`, typed with the kernel's and the room's actions. */
import { type AnyResource, type PolicyDeps, type RoomRouter, roomRouting } from "../kernel/index.ts";
import { type MarketingAction, marketingPolicy } from "./marketing.policy.ts";

export { requireViewer } from "../kernel/index.ts";

/** A router whose routes are authorised by the kernel's and the marketing room's actions. */
export type MarketingRouter = RoomRouter<MarketingAction, AnyResource>;

const routing = roomRouting(marketingPolicy);

/** Creates a marketing router (its actions registered with the kernel's policy). */
export const createMarketingRoomRouter: (deps: PolicyDeps) => MarketingRouter = routing.createRouter;

/** Asks the policy, without throwing: for showing or hiding buttons. */
export const can = routing.can;
