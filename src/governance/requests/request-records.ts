/**
 * What happens to a request after it is opened: the target acknowledges and answers it, either
 * side comments (or objects), the asking side names a new owner, and a target group says whether
 * it takes requests by lazy consensus. Each locks the request's row first, so an answer and the
 * deadline sweep never both apply: whichever holds the row first wins, and the other sees its work.
 */
import { z } from "zod";
import { appendAudit, notify } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import type { Tx } from "../../platform/db/index.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { Flag, oneOf, optionalText, Slug, text } from "../../platform/validation.ts";
import { type DecisionActor, isParticipant } from "../decisions/decisions.repo.ts";
import type { RequestDeps } from "./deps.ts";
import { requestNoticeTemplate } from "./request.template.ts";
import {
  findPerson,
  findRequest,
  insertComment,
  lockRequest,
  type RequestRow,
  saveRequestSettings,
  updateRequest,
} from "./requests.repo.ts";
import { OUTCOMES_FOR, type RequestState } from "./rules.ts";
import { findRequestSubject, type RequestOutcome } from "./subjects.ts";

/** Test seam: runs once the request's row is locked, inside the transaction. */
export interface RequestHooks {
  afterLock?: () => Promise<void>;
}

const WAITING: readonly RequestState[] = ["open", "acknowledged"];

async function lockWaiting(tx: Tx, id: number): Promise<RequestRow> {
  const row = await lockRequest(tx, id);
  if (!row) throw new AppError("not_found", { message: `No request #${id}.` });
  if (!WAITING.includes(row.state as RequestState)) {
    throw new AppError("conflict", {
      message:
        row.state === "answered"
          ? `Request #${id} is already answered (${row.outcome}${row.byLazyConsensus ? ", by lazy consensus" : ""}).`
          : `Request #${id} has expired; open a new one.`,
    });
  }
  return row;
}

/** The name of a request's target, as notices say it. */
export function targetName(r: {
  targetKind: string;
  targetGroup: { name: string } | null;
  targetPersonName: string | null;
}): string {
  if (r.targetKind === "board") return "the Board";
  if (r.targetKind === "steering-council") return "the Steering Council";
  return r.targetGroup?.name ?? r.targetPersonName ?? "someone";
}

/** Writes a notice about a request to each person (once per request, notice and person). */
export async function noticeRequest(
  tx: Tx,
  input: {
    requestId: number;
    notice: z.input<typeof requestNoticeTemplate.data>["notice"];
    to: readonly number[];
    at: Date;
    outcome?: string;
  },
): Promise<number> {
  const record = await findRequest(tx, input.requestId);
  if (!record || input.to.length === 0) return 0;
  const ids = await notify(tx, {
    kind: `request.${input.notice}`,
    template: requestNoticeTemplate,
    at: input.at,
    cause: `request:${input.requestId}`,
    items: [...new Set(input.to)].map((personId) => ({
      to: { personId },
      dedupeKey: `request:${input.requestId}:${input.notice}:${personId}`,
      data: {
        requestId: input.requestId,
        title: record.title,
        fromName: record.from.name,
        toName: targetName(record),
        deadline: record.deadline,
        notice: input.notice,
        ...(input.outcome ? { outcome: input.outcome } : {}),
      },
    })),
  });
  return ids.length;
}

/** The asking side told of an answer: the owner and the opener. */
export const askingSide = (r: RequestRow) =>
  [r.ownerPersonId, r.openedByPersonId].filter((p): p is number => p !== null);

/** Marks a request acknowledged: the target has seen it and is working on it. */
export async function acknowledgeRequest(input: {
  deps: RequestDeps;
  actor: DecisionActor;
  id: number;
}): Promise<void> {
  const now = input.deps.clock.now();
  await input.deps.database.db.transaction(async (tx) => {
    const row = await lockWaiting(tx, input.id);
    if (row.state === "acknowledged") return;
    await updateRequest(tx, row.id, {
      state: "acknowledged",
      acknowledgedAt: now,
      acknowledgedByPersonId: input.actor.personId,
      updatedAt: now,
    });
    await appendAudit(tx, {
      by: input.actor,
      at: now,
      action: "request.acknowledged",
      subjectType: "request",
      subjectId: row.id,
      before: { state: row.state },
      after: { state: "acknowledged" },
    });
  });
}

