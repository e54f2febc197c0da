/**
 * The governance room's policy: its actions (with their token scopes), their rules, the resources
 * they are decided on (groups, role periods, votes) and the audit kinds the room writes, registered
 * with the kernel's one `decide`. Pure; imports nothing from platform/.
 */
import {
  type Actor,
  allow,
  type Decision,
  definePolicy,
  deny,
  type FoundationRole,
  foundationRolesOn,
  heldOn,
  type KernelAction,
  type KernelResource,
  ownAccountRule,
} from "../kernel/rules.ts";
import type { AppointingRole, MembershipModel } from "./charter/types.ts";
import { decideFunding, type FundingAction, type FundingSides } from "./funding/rules.ts";
import { GROUP_ROLES, type GroupRole, isGroupRole } from "./policy/group-roles.ts";
import { ASK_THE_BOARD, admissionOf, inDecidingBody } from "./policy/membership-rule.ts";
import {
  canSeeRequest,
  onAskingSide,
  onTargetSide,
  type RequestSides,
  type RequestViewer,
} from "./requests/rules.ts";

/** How a group's membership decisions are taken (from its charter). */
export type { MembershipModel };
export { GROUP_ROLES, type GroupRole, isGroupRole };

/** A resource any governance route is decided on: the kernel's or the room's own. */
export type Resource = KernelResource | GovernanceResource;

/** The roles an actor holds in one group on a day. */
export function groupRolesOn(actor: Actor, groupId: number, on: string): Set<GroupRole> {
  return new Set(
    heldOn(
      actor.groupRoles.filter((r) => r.groupId === groupId),
      on,
    )
      .map((r) => r.role)
      .filter(isGroupRole),
  );
}

type Group = Extract<GovernanceResource, { kind: "group" }>;
type Vote = Extract<GovernanceResource, { kind: "vote" }>;

const groupRule =
  (action: GroupAction) =>
  (actor: Actor, resource: Resource, on: string): Decision =>
    resource.kind === "group"
      ? decideGroup(actor, action, resource, on, foundationRolesOn(actor, on))
      : deny("Not a group.");

const voteRule =
  (action: VoteAction) =>
  (actor: Actor, resource: Resource, on: string): Decision =>
    resource.kind === "vote"
      ? decideVote(actor, action, resource, on, foundationRolesOn(actor, on))
      : deny("Not a vote.");

/** The viewer as the request rules see them: their person, their groups today, Board and Steering Council. */
export function requestViewerOf(actor: Actor, on: string): RequestViewer {
  const foundation = foundationRolesOn(actor, on);
  return {
    personId: actor.personId,
    groupIds: new Set(
      heldOn(actor.groupRoles, on)
        .filter((r) => isGroupRole(r.role))
        .map((r) => r.groupId),
    ),
    board: foundation.has("board-member"),
    steeringCouncil: foundation.has("steering-council-member"),
  };
}

const requestRule =
  (rule: (sides: RequestSides, viewer: RequestViewer) => Decision) =>
  (actor: Actor, resource: Resource, on: string): Decision =>
    resource.kind === "request" ? rule(resource, requestViewerOf(actor, on)) : deny("Not a request.");

/** A funding action on a request, by the pure rules of funding/rules.ts. */
const fundingRule =
  (action: FundingAction) =>
  (actor: Actor, resource: Resource, on: string): Decision => {
    if (resource.kind !== "funding-request") return deny("Not a funding request.");
    const foundation = foundationRolesOn(actor, on);
    const verdict = decideFunding(action, resource, {
      userId: actor.userId,
      personId: actor.personId,
      participant: isParticipant(groupRolesOn(actor, resource.groupId, on)),
      board: foundation.has("board-member"),
      admin: foundation.has("site-admin"),
    });
    return verdict.allowed ? allow(verdict.reason) : deny(verdict.reason);
  };

type Handover = Extract<GovernanceResource, { kind: "handover" }>;

const handoverRule =
  (action: "handover.view" | "handover.write-note") =>
  (actor: Actor, resource: Resource, on: string): Decision =>
    resource.kind === "handover" ? decideHandover(actor, action, resource, on) : deny("Not a hand-over.");

