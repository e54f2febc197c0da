/**
 * When a round of review ends approved, the item keeps which revision was approved, when and by
 * whom. A later edit voids the round's steps but not this record: a strategy document shows its
 * approved revision until another round approves a newer one.
 */
import type { Tx } from "../../platform/db/client.ts";
import { findRevisionId, updateItem } from "../marketing.repo.ts";

/** Records the approval of revision `revision` of the item, by the deciders of the round's steps. */
export async function recordApproval(
  tx: Tx,
  input: { itemId: number; revision: number; deciders: readonly (string | null)[]; now: Date },
): Promise<void> {
  const rev = await findRevisionId(tx, input.itemId, input.revision);
  if (!rev) throw new Error(`no revision ${input.revision} of item ${input.itemId}`);
  const names = [...new Set(input.deciders.filter((n): n is string => n !== null && n !== ""))];
  await updateItem(tx, input.itemId, {
    approvedRevisionId: rev.id,
    approvedAt: input.now,
    approvedByName: names.join(", ") || "unknown",
  });
}
