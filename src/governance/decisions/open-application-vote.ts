import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import { AppError } from "../../platform/errors.ts";
import { Id, Instant, optionalOneOf } from "../../platform/validation.ts";
import { heldRoles, type VoteRow } from "./decisions.repo.ts";
import { type DecisionCall, parseInput } from "./deps.ts";
import { findApplicationRow } from "./membership.repo.ts";
import { openVote } from "./open-vote.ts";

/** Input of openApplicationVote. */
export const OpenApplicationVoteInputSchema = z.object({
  applicationId: Id,
  closesAt: Instant,
  secrecy: optionalOneOf(["open", "secret"]),
});

/**
 * Takes a pending application to its decision: opens the admit vote of the body the membership
 * model names (the group, the Board or the Steering Council). The group's Chair or Co-Chair may
 * start it even when the Board or Steering Council votes; so may anyone in that electorate.
 */
export async function openApplicationVote(call: DecisionCall & { input: unknown }): Promise<VoteRow> {
  const input = parseInput("application vote", OpenApplicationVoteInputSchema, call.input);
  const db = call.deps.database.db;
  const app = await findApplicationRow(db, input.applicationId);
  if (!app) throw new AppError("not_found", { message: `No application #${input.applicationId}.` });
  const today = dayOf(call.deps.clock.now());
  const person = call.actor.personId;
  const isChair =
    person !== null &&
    (await heldRoles(db, app.groupId, today, person)).some(
      (r) => r.role === "chair" || r.role === "co-chair",
    );
  return openVote({
    deps: call.deps,
    actor: call.actor,
    // A chair starts the decision on the group's behalf even when another body votes.
    openerOutsideElectorate: isChair,
    input: {
      group: app.groupId,
      kind: "admit-member",
      subjectPersonId: app.personId,
      applicationId: app.id,
      closesAt: input.closesAt,
      secrecy: input.secrecy,
    },
  });
}
