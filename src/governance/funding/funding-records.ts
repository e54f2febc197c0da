/**
 * Funding operations: a group asks (requestFunding), the Board opens its vote (openFundingVote:
 * the vote's closing decides, funding-subjects.ts), the asker withdraws a request not yet put to
 * a vote (withdrawFunding), and the group records spending against an approved request
 * (recordSpending: same currency, never beyond the approved amount). Each takes one object and
 * saves through funding.repo.ts.
 */
import { notify } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import { AppError } from "../../platform/errors.ts";
import {
  type DecisionActor,
  foundationRoleHolders,
  groupParticipants,
  loadGroup,
  recordAudit,
  type VoteRow,
} from "../decisions/decisions.repo.ts";
import { type DecisionDeps, parseInput } from "../decisions/deps.ts";
import { openVote } from "../decisions/open-vote.ts";
import { fundingRequestedTemplate } from "./funding-request.template.ts";
import "./funding-subjects.ts";
import {
  insertFundingRequest,
  insertSpending,
  loadFunding,
  lockFunding,
  setVoteAmount,
  spentSoFar,
  updateFundingRequest,
} from "./funding.repo.ts";
import { checkSpending, formatMoney, parseAmount } from "./money.ts";
import { FundingVoteInputSchema, RequestFundingInputSchema, SpendingInputSchema } from "./schemas.ts";

interface Call {
  deps: DecisionDeps;
  actor: DecisionActor;
}

const amountOf = (amount: string, currency: string, field = "amount"): number => {
  const parsed = parseAmount(amount, currency);
  if ("problem" in parsed) {
    throw new AppError("validation", {
      message: `Invalid funding: ${field}: ${parsed.problem}`,
      issues: [{ field, message: parsed.problem }],
    });
  }
  return parsed.minor;
};

/** Records a group's request for money; returns its id. */
export async function requestFunding(
  call: Call & { group: string | number; input: unknown },
): Promise<{ id: number }> {
  const input = parseInput("funding request", RequestFundingInputSchema, call.input);
  const amountMinor = amountOf(input.amount, input.currency);
  const now = call.deps.clock.now();
  return call.deps.database.db.transaction(async (tx) => {
    const group = await loadGroup(tx, call.group);
    if (group.status !== "active") {
      throw new AppError("conflict", {
        message: `${group.name} is ${group.status}: only active groups ask for funding.`,
      });
    }
    const row = await insertFundingRequest(tx, {
      groupId: group.id,
      requestedByUserId: call.actor.userId,
      requestedByPersonId: call.actor.personId,
      purpose: input.purpose,
      description: input.description,
      amountMinor,
      currency: input.currency,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      state: "requested",
      createdAt: now,
      updatedAt: now,
    });
    if (!row) throw new AppError("internal", { message: "The funding request was not saved." });
    await recordAudit(tx, {
      by: call.actor,
      at: now,
      action: "funding.requested",
      subjectType: "funding_request",
      subjectId: row.id,
      after: { groupId: group.id, purpose: input.purpose, amountMinor, currency: input.currency },
    });
    // The Board hears of it in the same transaction; those who may not vote on it are told so.
    const day = dayOf(now);
    const board = await foundationRoleHolders(tx, "board-member", day);
    const excluded = new Set([
      ...(await groupParticipants(tx, group.id, day)),
      ...(call.actor.personId === null ? [] : [call.actor.personId]),
    ]);
    await notify(tx, {
      kind: "funding.requested",
      template: fundingRequestedTemplate,
      at: now,
      cause: `funding_request:${row.id}`,
      items: board.map((personId) => ({
        to: { personId },
        dedupeKey: `funding:${row.id}:requested:${personId}`,
        data: {
          requestId: row.id,
          groupName: group.name,
          purpose: input.purpose,
          amount: formatMoney(amountMinor, input.currency),
          period: `${input.startsOn} to ${input.endsOn}`,
          mayVote: !excluded.has(personId),
        },
      })),
    });
    return row;
  });
}

/**
 * Opens the Board's vote on a request waiting for a decision. The amount the vote approves is the
 * amount asked unless `amount` says otherwise (never more than asked). The opener must be in the
 * electorate: a Board member who neither asked nor belongs to the asking group.
 */
