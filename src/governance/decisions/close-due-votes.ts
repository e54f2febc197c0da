import { toAppError } from "../../platform/db/index.ts";
import { closeVote } from "./close-vote.ts";
import { SYSTEM_ACTOR } from "./decisions.repo.ts";
import type { DecisionDeps } from "./deps.ts";
import { dueVoteIds } from "./votes.repo.ts";

/** Closes every open vote whose closing time has passed (scheduled job and `guildhall votes close-due`). */
export async function closeDueVotes(input: { deps: DecisionDeps }): Promise<{ closed: number[] }> {
  const now = input.deps.clock.now();
  const due = await dueVoteIds(input.deps.database.db, now);
  const closed: number[] = [];
  for (const id of due) {
    try {
      await closeVote({ deps: input.deps, actor: SYSTEM_ACTOR, input: { voteId: id } });
      closed.push(id);
    } catch (e) {
      // Closed meanwhile by a ballot or another worker: nothing left to do for this one.
      if (toAppError(e).code !== "conflict") throw e;
    }
  }
  return { closed };
}
