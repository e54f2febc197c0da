import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import { AppError } from "../../platform/errors.ts";
import { Id, Instant, text } from "../../platform/validation.ts";
import { heldRoles, lockVote, recordAudit, type VoteRow } from "./decisions.repo.ts";
import { type DecisionCall, isTrustedCaller, parseInput } from "./deps.ts";
import { checkClosingTime } from "./tally.ts";
import { insertVoteExtension, updateVote, voteElectorateRows } from "./votes.repo.ts";

/** Input of extendVote. */
export const ExtendVoteInputSchema = z.object({
  voteId: Id,
  closesAt: Instant,
  reason: text({ max: 500, required: "say why the vote is extended" }),
});

/** Moves an open vote's closing time later; the extension is recorded with its reason. */
export async function extendVote(call: DecisionCall & { input: unknown }): Promise<VoteRow> {
  const input = parseInput("extension", ExtendVoteInputSchema, call.input);
  const { database, clock } = call.deps;
  return database.db.transaction(async (tx) => {
    const now = clock.now();
    const vote = await lockVote(tx, input.voteId);
    if (vote.status !== "open") throw new AppError("conflict", { message: `Vote #${vote.id} is closed.` });
    const problems = checkClosingTime({
      now,
      closesAt: input.closesAt,
      currentClosesAt: vote.closesAt,
      latest: {
        closesBy: vote.latestClosesAt,
        maxVoteDays: Math.round((vote.latestClosesAt.getTime() - vote.openedAt.getTime()) / 86_400_000),
      },
    });
    if (problems.length) {
      throw new AppError("validation", {
        message: `Invalid extension: closesAt: ${problems[0]}`,
        issues: problems.map((message) => ({ field: "closesAt", message })),
      });
    }
    if (!isTrustedCaller(call.actor)) {
      const voter = call.actor.personId;
      const rows = voter === null ? [] : await voteElectorateRows(tx, vote.id);
      const chair =
        voter !== null &&
        (await heldRoles(tx, vote.groupId, dayOf(now), voter)).some(
          (r) => r.role === "chair" || r.role === "co-chair",
        );
      const allowed =
        rows.some((r) => r.personId === voter) ||
        (voter !== null && vote.openedByPersonId === voter) ||
        chair;
      if (!allowed || (voter !== null && vote.subjectPersonId === voter)) {
        throw new AppError("forbidden", {
          message: `Only the opener of vote #${vote.id}, the group's Chair and Co-Chair, or its electorate may extend it.`,
        });
      }
    }
    await insertVoteExtension(tx, {
      voteId: vote.id,
      fromClosesAt: vote.closesAt,
      toClosesAt: input.closesAt,
      reason: input.reason,
      byPersonId: call.actor.personId,
      extendedAt: now,
    });
    const after = await updateVote(tx, vote.id, { closesAt: input.closesAt });
    if (!after) throw new AppError("internal", { message: `Vote #${vote.id} could not be extended.` });
    await recordAudit(tx, {
      by: call.actor,
      at: now,
      action: "vote.extended",
      subjectType: "vote",
      subjectId: vote.id,
      before: { closesAt: vote.closesAt.toISOString() },
      after: { closesAt: input.closesAt.toISOString(), reason: input.reason },
      cause: "",
    });
    return after;
  });
}
