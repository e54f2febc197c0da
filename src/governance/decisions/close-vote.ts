import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { Id } from "../../platform/validation.ts";
import { loadGroup, lockVote, type VoteRow } from "./decisions.repo.ts";
import { type DecisionCall, type DecisionHooks, parseInput } from "./deps.ts";
import { finishVote } from "./finish-vote.ts";
import { decidedOutcome, type VoteBaseRule } from "./tally.ts";

/** Input of closeVote. */
export const CloseVoteInputSchema = z.object({ voteId: Id });

/**
 * Closes a vote whose closing time has come, or earlier once its outcome can no longer change
 * (open ballots only: see castBallot), and applies the outcome in the same transaction.
 * Anything else is refused: a vote is never cut short while its outcome is still open.
 */
export async function closeVote(
  call: DecisionCall & { input: unknown; hooks?: DecisionHooks },
): Promise<VoteRow> {
  const input = parseInput("close", CloseVoteInputSchema, call.input);
  const { database, clock } = call.deps;
  return database.db.transaction(async (tx) => {
    const now = clock.now();
    const vote = await lockVote(tx, input.voteId);
    if (vote.status !== "open") {
      throw new AppError("conflict", { message: `Vote #${vote.id} is already closed (${vote.outcome}).` });
    }
    const due = now.getTime() >= vote.closesAt.getTime();
    const decided =
      vote.secrecy === "open" &&
      decidedOutcome({
        electorateSize: vote.electorateSize,
        baseRule: vote.baseRule as VoteBaseRule,
        counts: { yes: vote.yes, no: vote.no, abstain: vote.abstain },
      }) !== null;
    if (!due && !decided) {
      throw new AppError("conflict", {
        message: `Vote #${vote.id} stays open until ${vote.closesAt.toISOString()}: its outcome can still change.`,
      });
    }
    const group = await loadGroup(tx, vote.groupId);
    call.deps.log?.info({ voteId: vote.id, due }, "vote closing");
    return finishVote({
      tx,
      vote,
      group,
      reason: due ? "deadline" : "decided",
      now,
      actor: call.actor,
      hooks: call.hooks,
    });
  });
}
