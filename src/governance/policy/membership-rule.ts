/**
 * What a group's membership model means for its decisions. Pure: imports nothing from platform/.
 * The policy (who may take a membership decision) and the decision operations (whether a vote is
 * run, by whom and by which rule, or whether a member's invitation or a role holder's appointment
 * admits) both read it from here, so the two never disagree.
 *
 * | model                     | admitting a member                       | removal, Chair, Co-Chair  | proposals           |
 * |---------------------------|------------------------------------------|---------------------------|---------------------|
 * | direct                    | the group votes (50%+1)                  | the group votes           | the group votes     |
 * | board-managed             | the Board votes                          | the Board votes           | the Board votes     |
 * | steering-council-managed  | the Steering Council votes               | the Steering Council      | the Steering Council|
 * | consensus                 | every other member must approve          | the same                  | the group votes     |
 * | invitation                | a member's invitation admits, no vote    | not stated: no vote       | the group votes     |
 * | appointment               | the named role holder admits, no vote    | not stated: no vote       | the group votes     |
 * | not stated (null), other  | not stated: no vote, ask the DSF Board   | no vote                   | no vote             |
 */
import type { AppointingRole, MembershipModel } from "../charter/types.ts";

/** Who votes: the group's own members, the Board, or the Steering Council. */
export type DecidingBody = "group" | "board" | "steering-council";

/**
 * Who is in a deciding body: the foundation role its members hold, or null for the group's own
 * participants (members, chairs, liaisons, titled roles). The policy (who may decide, cast, close)
 * and opening a vote (whose names are frozen as its electorate) both read it from here.
 */
export const BODY_FOUNDATION_ROLE: Record<DecidingBody, "board-member" | "steering-council-member" | null> = {
  group: null,
  board: "board-member",
  "steering-council": "steering-council-member",
};

/** Whether someone is in `body` today, from their participation in the group and foundation roles. */
export function inDecidingBody(
  body: DecidingBody,
  who: { participant: boolean; foundationRoles: ReadonlySet<string> },
): boolean {
  const role = BODY_FOUNDATION_ROLE[body];
  return role === null ? who.participant : who.foundationRoles.has(role);
}

/** How a group admits a new member. */
export type Admission =
  | { kind: "vote"; body: DecidingBody; rule: "majority" | "consensus" }
  | { kind: "invitation" }
  | { kind: "appointment"; roles: readonly AppointingRole[] }
  | { kind: "not-stated" };

/** The parts of a charter the rule reads. */
export interface MembershipRuleInput {
  membershipModel: MembershipModel | null;
  appointedBy?: readonly AppointingRole[];
}

/** Where to ask when a charter does not say. */
export const ASK_THE_BOARD = "ask the DSF Board (https://www.djangoproject.com/contact/foundation/)";

/** How a group admits new members under its model. */
export function admissionOf(group: MembershipRuleInput): Admission {
  switch (group.membershipModel) {
    case "direct":
      return { kind: "vote", body: "group", rule: "majority" };
    case "board-managed":
      return { kind: "vote", body: "board", rule: "majority" };
    case "steering-council-managed":
      return { kind: "vote", body: "steering-council", rule: "majority" };
    case "consensus":
      return { kind: "vote", body: "group", rule: "consensus" };
    case "invitation":
      return { kind: "invitation" };
    case "appointment": {
      const roles = group.appointedBy?.length ? group.appointedBy : (["chair"] as const);
      return { kind: "appointment", roles };
    }
    default:
      return { kind: "not-stated" };
  }
}

/** The vote a kind of decision takes under a model, or why Guildhall runs none. */
export type VoteRule = { body: DecidingBody; rule: "majority" | "consensus" } | { refused: string };

/** Whether and how a vote of `kind` ("admit-member", "remove-member", ..., "proposal") is run. */
export function voteRuleOf(kind: string, group: MembershipRuleInput, groupName: string): VoteRule {
  const admission = admissionOf(group);
  const model = group.membershipModel;
  if (admission.kind === "not-stated") {
    return {
      refused: `${groupName}'s charter does not state how its membership decisions are taken, so no vote is run; ${ASK_THE_BOARD}.`,
    };
  }
  if (kind === "admit-member") {
    if (admission.kind === "vote") return { body: admission.body, rule: admission.rule };
    return {
      refused:
        admission.kind === "invitation"
          ? `${groupName} admits new members by a member's invitation, without a vote: a member admits the person instead.`
          : `${groupName} admits new members by appointment (${roleNames(admission.roles)}), without a vote: the role holder admits the person instead.`,
    };
  }
  if (kind === "proposal") {
    if (admission.kind === "vote") return { body: admission.body, rule: "majority" };
    return { body: "group", rule: "majority" };
  }
  if (admission.kind === "vote") return { body: admission.body, rule: admission.rule };
  return {
    refused: `${groupName}'s charter (membership ${model === "invitation" ? "by invitation" : "by appointment"}) does not state how members are removed or chairs chosen, so no vote is run; ${ASK_THE_BOARD}.`,
  };
}

const ROLE_NAMES: Record<AppointingRole, string> = {
  chair: "the Chair",
  "co-chair": "the Co-Chair",
  "board-liaison": "the Board Liaison",
  "steering-council-liaison": "the Steering Council Liaison",
};

function roleNames(roles: readonly AppointingRole[]): string {
  const names = roles.map((r) => ROLE_NAMES[r]);
  return names.length <= 1
    ? (names[0] ?? "the Chair")
    : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

const BODY_WORDS: Record<DecidingBody, string> = {
  group: "the group's members",
  board: "the DSF Board",
  "steering-council": "the Steering Council",
};

/** Who decides on a new member, in words fit for a page ("a vote of the DSF Board (50%+1)"). */
export function admissionText(admission: Admission): string {
  switch (admission.kind) {
    case "vote":
      return admission.rule === "consensus"
        ? "the consensus of the group's other members: every one of them must approve, and one objection refuses"
        : `a vote of ${BODY_WORDS[admission.body]} (50%+1)`;
    case "invitation":
      return "an invitation from any member of the group, without a vote";
    case "appointment":
      return `appointment by ${roleNames(admission.roles)}, without a vote`;
    case "not-stated":
      return `nobody Guildhall can name: the charter does not state how new members are admitted, so no vote is run; ${ASK_THE_BOARD}`;
  }
}
