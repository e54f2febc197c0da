/**
 * The one permission policy: a pure function deciding whether an actor may take an action on a
 * resource on a given day. Imports nothing from platform/; routes reach it through authorize().
 */
import type { AppointingRole, MembershipModel } from "../charter/types.ts";
import { ASK_THE_BOARD, admissionOf } from "./membership-rule.ts";

/** Foundation-wide roles, each held for a period. */
export const FOUNDATION_ROLES = [
  "dsf-member",
  "board-member",
  "steering-council-member",
  "fellow",
  "president",
  "site-admin",
] as const;
/** A foundation-wide role. */
export type FoundationRole = (typeof FOUNDATION_ROLES)[number];

/** Human labels of the foundation roles. */
export const FOUNDATION_ROLE_LABELS: Record<FoundationRole, string> = {
  "dsf-member": "DSF Individual Member",
  "board-member": "Board member",
  "steering-council-member": "Steering Council member",
  fellow: "Fellow",
  president: "DSF President",
  "site-admin": "Site administrator",
};

/** Roles within a group; `other` is a titled role ("Designated Line Manager"). */
export const GROUP_ROLES = [
  "chair",
  "co-chair",
  "board-liaison",
  "steering-council-liaison",
  "member",
  "other",
] as const;
/** A role within a group. */
export type GroupRole = (typeof GROUP_ROLES)[number];

/** What a personal access token may be used for; a session may do everything its user may. */
export const TOKEN_SCOPES = ["read", "account", "groups", "votes", "admin"] as const;
/** A personal access token scope. */
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What each scope allows, for forms and documentation. */
export const TOKEN_SCOPE_LABELS: Record<TokenScope, string> = {
  read: "Read pages and data visible to you",
  account: "Manage your account: tokens, person claim",
  groups: "Act in your groups: apply, report, manage applications and arrangements",
  votes: "Cast votes",
  admin: "Site administration (only works for site admins)",
};

/** How a group's membership decisions are taken (from its charter). */
export type { MembershipModel };

/** A dated holding of a role; held on D when startedOn <= D and (endedOn null or D < endedOn). */
export interface Holding {
  startedOn: string | null;
  endedOn: string | null;
}

/** Who is acting: an anonymous visitor (userId null) or an account with its roles and token scopes. */
export interface Actor {
  userId: number | null;
  /** The charter person linked to the account (confirmed claim), if any. */
  personId: number | null;
  foundationRoles: ReadonlyArray<Holding & { role: FoundationRole }>;
  groupRoles: ReadonlyArray<Holding & { groupId: number; role: GroupRole; title: string }>;
  /** Token scopes; null for a browser session (no restriction beyond the person's rights). */
  scopes: readonly string[] | null;
}

/** The anonymous visitor. */
export const ANONYMOUS: Actor = {
  userId: null,
  personId: null,
  foundationRoles: [],
  groupRoles: [],
  scopes: null,
};

/** What an action is taken on. */
export type Resource =
  | { kind: "site" }
  | { kind: "account"; userId: number }
  | {
      kind: "group";
      groupId: number;
      /** null: the charter does not state how members are admitted. */
      membershipModel: MembershipModel | null;
      /** Under `appointment`: the roles whose holders appoint. */
      appointedBy?: readonly AppointingRole[];
      status: string;
    }
  /** A dated role someone holds in a group (a term to renew). */
  | { kind: "role-period"; groupId: number; personId: number }
  | {
      kind: "vote";
      groupId: number;
      /** Who decides: the group's own members, the Board, or the Steering Council. */
      decidingBody: "group" | "board" | "steering-council";
      secret: boolean;
      /** The electorate frozen when the vote opened (person ids), when known. */
      electorate?: readonly number[];
      /** The person a removal vote is about: never in the electorate. */
      subjectPersonId?: number | null;
      /** The person who opened the vote, when known. */
      openedByPersonId?: number | null;
    }
  /** A group's report: public, or for the Board (seen by the Board, the group and site admins). */
  | { kind: "report"; groupId: number; visibility: "public" | "board" };