export async function openFundingVote(call: Call & { requestId: number; input: unknown }): Promise<VoteRow> {
  const input = parseInput("vote", FundingVoteInputSchema, call.input);
  const db = call.deps.database.db;
  const request = await loadFunding(db, call.requestId);
  const voteAmountMinor =
    input.amount === undefined ? request.amountMinor : amountOf(input.amount, request.currency);
  if (voteAmountMinor > request.amountMinor) {
    throw new AppError("validation", {
      message: `Invalid vote: amount: the Board approves at most what was asked (${formatMoney(request.amountMinor, request.currency)})`,
      issues: [
        { field: "amount", message: `must be at most ${formatMoney(request.amountMinor, request.currency)}` },
      ],
    });
  }
  const vote = await openVote({
    deps: call.deps,
    actor: call.actor,
    input: {
      group: request.groupId,
      kind: "funding-request",
      subjectId: String(request.id),
      title:
        `Fund ${request.groupName}: ${formatMoney(voteAmountMinor, request.currency)} for ${request.purpose} (request #${request.id})`.slice(
          0,
          200,
        ),
      description: input.description ?? "",
      closesAt: input.closesAt,
    },
  });
  // The amount the vote is about, written by the one opening that succeeded (for its own vote):
  // written before opening, parallel openings with other amounts overwrote the winner's.
  await setVoteAmount(db, { id: request.id, voteId: vote.id, amountMinor: voteAmountMinor });
  return vote;
}

/** Withdraws a request the Board has not decided and is not voting on (the group's participants). */
export async function withdrawFunding(call: Call & { requestId: number }): Promise<void> {
  const now = call.deps.clock.now();
  await call.deps.database.db.transaction(async (tx) => {
    const row = await lockFunding(tx, call.requestId);
    const current = await loadFunding(tx, call.requestId);
    if (row.state !== "requested") {
      throw new AppError("conflict", {
        message: `Funding request #${row.id} is ${row.state}; only a waiting request is withdrawn.`,
      });
    }
    if (current.voteStatus === "open") {
      throw new AppError("conflict", {
        message: `The Board is voting on funding request #${row.id} (vote #${current.voteId}); it cannot be withdrawn now.`,
      });
    }
    await updateFundingRequest(tx, row.id, { state: "withdrawn", updatedAt: now });
    await recordAudit(tx, {
      by: call.actor,
      at: now,
      action: "funding.withdrawn",
      subjectType: "funding_request",
      subjectId: row.id,
      before: { state: "requested" },
      after: { state: "withdrawn" },
    });
  });
}

/** Records spending against an approved request (the row is locked, so two entries cannot both pass the cap). */
export async function recordSpending(
  call: Call & { requestId: number; input: unknown },
): Promise<{ id: number; remainingMinor: number }> {
  const input = parseInput("spending", SpendingInputSchema, call.input);
  const now = call.deps.clock.now();
  return call.deps.database.db.transaction(async (tx) => {
    const request = await lockFunding(tx, call.requestId);
    const amountMinor = input.currency === request.currency ? amountOf(input.amount, request.currency) : 1;
    const verdict = checkSpending({
      state: request.state,
      currency: request.currency,
      approvedMinor: request.approvedMinor,
      spentMinor: await spentSoFar(tx, request.id),
      amountMinor,
      spendingCurrency: input.currency,
    });
    if (!verdict.ok) {
      const field = verdict.field === "request" ? "amount" : verdict.field;
      throw new AppError(verdict.field === "request" ? "conflict" : "validation", {
        message: `Invalid spending: ${field}: ${verdict.problem}`,
        issues: [{ field, message: verdict.problem }],
      });
    }
    if (input.spentOn > dayOf(now)) {
      throw new AppError("validation", {
        message: "Invalid spending: spentOn: must not be in the future",
        issues: [{ field: "spentOn", message: "must not be in the future" }],
      });
    }
    const row = await insertSpending(tx, {
      requestId: request.id,
      amountMinor,
      spentOn: input.spentOn,
      description: input.description,
      receiptUrl: input.receiptUrl,
      recordedByUserId: call.actor.userId,
      recordedByPersonId: call.actor.personId,
      createdAt: now,
    });
    if (!row) throw new AppError("internal", { message: "The spending was not saved." });
    await recordAudit(tx, {
      by: call.actor,
      at: now,
      action: "funding.spending-recorded",
      subjectType: "funding_request",
      subjectId: request.id,
      after: { spendingId: row.id, amountMinor, currency: request.currency, receiptUrl: input.receiptUrl },
    });
    return { id: row.id, remainingMinor: verdict.remainingMinor };
  });
}
