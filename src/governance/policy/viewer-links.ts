/**
 * The header's links for a signed-in viewer, decided by the policy on the server: "My groups" for
 * everyone signed in, the Board's overview for those who may see it, and the administration pages
 * for site administrators.
 */
import type { Context } from "hono";
import { decide, type NotificationsAction } from "../../kernel/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import type { NavLink } from "../../platform/view/page-context.ts";
import type { Action } from "../governance.policy.ts";
import { actorOf, type PolicyDeps } from "./authorize.ts";

/** Each entry appears when the policy allows its action on the site. */
const LINKS: ReadonlyArray<NavLink & { action: Action | NotificationsAction }> = [
  { href: "/me", label: "My groups", action: "account.view" },
  { href: "/board", label: "Board", action: "board.overview" },
  { href: "/admin/roles", label: "Roles (admin)", action: "admin.roles" },
  { href: "/admin/claims", label: "Claims (admin)", action: "admin.claims" },
  { href: "/admin/notifications", label: "Failed notifications (admin)", action: "admin.notifications" },
];

/** Builds the function the HTTP app asks for a signed-in viewer's links. */
export function createViewerLinks(deps: PolicyDeps): (c: Context<AppEnv>) => Promise<readonly NavLink[]> {
  return async (c) => {
    const viewer = c.var.viewer;
    if (!viewer) return [];
    const actor = await actorOf(c, deps);
    const day = deps.clock.now().toISOString().slice(0, 10);
    return LINKS.filter(({ action }) => {
      const resource =
        action === "account.view"
          ? { kind: "account" as const, userId: viewer.userId }
          : { kind: "site" as const };
      return decide(actor, action, resource, day).allowed;
    }).map(({ href, label }) => ({ href, label }));
  };
}
