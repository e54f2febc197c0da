/**
 * Saves a new revision of a proposal (every text is kept). A draft stays a draft; a proposal
 * ready for review goes back to draft (it must be marked ready again); a rejected one is revised
 * to try again (README.md:63). A proposal being voted on or approved cannot change.
 */
import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { optionalText, text } from "../../platform/validation.ts";
import { parseCharter } from "../charter/parse-charter.ts";
import { type DecisionCall, parseInput } from "../decisions/deps.ts";
import { asLines, MAX_CHARTER_CHARS } from "./draft-proposal.ts";
import { insertRevision, loadProposal, type ProposalWithText, updateProposal } from "./lifecycle.repo.ts";
import { lifecycleAudit } from "./lifecycle-subjects.ts";

/** A revision, as its author gives it. */
export const ReviseProposalInputSchema = z.object({
  markdown: text({ multiline: true, max: MAX_CHARTER_CHARS })
    .transform(asLines)
    .describe("The whole charter text (markdown)."),
  note: optionalText({ max: 500 }).describe("What changed, in words."),
});

/** Saves revision n+1 of proposal `proposalId`. */
export async function reviseProposal(
  call: DecisionCall & { proposalId: number; input: unknown },
): Promise<ProposalWithText> {
  const input = parseInput("revision", ReviseProposalInputSchema, call.input);
  const now = call.deps.clock.now();
  return call.deps.database.db.transaction(async (tx) => {
    const proposal = await loadProposal(tx, call.proposalId, true);
    if (!["draft", "ready", "rejected"].includes(proposal.status)) {
      throw new AppError("conflict", {
        message: `Proposal #${proposal.id} is ${proposal.status}; it can no longer be revised.`,
      });
    }
    if (input.markdown === proposal.revision.markdown.trim()) {
      throw new AppError("validation", {
        message: "Invalid revision: markdown: nothing changed since the last revision",
        issues: [{ field: "markdown", message: "is the same as the last revision" }],
      });
    }
    const charter = parseCharter({ markdown: input.markdown, slug: proposal.slug, status: "proposed" });
    const number = proposal.revision.number + 1;
    await insertRevision(tx, {
      proposalId: proposal.id,
      number,
      markdown: input.markdown,
      charter,
      note: input.note ?? "",
      createdByPersonId: call.actor.personId,
      createdAt: now,
    });
    await updateProposal(tx, proposal.id, { status: "draft", updatedAt: now, readyAt: null });
    await lifecycleAudit(tx, {
      by: call.actor,
      at: now,
      action: "proposal.revised",
      subjectType: "group_proposal",
      subjectId: proposal.id,
      before: { status: proposal.status, revision: proposal.revision.number },
      after: { status: "draft", revision: number },
    });
    return loadProposal(tx, proposal.id);
  });
}
