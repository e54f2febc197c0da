/**
 * The funding request's vote subject (decisions/subjects.ts): the Board decides a group's request
 * by a majority, in the asking group's row. Left out of the electorate: the person who asked and
 * every Board member who is a participant of the asking group (nobody approves their own or their
 * group's request). Passed: approved for the vote's amount (the amount asked unless the Board
 * said otherwise when it opened the vote); failed: rejected. Applied in the closing transaction.
 */
import { AppError } from "../../platform/errors.ts";
import { groupParticipants, recordAudit } from "../decisions/decisions.repo.ts";
import { defineVoteSubject, ELECTORATES, type OpeningSubject } from "../decisions/subjects.ts";
import { lockFunding, updateFundingRequest } from "./funding.repo.ts";

const requestIdOf = (s: { subjectId: string | null }) => {
  const id = Number(s.subjectId);
  if (!Number.isInteger(id) || id <= 0) {
    throw new AppError("validation", {
      message: "Invalid vote: subjectId: must be the funding request's numeric id",
      issues: [{ field: "subjectId", message: "must be a positive whole number" }],
    });
  }
  return id;
};

/** Who is left out of the Board's vote on a request: its requester and the asking group's participants. */
export async function fundingExcludedVoters(s: OpeningSubject): Promise<number[]> {
  const request = await lockFunding(s.tx, requestIdOf(s));
  const participants = await groupParticipants(s.tx, request.groupId, s.today);
  return request.requestedByPersonId === null ? participants : [request.requestedByPersonId, ...participants];
}

export const fundingVoteSubject = defineVoteSubject({
  kind: "funding-request",
  subject: "record",
  electorate: ELECTORATES.board,
  describe: ({ subjectId }) => `Funding request #${subjectId}`,
  excludedVoters: fundingExcludedVoters,
  async check(s) {
    const request = await lockFunding(s.tx, requestIdOf(s));
    if (request.groupId !== s.group.id) {
      throw new AppError("conflict", { message: `Funding request #${request.id} is not ${s.group.name}'s.` });
    }
    if (request.state !== "requested") {
      throw new AppError("conflict", {
        message: `Funding request #${request.id} is ${request.state}; the Board votes on requests waiting for a decision.`,
      });
    }
  },
  async onOpen(s) {
    const id = requestIdOf(s);
    await updateFundingRequest(s.tx, id, { voteId: s.vote.id, updatedAt: s.now });
    await recordAudit(s.tx, {
      by: s.actor,
      at: s.now,
      action: "funding.vote-opened",
      subjectType: "funding_request",
      subjectId: id,
      after: { voteId: s.vote.id },
      cause: `vote:${s.vote.id}`,
    });
  },
  async onOutcome({ tx, vote, outcome, now, actor }) {
    const request = await lockFunding(tx, requestIdOf(vote));
    if (request.state !== "requested") {
      throw new AppError("conflict", {
        message: `Funding request #${request.id} is ${request.state}: the vote's outcome cannot apply.`,
      });
    }
    const state = outcome === "passed" ? "approved" : "rejected";
    const approvedMinor = state === "approved" ? (request.voteAmountMinor ?? request.amountMinor) : null;
    await updateFundingRequest(tx, request.id, { state, approvedMinor, decidedAt: now, updatedAt: now });
    await recordAudit(tx, {
      by: actor,
      at: now,
      action: `funding.${state}`,
      subjectType: "funding_request",
      subjectId: request.id,
      before: { state: "requested" },
      after: { state, approvedMinor, currency: request.currency },
      cause: `vote:${vote.id}`,
    });
  },
});
