import { eq } from "drizzle-orm";
import { schema } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import type { DbOrTx } from "./decisions.repo.ts";
import { buildVoteViews, type VoteView } from "./vote-views.ts";

const { votes } = schema;

/** Builds the view of one vote for a viewer; `showBallots` comes from the policy (open ballots only). */
export async function getVote(input: {
  db: DbOrTx;
  voteId: number;
  viewerPersonId: number | null;
  showBallots: boolean;
}): Promise<VoteView> {
  const row = (await input.db.select().from(votes).where(eq(votes.id, input.voteId)))[0];
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
