import { and, desc, eq } from "drizzle-orm";
import { schema } from "../../platform/db/index.ts";
import type { DbOrTx } from "./decisions.repo.ts";
import { buildVoteViews, type VoteView } from "./vote-views.ts";

const { votes } = schema;

/** Lists a group's votes (open first, then newest), or every group's open votes when no group is given. */
export async function listVotes(input: {
  db: DbOrTx;
  groupId?: number;
  status?: "open" | "closed";
  viewerPersonId: number | null;
}): Promise<VoteView[]> {
  const rows = await input.db
    .select()
    .from(votes)
    .where(
      and(
        input.groupId === undefined ? undefined : eq(votes.groupId, input.groupId),
        input.status === undefined ? undefined : eq(votes.status, input.status),
      ),
    )
    .orderBy(desc(votes.status), desc(votes.id));
  return buildVoteViews({ db: input.db, rows, viewerPersonId: input.viewerPersonId, showBallots: false });
}
