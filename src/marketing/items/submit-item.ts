/**
 * Sends an item for review: one step per approval its row of the delegation matrix requires, the
 * partner steps with a deadline after which the Board may decide in the partner's place. Each
 * partner step is then asked for as a request to the partner group (requests between groups),
 * once the round is stored.
 */
import { dayOf } from "../../kernel/rules.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { type ItemState, PARTNER_DAYS } from "../content-kinds.ts";
import { getMatrix } from "../get-matrix.ts";
import { getItemForUpdate, insertSteps, updateItem } from "../marketing.repo.ts";
import { moveRefusal } from "../workflow.ts";
import { auditItem, type ItemActor } from "./audit-item.ts";
import { requestPartnerSignOffs } from "./content-request.ts";

/**
 * When a partner step sent at `now` falls due: the end (UTC) of the day PARTNER_DAYS days later,
 * the same instant the request asking the partner passes its deadline (a request's deadline is
 * the last day to answer), so the Board never decides while the partner's request is still in time.
 */
export function partnerDueAt(now: Date): Date {
  const day = Date.parse(`${dayOf(new Date(now.getTime() + PARTNER_DAYS * 86_400_000))}T00:00:00Z`);
  return new Date(day + 86_400_000);
}

/** Opens the round of review; returns its steps in words. */
export async function submitItem(input: {
  database: Database;
  clock: Clock;
  itemId: number;
  by: ItemActor;
}): Promise<{ steps: string[]; requests: number[] }> {
  const now = input.clock.now();
  const round = await input.database.db.transaction(async (tx) => {
    const item = await getItemForUpdate(tx, input.itemId);
    const refusal = moveRefusal("submit", item.state as ItemState);
    if (refusal) throw new AppError("conflict", { message: refusal });
    const matrix = await getMatrix({ db: tx, clock: input.clock });
    const row = matrix.rows.find((r) => r.kind === item.kind);
    if (!row) throw new AppError("internal", { message: `No matrix row for ${item.kind}.` });
    const due = partnerDueAt(now);
    await insertSteps(
      tx,
      row.steps.map((s) => ({
        itemId: item.id,
        revision: item.revision,
        step: s.step,
        groupId: s.step === "member" ? matrix.group.id : s.groupId,
        who: s.who,
        dueAt: s.step === "partner" ? due : null,
        createdAt: now,
      })),
    );
    await updateItem(tx, item.id, { state: "in-review", updatedAt: now });
    await auditItem(tx, {
      by: input.by,
      at: now,
      action: "marketing.item-submit",
      itemId: item.id,
      before: { state: item.state },
      after: { state: "in-review", revision: item.revision, steps: row.steps.map((s) => s.who) },
    });
    return { steps: row.steps.map((s) => s.who) };
  });
  const requests = await requestPartnerSignOffs(input);
  return { ...round, requests };
}
