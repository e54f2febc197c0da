/**
 * The marketing room's policy: its actions (with their token scopes), rules and the audit kinds it
 * writes, registered with the kernel's one `decide`. Pure. Who decides a given review step (another
 * member, a partner group, the Board) is refined by the review rules in workflow.ts.
 */
import {
  type Actor,
  allow,
  definePolicy,
  deny,
  type FoundationRole,
  foundationRolesOn,
  holdsOn,
} from "../kernel/rules.ts";

/** The Marketing WG as a resource: its group id (null when no such group is imported). */
export interface MarketingGroupResource {
  kind: "marketing-group";
  groupId: number | null;
}

/** A content item: whether anyone may see it, and the groups reviewing it. */
export interface MarketingItemResource {
  kind: "marketing-item";
  groupId: number | null;
  /** Published: anyone may read it. */
  public: boolean;
  /** Partner and final-check groups of its open review. */
  reviewerGroupIds: readonly number[];
  /** A strategy document: its drafts are the group's (and its reviewing groups') only. */
  groupOnly?: boolean;
}

/** A strategy document (or the list of them): whether it has an approved revision DSF members may read. */
export interface MarketingStrategyResource {
  kind: "marketing-strategy";
  groupId: number | null;
  approved: boolean;
}

type Resource = MarketingGroupResource | MarketingItemResource | MarketingStrategyResource | { kind: string };

function takesPart(actor: Actor, groupId: number | null, on: string): boolean {
  return groupId !== null && actor.groupRoles.some((r) => r.groupId === groupId && holdsOn(r, on));
}

function groupOf(resource: Resource): number | null {
  return resource.kind === "marketing-group" ||
    resource.kind === "marketing-item" ||
    resource.kind === "marketing-strategy"
    ? (resource as MarketingGroupResource).groupId
    : null;
}

/** Foundation roles that admit someone from outside the group, with the reason each gives, in order. */
const OUTSIDE_ROLES = {
  "dsf-member": { roles: ["dsf-member"], reason: "A DSF member." },
  board: { roles: ["board-member", "steering-council-member"], reason: "Board or Steering Council." },
  "site-admin": { roles: ["site-admin"], reason: "Site administrator." },
} satisfies Record<string, { roles: readonly FoundationRole[]; reason: string }>;

/** Allows by the first of the `admitted` foundation roles the actor holds on `on`; else denies with `refusal`. */
function byFoundationRole(
  actor: Actor,
  on: string,
  admitted: readonly (keyof typeof OUTSIDE_ROLES)[],
  refusal: string,
) {
  const held = foundationRolesOn(actor, on);
  for (const [name, { roles, reason }] of Object.entries(OUTSIDE_ROLES)) {
    if ((admitted as readonly string[]).includes(name) && roles.some((r) => held.has(r)))
      return allow(reason);
  }
  return deny(refusal);
}

/** Allows a member of the item's group or of one of its reviewing groups; null for anyone else. */
function itemGroupMember(actor: Actor, item: MarketingItemResource, on: string) {
  if (takesPart(actor, item.groupId, on)) return allow("A member of the Marketing WG.");
  if (item.reviewerGroupIds.some((g) => takesPart(actor, g, on))) return allow("A reviewing group's member.");
  return null;
}

const groupMember = {
  rule: (actor: Actor, resource: Resource, on: string) => {
    if (actor.userId === null) return deny("Sign in first.", "sign-in");
    return takesPart(actor, groupOf(resource), on)
      ? allow("A member of the Marketing WG.")
      : deny("Only members of the Marketing WG may do this.");
  },
};

/**
 * Who counts as a DSF member for the room's member-only pages: an account holding the DSF
 * Individual Member role, a Board or Steering Council member, a site administrator, or anyone taking
 * part in the Marketing WG (whose campaigns they are).
 */
const dsfMember = {
  rule: (actor: Actor, resource: Resource, on: string) => {
    if (actor.userId === null) return deny("Sign in first.", "sign-in");
    if (takesPart(actor, groupOf(resource), on)) return allow("A member of the Marketing WG.");
    return byFoundationRole(
      actor,
      on,
      ["dsf-member", "board", "site-admin"],
      "Only DSF members see the campaigns.",
    );
  },
};