/** Every action the policy decides, with the token scope it needs. */
export const ACTION_SCOPES = {
  /** Public pages and data. */
  "site.view": "read",
  /** Start a session: ask for a sign-in link, follow it, sign in with GitHub (anyone). */
  "session.sign-in": "account",
  /** End your session (anyone; nothing happens without one). */
  "session.sign-out": "account",
  /** Your own account page and data. */
  "account.view": "read",
  /** Change your account's name. */
  "account.edit": "account",
  /** Create and revoke your tokens. */
  "account.tokens": "account",
  /** Say which charter person you are. */
  "account.claim": "account",
  /** Confirm or reject claims (admin). */
  "admin.claims": "admin",
  /** Create users (admin). */
  "admin.users": "admin",
  /** See, grant and end foundation roles: members, Board, Steering Council, Fellows, President, admins (admin). */
  "admin.roles": "admin",
  /** Read the audit log (admin). */
  "admin.audit": "admin",
  /** Record announced Django release milestone dates (admin). */
  "admin.releases": "admin",
  /** Take an ecosystem review (a stored snapshot of the package catalogue's health) (admin). */
  "admin.reviews": "admin",
  /** The Board's overview of open votes, applications, lapsing terms and liaison gaps. */
  "board.overview": "read",
  /** A group's public page. */
  "group.view": "read",
  /** A group's private material: full meeting notes, applications, open votes' details. */
  "group.view-private": "read",
  /** Apply to join a group. */
  "group.apply": "groups",
  /** Leave a group (the member themself; no vote needed). */
  "group.leave": "groups",
  /** Opt in to another term of a role you hold (the member themself, in the renewal window). */
  "group.renew-term": "groups",
  /** Handle applications (chairs and co-chairs). */
  "group.manage-applications": "groups",
  /** Take a membership decision (new members, Chair/Co-Chair) under the group's membership model. */
  "group.decide-membership": "votes",
  /** Change meeting and communication arrangements (no Board vote needed). */
  "group.edit-arrangements": "groups",
  /** Propose a substantive charter change (scope, budget, membership process) for a Board vote. */
  "group.propose-change": "groups",
  /** Submit the group's report. */
  "group.report": "groups",
  /** Submit the group's periodic report to the Board (the Chair and Co-Chair). */
  "group.submit-report": "groups",
  /** Read a report: public ones by anyone; Board-only ones by the Board, the group and site admins. */
  "report.view": "read",
  /** Record the Board's decision about a group flagged defunct: an exception or a shutdown (Board members). */
  "board.decide-reporting": "groups",
  /** Record role periods (start, end, term end) after the decision that made them (admin). */
  "group.record-roles": "admin",
  /** Cast a ballot in a vote. */
  "vote.cast": "votes",
  /** Move an open vote's closing time later (its opener, the group's chairs, the deciding body). */
  "vote.extend": "votes",
  /** Close a vote that is due or whose outcome can no longer change (same people as extending). */
  "vote.close": "votes",
  /** See a vote's tally. */
  "vote.view-tally": "read",
  /** See who voted how: open ballots only; a secret ballot reveals this to no one. */
  "vote.view-ballots": "read",
} as const satisfies Record<string, TokenScope>;
/** An action the policy decides. */
export type Action = keyof typeof ACTION_SCOPES;

/** The policy's answer; `reason` says why in words fit for an error message. */
export interface Decision {
  allowed: boolean;
  /**
   * `sign-in` when an anonymous visitor could be allowed after signing in; `never` when no one at
   * all may (a secret ballot's choices).
   */
  denial?: "sign-in" | "scope" | "rule" | "never";
  reason: string;
}

/** True when a dated holding covers `on` (YYYY-MM-DD). */
export function holdsOn(h: Holding, on: string): boolean {
  return (h.startedOn === null || h.startedOn <= on) && (h.endedOn === null || on < h.endedOn);
}

/** The foundation roles an actor holds on a day. */
export function foundationRolesOn(actor: Actor, on: string): Set<FoundationRole> {
  return new Set(actor.foundationRoles.filter((r) => holdsOn(r, on)).map((r) => r.role));
}

/** The roles an actor holds in one group on a day. */
export function groupRolesOn(actor: Actor, groupId: number, on: string): Set<GroupRole> {
  return new Set(actor.groupRoles.filter((r) => r.groupId === groupId && holdsOn(r, on)).map((r) => r.role));
}

const allow = (reason: string): Decision => ({ allowed: true, reason });
const deny = (reason: string, denial: Decision["denial"] = "rule"): Decision => ({
  allowed: false,
  denial,
  reason,
});

/** The only actions an anonymous visitor may take; every other action needs someone signed in. */
export const PUBLIC_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  "site.view",
  "group.view",
  "report.view",
  "session.sign-in",
  "session.sign-out",
]);

/**
 * The answer to an anonymous visitor for an action only signed-in people may take, whatever it is
 * taken on; null for public actions. Deciding this before looking the resource up gives the same
 * answer for ids that exist and ids that do not, so anonymous requests cannot probe which exist.
 */
export function anonymousDenial(action: Action): Decision | null {
  return PUBLIC_ACTIONS.has(action) ? null : deny(`Sign in to ${describe(action)}.`, "sign-in");
}

