/**
 * Marks a complete proposal ready for review (README.md:59): nothing `checkCharter` calls
 * required may be missing. The proposed group gets its row (status proposed; an imported
 * proposal's row is reused), the Board votes in it, and the Board's members and the liaisons the
 * charter names are notified through the outbox, in the same transaction.
 */
import { notify } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import { AppError } from "../../platform/errors.ts";
import { checkCharter } from "../charter/check-charter.ts";
import { foundationRoleHolders } from "../decisions/decisions.repo.ts";
import type { DecisionCall } from "../decisions/deps.ts";
import {
  findGroupRowBySlug,
  insertGroupRow,
  loadProposal,
  type ProposalWithText,
  peopleNamed,
  updateGroupRow,
  updateProposal,
} from "./lifecycle.repo.ts";
import { lifecycleAudit } from "./lifecycle-subjects.ts";
import { proposalReadyTemplate } from "./proposal-ready.template.ts";

/** Marks proposal `proposalId` ready; returns it. */
export async function markProposalReady(
  call: DecisionCall & { proposalId: number },
): Promise<ProposalWithText> {
  const now = call.deps.clock.now();
  return call.deps.database.db.transaction(async (tx) => {
    const proposal = await loadProposal(tx, call.proposalId, true);
    if (proposal.status !== "draft") {
      throw new AppError("conflict", {
        message: `Proposal #${proposal.id} is ${proposal.status}; only a draft is marked ready for review.`,
      });
    }
    const required = checkCharter(proposal.charter).filter((f) => f.severity === "required");
    if (required.length) {
      throw new AppError("validation", {
        message: `Invalid proposal: not complete yet: ${required.map((f) => f.message).join(" ")}`,
        issues: required.map((f) => ({ field: f.field, message: f.message })),
      });
    }
    const c = proposal.charter;
    const existing = await findGroupRowBySlug(tx, proposal.slug);
    if (existing && existing.status !== "proposed") {
      throw new AppError("conflict", {
        message: `The slug "${proposal.slug}" is taken: ${existing.name} is ${existing.status}.`,
      });
    }
    const groupId = existing
      ? await updateGroupRow(tx, existing.id, { name: c.name, kind: c.kind, charter: c, updatedAt: now })
      : await insertGroupRow(tx, {
          slug: proposal.slug,
          name: c.name,
          kind: c.kind,
          status: "proposed",
          charter: c,
          createdAt: now,
          updatedAt: now,
        });
    if (groupId === undefined)
      throw new AppError("internal", { message: "The proposed group was not saved." });
    await updateProposal(tx, proposal.id, { status: "ready", readyAt: now, updatedAt: now, groupId });

    const day = dayOf(now);
    const board = await foundationRoleHolders(tx, "board-member", day);
    const liaisons = await peopleNamed(tx, [
      ...c.roles.boardLiaison.map((p) => p.name),
      ...c.roles.steeringCouncilLiaison.map((p) => p.name),
    ]);
    const recipients = new Map<number, "board" | "liaison">();
    for (const id of board) recipients.set(id, "board");
    for (const id of liaisons) recipients.set(id, "liaison");
    const n = proposal.revision.number;
    await notify(tx, {
      kind: "proposal.ready",
      template: proposalReadyTemplate,
      at: now,
      cause: `proposal:${proposal.id}`,
      items: [...recipients].map(([personId, recipient]) => ({
        to: { personId },
        dedupeKey: `proposal:${proposal.id}:${n}:ready:${personId}`,
        data: { proposalId: proposal.id, name: c.name, kind: c.kind, revision: n, recipient },
      })),
    });
    await lifecycleAudit(tx, {
      by: call.actor,
      at: now,
      action: "proposal.ready",
      subjectType: "group_proposal",
      subjectId: proposal.id,
      before: { status: "draft" },
      after: { status: "ready", revision: n, groupId, notified: recipients.size },
    });
    return loadProposal(tx, proposal.id);
  });
}