/** The answer the target gives. */
export const AnswerInputSchema = z.object({
  outcome: oneOf(["approved", "rejected", "changes-requested", "commented"]).describe(
    "approved, rejected or changes-requested (approvals); commented (comments).",
  ),
  note: optionalText({ multiline: true, max: 4000 }).describe("Optional: the answer in words."),
});

/** Records the target's answer, who gave it and when, runs the subject's handler, and tells the asking side. */
export async function answerRequest(input: {
  deps: RequestDeps;
  actor: DecisionActor;
  id: number;
  input: unknown;
  hooks?: RequestHooks;
}): Promise<{ outcome: RequestOutcome }> {
  const parsed = AnswerInputSchema.safeParse(input.input);
  if (!parsed.success) throw validationError("answer", parsed.error.issues);
  const { outcome, note } = parsed.data;
  const now = input.deps.clock.now();
  return input.deps.database.db.transaction(async (tx) => {
    const row = await lockWaiting(tx, input.id);
    await input.hooks?.afterLock?.();
    const allowed = OUTCOMES_FOR[row.answerNeeded as keyof typeof OUTCOMES_FOR] ?? [];
    if (!allowed.includes(outcome)) {
      throw new AppError("validation", {
        message: `Invalid answer: this request needs ${row.answerNeeded === "approval" ? "an approval" : "a comment"}`,
        issues: [{ field: "outcome", message: `must be one of ${allowed.join(", ")}` }],
      });
    }
    await finishRequest(tx, row, {
      outcome,
      note,
      byLazyConsensus: false,
      actor: input.actor,
      now,
    });
    return { outcome };
  });
}

/**
 * Closes a waiting request whose subject its own room decided another way, in that room's
 * transaction (a marketing partner step decided on the item's page, or by the Board once the
 * partner's deadline passed): answered with that outcome and audited like any answer, the asking
 * side told, so the sweep stops reminding and escalating. False when it no longer waits.
 */
export async function settleRequest(
  tx: Tx,
  input: { requestId: number; outcome: RequestOutcome; note: string | null; actor: DecisionActor; now: Date },
): Promise<boolean> {
  const row = await lockRequest(tx, input.requestId);
  if (!row || !WAITING.includes(row.state as RequestState)) return false;
  await finishRequest(tx, row, {
    outcome: input.outcome,
    note: input.note,
    byLazyConsensus: false,
    actor: input.actor,
    now: input.now,
  });
  return true;
}

/** Writes an answer (given, or lazy consensus) on a locked, waiting request: the subject's handler, the audit, the notices. */
export async function finishRequest(
  tx: Tx,
  row: RequestRow,
  answer: {
    outcome: RequestOutcome;
    note: string | null;
    byLazyConsensus: boolean;
    actor: DecisionActor;
    now: Date;
  },
): Promise<void> {
  const { now } = answer;
  await updateRequest(tx, row.id, {
    state: "answered",
    outcome: answer.outcome,
    byLazyConsensus: answer.byLazyConsensus,
    answerNote: answer.note,
    answeredAt: now,
    answeredByUserId: answer.actor.userId,
    answeredByPersonId: answer.actor.personId,
    updatedAt: now,
  });
  if (row.subjectType !== null && row.subjectId !== null) {
    await findRequestSubject(row.subjectType)?.onAnswered?.({
      tx,
      requestId: row.id,
      subjectId: row.subjectId,
      outcome: answer.outcome,
      byLazyConsensus: answer.byLazyConsensus,
      answeredByPersonId: answer.actor.personId,
      note: answer.note,
      now,
    });
  }
  await appendAudit(tx, {
    by: answer.actor,
    at: now,
    action: answer.byLazyConsensus ? "request.lazy-consensus" : "request.answered",
    subjectType: "request",
    subjectId: row.id,
    before: { state: row.state },
    after: { state: "answered", outcome: answer.outcome, byLazyConsensus: answer.byLazyConsensus },
  });
  await noticeRequest(tx, {
    requestId: row.id,
    notice: answer.byLazyConsensus ? "lazy-consensus" : "answered",
    to: askingSide(row),
    at: now,
    outcome: answer.outcome,
  });
}

