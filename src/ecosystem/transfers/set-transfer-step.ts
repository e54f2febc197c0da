/** Sets a transfer step's owner, state and note (a step Guildhall verifies cannot be set done by hand). */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { audit } from "../maintainers/maintainers.repo.ts";
import { type SettableStepState, type Step, type StepOwner, VERIFIED_STEPS } from "./checklist.ts";
import type { Acting } from "./open-transfer.ts";
import { findTransfer, stepsOf, updateStep } from "./transfers.repo.ts";

/** Updates one step of an open transfer. */
export async function setTransferStep(input: {
  db: Db;
  clock: Clock;
  transferId: number;
  step: Step;
  owner: StepOwner;
  state: SettableStepState;
  note: string | null;
  by: Acting;
}) {
  if (VERIFIED_STEPS.includes(input.step) && (input.state === "done" || input.state === "in-progress")) {
    throw new AppError("validation", {
      message: `Invalid step: state: ${input.step} is verified from PyPI's owners at each sync; it can only be to do or not needed`,
      issues: [
        { field: "state", message: "verified from PyPI's owners at each sync; set to do or not needed" },
      ],
    });
  }
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const found = await findTransfer(tx, input.transferId);
    if (!found) throw new AppError("not_found", { message: `No transfer ${input.transferId}.` });
    if (found.transfer.state !== "open") {
      throw new AppError("conflict", {
        message: `This transfer is ${found.transfer.state}; its checklist is closed.`,
      });
    }
    const before = (await stepsOf(tx, input.transferId)).find((s) => s.step === input.step);
    const saved = await updateStep(
      tx,
      { transferId: input.transferId, step: input.step },
      {
        owner: input.owner,
        state: input.state,
        note: input.note ?? "",
        updatedByName: input.by.name,
        updatedAt: now,
      },
    );
    if (!saved)
      throw new AppError("not_found", { message: `No step ${input.step} on transfer ${input.transferId}.` });
    await audit(tx, {
      by: input.by,
      at: now,
      action: "transfer.step",
      subjectType: "transfer",
      subjectId: String(input.transferId),
      before: before
        ? { step: before.step, owner: before.owner, state: before.state, note: before.note }
        : null,
      after: { step: saved.step, owner: saved.owner, state: saved.state, note: saved.note },
    });
    return saved;
  });
}
