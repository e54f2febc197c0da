import { FOUNDATION_ROLE_LABELS } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import { type DbOrTx, electorateMembers, findVote, heldRoles } from "./decisions.repo.ts";
import { type ElectorateWarning, electorateWarning } from "./electorate-warning.ts";
import { groupRoleWord } from "./role-words.ts";
import type { VoteBaseRule } from "./tally.ts";

/** One voter in a vote's electorate: who, why they may vote, and whether they can. */
export interface ElectorateMember {
  personId: number;
  name: string;
  slug: string;
  /** Why they are in the electorate: their roles in the group (or the Board, the Steering Council) the day the vote opened. */
  roles: string[];
  /** False when no account is linked to the person: they can never cast a ballot. */
  hasAccount: boolean;
}

/** Who may vote in a vote, and what missing accounts do to its outcome. */
export interface ElectorateView {
  voteId: number;
  /** The day the roles are read for (the vote's opening day). */
  rolesOn: string;
  members: ElectorateMember[];
  warning: ElectorateWarning;
}

/**
 * The electorate frozen when the vote opened, with each voter's roles that made them eligible
 * (read by the one membership rule for the opening day) and the warning about missing accounts.
 */
export async function getElectorate(input: { db: DbOrTx; voteId: number }): Promise<ElectorateView> {
  const vote = await findVote(input.db, input.voteId);
  const rolesOn = dayOf(vote.openedAt);
  const members = await electorateMembers(input.db, vote.id);
  const roles = new Map<number, string[]>();
  if (vote.body === "board" || vote.body === "steering-council") {
    const label = FOUNDATION_ROLE_LABELS[vote.body === "board" ? "board-member" : "steering-council-member"];
    for (const m of members) roles.set(m.personId, [label]);
  } else {
    for (const r of await heldRoles(input.db, vote.groupId, rolesOn)) {
      const word = groupRoleWord(r.role, r.title);
      const list = roles.get(r.personId) ?? [];
      if (!list.includes(word)) roles.set(r.personId, [...list, word]);
    }
  }
  const baseRule: VoteBaseRule =
    vote.baseRule === "cast" || vote.baseRule === "consensus" ? vote.baseRule : "electorate";
  return {
    voteId: vote.id,
    rolesOn,
    members: members.map((m) => ({ ...m, roles: roles.get(m.personId) ?? [] })),
    warning: electorateWarning({
      size: vote.electorateSize,
      withoutAccount: members.filter((m) => !m.hasAccount).length,
      baseRule,
    }),
  };
}
