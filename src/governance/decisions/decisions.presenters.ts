/**
 * Decisions' records as API objects, in one place (Outline's presenters): what each vote route
 * answers about the vote it changed, and a renewed term.
 */
import type { VoteRow } from "./decisions.repo.ts";

/** A vote just opened: who decides and until when. */
export function presentOpenedVote(vote: VoteRow) {
  return { id: vote.id, body: vote.body, closesAt: vote.closesAt.toISOString() };
}

/** A vote whose closing time moved. */
export function presentExtendedVote(vote: VoteRow) {
  return { id: vote.id, closesAt: vote.closesAt.toISOString() };
}

/** A vote just closed, with its outcome. */
export function presentClosedVote(vote: VoteRow) {
  return { id: vote.id, status: vote.status, outcome: vote.outcome };
}

/** A role period whose term was renewed. */
export function presentRenewedTerm(period: { id: number; termEndsOn: string | null }) {
  return { id: period.id, termEndsOn: period.termEndsOn };
}
