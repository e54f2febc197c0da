/** Takes (or renews) the edit lock of an item for a while, so others see who is editing. */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { getItemForUpdate, updateItem } from "../marketing.repo.ts";
import type { ItemActor } from "./audit-item.ts";
import { checkLock } from "./save-item.ts";

/** How long a lock lasts. */
export const LOCK_MINUTES = 30;

/** Takes the lock; refused (409) while someone else's runs. */
export async function takeEditLock(input: {
  db: Db;
  clock: Clock;
  itemId: number;
  by: ItemActor;
}): Promise<{ until: Date }> {
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const item = await getItemForUpdate(tx, input.itemId);
    checkLock(item, input.by, now);
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    await updateItem(tx, item.id, {
      lockUserId: input.by.userId,
      lockName: input.by.name,
      lockExpiresAt: until,
    });
    return { until };
  });
}
