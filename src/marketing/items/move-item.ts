/** Schedules, publishes or archives an item, as the workflow allows. */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { ContentKind, ItemState } from "../content-kinds.ts";
import { getItemForUpdate, updateItem } from "../marketing.repo.ts";
import { moveRefusal } from "../workflow.ts";
import { auditItem, type ItemActor } from "./audit-item.ts";

/** Moves the item; `at` is required to schedule and must be in the future. */
export async function moveItem(input: {
  db: Db;
  clock: Clock;
  itemId: number;
  move: "schedule" | "publish" | "archive";
  at: Date | null;
  by: ItemActor;
}): Promise<{ state: ItemState }> {
  const now = input.clock.now();
  if (input.move === "schedule" && (!input.at || input.at <= now)) {
    throw new AppError("validation", {
      message: "Invalid schedule: at: must be a time in the future",
      issues: [{ field: "at", message: "must be a time in the future" }],
    });
  }
  return input.db.transaction(async (tx) => {
    const item = await getItemForUpdate(tx, input.itemId);
    const refusal = moveRefusal(input.move, item.state as ItemState, item.kind as ContentKind);
    if (refusal) throw new AppError("conflict", { message: refusal });
    const state: ItemState =
      input.move === "schedule" ? "scheduled" : input.move === "publish" ? "published" : "archived";
    await updateItem(tx, item.id, {
      state,
      updatedAt: now,
      ...(input.move === "schedule" ? { scheduledFor: input.at } : {}),
      ...(input.move === "publish" ? { publishedAt: now } : {}),
    });
    await auditItem(tx, {
      by: input.by,
      at: now,
      action: "marketing.item-move",
      itemId: item.id,
      before: { state: item.state },
      after: { state, ...(input.at ? { at: input.at.toISOString() } : {}) },
    });
    return { state };
  });
}
