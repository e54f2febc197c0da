/**
 * The outbox's actions: one's own inbox and notification choices, and the site administrators'
 * view of failed deliveries with a retry.
 */
import { type Actor, foundationRolesOn } from "../identity/actor.ts";
import { type AnyResource, allow, definePolicy, deny } from "../policy/permissions.ts";

const own = (actor: Actor, resource: AnyResource) => {
  if (actor.userId === null) return deny("Sign in first.");
  const userId = (resource as { userId?: unknown }).userId;
  return resource.kind === "account" && userId === actor.userId
    ? allow("Your own notifications.")
    : deny("Those are someone else's notifications.");
};

/** The outbox's actions, with their token scopes. */
export const notificationsPolicy = definePolicy({
  room: "notifications",
  actions: {
    /** Read your inbox and its unread count. */
    "inbox.view": { scope: "read", rule: own },
    /** Mark notifications in your inbox read. */
    "inbox.mark-read": { scope: "account", rule: own },
    /** Choose, per kind, immediately, daily digest or off. */
    "notifications.preferences": { scope: "account", rule: own },
    /** See failed deliveries and send them again (admin). */
    "admin.notifications": {
      scope: "admin",
      rule: (actor: Actor, _r: AnyResource, on: string) =>
        foundationRolesOn(actor, on).has("site-admin")
          ? allow("Site administrator.")
          : deny("Only site administrators may do this."),
    },
  },
  auditKinds: ["notification.retry"],
});

/** An action of the outbox. */
export type NotificationsAction = Extract<keyof typeof notificationsPolicy.actions, string>;
