import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { Id } from "../../platform/validation.ts";
import { loadGroup, recordAudit } from "./decisions.repo.ts";
import { type DecisionCall, type DecisionHooks, parseInput } from "./deps.ts";
import { finishVote } from "./finish-vote.ts";
import { BALLOT_CHOICES, type BallotChoice, decidedOutcome, type VoteBaseRule } from "./tally.ts";
import { countBallot, lockVoteForBallot } from "./votes.repo.ts";

/** Input of castBallot. */
export const CastBallotInputSchema = z.object({
  voteId: Id,
  choice: z.enum(BALLOT_CHOICES as [BallotChoice, ...BallotChoice[]], {
    message: `must be one of ${BALLOT_CHOICES.join(", ")}`,
  }),
});

/** What a voter is told after casting: never the running counts of a secret ballot. */
export interface CastResult {
  voteId: number;
  /** True when this ballot settled the outcome and the vote closed early. */
  closed: boolean;
  outcome: "passed" | "failed" | null;
}

/**
 * Casts the actor's one ballot. The vote row is locked for the transaction, the participation
 * row's unique key refuses a second ballot, and a secret ballot stores no link between the
 * voter and the choice (only the running counts change). Closes an open-ballot vote early,
 * applying its outcome in the same transaction, once the outcome can no longer change.
 */
export async function castBallot(
  call: DecisionCall & { input: unknown; hooks?: DecisionHooks },
): Promise<CastResult> {
  const input = parseInput("ballot", CastBallotInputSchema, call.input);
  const { database, clock } = call.deps;
  const voter = call.actor.personId;
  if (voter === null) {
    throw new AppError("forbidden", {
      message: "Only a person can vote: link your account to your name in the charters first.",
    });
  }
  return database.db.transaction(async (tx) => {
    const now = clock.now();
    // One statement locks the vote row (serialising ballots and closing) and checks the electorate.
    const locked = await lockVoteForBallot(tx, input.voteId, voter);
    if (!locked) throw new AppError("not_found", { message: `No vote #${input.voteId}.` });
    const vote = locked.vote;
    if (vote.status !== "open") {
      throw new AppError("conflict", { message: `Vote #${vote.id} is closed; no more ballots are taken.` });
    }
    if (now.getTime() >= vote.closesAt.getTime()) {
      throw new AppError("conflict", {
        message: `Vote #${vote.id} closed for ballots at ${vote.closesAt.toISOString()}.`,
      });
    }
    if (!locked.inElectorate) {
      throw new AppError("forbidden", {
        message: `You are not in the electorate of vote #${vote.id} (frozen when it opened).`,
      });
    }
    // One statement: the participation row (its unique key refuses a second ballot), the open
    // ballot when the vote is open, and the count; nothing is counted when participation exists.
    const counts = await countBallot(tx, { vote, voter, choice: input.choice, now });
    if (!counts) {
      throw new AppError("conflict", {
        message: `You have already voted in vote #${vote.id}; a ballot cannot be cast twice or changed.`,
      });
    }
    const counted = {
      ...vote,
      yes: Number(counts.yes),
      no: Number(counts.no),
      abstain: Number(counts.abstain),
    };
    await recordAudit(tx, {
      by: call.actor,
      at: now,
      action: "vote.ballot-cast",
      subjectType: "vote",
      subjectId: vote.id,
      before: null,
      // A secret ballot's entry says who took part, never how.
      after: vote.secrecy === "open" ? { personId: voter, choice: input.choice } : { personId: voter },
      cause: "",
    });
    // Which vote, never which choice: log lines are as public as the audit log.
    call.deps.log?.info({ voteId: vote.id, secrecy: vote.secrecy }, "ballot cast");
    // A secret vote runs to its closing time: closing it the moment a ballot settles the outcome
    // would tell everyone how that last voter voted.
    if (vote.secrecy === "secret") return { voteId: vote.id, closed: false, outcome: null };
    const decided = decidedOutcome({
      electorateSize: counted.electorateSize,
      baseRule: counted.baseRule as VoteBaseRule,
      counts: { yes: counted.yes, no: counted.no, abstain: counted.abstain },
    });
    if (decided === null) return { voteId: vote.id, closed: false, outcome: null };
    const group = await loadGroup(tx, counted.groupId);
    const closed = await finishVote({
      tx,
      vote: counted,
      group,
      reason: "decided",
      now,
      actor: call.actor,
      hooks: call.hooks,
    });
    return { voteId: vote.id, closed: true, outcome: closed.outcome === "passed" ? "passed" : "failed" };
  });
}