function decideHandover(
  actor: Actor,
  action: "handover.view" | "handover.write-note",
  handover: Handover,
  on: string,
): Decision {
  if (actor.userId === null) return deny("Sign in first.");
  const own = actor.personId !== null && actor.personId === handover.personId;
  if (action === "handover.write-note") {
    return own
      ? allow("Your own hand-over.")
      : deny("Only the person whose role ended writes the hand-over note.");
  }
  if (own) return allow("Your own hand-over.");
  const roles = groupRolesOn(actor, handover.groupId, on);
  if (roles.has("chair") || roles.has("co-chair")) return allow("Chair or Co-Chair of the group.");
  const foundation = foundationRolesOn(actor, on);
  if (foundation.has("board-member")) return allow("Board member.");
  if (foundation.has("site-admin")) return allow("Site administrator.");
  return deny(
    "Only the person leaving, the group's Chair and Co-Chair, the Board and administrators see this.",
  );
}

const adminOnly = (actor: Actor, _resource: Resource, on: string): Decision =>
  foundationRolesOn(actor, on).has("site-admin")
    ? allow("Site administrator.")
    : deny("Only site administrators may do this.");

/** A rule for Board members only; `denial` says so in the action's words. */
const boardOnly =
  (denial: string) =>
  (actor: Actor, _resource: Resource, on: string): Decision =>
    foundationRolesOn(actor, on).has("board-member") ? allow("Board member.") : deny(denial);

/** A rule for Board members and site administrators; `denial` says so in the action's words. */
const boardOrAdmin =
  (denial: string) =>
  (actor: Actor, _resource: Resource, on: string): Decision => {
    const foundation = foundationRolesOn(actor, on);
    if (foundation.has("board-member")) return allow("Board member.");
    return foundation.has("site-admin") ? allow("Site administrator.") : deny(denial);
  };

type GroupAction =
  | "group.view-private"
  | "group.propose-change"
  | "group.report"
  | "group.submit-report"
  | "group.apply"
  | "group.leave"
  | "group.manage-applications"
  | "group.edit-arrangements"
  | "group.decide-membership"
  | "meeting.schedule"
  | "meeting.add-agenda-item"
  | "meeting.write-notes"
  | "meeting.action-items"
  | "meeting.view-private-notes"
  | "request.open"
  | "request.settings"
  | "funding.request"
  | "group.channels"
  | "group.shut-down"
  | "group.archive"
  | "group.view-handovers"
  | "group.reassign-items";
type VoteAction = "vote.cast" | "vote.extend" | "vote.close" | "vote.view-tally" | "vote.view-ballots";

