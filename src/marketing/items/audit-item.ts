/** The audit entry of a change to a content item or a campaign, in the change's transaction. */
import { appendAudit } from "../../kernel/index.ts";
import type { Tx } from "../../platform/db/client.ts";

/** Who acts on an item: an account, by name. */
export interface ItemActor {
  userId: number;
  name: string;
}

/** Appends one audit row about one of the room's subjects (an item, a campaign). */
export async function auditMarketing(
  tx: Tx,
  subject: { type: "marketing-item" | "marketing-campaign"; id: number },
  entry: { by: ItemActor; at: Date; action: string; before?: unknown; after?: unknown; cause?: string },
): Promise<void> {
  await appendAudit(tx, {
    by: { userId: entry.by.userId, label: `user:${entry.by.userId} (${entry.by.name})` },
    at: entry.at,
    action: entry.action,
    subjectType: subject.type,
    subjectId: subject.id,
    before: entry.before,
    after: entry.after,
    cause: entry.cause,
  });
}

/** Appends one audit row about an item. */
export async function auditItem(
  tx: Tx,
  entry: {
    by: ItemActor;
    at: Date;
    action: string;
    itemId: number;
    before?: unknown;
    after?: unknown;
    cause?: string;
  },
): Promise<void> {
  const { itemId, ...rest } = entry;
  await auditMarketing(tx, { type: "marketing-item", id: itemId }, rest);
}
