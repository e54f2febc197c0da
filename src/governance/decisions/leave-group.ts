import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import { AppError } from "../../platform/errors.ts";
import { Id, optionalText, Slug } from "../../platform/validation.ts";
import { endAllRoles } from "./apply-outcome.ts";
import { leaveStanding, loadGroup } from "./decisions.repo.ts";
import { type DecisionCall, parseInput } from "./deps.ts";

/** Input of leaveGroup. */
export const LeaveGroupInputSchema = z.object({
  group: z.union([Id, Slug]),
  note: optionalText({ max: 500 }).transform((t) => t ?? ""),
});

/** A member leaves the group at any time, without a vote: every role they hold there ends today. */
export async function leaveGroup(call: DecisionCall & { input: unknown }): Promise<{ ended: number }> {
  const input = parseInput("leave", LeaveGroupInputSchema, call.input);
  const person = call.actor.personId;
  if (person === null) throw new AppError("forbidden", { message: "Only a member can leave a group." });
  return call.deps.database.db.transaction(async (tx) => {
    const now = call.deps.clock.now();
    const group = await loadGroup(tx, input.group);
    const standing = await leaveStanding(tx, group.id, person, dayOf(now));
    if (standing === "none") {
      throw new AppError("conflict", { message: `You are not a member of ${group.name}.` });
    }
    if (standing === "ex-officio") {
      throw new AppError("conflict", {
        message: `You are in ${group.name} ex officio; that ends with the foundation role that gives it.`,
      });
    }
    const ended = await endAllRoles({
      tx,
      group,
      personId: person,
      now,
      actor: call.actor,
      reason: input.note ? `left the group: ${input.note}` : "left the group",
      cause: "left the group (no vote needed)",
      ending: "left",
    });
    return { ended };
  });
}