/** The governance room's actions, rules and audit kinds. */
export const governancePolicy = definePolicy({
  room: "governance",
  actions: {
    /** A group's public page. */
    "group.view": { scope: "read", public: true, rule: () => allow("Public.") },
    /** Say which charter person you are. */
    "account.claim": {
      scope: "account",
      rule: (actor, resource: Resource) => ownAccountRule(actor, resource),
    },
    /** Confirm or reject claims (admin). */
    "admin.claims": { scope: "admin", rule: adminOnly },
    /** The Board's overview of open votes, applications, lapsing terms and liaison gaps. */
    "board.overview": {
      scope: "read",
      rule: boardOrAdmin("Only Board members and administrators see this."),
    },
    /** Record a group's new Board Liaison (Board members, administrators). */
    "board.record-liaison": {
      scope: "groups",
      rule: boardOrAdmin("Only Board members and administrators record a group's Board Liaison."),
    },
    /** Record that the Board met on a day, with its minutes (Board members, administrators). */
    "board.record-meeting": {
      scope: "groups",
      rule: boardOrAdmin("Only Board members and administrators record the Board's meetings."),
    },
    /** A group's private material: full meeting notes, applications, open votes' details. */
    "group.view-private": { scope: "read", rule: groupRule("group.view-private") },
    /** Apply to join a group. */
    "group.apply": { scope: "groups", rule: groupRule("group.apply") },
    /** Leave a group (the member themself; no vote needed). */
    "group.leave": { scope: "groups", rule: groupRule("group.leave") },
    /** Opt in to another term of a role you hold (the member themself, in the renewal window). */
    "group.renew-term": {
      scope: "groups",
      rule(actor, resource: Resource) {
        if (actor.userId === null) return deny("Sign in to renew your term.");
        if (resource.kind !== "role-period") return deny("Not a role.");
        return actor.personId !== null && actor.personId === resource.personId
          ? allow("Your own term.")
          : deny("Only the member can opt in to renew their own term.");
      },
    },
    /** Handle applications (chairs and co-chairs). */
    "group.manage-applications": { scope: "groups", rule: groupRule("group.manage-applications") },
    /** Take a membership decision (new members, Chair/Co-Chair) under the group's membership model. */
    "group.decide-membership": { scope: "votes", rule: groupRule("group.decide-membership") },
    /** Change meeting and communication arrangements (no Board vote needed). */
    "group.edit-arrangements": { scope: "groups", rule: groupRule("group.edit-arrangements") },
    /** Propose a substantive charter change (scope, budget, membership process) for a Board vote. */
    "group.propose-change": { scope: "groups", rule: groupRule("group.propose-change") },
    /** Submit the group's report. */
    "group.report": { scope: "groups", rule: groupRule("group.report") },
    /** Submit the group's periodic report to the Board (the Chair and Co-Chair). */
    "group.submit-report": { scope: "groups", rule: groupRule("group.submit-report") },
    /** Read a report: public ones by anyone; Board-only ones by the Board, the group and site admins. */
    "report.view": {
      scope: "read",
      public: true,
      rule(actor, resource: Resource, on) {
        if (resource.kind !== "report") return deny("Not a report.");
        if (resource.visibility === "public") return allow("Public report.");
        if (isParticipant(groupRolesOn(actor, resource.groupId, on))) return allow("Group participant.");
        const foundation = foundationRolesOn(actor, on);
        if (foundation.has("board-member")) return allow("Board member.");
        if (foundation.has("site-admin")) return allow("Site administrator.");
        return deny(
          "This report is for the Board: only the Board, the group's participants and site administrators see it.",
        );
      },
    },
    /** Record the Board's decision about a group flagged defunct: an exception or a shutdown (Board members). */
    "board.decide-reporting": {
      scope: "groups",
      rule: boardOnly("Only Board members record the Board's decisions about reporting."),
    },
    /**
     * See and set the group's chat webhook (its URL is a secret) and which notifications go there
     * (the Chair and Co-Chair, and site administrators).
     */
    "group.channels": { scope: "groups", rule: groupRule("group.channels") },
    /** Draft a proposal for a new group (anyone signed in: README.md:30, a pull request). */
    "proposal.draft": {
      scope: "groups",
      rule: (actor, _resource: Resource) =>
        actor.userId !== null
          ? allow("Anyone signed in may propose a group.")
          : deny("Sign in to propose a group."),
    },
    /** Read a proposal: public once ready for review; a draft by its author, the Board and administrators. */
    "proposal.view": {
      scope: "read",
      public: true,
      rule(actor, resource: Resource, on) {
        if (resource.kind !== "proposal") return deny("Not a proposal.");
        if (resource.status !== "draft") return allow("Proposals under review and decided are public.");
        if (isProposalAuthor(actor, resource)) return allow("Your proposal.");
        const foundation = foundationRolesOn(actor, on);
        if (foundation.has("board-member")) return allow("Board member.");
        if (foundation.has("site-admin")) return allow("Site administrator.");
        return deny("This proposal is a draft: only its author, the Board and administrators read it yet.");
      },
    },
    /** Revise a proposal and mark it ready for review (its author, or an administrator). */
    "proposal.edit": {
      scope: "groups",
      rule(actor, resource: Resource, on) {
        if (resource.kind !== "proposal") return deny("Not a proposal.");
        if (isProposalAuthor(actor, resource)) return allow("Your proposal.");
        return foundationRolesOn(actor, on).has("site-admin")
          ? allow("Site administrator.")
          : deny("Only the proposal's author (or an administrator) revises it.");
      },
    },
    /** Record the set-up steps of an approved group (its author, Board members: README.md:69-70, administrators). */
    "proposal.set-up": {
      scope: "groups",
      rule(actor, resource: Resource, on) {
        if (resource.kind !== "proposal") return deny("Not a proposal.");
        if (isProposalAuthor(actor, resource)) return allow("Your proposal.");
        const foundation = foundationRolesOn(actor, on);
        if (foundation.has("board-member")) return allow("Board member.");
        return foundation.has("site-admin")
          ? allow("Site administrator.")
          : deny("Only the proposal's author, Board members and administrators record its set-up.");
      },
    },
    /**
     * The Board's lifecycle decisions: open its vote on a proposal or a substantive charter change,
     * give feedback on a rejection, shut a group down (Board members: README.md:61, 79, 88-89).
     */
    "lifecycle.board-decide": {
      scope: "votes",
      rule: boardOnly("Only Board members take the Board's lifecycle decisions."),
    },
    /** Ask the group's members to shut it down (its participants; decided by consensus, README.md:83). */
    "group.shut-down": { scope: "votes", rule: groupRule("group.shut-down") },
    /** Record the archiving steps of a group shutting down (its Chair and Co-Chair, Board members, administrators). */
    "group.archive": { scope: "groups", rule: groupRule("group.archive") },
    /** Schedule, reschedule and cancel the group's meetings (chairs and co-chairs). */
    "meeting.schedule": { scope: "groups", rule: groupRule("meeting.schedule") },
    /** Put an item on a meeting's agenda (the group's participants). */
    "meeting.add-agenda-item": { scope: "groups", rule: groupRule("meeting.add-agenda-item") },
    /** Write a meeting's notes, both parts, and publish the public part (the group's participants). */
    "meeting.write-notes": { scope: "groups", rule: groupRule("meeting.write-notes") },
    /** Record action items and mark them done (the group's participants). */
    "meeting.action-items": { scope: "groups", rule: groupRule("meeting.action-items") },
    /** Read the private part of meeting notes: the group, the Board and the Steering Council. */
    "meeting.view-private-notes": { scope: "read", rule: groupRule("meeting.view-private-notes") },
    /** Open a request on the group's behalf (its participants). */
    "request.open": { scope: "groups", rule: groupRule("request.open") },
    /** Ask for funding on the group's behalf (its participants). */
    "funding.request": { scope: "groups", rule: groupRule("funding.request") },
    /** The list of funding requests and totals (anyone signed in; each sees the requests they may see). */
    "funding.list": {
      scope: "read",
      rule: (actor, _resource: Resource) =>
        actor.userId !== null || actor.personId !== null
          ? allow("Signed in: the requests you may see.")
          : deny("Sign in to see funding requests."),
    },
    /** See a funding request: the asking group's participants, the requester, the Board, site admins. */
    "funding.view": { scope: "read", rule: fundingRule("funding.view") },
    /** Put a funding request to the Board's vote (a Board member who neither asked nor is in the group). */
    "funding.decide": { scope: "votes", rule: fundingRule("funding.decide") },
    /** Record spending against an approved request (the group's Chair and members). */
    "funding.record-spending": { scope: "groups", rule: fundingRule("funding.record-spending") },
    /** Withdraw a request the Board has not decided (the asking group). */
    "funding.withdraw": { scope: "groups", rule: fundingRule("funding.withdraw") },
    /** Say whether requests to the group may be approved by lazy consensus (Chair and Co-Chair). */
    "request.settings": { scope: "groups", rule: groupRule("request.settings") },
    /** See a request: public ones by anyone; private ones by both sides (and the Board once escalated to it). */
    "request.view": {
      scope: "read",
      public: true,
      rule: requestRule((sides, viewer) =>
        canSeeRequest(sides, viewer)
          ? allow(sides.visibility === "public" ? "Public request." : "On one side of this request.")
          : deny("This request is private: only the two sides see it (and the Board once it is escalated)."),
      ),
    },
    /** Acknowledge or answer a request (the target side: the group's participants, the Board, the Steering Council, the person). */
    "request.answer": {
      scope: "groups",
      rule: requestRule((sides, viewer) =>
        onTargetSide(sides, viewer)
          ? allow("Asked to answer this request.")
          : deny("Only those the request is addressed to answer it."),
      ),
    },
    /** Comment on a request, or object to it (either side, and the Board once escalated). */
    "request.comment": {
      scope: "groups",
      rule: requestRule((sides, viewer) =>
        onAskingSide(sides, viewer) || onTargetSide(sides, viewer) || (sides.escalation >= 2 && viewer.board)
          ? allow("On one side of this request.")
          : deny("Only the two sides of a request (and the Board once escalated) comment on it."),
      ),
    },
    /** Name the request's owner on the asking side (the group's Chair and Co-Chair, the owner, the opener). */
    "request.reassign": {
      scope: "groups",
      rule(actor, resource: Resource, on) {
        if (resource.kind !== "request") return deny("Not a request.");
        const roles = groupRolesOn(actor, resource.fromGroupId, on);
        if (roles.has("chair") || roles.has("co-chair"))
          return allow("Chair or Co-Chair of the asking group.");
        if (actor.personId !== null && actor.personId === resource.ownerPersonId) return allow("You own it.");
        if (actor.personId !== null && actor.personId === resource.openedByPersonId)
          return allow("You opened it.");
        return deny("Only the asking group's Chair and Co-Chair, the owner or the opener name a new owner.");
      },
    },
    /** See a group's open items needing a new owner after someone's role ended (its Chair and Co-Chair, the Board, site admins). */
    "group.view-handovers": { scope: "read", rule: groupRule("group.view-handovers") },
    /** Give an item whose owner's role ended a new owner (the group's Chair and Co-Chair, the Board). */
    "group.reassign-items": { scope: "groups", rule: groupRule("group.reassign-items") },
    /** See one person's hand-over: the person leaving, the group's Chair and Co-Chair, the Board, site admins. */
    "handover.view": { scope: "read", rule: handoverRule("handover.view") },
    /** Write the hand-over note (the person whose role ended, only). */
    "handover.write-note": { scope: "groups", rule: handoverRule("handover.write-note") },
    /** Record role periods (start, end, term end) after the decision that made them (admin). */
    "group.record-roles": { scope: "admin", rule: adminOnly },
    /** Cast a ballot in a vote. */
    "vote.cast": { scope: "votes", rule: voteRule("vote.cast") },
    /** Move an open vote's closing time later (its opener, the group's chairs, the deciding body). */
    "vote.extend": { scope: "votes", rule: voteRule("vote.extend") },
    /** Close a vote that is due or whose outcome can no longer change (same people as extending). */
    "vote.close": { scope: "votes", rule: voteRule("vote.close") },
    /** See a vote's tally. */
    "vote.view-tally": { scope: "read", rule: voteRule("vote.view-tally") },
    /** See who voted how: open ballots only; a secret ballot reveals this to no one. */
    "vote.view-ballots": { scope: "read", rule: voteRule("vote.view-ballots") },
  },
  auditKinds: [
    "account.person-created",
    "claim.create",
    "claim.confirm",
    "claim.reject",
    "role-period.start",
    "role-period.end",
    "role-period.started",
    "role-period.ended",
    "role-period.recorded",
    "role-period.renewed",
    "role-period.lapsed",
    "application.submitted",
    "application.accepted",
    "application.vote-opened",
    "group.decision-settings",
    "vote.opened",
    "vote.ballot-cast",
    "vote.extended",
    "vote.closed",
    "request.opened",
    "request.acknowledged",
    "request.answered",
    "request.commented",
    "request.owner-changed",
    "request.reminded",
    "request.lazy-consensus",
    "request.escalated",
    "request.expired",
    "request.settings",
    "group.webhook-set",
    "group.webhook-removed",
    "proposal.drafted",
    "proposal.imported",
    "proposal.revised",
    "proposal.ready",
    "proposal.vote-opened",
    "proposal.approved",
    "proposal.rejected",
    "proposal.feedback",
    "checklist.step",
    "group.activated",
    "group.archived",
    "charter-change.proposed",
    "charter-change.applied",
    "charter-change.rejected",
    "shutdown.started",
    "shutdown.decided",
    "shutdown.rejected",
    "funding.requested",
    "funding.vote-opened",
    "funding.approved",
    "funding.rejected",
    "funding.withdrawn",
    "funding.spending-recorded",
    "reporting.exception-granted",
    "reporting.shutdown-started",
  ],
});

