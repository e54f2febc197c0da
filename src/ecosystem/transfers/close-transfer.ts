/** Completes a transfer (every step done, verified or not needed) or cancels it. */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { audit } from "../maintainers/maintainers.repo.ts";
import { getTransfer } from "./get-transfer.ts";
import type { Acting } from "./open-transfer.ts";
import { closeTransferRow } from "./transfers.repo.ts";

/** Closes an open transfer as done or cancelled. */
export async function closeTransfer(input: {
  db: Db;
  clock: Clock;
  transferId: number;
  state: "done" | "cancelled";
  by: Acting;
}) {
  const view = await getTransfer({ db: input.db, id: input.transferId });
  if (view.state !== "open") {
    throw new AppError("conflict", { message: `This transfer is already ${view.state}.` });
  }
  if (input.state === "done" && !view.complete) {
    const left = view.steps.filter((s) => !["done", "verified", "not-needed"].includes(s.state));
    throw new AppError("conflict", {
      message: `The checklist is not finished: ${left.map((s) => `${s.step} (${s.state})`).join(", ")}.`,
    });
  }
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const closed = await closeTransferRow(tx, input.transferId, input.state, now);
    if (!closed) throw new AppError("conflict", { message: "This transfer is no longer open." });
    await audit(tx, {
      by: input.by,
      at: now,
      action: `transfer.${input.state}`,
      subjectType: "transfer",
      subjectId: String(closed.id),
      before: { state: "open" },
      after: { state: closed.state },
    });
    return closed;
  });
}
