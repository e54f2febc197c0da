/**
 * Decides one review step of an item: approve or ask for changes. The workflow rules say who may
 * (never one of the item's authors; the partner group, or the Board once the partner's deadline has
 * passed); the item is approved when every step is, and goes back for changes when one asks.
 */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import {
  decidePendingStep,
  findMarketingGroup,
  getItemForUpdate,
  listRevisions,
  liveSteps,
  updateItem,
} from "../marketing.repo.ts";
import { isOverdue, type ReviewerFacts, roundOutcome, type StepFacts, stepRefusal } from "../workflow.ts";
import { auditItem, type ItemActor } from "./audit-item.ts";
import { settlePartnerRequest } from "./content-request.ts";
import { recordApproval } from "./record-approval.ts";

/** Records the decision; returns the item's state after it. */
export async function reviewItem(input: {
  db: Db;
  clock: Clock;
  itemId: number;
  stepId: number;
  decision: "approve" | "request-changes";
  comment: string | null;
  reviewer: ReviewerFacts;
  by: ItemActor;
}): Promise<{ state: string; escalated: boolean }> {
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const item = await getItemForUpdate(tx, input.itemId);
    if (item.state !== "in-review")
      throw new AppError("conflict", { message: `This item is not in review (it is ${item.state}).` });
    const steps = await liveSteps(tx, item.id);
    const step = steps.find((s) => s.id === input.stepId);
    if (!step)
      throw new AppError("not_found", { message: `No open review step ${input.stepId} on this item.` });
    // A decided step is a conflict with its state, not a question of who asks.
    if (step.status !== "pending")
      throw new AppError("conflict", { message: "This step has already been decided." });
    const group = await findMarketingGroup(tx);
    const authors = new Set(
      (await listRevisions(tx, item.id)).flatMap((r) => (r.byUserId === null ? [] : [r.byUserId])),
    );
    if (item.createdByUserId !== null) authors.add(item.createdByUserId);
    const facts = step as StepFacts;
    const refusal = stepRefusal({
      step: facts,
      reviewer: input.reviewer,
      groupId: group?.id ?? -1,
      authorUserIds: authors,
      now,
    });
    if (refusal) throw new AppError("forbidden", { message: refusal });
    // Decided for the Board: an overdue partner step decided by someone who is not the partner
    // (the partner group, or the Steering Council for a partner that is no group).
    const partner =
      step.groupId !== null ? input.reviewer.groupIds.has(step.groupId) : input.reviewer.steeringCouncil;
    const escalated = isOverdue(facts, now) && !partner;
    const status = input.decision === "approve" ? "approved" : "changes-requested";
    if (status === "changes-requested" && !input.comment) {
      throw new AppError("validation", {
        message: "Invalid review: comment: say what should change",
        issues: [{ field: "comment", message: "say what should change" }],
      });
    }
    await decidePendingStep(tx, step.id, {
      status,
      decidedByUserId: input.by.userId,
      decidedByName: input.by.name,
      decidedAt: now,
      comment: input.comment,
    });
    if (step.step === "partner" && step.requestId !== null) {
      await settlePartnerRequest(tx, {
        requestId: step.requestId,
        status,
        comment: input.comment,
        by: input.by,
        forBoard: escalated,
        now,
      });
    }
    const outcome = roundOutcome(
      steps.map((s) => (s.id === step.id ? { status } : { status: s.status as StepFacts["status"] })),
    );
    if (outcome !== "in-review") {
      await updateItem(tx, item.id, { state: outcome, updatedAt: now });
    }
    if (outcome === "approved") {
      await recordApproval(tx, {
        itemId: item.id,
        revision: step.revision,
        deciders: steps.map((s) => (s.id === step.id ? input.by.name : s.decidedByName)),
        now,
      });
    }
    await auditItem(tx, {
      by: input.by,
      at: now,
      action: "marketing.item-review",
      itemId: item.id,
      before: { step: step.step, who: step.who, status: "pending" },
      after: {
        status,
        comment: input.comment,
        itemState: outcome,
        ...(escalated ? { decidedFor: "the Board, the partner's deadline having passed" } : {}),
      },
    });
    return { state: outcome, escalated };
  });
}
