import type { Tx } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { voteRef } from "./apply-outcome.ts";
import { type DecisionActor, type DecisionGroup, recordAudit, type VoteRow } from "./decisions.repo.ts";
import type { DecisionHooks } from "./deps.ts";
import "./membership-subjects.ts";
import { voteSubjectToClose } from "./subjects.ts";
import { tallyVote, type VoteBaseRule } from "./tally.ts";
import { updateVote } from "./votes.repo.ts";

/** Why a vote closed: its closing time came, or the outcome could no longer change. */
export type CloseReason = "deadline" | "decided";

/**
 * Closes a locked open vote, stores its tally and outcome, and runs the outcome handler its
 * subject kind registered (subjects.ts), all inside the caller's transaction: either everything is
 * written or nothing is. A kind with no handler, or a handler that throws, leaves the vote open.
 */
export async function finishVote(input: {
  tx: Tx;
  vote: VoteRow;
  group: DecisionGroup;
  reason: CloseReason;
  now: Date;
  actor: DecisionActor;
  hooks?: DecisionHooks;
}): Promise<VoteRow> {
  const { tx, vote, group, now, actor } = input;
  const subject = voteSubjectToClose(vote);
  const tally = tallyVote({
    electorateSize: vote.electorateSize,
    baseRule: vote.baseRule as VoteBaseRule,
    counts: { yes: vote.yes, no: vote.no, abstain: vote.abstain },
  });
  const outcome = tally.passes ? "passed" : "failed";
  const closed = await updateVote(tx, vote.id, {
    status: "closed",
    outcome,
    base: tally.base,
    closeReason: input.reason,
    closedAt: now,
  });
  if (!closed) throw new AppError("internal", { message: `Vote #${vote.id} could not be closed.` });
  await recordAudit(tx, {
    by: actor,
    at: now,
    action: "vote.closed",
    subjectType: "vote",
    subjectId: vote.id,
    before: { status: "open" },
    after: {
      status: "closed",
      outcome,
      reason: input.reason,
      yes: vote.yes,
      no: vote.no,
      abstain: vote.abstain,
      cast: tally.cast,
      base: tally.base,
      baseRule: vote.baseRule,
    },
    cause: voteRef(vote.id),
  });
  await input.hooks?.afterTally?.(vote.id);
  await subject.onOutcome({ tx, vote: closed, group, outcome, now, actor });
  return closed;
}
