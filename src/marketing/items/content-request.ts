/**
 * Partner sign-offs as requests between groups: a content item is a request subject
 * (`marketing.content-item`), and a partner step is asked for with a request to the partner group
 * (or the Steering Council for core contributors), due on the step's deadline. When the request is
 * answered, the answer decides the step, in the answer's transaction.
 */
import {
  defineRequestSubject,
  openRequest,
  type RequestAnsweredContext,
  settleRequest,
} from "../../governance/index.ts";
import { appendAudit } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Tx } from "../../platform/db/client.ts";
import type { Database } from "../../platform/db/index.ts";
import {
  decidePendingStep,
  findItem,
  findItemTitle,
  getItemForUpdate,
  linkStepRequest,
  listGroupNames,
  liveSteps,
  MARKETING_SLUG,
  updateItem,
} from "../marketing.repo.ts";
import { roundOutcome, type StepFacts } from "../workflow.ts";
import type { ItemActor } from "./audit-item.ts";
import { recordApproval } from "./record-approval.ts";

/** Applies a request's answer to the partner step it asked for. */
export async function applyRequestAnswer(ctx: RequestAnsweredContext): Promise<void> {
  if (ctx.outcome === "commented") return;
  const itemId = Number(ctx.subjectId);
  const item = await getItemForUpdate(ctx.tx, itemId);
  const steps = await liveSteps(ctx.tx, itemId);
  const step = steps.find((s) => s.requestId === ctx.requestId && s.status === "pending");
  // An edit voided the step the request asked about: the answer no longer applies to the item.
  if (!step || item.state !== "in-review") return;
  const status = ctx.outcome === "approved" ? "approved" : "changes-requested";
  const by = ctx.byLazyConsensus ? "nobody objected by the deadline" : `answer to request ${ctx.requestId}`;
  await decidePendingStep(ctx.tx, step.id, {
    status,
    decidedByName: by,
    decidedAt: ctx.now,
    comment: ctx.note,
  });
  const outcome = roundOutcome(
    steps.map((s) => (s.id === step.id ? { status } : { status: s.status as StepFacts["status"] })),
  );
  if (outcome !== "in-review") {
    await updateItem(ctx.tx, itemId, { state: outcome, updatedAt: ctx.now });
  }
  if (outcome === "approved") {
    await recordApproval(ctx.tx, {
      itemId,
      revision: step.revision,
      deciders: steps.map((s) => (s.id === step.id ? by : s.decidedByName)),
      now: ctx.now,
    });
  }
  await appendAudit(ctx.tx, {
    by: { userId: null, label: by },
    at: ctx.now,
    action: "marketing.item-review",
    subjectType: "marketing-item",
    subjectId: itemId,
    before: { step: step.step, who: step.who, status: "pending" },
    after: { status, comment: ctx.note, itemState: outcome, request: ctx.requestId },
  });
}

/**
 * A partner step decided on the item's page (by the partner group, or by the Board once the
 * deadline passed) answers the request that asked for it, in the decision's transaction, so the
 * request is not escalated or expired for a step already decided.
 */
export async function settlePartnerRequest(
  tx: Tx,
  input: {
    requestId: number;
    status: "approved" | "changes-requested";
    comment: string | null;
    by: ItemActor;
    forBoard: boolean;
    now: Date;
  },
): Promise<boolean> {
  const where = input.forBoard ? "for the Board, the deadline having passed" : "on the item's page";
  return settleRequest(tx, {
    requestId: input.requestId,
    outcome: input.status,
    note: input.comment ?? `Decided by ${input.by.name} ${where}.`,
    actor: { userId: input.by.userId, personId: null, label: `${input.by.name} (${where})` },
    now: input.now,
  });
}

/** Content items as the subject of requests between groups. */
export const contentItemSubject = defineRequestSubject({
  type: "marketing.content-item",
  load: async (db, id) => {
    const n = Number(id);
    if (!Number.isInteger(n) || n < 1) return null;
    return findItemTitle(db, n);
  },
  link: (id) => `/marketing/items/${id}`,
  onAnswered: applyRequestAnswer,
});

/** Opens a request for each pending partner step of the item without one, and links it to the step. */
export async function requestPartnerSignOffs(input: {
  database: Database;
  clock: Clock;
  itemId: number;
  by: ItemActor;
}): Promise<number[]> {
  const db = input.database.db;
  const item = await findItem(db, input.itemId);
  if (!item) return [];
  const opened: number[] = [];
  const groups = await listGroupNames(db);
  for (const s of await liveSteps(db, input.itemId)) {
    if (s.step !== "partner" || s.status !== "pending" || s.requestId !== null || !s.dueAt) continue;
    const slug = s.groupId === null ? null : groups.find((g) => g.id === s.groupId)?.slug;
    const { id } = await openRequest({
      deps: { database: input.database, clock: input.clock },
      // The room opens it on the group's behalf; the member who sent the item is named in the audit label.
      actor: { userId: input.by.userId, personId: null, label: `marketing (sent by ${input.by.name})` },
      from: MARKETING_SLUG,
      input: {
        target: slug ? `group:${slug}` : "steering-council",
        kind: "review",
        title: `Sign-off on "${item.title}" (revision ${s.revision})`,
        subjectType: contentItemSubject.type,
        subjectId: String(item.id),
        answerNeeded: "approval",
        // The step falls due at the end of the deadline day (partnerDueAt): that day is the last to answer.
        deadline: dayOf(new Date(s.dueAt.getTime() - 1)),
        visibility: "private",
      },
    });
    await linkStepRequest(db, s.id, id);
    opened.push(id);
  }
  return opened;
}
