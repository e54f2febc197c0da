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

/**
 * A transfer of a package: its package's maintainers, the group, and the roadie working it through.
 */
export interface TransferResource {
  kind: "transfer";
  id: number;
  name: string;
  maintainerUserIds: readonly number[];
  stewardGroupId: number | null;
  roadieUserId: number | null;
}

/** The Package Maintainers group (for settings that belong to the group, not to a package). */
export interface StewardGroupResource {
  kind: "steward-group";
  stewardGroupId: number | null;
}

const inStewardGroup = (actor: Actor, groupId: number | null, on: string) =>
  groupId !== null && actor.groupRoles.some((r) => r.groupId === groupId && holdsOn(r, on));

/** A transfer's package maintainers, the group, and the transfer's roadie. */
const transferParties = {
  rule: (actor: Actor, resource: { kind: string }, on: string) => {
    if (actor.userId === null) return deny("Sign in first.");
    if (resource.kind !== "transfer") return deny("Not a transfer.");
    const t = resource as TransferResource;
    if (t.roadieUserId === actor.userId) return allow("The roadie of this transfer.");
    if (t.maintainerUserIds.includes(actor.userId)) return allow("A maintainer of this package.");
    if (inStewardGroup(actor, t.stewardGroupId, on))
      return allow("A participant of the Package Maintainers group.");
    return deny(
      "Only the package's maintainers, the Package Maintainers group and the transfer's roadie may do this.",
    );
  },
};

/** The Package Maintainers group's participants. */
const stewardGroup = {
  rule: (actor: Actor, resource: { kind: string }, on: string) => {
    if (actor.userId === null) return deny("Sign in first.");
    if (resource.kind !== "steward-group") return deny("Not the Package Maintainers group.");
    const g = resource as StewardGroupResource;
    return inStewardGroup(actor, g.stewardGroupId, on)
      ? allow("A participant of the Package Maintainers group.")
      : deny("Only the Package Maintainers group may do this.");
  },
};

const anyoneSignedIn = (what: string) => ({
  rule: (actor: Actor) =>
    actor.userId !== null ? allow(`Anyone signed in may ${what}.`) : deny(`Sign in to ${what}.`),
});

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
    /** Open an ownership transfer of a package (its maintainers, the Package Maintainers group). */
    "package.transfer": { scope: "groups", ...maintainersOrGroup },
    /** Work a transfer's checklist, complete or cancel it (the package's maintainers, the group, its roadie). */
    "transfer.work": { scope: "groups", ...transferParties },
    /** Join or leave the roster of roadies, oneself (anyone signed in). */
    "roadie.join": { scope: "groups", ...anyoneSignedIn("volunteer as a roadie") },
    /** Record an attempt to reach a package's owners under PEP 541 (its maintainers, the group). */
    "package.contact-log": { scope: "groups", ...maintainersOrGroup },
    /** Subscribe to a package's reminders at each Django series' milestones (its maintainers, the group). */
    "package.subscribe": { scope: "groups", ...maintainersOrGroup },
    /** Set the discussion channel of a Django series' compatibility work (the Package Maintainers group). */
    "release.set-channel": { scope: "groups", ...stewardGroup },
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
    "transfer.open",
    "transfer.step",
    "transfer.done",
    "transfer.cancelled",
    "roadie.join",
    "roadie.leave",
    "contact.attempt",
    "tracker.subscribe",
    "tracker.unsubscribe",
    "release.channel",
    "sync.start",
    "sync.finish",
  ],
});

/** An action the ecosystem room decides (the kernel's own are `KernelAction`). */
export type EcosystemAction = keyof typeof ecosystemPolicy.actions;
