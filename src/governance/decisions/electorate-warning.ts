/**
 * What an electorate's missing accounts do to a vote. Pure: imports nothing from platform/.
 * Someone in the electorate without a Guildhall account can never cast a ballot, so against the
 * whole electorate (or by consensus) they count as a vote that never comes. The vote can still
 * pass only if everyone who can vote saying yes would carry it (the tally's own rule decides).
 */
import { tallyVote, type VoteBaseRule } from "./tally.ts";

/** The electorate's accounts as they bear on the vote's outcome. */
export interface ElectorateWarning {
  /** How many in the electorate have no account (and so can never vote). */
  withoutAccount: number;
  /** False when the vote cannot pass even if everyone who can vote says yes. */
  canPass: boolean;
  /** The warning in words; empty when everyone in the electorate can vote. */
  text: string;
}

const RULE_WORDS: Record<VoteBaseRule, string> = {
  electorate: "more than half of the whole electorate",
  cast: "more than half of the votes cast",
  consensus: "everyone in the electorate",
};

/** The warning for an electorate of `size` under `baseRule`, of whom `withoutAccount` have no account. */
export function electorateWarning(input: {
  size: number;
  withoutAccount: number;
  baseRule: VoteBaseRule;
}): ElectorateWarning {
  const { size, withoutAccount, baseRule } = input;
  const canVote = size - withoutAccount;
  const best = tallyVote({ electorateSize: size, baseRule, counts: { yes: canVote, no: 0, abstain: 0 } });
  const canPass = best.passes;
  if (withoutAccount === 0) return { withoutAccount, canPass, text: "" };
  const who =
    withoutAccount === 1
      ? "1 person in the electorate has no Guildhall account and so can never vote"
      : `${withoutAccount} people in the electorate have no Guildhall account and so can never vote`;
  const text = canPass
    ? `${who}. The vote needs yes votes from ${RULE_WORDS[baseRule]} (${best.needed} of ${baseRule === "cast" ? "those cast" : size}); ${canVote} can vote.`
    : `${who}. This vote cannot pass: it needs yes votes from ${RULE_WORDS[baseRule]} (${best.needed}${baseRule === "cast" ? "" : ` of ${size}`}), and only ${canVote} can vote. Ask them to sign in and claim their person, or close the vote and open it again once they can.`;
  return { withoutAccount, canPass, text };
}
