import type { DbOrTx } from "./decisions.repo.ts";
import { buildVoteViews, type VoteView } from "./vote-views.ts";
import { selectVoteRows } from "./votes.repo.ts";

/** Lists a group's votes (open first, then newest), or every group's open votes when no group is given. */
export async function listVotes(input: {
  db: DbOrTx;
  groupId?: number;
  status?: "open" | "closed";
  viewerPersonId: number | null;
}): Promise<VoteView[]> {
  const rows = await selectVoteRows(input.db, { groupId: input.groupId, status: input.status });
  return buildVoteViews({ db: input.db, rows, viewerPersonId: input.viewerPersonId, showBallots: false });
}
