/** Creates a content item as a draft, with its first revision. */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import type { ContentKind, DocType } from "../content-kinds.ts";
import { insertItem } from "../marketing.repo.ts";
import { auditItem, type ItemActor } from "./audit-item.ts";
import { checkFields, type ItemFields, itemColumns } from "./item-fields.ts";
import { addRevision } from "./save-item.ts";

/** Creates the item; returns its id. */
export async function createItem(input: {
  db: Db;
  clock: Clock;
  kind: ContentKind;
  network: string | null;
  /** Strategy documents: which document (required for them, refused for other kinds). */
  docType?: DocType | null;
  fields: ItemFields;
  by: ItemActor;
}): Promise<{ id: number }> {
  const docType = input.docType ?? null;
  checkFields(input.kind, input.network, input.fields, docType);
  const now = input.clock.now();
  const f = input.fields;
  return input.db.transaction(async (tx) => {
    const item = await insertItem(tx, {
      kind: input.kind,
      network: input.network,
      docType,
      ...itemColumns(f),
      createdByUserId: input.by.userId,
      createdByName: input.by.name,
      createdAt: now,
      updatedAt: now,
    });
    await addRevision(tx, { itemId: item.id, number: 1, fields: f, by: input.by, now });
    await auditItem(tx, {
      by: input.by,
      at: now,
      action: "marketing.item-create",
      itemId: item.id,
      after: { kind: input.kind, title: f.title, ...(docType ? { docType } : {}) },
    });
    return { id: item.id };
  });
}
