/**
 * The kernel's own actions: the site, sessions, one's account, and administering accounts, roles
 * and the audit log. Rooms register theirs the same way beside their code (`<room>.policy.ts`).
 */
import { type Actor, foundationRolesOn } from "../identity/actor.ts";
import { type AnyResource, allow, definePolicy, deny, type KernelResource } from "./permissions.ts";

const isAccount = (r: AnyResource): r is Extract<KernelResource, { kind: "account" }> =>
  r.kind === "account" && typeof (r as { userId?: unknown }).userId === "number";

const adminOnly = {
  rule: (actor: Actor, _r: AnyResource, on: string) =>
    foundationRolesOn(actor, on).has("site-admin")
      ? allow("Site administrator.")
      : deny("Only site administrators may do this."),
};

const ownAccount = (actor: Actor, resource: AnyResource) => {
  if (actor.userId === null) return deny("Sign in first.");
  if (!isAccount(resource)) return deny("Not an account.");
  return resource.userId === actor.userId ? allow("Your own account.") : null;
};

/** The kernel's actions, with their token scopes. */
export const kernelPolicy = definePolicy({
  room: "kernel",
  actions: {
    /** Public pages and data. */
    "site.view": { scope: "read", public: true, rule: () => allow("Public.") },
    /** Start a session: ask for a sign-in link, follow it, sign in with GitHub (anyone). */
    "session.sign-in": { scope: "account", public: true, rule: () => allow("Anyone may sign in and out.") },
    /** End your session (anyone; nothing happens without one). */
    "session.sign-out": {
      scope: "account",
      public: true,
      rule: () => allow("Anyone may sign in and out."),
    },
    /** Your own account page and data. */
    "account.view": {
      scope: "read",
      rule(actor, resource: AnyResource, on) {
        const own = ownAccount(actor, resource);
        if (own) return own;
        return foundationRolesOn(actor, on).has("site-admin")
          ? allow("Site administrators see every account.")
          : deny("That is someone else's account.");
      },
    },
    /** Change your account's name. */
    "account.edit": {
      scope: "account",
      rule: (actor, resource: AnyResource) =>
        ownAccount(actor, resource) ?? deny("That is someone else's account."),
    },
    /** Create and revoke your tokens. */
    "account.tokens": {
      scope: "account",
      rule: (actor, resource: AnyResource) =>
        ownAccount(actor, resource) ?? deny("That is someone else's account."),
    },
    /** Create users (admin). */
    "admin.users": { scope: "admin", ...adminOnly },
    /** See, grant and end foundation roles: members, Board, Steering Council, Fellows, President, admins (admin). */
    "admin.roles": { scope: "admin", ...adminOnly },
    /** Read the audit log (admin). */
    "admin.audit": { scope: "admin", ...adminOnly },
  },
  auditKinds: [
    "user.create",
    "user.rename",
    "token.create",
    "token.revoke",
    "foundation-role.grant",
    "foundation-role.end",
    "ownership.flagged",
    "ownership.reassigned",
    "handover.note",
  ],
});

/** An action the kernel decides. */
export type KernelAction = keyof typeof kernelPolicy.actions;

/** The kernel's rule for one's own account, for rooms with account actions of their own. */
export const ownAccountRule = (actor: Actor, resource: AnyResource) =>
  ownAccount(actor, resource) ?? deny("That is someone else's account.");
