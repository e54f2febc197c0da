import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { type AuditActor, appendAudit } from "../audit/audit.repo.ts";
import { stillNeedsOwner } from "./open-items.ts";
import { clearHandoverItem, findHandoverItem, type HandoverItemRow } from "./ownership.repo.ts";
import { openItemSource } from "./sources.ts";

/**
 * Gives a flagged item a new owner: the item's room makes the change, the flag is cleared with who
 * did it and to whom, and the audit log records it, in one transaction. The new owner must be
 * someone other than the person who left; an item already handed on, finished or reassigned is a
 * conflict. Who may do it (the group's Chair, the Board) is the policy's decision, made before.
 */
export async function reassignOpenItem(input: {
  db: Db;
  now: Date;
  by: AuditActor;
  handoverItemId: number;
  toPersonId: number;
}): Promise<HandoverItemRow> {
  return input.db.transaction(async (tx) => {
    const found = await findHandoverItem(tx, input.handoverItemId);
    if (!found) throw new AppError("not_found", { message: `No flagged item ${input.handoverItemId}.` });
    const { item, handover } = found;
    const source = openItemSource(item.sourceKind);
    if (!source) {
      throw new AppError("conflict", {
        message: `Items of kind ${item.sourceKind} can no longer be reassigned.`,
      });
    }
    const current = (await source.listOpenForGroup(tx, { groupId: handover.groupId })).find(
      (i) => i.id === item.itemId,
    );
    const flag = { ...item, leaverPersonId: handover.personId };
    if (!stillNeedsOwner(flag, current)) {
      throw new AppError("conflict", {
        message: `“${item.title}” no longer needs a new owner (handed on, finished or reassigned already).`,
      });
    }
    if (input.toPersonId === handover.personId) {
      throw new AppError("validation", {
        message: "Invalid new owner: it is the person whose role ended",
        issues: [{ field: "personId", message: "choose someone other than the person whose role ended" }],
      });
    }
    await source.reassign(tx, {
      groupId: handover.groupId,
      itemId: item.itemId,
      toPersonId: input.toPersonId,
    });
    const after = await clearHandoverItem(tx, item.id, {
      clearedAt: input.now,
      clearedByUserId: input.by.userId,
      newOwnerPersonId: input.toPersonId,
    });
    if (!after) throw new AppError("conflict", { message: `“${item.title}” was reassigned meanwhile.` });
    await appendAudit(tx, {
      by: input.by,
      at: input.now,
      action: "ownership.reassigned",
      subjectType: item.sourceKind,
      subjectId: item.itemId,
      before: { ownerPersonId: handover.personId, handoverId: handover.id },
      after: { ownerPersonId: input.toPersonId, handoverId: handover.id },
      cause: `handover:${handover.id}`,
    });
    return after;
  });
}
