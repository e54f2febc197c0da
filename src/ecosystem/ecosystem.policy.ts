/**
 * The ecosystem room's policy: its actions (with their token scopes), rules and the audit kinds it
 * writes, registered with the kernel's one `decide`. Pure.
 */
import { allow, definePolicy, deny, foundationRolesOn } from "../kernel/rules.ts";

const siteAdmin = {
  rule: (actor: Parameters<typeof foundationRolesOn>[0], _resource: { kind: string }, on: string) =>
    foundationRolesOn(actor, on).has("site-admin")
      ? allow("Site administrator.")
      : deny("Only site administrators may do this."),
};

/** The ecosystem room's actions and audit kinds. */
export const ecosystemPolicy = definePolicy({
  room: "ecosystem",
  actions: {
    /** Record announced Django release milestone dates (admin). */
    "admin.releases": { scope: "admin", ...siteAdmin },
    /** Take an ecosystem review (a stored snapshot of the package catalogue's health) (admin). */
    "admin.reviews": { scope: "admin", ...siteAdmin },
  },
  auditKinds: [
    "release-milestone.record",
    "release-milestone.remove",
    "review.take",
    "sync.start",
    "sync.finish",
  ],
});

/** An action the ecosystem room decides (the kernel's own are `KernelAction`). */
export type EcosystemAction = keyof typeof ecosystemPolicy.actions;