/** An action the governance room decides (the kernel's own are `KernelAction`). */
export type GovernanceAction = keyof typeof governancePolicy.actions;
/** An action a governance route may name: the kernel's or the room's own. */
export type Action = KernelAction | GovernanceAction;

/** What a governance action is taken on. */
export type GovernanceResource =
  | {
      kind: "group";
      groupId: number;
      /** null: the charter does not state how members are admitted. */
      membershipModel: MembershipModel | null;
      /** Under `appointment`: the roles whose holders appoint. */
      appointedBy?: readonly AppointingRole[];
      status: string;
    }
  /** A group's funding request: its group, who asked, its state. */
  | ({ kind: "funding-request" } & FundingSides)
  /** A dated role someone holds in a group (a term to renew). */
  | { kind: "role-period"; groupId: number; personId: number }
  /** A request between groups: its two sides and who may see it. */
  | ({ kind: "request"; requestId: number } & RequestSides)
  /** What someone whose roles in a group ended owned there, with their hand-over note. */
  | { kind: "handover"; handoverId: number; groupId: number; personId: number }
  /** A group's report: public, or for the Board (seen by the Board, the group and site admins). */
  | { kind: "report"; groupId: number; visibility: "public" | "board" }
  /** A proposal for a new group, with its author. */
  | {
      kind: "proposal";
      proposalId: number;
      status: string;
      authorPersonId: number | null;
      authorUserId: number | null;
    }
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
    };