/** The marketing room's actions and audit kinds. */
export const marketingPolicy = definePolicy({
  room: "marketing",
  actions: {
    /** Read the delegation matrix (anyone). */
    "marketing.view-matrix": { scope: "read", public: true, rule: () => allow("Public.") },
    /** Override a row of the delegation matrix (the Marketing WG's Chair or Co-Chair). */
    "marketing.override-matrix": {
      scope: "groups",
      rule: (actor: Actor, resource: Resource, on: string) => {
        if (actor.userId === null) return deny("Sign in first.", "sign-in");
        const groupId = groupOf(resource);
        const chair = actor.groupRoles.some(
          (r) => r.groupId === groupId && (r.role === "chair" || r.role === "co-chair") && holdsOn(r, on),
        );
        return chair
          ? allow("Chair of the Marketing WG.")
          : deny("Only the Marketing WG's Chair or Co-Chair may override the matrix.");
      },
    },
    /** Read a content item: published ones by anyone; others by the group, its reviewers, the Board and admins. */
    "marketing.view-item": {
      scope: "read",
      public: true,
      rule: (actor: Actor, resource: Resource, on: string) => {
        if (resource.kind !== "marketing-item") return deny("Not a content item.");
        const item = resource as MarketingItemResource;
        if (item.public) return allow("Published.");
        if (actor.userId === null) return deny("Sign in to see this.", "sign-in");
        const asMember = itemGroupMember(actor, item, on);
        if (asMember) return asMember;
        if (item.groupOnly)
          return deny("Drafts of strategy documents are the Marketing WG's; read the approved revision.");
        return byFoundationRole(actor, on, ["board", "site-admin"], "This item is not published.");
      },
    },
    /**
     * Read the group's strategy documents: the approved revision by signed-in DSF members (and the
     * Board, the Steering Council and site administrators, who guide and run the site); drafts,
     * and a document not approved yet, by the group only.
     */
    "marketing.view-strategy": {
      scope: "read",
      rule: (actor: Actor, resource: Resource, on: string) => {
        if (actor.userId === null) return deny("Sign in to read the group's strategy documents.", "sign-in");
        if (resource.kind !== "marketing-strategy") return deny("Not a strategy document.");
        if (takesPart(actor, groupOf(resource), on)) return allow("A member of the Marketing WG.");
        if (!(resource as MarketingStrategyResource).approved)
          return deny("This document has no approved revision yet; drafts are the Marketing WG's.");
        return byFoundationRole(
          actor,
          on,
          ["dsf-member", "board", "site-admin"],
          "The group's strategy documents are shared with DSF members.",
        );
      },
    },
    /** Write content items: create, edit, lock, submit, restore, schedule, publish, archive (the group's members). */
    "marketing.write": { scope: "groups", ...groupMember },
    /** Read the campaign tracker (DSF members, see dsfMember). */
    "marketing.view-campaigns": { scope: "read", ...dsfMember },
    /** Plan: create and edit campaigns, put an item in a campaign or on a planned day (the group's members). */
    "marketing.plan": { scope: "groups", ...groupMember },
    /** Decide a review step (the workflow rules say which step whom). */
    "marketing.review": {
      scope: "groups",
      rule: (actor: Actor, resource: Resource, on: string) => {
        if (actor.userId === null) return deny("Sign in first.", "sign-in");
        if (resource.kind !== "marketing-item") return deny("Not a content item.");
        const item = resource as MarketingItemResource;
        const asMember = itemGroupMember(actor, item, on);
        if (asMember) return asMember;
        return byFoundationRole(
          actor,
          on,
          ["board"],
          "Only the group, its reviewing groups and the Board review content.",
        );
      },
    },
  },
  auditKinds: [
    "marketing.matrix-override",
    "marketing.item-create",
    "marketing.item-edit",
    "marketing.item-restore",
    "marketing.item-submit",
    "marketing.item-review",
    "marketing.item-move",
    "marketing.campaign-create",
    "marketing.campaign-edit",
    "marketing.item-plan",
  ],
});

/** An action the marketing room decides. */
export type MarketingAction = keyof typeof marketingPolicy.actions;
