/**
 * The ecosystem room's policy: its actions (with their token scopes), rules and the audit kinds it
 * writes, registered with the kernel's one `decide`. Pure.
 */
import { type Actor, allow, definePolicy, deny, foundationRolesOn, holdsOn } from "../kernel/rules.ts";

/**
 * A package of the catalogue: the accounts that maintain it (linked to its repository or to one of
 * its PyPI owners) and the group that looks after packages (Package Maintainers), when known.
 */
export interface PackageResource {
  kind: "package";
  name: string;
  maintainerUserIds: readonly number[];
  stewardGroupId: number | null;
}

/** A package's maintainers and the Package Maintainers group's participants. */
const maintainersOrGroup = {
  rule: (actor: Actor, resource: { kind: string }, on: string) => {
    if (actor.userId === null) return deny("Sign in first.");
    if (resource.kind !== "package") return deny("Not a package.");
    const pkg = resource as PackageResource;
    if (pkg.maintainerUserIds.includes(actor.userId)) return allow("A maintainer of this package.");
    if (
      pkg.stewardGroupId !== null &&
      actor.groupRoles.some((r) => r.groupId === pkg.stewardGroupId && holdsOn(r, on))
    ) {
      return allow("A participant of the Package Maintainers group.");
    }
    return deny("Only this package's maintainers and the Package Maintainers group may do this.");
  },
};

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
    /** Make, fill or withdraw a call for maintainers on a package and accept offers (its maintainers, the Package Maintainers group). */
    "package.call-maintainers": { scope: "groups", ...maintainersOrGroup },
    /** Offer to help on a call for maintainers (anyone signed in). */
    "package.offer-help": {
      scope: "groups",
      rule: (actor: Actor) =>
        actor.userId !== null ? allow("Anyone signed in may offer to help.") : deny("Sign in to offer help."),
    },
    /** Set a package's status on a Django release's compatibility tracker (its maintainers, the Package Maintainers group). */
    "package.track-compat": { scope: "groups", ...maintainersOrGroup },
  },
  auditKinds: [
    "release-milestone.record",
    "release-milestone.remove",
    "review.take",
    "maintainers.call",
    "maintainers.call-filled",
    "maintainers.call-withdrawn",
    "maintainers.offer",
    "maintainers.accept",
    "tracker.set",
    "sync.start",
    "sync.finish",
  ],
});

/** An action the ecosystem room decides (the kernel's own are `KernelAction`). */
export type EcosystemAction = keyof typeof ecosystemPolicy.actions;
