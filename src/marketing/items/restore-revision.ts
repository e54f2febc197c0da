/** Restores an old revision of an item: its fields become a new revision (nothing is lost). */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { getItemForUpdate, listRevisions } from "../marketing.repo.ts";
import { auditItem, type ItemActor } from "./audit-item.ts";
import type { ItemFields } from "./item-fields.ts";
import { checkLock, writeRevision } from "./save-item.ts";

/** Restores revision `number`; returns the new revision's number. */
export async function restoreRevision(input: {
  db: Db;
  clock: Clock;
  itemId: number;
  number: number;
  by: ItemActor;
}): Promise<{ revision: number; voided: number }> {
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const item = await getItemForUpdate(tx, input.itemId);
    checkLock(item, input.by, now);
    const old = (await listRevisions(tx, item.id)).find((r) => r.number === input.number);
    if (!old) throw new AppError("not_found", { message: `No revision ${input.number} of this item.` });
    const f = old.fields as Partial<ItemFields>;
    const fields: ItemFields = {
      title: old.title,
      body: old.body,
      slug: f.slug ?? null,
      summary: f.summary ?? null,
      authors: f.authors ?? [],
      tags: f.tags ?? [],
      socialCardUrl: f.socialCardUrl ?? null,
      socialCardAlt: f.socialCardAlt ?? null,
    };
    const saved = await writeRevision(tx, { item, fields, by: input.by, now, restoredFrom: old.number });
    await auditItem(tx, {
      by: input.by,
      at: now,
      action: "marketing.item-restore",
      itemId: item.id,
      before: { revision: item.revision },
      after: { revision: saved.revision, restoredFrom: old.number, voidedApprovals: saved.voided },
    });
    return saved;
  });
}
