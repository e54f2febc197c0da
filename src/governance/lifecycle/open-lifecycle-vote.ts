/**
 * Opens the Board's vote on a proposal ready for review (README.md:61) or on a substantive
 * charter change (README.md:79): a vote whose subject is the proposal or the change, held in the
 * group's row, by the Board's majority. The vote's closing applies the outcome (lifecycle-subjects.ts).
 */
import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { Instant, optionalText } from "../../platform/validation.ts";
import type { VoteRow } from "../decisions/decisions.repo.ts";
import { type DecisionCall, parseInput } from "../decisions/deps.ts";
import { openVote } from "../decisions/open-vote.ts";
import "./lifecycle-subjects.ts";
import { loadChange, loadProposal } from "./lifecycle.repo.ts";

/** When the vote closes, and what the Board is told. */
export const LifecycleVoteInputSchema = z.object({
  closesAt: Instant.describe("When the vote closes (ISO 8601, in the future)."),
  description: optionalText({ multiline: true, max: 2000 }).describe("What the Board is asked, in words."),
});

/** Opens the vote on `subject`; returns it. */
export async function openLifecycleVote(
  call: DecisionCall & { subject: { kind: "proposal" | "change"; id: number }; input: unknown },
): Promise<VoteRow> {
  const input = parseInput("vote", LifecycleVoteInputSchema, call.input);
  const db = call.deps.database.db;
  if (call.subject.kind === "proposal") {
    const proposal = await loadProposal(db, call.subject.id);
    if (proposal.groupId === null) {
      throw new AppError("conflict", {
        message: `Proposal #${proposal.id} is ${proposal.status}; mark it ready for review first.`,
      });
    }
    return openVote({
      deps: call.deps,
      actor: call.actor,
      input: {
        group: proposal.groupId,
        kind: "group-proposal",
        subjectId: String(proposal.id),
        title: `Approve the ${proposal.charter.name} ${proposal.charter.kind === "team" ? "team" : "working group"} (revision ${proposal.revision.number})`,
        description: input.description ?? "",
        closesAt: input.closesAt,
      },
    });
  }
  const change = await loadChange(db, call.subject.id);
  return openVote({
    deps: call.deps,
    actor: call.actor,
    input: {
      group: change.groupId,
      kind: "charter-change",
      subjectId: String(change.id),
      title: `Charter change #${change.id}: ${change.summary}`.slice(0, 200),
      description: input.description ?? "",
      closesAt: input.closesAt,
    },
  });
}