/** Decides whether `actor` may take `action` on `resource` on day `on` (YYYY-MM-DD). */
export function decide(actor: Actor, action: Action, resource: Resource, on: string): Decision {
  const scope = ACTION_SCOPES[action];
  if (actor.scopes !== null && !actor.scopes.includes(scope)) {
    return deny(`This access token lacks the "${scope}" scope needed to ${action}.`, "scope");
  }
  const decision = decideRule(actor, action, resource, on);
  if (!decision.allowed && actor.userId === null && decision.denial === "rule") {
    return deny(`Sign in to ${describe(action)}.`, "sign-in");
  }
  return decision;
}

function describe(action: Action): string {
  return `do this (${action})`;
}

function decideRule(actor: Actor, action: Action, resource: Resource, on: string): Decision {
  const foundation = foundationRolesOn(actor, on);
  const admin = foundation.has("site-admin");
  const signedIn = actor.userId !== null;
  switch (action) {
    case "site.view":
    case "group.view":
      return allow("Public.");
    case "session.sign-in":
    case "session.sign-out":
      return allow("Anyone may sign in and out.");
    case "group.renew-term":
      if (!signedIn) return deny("Sign in to renew your term.");
      if (resource.kind !== "role-period") return deny("Not a role.");
      return actor.personId !== null && actor.personId === resource.personId
        ? allow("Your own term.")
        : deny("Only the member can opt in to renew their own term.");
    case "account.view":
    case "account.edit":
    case "account.tokens":
    case "account.claim": {
      if (!signedIn) return deny("Sign in first.");
      if (resource.kind !== "account") return deny("Not an account.");
      if (resource.userId === actor.userId) return allow("Your own account.");
      if (action === "account.view" && admin) return allow("Site administrators see every account.");
      return deny("That is someone else's account.");
    }
    case "board.overview":
      if (foundation.has("board-member")) return allow("Board member.");
      return admin ? allow("Site administrator.") : deny("Only Board members and administrators see this.");
    case "board.decide-reporting":
      return foundation.has("board-member")
        ? allow("Board member.")
        : deny("Only Board members record the Board's decisions about reporting.");
    case "report.view": {
      if (resource.kind !== "report") return deny("Not a report.");
      if (resource.visibility === "public") return allow("Public report.");
      if (isParticipant(groupRolesOn(actor, resource.groupId, on))) return allow("Group participant.");
      if (foundation.has("board-member")) return allow("Board member.");
      if (admin) return allow("Site administrator.");
      return deny(
        "This report is for the Board: only the Board, the group's participants and site administrators see it.",
      );
    }
    case "admin.claims":
    case "admin.users":
    case "admin.roles":
    case "admin.audit":
    case "admin.releases":
    case "admin.reviews":
    case "group.record-roles":
      return admin ? allow("Site administrator.") : deny("Only site administrators may do this.");
    case "group.view-private":
    case "group.propose-change":
    case "group.report":
    case "group.submit-report":
    case "group.apply":
    case "group.leave":
    case "group.manage-applications":
    case "group.edit-arrangements":
    case "group.decide-membership": {
      if (resource.kind !== "group") return deny("Not a group.");
      return decideGroup(actor, action, resource, on, foundation);
    }
    case "vote.cast":
    case "vote.extend":
    case "vote.close":
    case "vote.view-tally":
    case "vote.view-ballots": {
      if (resource.kind !== "vote") return deny("Not a vote.");
      return decideVote(actor, action, resource, on, foundation);
    }
  }
}

/** Participants: members, chairs, liaisons and titled roles ("Liaisons have the same rights as members"). */
function isParticipant(roles: Set<GroupRole>): boolean {
  return roles.size > 0;
}

function inBody(
  body: "group" | "board" | "steering-council",
  groupRoles: Set<GroupRole>,
  foundation: Set<FoundationRole>,
): boolean {
  if (body === "group") return isParticipant(groupRoles);
  if (body === "board") return foundation.has("board-member");
  return foundation.has("steering-council-member");
}

const ROLE_NAMES: Record<AppointingRole, string> = {
  chair: "Chair",
  "co-chair": "Co-Chair",
  "board-liaison": "Board Liaison",
  "steering-council-liaison": "Steering Council Liaison",
};

const BODY_NAMES = {
  group: "the group's members",
  board: "the Board",
  "steering-council": "the Steering Council",
};

