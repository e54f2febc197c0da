/**
 * The lifecycle's vote subjects (decisions/subjects.ts), each applied in the vote's closing
 * transaction:
 *
 * - `group-proposal`: the Board votes on a proposal ready for review (README.md:61), in the
 *   proposed group's row; passed: approved, with its set-up checklist; failed: rejected, for
 *   feedback and a revision (README.md:63);
 * - `charter-change`: the Board votes on a substantive charter change (README.md:77-79); passed:
 *   the new charter applies;
 * - `group-shutdown`: the group's members shut it down by consensus, everyone's yes (README.md:83);
 * - `board-shutdown`: the Board votes to shut a group down (README.md:89).
 */
import type { Tx } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import type { ParsedCharter } from "../charter/types.ts";
import { type DecisionActor, recordAudit } from "../decisions/decisions.repo.ts";
import { defineVoteSubject, ELECTORATES, type OpeningSubject } from "../decisions/subjects.ts";
import {
  insertShutdown,
  loadChange,
  loadProposal,
  shutdownOfVote,
  updateCharterChange,
  updateGroupRow,
  updateProposal,
  updateShutdown,
} from "./lifecycle.repo.ts";

const voteRef = (id: number) => `vote:${id}`;
const recordId = (s: OpeningSubject) => {
  const id = Number(s.subjectId);
  if (!Number.isInteger(id) || id <= 0) {
    throw new AppError("validation", {
      message: "Invalid vote: subjectId: must be the record's numeric id",
      issues: [{ field: "subjectId", message: "must be a positive whole number" }],
    });
  }
  return id;
};

/** Applies a new charter to a group's row (name, kind and the stored charter). */
export async function applyCharter(tx: Tx, groupId: number, charter: ParsedCharter, at: Date): Promise<void> {
  await updateGroupRow(tx, groupId, { charter, name: charter.name, kind: charter.kind, updatedAt: at });
}

/** Records a lifecycle audit entry. */
export function lifecycleAudit(
  tx: Tx,
  entry: {
    by: DecisionActor;
    at: Date;
    action: string;
    subjectType: "group_proposal" | "charter_change" | "group_shutdown" | "group";
    subjectId: number;
    before?: unknown;
    after?: unknown;
    cause?: string;
  },
) {
  return recordAudit(tx, entry);
}

defineVoteSubject({
  kind: "group-proposal",
  subject: "record",
  groupStatuses: ["proposed"],
  electorate: ELECTORATES.board,
  describe: ({ subjectId }) => `Approve proposal #${subjectId}`,
  async check(s) {
    const proposal = await loadProposal(s.tx, recordId(s), true);
    if (proposal.groupId !== s.group.id) {
      throw new AppError("conflict", { message: `Proposal #${proposal.id} is not about ${s.group.name}.` });
    }
    if (proposal.status !== "ready") {
      throw new AppError("conflict", {
        message: `Proposal #${proposal.id} is ${proposal.status}; the Board votes on proposals ready for review.`,
      });
    }
  },
  async onOpen(s) {
    const id = recordId(s);
    await updateProposal(s.tx, id, { status: "voting", voteId: s.vote.id, updatedAt: s.now });
    await lifecycleAudit(s.tx, {
      by: s.actor,
      at: s.now,
      action: "proposal.vote-opened",
      subjectType: "group_proposal",
      subjectId: id,
      before: { status: "ready" },
      after: { status: "voting", voteId: s.vote.id },
      cause: voteRef(s.vote.id),
    });
  },
  async onOutcome({ tx, vote, outcome, now, actor }) {
    const id = Number(vote.subjectId);
    const status = outcome === "passed" ? "approved" : "rejected";
    await updateProposal(tx, id, { status, decidedAt: now, updatedAt: now });
    await lifecycleAudit(tx, {
      by: actor,
      at: now,
      action: `proposal.${status}`,
      subjectType: "group_proposal",
      subjectId: id,
      before: { status: "voting" },
      after: { status },
      cause: voteRef(vote.id),
    });
  },
});

defineVoteSubject({
  kind: "charter-change",
  subject: "record",
  electorate: ELECTORATES.board,
  describe: ({ subjectId }) => `Charter change #${subjectId}`,
  async check(s) {
    const change = await loadChange(s.tx, recordId(s));
    if (change.groupId !== s.group.id) {
      throw new AppError("conflict", { message: `Change #${change.id} is not about ${s.group.name}.` });
    }
    if (change.status !== "proposed") {
      throw new AppError("conflict", {
        message: `Change #${change.id} is ${change.status}, not waiting for a vote.`,
      });
    }
  },
  async onOpen(s) {
    await updateCharterChange(s.tx, recordId(s), { status: "voting", voteId: s.vote.id });
  },
  async onOutcome({ tx, vote, outcome, now, actor }) {
    const change = await loadChange(tx, Number(vote.subjectId));
    const status = outcome === "passed" ? "applied" : "rejected";
    if (status === "applied")
      await applyCharter(tx, change.groupId, change.afterCharter as ParsedCharter, now);
    await updateCharterChange(tx, change.id, { status, decidedAt: now });
    await lifecycleAudit(tx, {
      by: actor,
      at: now,
      action: `charter-change.${status}`,
      subjectType: "charter_change",
      subjectId: change.id,
      before: { status: "voting" },
      after: { status, class: change.class },
      cause: voteRef(vote.id),
    });
  },
});

/** A shutdown vote opens its shutdown record; its outcome starts the archiving or records the refusal. */
function shutdownSubject(kind: "group-shutdown" | "board-shutdown") {
  const ground = kind === "group-shutdown" ? "voluntary" : "board-vote";
  defineVoteSubject({
    kind,
    subject: "none",
    electorate: kind === "group-shutdown" ? () => ({ body: "group", rule: "consensus" }) : ELECTORATES.board,
    describe: () => (kind === "group-shutdown" ? "Shut the group down" : "Shut the group down (Board)"),
    async onOpen(s) {
      const row = await insertShutdown(s.tx, {
        groupId: s.group.id,
        ground,
        status: "voting",
        reason: s.vote.description || s.vote.title,
        voteId: s.vote.id,
        startedByPersonId: s.actor.personId,
        startedByUserId: s.actor.userId,
        createdAt: s.now,
      });
      if (!row) throw new AppError("internal", { message: "The shutdown was not saved." });
      await lifecycleAudit(s.tx, {
        by: s.actor,
        at: s.now,
        action: "shutdown.started",
        subjectType: "group_shutdown",
        subjectId: row.id,
        after: { groupId: s.group.id, ground, status: "voting" },
        cause: voteRef(s.vote.id),
      });
    },
    async onOutcome({ tx, vote, outcome, now, actor }) {
      const shutdown = await shutdownOfVote(tx, vote.id);
      if (!shutdown) throw new AppError("internal", { message: `Vote #${vote.id} has no shutdown record.` });
      const status = outcome === "passed" ? "archiving" : "rejected";
      await updateShutdown(tx, shutdown.id, { status, decidedAt: now });
      await lifecycleAudit(tx, {
        by: actor,
        at: now,
        action: outcome === "passed" ? "shutdown.decided" : "shutdown.rejected",
        subjectType: "group_shutdown",
        subjectId: shutdown.id,
        before: { status: "voting" },
        after: { status },
        cause: voteRef(vote.id),
      });
    },
  });
}
shutdownSubject("group-shutdown");
shutdownSubject("board-shutdown");