/** The proposal's author: the account or the person that drafted it. */
function isProposalAuthor(actor: Actor, p: Extract<GovernanceResource, { kind: "proposal" }>): boolean {
  if (actor.userId !== null && p.authorUserId === actor.userId) return true;
  return actor.personId !== null && p.authorPersonId === actor.personId;
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
  // The one table of which foundation role makes up each deciding body (membership-rule.ts).
  return inDecidingBody(body, { participant: isParticipant(groupRoles), foundationRoles: foundation });
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
  action: GroupAction,
  group: Group,
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
    case "meeting.view-private-notes":
      // The rule of the Marketing proposal: the full notes for the group, the Board and the Steering Council.
      if (isParticipant(roles)) return allow("Group participant.");
      if (foundation.has("board-member")) return allow("The Board reads every group's full notes.");
      if (foundation.has("steering-council-member"))
        return allow("The Steering Council reads the full notes.");
      return deny(
        "Only the group's participants, the Board and the Steering Council read the private notes.",
      );
    case "meeting.schedule":
      return chair
        ? allow("Chair or Co-Chair.")
        : deny("Only the group's Chair and Co-Chair schedule meetings.");
    case "meeting.add-agenda-item":
    case "meeting.write-notes":
    case "meeting.action-items":
    case "group.propose-change":
    case "group.report":
      return isParticipant(roles) ? allow("Group participant.") : deny("Only the group's participants may.");
    case "request.open":
      return isParticipant(roles)
        ? allow("Group participant.")
        : deny("Only the group's participants open requests on its behalf.");
    case "funding.request":
      return isParticipant(roles)
        ? allow("Group participant.")
        : deny("Only the group's participants ask for funding on its behalf.");
    case "request.settings":
      return chair
        ? allow("Chair or Co-Chair.")
        : deny("Only the group's Chair and Co-Chair set how it takes requests.");
    case "group.shut-down":
      return isParticipant(roles)
        ? allow("Group participant: the members decide by consensus.")
        : deny(
            "Only the group's members ask to shut it down; the Board shuts a group down by its own decision.",
          );
    case "group.archive":
      if (chair) return allow("Chair or Co-Chair.");
      if (foundation.has("board-member")) return allow("Board member.");
      return admin
        ? allow("Site administrator.")
        : deny("Only the group's Chair and Co-Chair, Board members and administrators record its archiving.");
    case "group.view-handovers":
      if (chair) return allow("Chair or Co-Chair.");
      if (foundation.has("board-member")) return allow("Board member.");
      if (admin) return allow("Site administrator.");
      return deny(
        "Only the group's Chair and Co-Chair, the Board and administrators see what needs a new owner.",
      );
    case "group.reassign-items":
      if (chair) return allow("Chair or Co-Chair.");
      if (foundation.has("board-member")) return allow("Board member.");
      return deny("Only the group's Chair and Co-Chair or the Board give an item a new owner.");
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
    case "group.channels":
      if (chair) return allow("Chair or Co-Chair.");
      return admin
        ? allow("Site administrator.")
        : deny("Only the group's Chair, Co-Chair or a site administrator see and set its chat webhook.");
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
  action: VoteAction,
  vote: Vote,
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
