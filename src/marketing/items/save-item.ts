/**
 * Saves an edit of an item as a new revision. Refused (409, the typed fields re-shown) when someone
 * else holds the edit lock or when the edit started from an older revision than the current one, so
 * two people never overwrite each other. An edit of an item under review or approved voids the
 * approvals given and takes the item back to draft.
 */
import type { Clock } from "../../platform/clock.ts";
import type { Db, Tx } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { ContentKind, ItemState } from "../content-kinds.ts";
import { getItemForUpdate, type ItemRow, insertRevision, updateItem, voidSteps } from "../marketing.repo.ts";
import { editVoidsReview, moveRefusal } from "../workflow.ts";
import { auditItem, type ItemActor } from "./audit-item.ts";
import { checkFields, type ItemFields, itemColumns, revisionFields } from "./item-fields.ts";

/** Refuses a write while another person's lock runs. */
export function checkLock(item: ItemRow, by: ItemActor, now: Date): void {
  if (
    item.lockUserId !== null &&
    item.lockUserId !== by.userId &&
    item.lockExpiresAt &&
    item.lockExpiresAt > now
  ) {
    throw new AppError("conflict", {
      message: `${item.lockName ?? "Someone"} is editing this item until ${item.lockExpiresAt.toISOString()}; your text was not saved, copy it and try again later.`,
    });
  }
}

/** Inserts revision `number` of an item: its title, body and the other fields, by whom and when. */
export async function addRevision(
  tx: Tx,
  input: {
    itemId: number;
    number: number;
    fields: ItemFields;
    by: ItemActor;
    now: Date;
    restoredFrom?: number;
  },
): Promise<void> {
  const { fields: f, by } = input;
  await insertRevision(tx, {
    itemId: input.itemId,
    number: input.number,
    title: f.title,
    body: f.body,
    fields: revisionFields(f),
    byUserId: by.userId,
    byName: by.name,
    savedAt: input.now,
    restoredFrom: input.restoredFrom ?? null,
  });
}

/** Writes fields as the item's next revision inside a transaction (shared with restoring). */
export async function writeRevision(
  tx: Tx,
  input: { item: ItemRow; fields: ItemFields; by: ItemActor; now: Date; restoredFrom?: number },
): Promise<{ revision: number; voided: number }> {
  const { item, fields: f, by, now } = input;
  const refusal = moveRefusal("edit", item.state as ItemState);
  if (refusal) throw new AppError("conflict", { message: refusal });
  const number = item.revision + 1;
  await addRevision(tx, { itemId: item.id, number, fields: f, by, now, restoredFrom: input.restoredFrom });
  const voids = editVoidsReview(item.state as ItemState);
  const voided = voids ? await voidSteps(tx, item.id) : 0;
  await updateItem(tx, item.id, {
    ...itemColumns(f),
    revision: number,
    updatedAt: now,
    ...(voids ? { state: "draft", scheduledFor: null } : {}),
    // Saving ends the saver's own lock.
    ...(item.lockUserId === by.userId ? { lockUserId: null, lockName: null, lockExpiresAt: null } : {}),
  });
  return { revision: number, voided };
}

/** Saves the edit; returns the new revision number and how many approvals it voided. */
export async function saveItem(input: {
  db: Db;
  clock: Clock;
  itemId: number;
  /** The revision the edit started from. */
  baseRevision: number;
  fields: ItemFields;
  by: ItemActor;
}): Promise<{ revision: number; voided: number }> {
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const item = await getItemForUpdate(tx, input.itemId);
    checkFields(item.kind as ContentKind, item.network, input.fields, item.docType);
    checkLock(item, input.by, now);
    if (input.baseRevision !== item.revision) {
      throw new AppError("conflict", {
        message: `This item was saved as revision ${item.revision} by someone else after you opened revision ${input.baseRevision}; your text was not saved.`,
        issues: [
          {
            field: "body",
            message: `revision ${item.revision} by someone else was saved after you opened revision ${input.baseRevision}: your text is kept here; copy it, open the item again and merge it into the current revision`,
          },
        ],
      });
    }
    const saved = await writeRevision(tx, { item, fields: input.fields, by: input.by, now });
    await auditItem(tx, {
      by: input.by,
      at: now,
      action: "marketing.item-edit",
      itemId: item.id,
      before: { revision: item.revision, state: item.state },
      after: { revision: saved.revision, voidedApprovals: saved.voided },
    });
    return saved;
  });
}
