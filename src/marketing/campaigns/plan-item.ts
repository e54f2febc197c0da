/** Puts an item in a campaign (at most one) and on a planned day, or takes it out of both. */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { auditItem, type ItemActor } from "../items/audit-item.ts";
import { campaignExists, getItemForUpdate, updateItem } from "../marketing.repo.ts";

/** Sets the item's campaign (null: none) and planned day (null: none). */
export async function planItem(input: {
  db: Db;
  clock: Clock;
  itemId: number;
  campaignId: number | null;
  plannedOn: string | null;
  by: ItemActor;
}): Promise<void> {
  const now = input.clock.now();
  await input.db.transaction(async (tx) => {
    const item = await getItemForUpdate(tx, input.itemId);
    if (input.campaignId !== null) {
      if (!(await campaignExists(tx, input.campaignId)))
        throw new AppError("validation", {
          message: `Invalid plan: campaign: no campaign ${input.campaignId}`,
          issues: [{ field: "campaign", message: "no such campaign" }],
        });
    }
    await updateItem(tx, item.id, {
      campaignId: input.campaignId,
      plannedOn: input.plannedOn,
      updatedAt: now,
    });
    await auditItem(tx, {
      by: input.by,
      at: now,
      action: "marketing.item-plan",
      itemId: item.id,
      before: { campaignId: item.campaignId, plannedOn: item.plannedOn },
      after: { campaignId: input.campaignId, plannedOn: input.plannedOn },
    });
  });
}
