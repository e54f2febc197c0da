/** A site administrator sends a failed delivery again: a new round of attempts, audited. */

import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { type AuditActor, appendAudit } from "../audit/audit.repo.ts";
import { listDeliveries, requeueFailed } from "./notifications.repo.ts";

/** Puts failed delivery `id` back in the queue (due now); refuses one that is not failed. */
export async function retryDelivery(input: { db: Db; id: number; now: Date; by: AuditActor }): Promise<void> {
  await input.db.transaction(async (tx) => {
    const done = await requeueFailed(tx, { id: input.id, now: input.now });
    if (!done) {
      const [found] = await listDeliveries(tx, { id: input.id, limit: 1 });
      if (!found) throw new AppError("not_found", { message: `There is no delivery ${input.id}.` });
      throw new AppError("conflict", {
        message: `Delivery ${input.id} is ${found.status}, not failed; only failed deliveries are sent again.`,
      });
    }
    await appendAudit(tx, {
      by: input.by,
      at: input.now,
      action: "notification.retry",
      subjectType: "notification-delivery",
      subjectId: input.id,
      after: { status: "pending" },
    });
  });
}
