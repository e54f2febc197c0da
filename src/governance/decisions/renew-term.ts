import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import { AppError } from "../../platform/errors.ts";
import { Id } from "../../platform/validation.ts";
import { loadGroup, recordAudit } from "./decisions.repo.ts";
import { type DecisionCall, parseInput } from "./deps.ts";
import { lockRolePeriod, updateRolePeriod } from "./membership.repo.ts";
import { DEFAULT_REMINDER_DAYS, renewalOpen, renewedTermEndsOn } from "./terms.ts";

/** Input of renewTerm. */
export const RenewTermInputSchema = z.object({ rolePeriodId: Id });

/** How long before the end of a term the member may opt in to renew. */
export const RENEWAL_WINDOW_DAYS = Math.max(...DEFAULT_REMINDER_DAYS);

/** The member opts in to another term: the period's term end moves on by one charter term. */
export async function renewTerm(call: DecisionCall & { input: unknown }) {
  const input = parseInput("renewal", RenewTermInputSchema, call.input);
  const { database, clock } = call.deps;
  return database.db.transaction(async (tx) => {
    const now = clock.now();
    const today = dayOf(now);
    const period = await lockRolePeriod(tx, input.rolePeriodId);
    if (!period) throw new AppError("not_found", { message: `No role period #${input.rolePeriodId}.` });
    if (call.actor.personId !== period.personId) {
      throw new AppError("forbidden", { message: "Only the member can opt in to renew their own term." });
    }
    if (period.endedOn !== null && period.endedOn <= today) {
      throw new AppError("conflict", {
        message: `This role ended on ${period.endedOn}; apply again to rejoin.`,
      });
    }
    if (period.termEndsOn === null) {
      throw new AppError("conflict", { message: "This role has no term to renew." });
    }
    if (!renewalOpen({ today, termEndsOn: period.termEndsOn, windowDays: RENEWAL_WINDOW_DAYS })) {
      throw new AppError("conflict", {
        message: `Renewal opens ${RENEWAL_WINDOW_DAYS} days before the term ends on ${period.termEndsOn}.`,
      });
    }
    const group = await loadGroup(tx, period.groupId);
    const next = renewedTermEndsOn({
      currentEndsOn: period.termEndsOn,
      rule: { termMonths: group.charter.termMonths, termWindow: group.charter.termWindow },
    });
    if (next === null) throw new AppError("conflict", { message: `${group.name}'s charter sets no term.` });
    const after = await updateRolePeriod(tx, period.id, { termEndsOn: next });
    await recordAudit(tx, {
      by: call.actor,
      at: now,
      action: "role-period.renewed",
      subjectType: "role_period",
      subjectId: period.id,
      before: { termEndsOn: period.termEndsOn },
      after: { termEndsOn: next },
      cause: "opt-in renewal",
    });
    if (!after) throw new AppError("internal", { message: "The renewal was not saved." });
    return after;
  });
}