/** A comment in a request's thread. */
export const CommentInputSchema = z.object({
  body: text({ multiline: true, max: 4000 }).describe("The comment."),
  objection: Flag.describe("An objection: lazy consensus no longer applies."),
});

/** Adds a comment (or an objection) to a request's thread; the thread stays open after an answer. */
export async function commentOnRequest(input: {
  deps: RequestDeps;
  actor: DecisionActor;
  authorName: string;
  id: number;
  input: unknown;
}): Promise<{ id: number }> {
  const parsed = CommentInputSchema.safeParse(input.input);
  if (!parsed.success) throw validationError("comment", parsed.error.issues);
  const now = input.deps.clock.now();
  return input.deps.database.db.transaction(async (tx) => {
    const row = await lockRequest(tx, input.id);
    if (!row) throw new AppError("not_found", { message: `No request #${input.id}.` });
    if (parsed.data.objection && !WAITING.includes(row.state as RequestState)) {
      throw new AppError("conflict", {
        message: `Request #${row.id} is no longer waiting; an objection comes too late.`,
      });
    }
    const id = await insertComment(tx, {
      requestId: row.id,
      authorUserId: input.actor.userId,
      authorPersonId: input.actor.personId,
      authorName: input.authorName,
      body: parsed.data.body,
      objection: parsed.data.objection,
      createdAt: now,
    });
    await appendAudit(tx, {
      by: input.actor,
      at: now,
      action: "request.commented",
      subjectType: "request",
      subjectId: row.id,
      after: { commentId: id, objection: parsed.data.objection },
    });
    return { id };
  });
}

/** The new owner on the asking side. */
export const OwnerInputSchema = z.object({
  owner: Slug.describe("The person (slug) who owns the request on the asking side."),
});

/** Names a new owner (a participant of the asking group). */
export async function reassignRequest(input: {
  deps: RequestDeps;
  actor: DecisionActor;
  id: number;
  input: unknown;
}): Promise<void> {
  const parsed = OwnerInputSchema.safeParse(input.input);
  if (!parsed.success) throw validationError("owner", parsed.error.issues);
  const now = input.deps.clock.now();
  await input.deps.database.db.transaction(async (tx) => {
    const row = await lockWaiting(tx, input.id);
    const person = await findPerson(tx, parsed.data.owner);
    const problem = !person
      ? `no person "${parsed.data.owner}"`
      : !(await isParticipant(tx, row.fromGroupId, person.id, dayOf(now)))
        ? `${person.name} does not take part in the asking group`
        : null;
    if (!person || problem) {
      throw new AppError("validation", {
        message: `Invalid owner: ${problem}`,
        issues: [{ field: "owner", message: problem ?? "unknown" }],
      });
    }
    await updateRequest(tx, row.id, { ownerPersonId: person.id, updatedAt: now });
    await appendAudit(tx, {
      by: input.actor,
      at: now,
      action: "request.owner-changed",
      subjectType: "request",
      subjectId: row.id,
      before: { ownerPersonId: row.ownerPersonId },
      after: { ownerPersonId: person.id },
    });
  });
}

/** Whether a target group takes requests by lazy consensus. */
export const RequestSettingsSchema = z.object({
  allowLazyConsensus: Flag.describe(
    "Requests to this group may be approved if nobody objects by the deadline.",
  ),
});

/** Records a group's request settings (its Chair or Co-Chair; the route's policy decides). */
export async function setRequestSettings(input: {
  deps: RequestDeps;
  actor: DecisionActor;
  groupId: number;
  input: unknown;
}): Promise<void> {
  const parsed = RequestSettingsSchema.safeParse(input.input);
  if (!parsed.success) throw validationError("settings", parsed.error.issues);
  const now = input.deps.clock.now();
  await input.deps.database.db.transaction(async (tx) => {
    await saveRequestSettings(tx, {
      groupId: input.groupId,
      allowLazyConsensus: parsed.data.allowLazyConsensus,
      now,
    });
    await appendAudit(tx, {
      by: input.actor,
      at: now,
      action: "request.settings",
      subjectType: "group",
      subjectId: input.groupId,
      after: parsed.data,
    });
  });
}
