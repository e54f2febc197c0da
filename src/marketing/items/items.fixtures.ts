/** Content items for tests: an item put straight into a state without the workflow, and approving a step. */
import { eq } from "drizzle-orm";
import type { Clock } from "../../platform/clock.ts";
import { type Db, schema } from "../../platform/db/index.ts";
import type { ContentKind } from "../content-kinds.ts";
import type { ReviewerFacts } from "../workflow.ts";
import type { ItemActor } from "./audit-item.ts";
import { createItem } from "./create-item.ts";
import type { ItemFields } from "./item-fields.ts";
import { reviewItem } from "./review-item.ts";

/**
 * Creates an item, then writes `set` (a state, dates, a campaign) straight onto its row, for tests
 * of what is shown rather than of the workflow. Returns its id.
 */
export async function placeItem(
  deps: { db: Db; clock: Clock },
  item: {
    kind: ContentKind;
    network: string | null;
    fields: ItemFields;
    by: ItemActor;
    set: Partial<typeof schema.marketingItems.$inferInsert>;
  },
): Promise<number> {
  const { set, ...made } = item;
  const { id } = await createItem({ ...deps, ...made });
  if (Object.keys(set).length > 0)
    await deps.db.update(schema.marketingItems).set(set).where(eq(schema.marketingItems.id, id));
  return id;
}

/** Approves step `stepId` of item `itemId`, with no comment, as `by` deciding with the facts `reviewer`. */
export function approveStep(
  deps: { db: Db; clock: Clock },
  step: { itemId: number; stepId: number; reviewer: ReviewerFacts; by: ItemActor },
): ReturnType<typeof reviewItem> {
  return reviewItem({ ...deps, ...step, decision: "approve", comment: null });
}

/** The facts of a reviewer who belongs to the groups `groupIds` and is neither on the Board nor the Steering Council. */
export function groupMemberFacts(userId: number, groupIds: Iterable<number>): ReviewerFacts {
  return { userId, groupIds: new Set(groupIds), board: false, steeringCouncil: false };
}
