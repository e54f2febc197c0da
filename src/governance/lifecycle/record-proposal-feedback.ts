/** Records the Board's feedback on a rejected proposal (README.md:63: "you'll get some feedback about why"). */
import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { text } from "../../platform/validation.ts";
import { type DecisionCall, parseInput } from "../decisions/deps.ts";
import { loadProposal, type ProposalWithText, updateProposal } from "./lifecycle.repo.ts";
import { lifecycleAudit } from "./lifecycle-subjects.ts";

/** The feedback, in words. */
export const ProposalFeedbackInputSchema = z.object({
  feedback: text({ multiline: true, max: 5000 }).describe("Why the Board rejected it, and what would help."),
});

/** Saves the feedback on rejected proposal `proposalId` (replacing earlier feedback on the same rejection). */
export async function recordProposalFeedback(
  call: DecisionCall & { proposalId: number; input: unknown },
): Promise<ProposalWithText> {
  const input = parseInput("feedback", ProposalFeedbackInputSchema, call.input);
  const now = call.deps.clock.now();
  return call.deps.database.db.transaction(async (tx) => {
    const proposal = await loadProposal(tx, call.proposalId, true);
    if (proposal.status !== "rejected") {
      throw new AppError("conflict", {
        message: `Proposal #${proposal.id} is ${proposal.status}; feedback follows a rejection.`,
      });
    }
    await updateProposal(tx, proposal.id, { feedback: input.feedback, updatedAt: now });
    await lifecycleAudit(tx, {
      by: call.actor,
      at: now,
      action: "proposal.feedback",
      subjectType: "group_proposal",
      subjectId: proposal.id,
      before: { feedback: proposal.feedback },
      after: { feedback: input.feedback, revision: proposal.revision.number },
    });
    return loadProposal(tx, proposal.id);
  });
}