function decideGroup(
  actor: Actor,
  action: Action,
  group: Extract<Resource, { kind: "group" }>,
  on: string,
  foundation: Set<FoundationRole>,
): Decision {
  const roles = groupRolesOn(actor, group.groupId, on);
  const admin = foundation.has("site-admin");
  const chair = roles.has("chair") || roles.has("co-chair");
  const admission = admissionOf(group);
  switch (action) {
    case "group.view-private":
      if (isParticipant(roles)) return allow("Group participant.");
      if (foundation.has("board-member")) return allow("The Board sees every group's full records.");
      if (group.membershipModel === "steering-council-managed" && foundation.has("steering-council-member")) {
        return allow("The Steering Council oversees this group.");
      }
      if (admin) return allow("Site administrator.");
      return deny("Only the group's participants, the Board and administrators see this.");
    case "group.propose-change":
    case "group.report":
      return isParticipant(roles) ? allow("Group participant.") : deny("Only the group's participants may.");
    case "group.submit-report":
      return chair
        ? allow("Chair or Co-Chair.")
        : deny("Only the group's Chair and Co-Chair submit its reports.");
    case "group.apply":
      if (actor.userId === null) return deny("Sign in to apply.");
      if (group.status !== "active") return deny("This group is not taking applications (not active).");
      if (roles.has("member") || chair) return deny("You are already in this group.");
      return allow("Anyone signed in may apply.");
    case "group.leave":
      return isParticipant(roles)
        ? allow("You are in this group.")
        : deny("Only a member of the group can leave it.");
    case "group.manage-applications":
      return chair
        ? allow("Chair or Co-Chair.")
        : deny("Only the group's Chair and Co-Chair manage applications.");
    case "group.edit-arrangements":
      if (chair) return allow("Chair or Co-Chair.");
      return admin ? allow("Site administrator.") : deny("Only the Chair, Co-Chair or an administrator.");
    case "group.decide-membership":
      // Who takes membership decisions follows the charter's model (policy/membership-rule.ts).
      switch (admission.kind) {
        case "vote": {
          const by =
            admission.rule === "consensus"
              ? "the consensus of the group's members"
              : BODY_NAMES[admission.body];
          return inBody(admission.body, roles, foundation)
            ? allow(`Membership decisions in this group are taken by ${by}.`)
            : deny(`Membership decisions in this group are taken by ${by}.`);
        }
        case "invitation":
          return isParticipant(roles)
            ? allow("A member's invitation admits new members to this group.")
            : deny("Only a member of this group can invite someone to join it.");
        case "appointment": {
          const names = admission.roles.map((r) => ROLE_NAMES[r]).join(" or ");
          return admission.roles.some((r) => roles.has(r))
            ? allow(`The ${names} appoints new members to this group.`)
            : deny(`Only the ${names} appoints new members to this group.`);
        }
        case "not-stated":
          return deny(
            `This group's charter does not state how membership decisions are taken; ${ASK_THE_BOARD}.`,
          );
      }
      return deny("Not a membership model.");
    default:
      return deny("Not a group action.");
  }
}

function decideVote(
  actor: Actor,
  action: Action,
  vote: Extract<Resource, { kind: "vote" }>,
  on: string,
  foundation: Set<FoundationRole>,
): Decision {
  const roles = groupRolesOn(actor, vote.groupId, on);
  const eligibleByRole = inBody(vote.decidingBody, roles, foundation);
  const inElectorate =
    vote.electorate === undefined
      ? eligibleByRole
      : actor.personId !== null && vote.electorate.includes(actor.personId);
  switch (action) {
    case "vote.cast":
      if (actor.personId !== null && vote.subjectPersonId === actor.personId) {
        return deny("The subject of a vote does not vote in it.");
      }
      return inElectorate ? allow("In the electorate.") : deny(`Only ${BODY_NAMES[vote.decidingBody]} vote.`);
    case "vote.extend":
    case "vote.close": {
      if (actor.personId !== null && vote.subjectPersonId === actor.personId) {
        return deny("The subject of a vote does not extend or close it.");
      }
      if (actor.personId !== null && vote.openedByPersonId === actor.personId)
        return allow("You opened this vote.");
      if (roles.has("chair") || roles.has("co-chair")) return allow("Chair or Co-Chair of the group.");
      if (eligibleByRole || inElectorate) return allow(`${BODY_NAMES[vote.decidingBody]} decide this vote.`);
      return deny(
        `Only the vote's opener, the group's Chair and Co-Chair, or ${BODY_NAMES[vote.decidingBody]} may do this.`,
      );
    }
    case "vote.view-ballots":
      if (vote.secret) return deny("A secret ballot never reveals who voted how, to anyone.", "never");
      return canSeeVote(actor, roles, foundation, inElectorate);
    case "vote.view-tally":
      return canSeeVote(actor, roles, foundation, inElectorate);
    default:
      return deny("Not a vote action.");
  }
}

function canSeeVote(
  actor: Actor,
  roles: Set<GroupRole>,
  foundation: Set<FoundationRole>,
  inElectorate: boolean,
): Decision {
  if (actor.userId === null) return deny("Sign in to see votes.");
  if (inElectorate || isParticipant(roles)) return allow("In the electorate or the group.");
  if (foundation.has("board-member") || foundation.has("site-admin")) return allow("Board or administrator.");
  return deny("Only the electorate, the group, the Board and administrators see this vote.");
}
