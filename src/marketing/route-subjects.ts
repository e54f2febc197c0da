/**
 * What the marketing routes take from a request: the Marketing WG as the policy's resource, the
 * signed-in viewer as the operations record them, and whether a signed-in viewer may take one of
 * the room's actions on the group. One definition for every marketing router.
 */
import type { Context } from "hono";
import type { AppEnv } from "../platform/http/app.tsx";
import type { Services } from "../platform/services.ts";
import type { ItemActor } from "./items/audit-item.ts";
import type { MarketingAction, MarketingGroupResource } from "./marketing.policy.ts";
import { findMarketingGroup } from "./marketing.repo.ts";
import { can, requireViewer } from "./marketing.router.ts";

/** The route subjects of the marketing room, over one set of services. */
export function marketingRouteSubjects(services: Services) {
  const db = services.database.db;
  /** The Marketing WG (its group id null when no such group is imported). */
  const groupResource = async (): Promise<MarketingGroupResource> => ({
    kind: "marketing-group",
    groupId: (await findMarketingGroup(db))?.id ?? null,
  });
  /** The signed-in viewer as an item's actor (401 when signed out). */
  const by = (c: Context<AppEnv>): ItemActor => {
    const v = requireViewer(c);
    return { userId: v.userId, name: v.name };
  };
  /** Whether the viewer may take `action` on the group: false for visitors, asked without throwing. */
  const mayOnGroup = async (c: Context<AppEnv>, action: MarketingAction): Promise<boolean> =>
    c.var.viewer ? can(c, services, action, groupResource) : false;
  return { groupResource, by, mayOnGroup };
}
