import { AppError } from "../../platform/errors.ts";
import type { DbOrTx } from "./decisions.repo.ts";
import { buildVoteViews, type VoteView } from "./vote-views.ts";
import { findVoteRow } from "./votes.repo.ts";

/** Builds the view of one vote for a viewer; `showBallots` comes from the policy (open ballots only). */
export async function getVote(input: {
  db: DbOrTx;
  voteId: number;
  viewerPersonId: number | null;
  showBallots: boolean;
}): Promise<VoteView> {
  const row = await findVoteRow(input.db, input.voteId);
  if (!row) throw new AppError("not_found", { message: `No vote #${input.voteId}.` });
  const [view] = await buildVoteViews({
    db: input.db,
    rows: [row],
    viewerPersonId: input.viewerPersonId,
    showBallots: input.showBallots,
  });
  if (!view) throw new AppError("not_found", { message: `No vote #${input.voteId}.` });
  return view;
}
