import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import { AppError } from "../../platform/errors.ts";
import { Day, Id, Slug } from "../../platform/validation.ts";
import { endRolePeriodBy, recordCharterRoles, startPeriodAudited } from "./apply-outcome.ts";
import { charterOnlyRoles, foundationRoleHolders, loadGroup, personName } from "./decisions.repo.ts";
import { type DecisionCall, parseInput } from "./deps.ts";
import { boardLiaisonPeriodsOn } from "./membership.repo.ts";
import { addDays } from "./terms.ts";

/** How far ahead a new liaison's start may be recorded (a Board term changes over within weeks). */
export const LIAISON_START_WINDOW_DAYS = 120;

/** Input of recordBoardLiaison, checked at the boundary. */
export const RecordBoardLiaisonInputSchema = z.object({
  group: z.union([Id, Slug]),
  personId: Id.describe("The new liaison (a Board member on the start day)."),
  startedOn: Day.describe("The first day the new liaison serves (YYYY-MM-DD)."),
});

/** What recording a liaison did. */
export interface BoardLiaisonRecorded {
  groupId: number;
  personId: number;
  rolePeriodId: number;
  startedOn: string;
  /** Previous liaisons whose role ends the day the new one starts. */
  ended: Array<{ personId: number; rolePeriodId: number }>;
}

/**
 * Records a new Board Liaison for a group from a day, as the Board decided: the person must be
 * a Board member that day. The previous liaisons' role ends that day (a charter-only liaison is
 * first recorded as a role period so the end is kept), and the new liaison's charter roles there,
 * if any, are recorded as periods so they keep counting. Everything is audited in one transaction.
 */
export async function recordBoardLiaison(
  call: DecisionCall & { input: unknown },
): Promise<BoardLiaisonRecorded> {
  const input = parseInput("Board Liaison", RecordBoardLiaisonInputSchema, call.input);
  const now = call.deps.clock.now();
  const today = dayOf(now);
  const latest = addDays(today, LIAISON_START_WINDOW_DAYS);
  if (input.startedOn > latest) {
    throw new AppError("validation", {
      message: `Invalid Board Liaison: startedOn: must be no later than ${latest}`,
      issues: [
        {
          field: "startedOn",
          message: `must be no later than ${latest} (${LIAISON_START_WINDOW_DAYS} days from today)`,
        },
      ],
    });
  }
  return call.deps.database.db.transaction(async (tx) => {
    const group = await loadGroup(tx, input.group);
    if (group.status !== "active") {
      throw new AppError("conflict", { message: `${group.name} is ${group.status}, not active.` });
    }
    const name = await personName(tx, input.personId, "personId");
    const board = await foundationRoleHolders(tx, "board-member", input.startedOn);
    if (!board.includes(input.personId)) {
      throw new AppError("validation", {
        message: `Invalid Board Liaison: ${name} is not a Board member on ${input.startedOn}`,
        issues: [
          {
            field: "personId",
            message: `${name} is not a Board member on ${input.startedOn}; a Board Liaison sits on the Board`,
          },
        ],
      });
    }
    const ref = `board:liaison:${group.slug}:${input.startedOn}`;
    const actor = call.actor;
    // Everyone's charter-only liaison role, and the newcomer's charter roles, become periods first.
    const charterLiaisons = (await charterOnlyRoles(tx, group.id))
      .filter((r) => r.role === "board-liaison")
      .map((r) => r.personId);
    for (const personId of new Set([...charterLiaisons, input.personId])) {
      await recordCharterRoles({ tx, group, personId, now, actor, cause: ref });
    }
    const current = await boardLiaisonPeriodsOn(tx, group.id, input.startedOn);
    if (current.some((p) => p.personId === input.personId)) {
      throw new AppError("conflict", {
        message: `${name} is already ${group.name}'s Board Liaison on ${input.startedOn}.`,
      });
    }
    const ended: BoardLiaisonRecorded["ended"] = [];
    for (const period of current) {
      if (period.startedOn >= input.startedOn) {
        throw new AppError("validation", {
          message: `Invalid Board Liaison: startedOn: the current liaison's role started on ${period.startedOn}`,
          issues: [
            {
              field: "startedOn",
              message: `must be after ${period.startedOn}, when the current liaison started`,
            },
          ],
        });
      }
      await endRolePeriodBy({
        tx,
        period,
        endedOn: input.startedOn,
        reason: `succeeded as Board Liaison by ${name}`,
        now,
        actor,
        cause: ref,
      });
      ended.push({ personId: period.personId, rolePeriodId: period.id });
    }
    const period = await startPeriodAudited(
      tx,
      {
        groupId: group.id,
        personId: input.personId,
        role: "board-liaison",
        startedOn: input.startedOn,
        reason: "recorded by the Board",
        decisionRef: ref,
        createdAt: now,
      },
      { actor, now, action: "role-period.started", cause: ref },
    );
    if (!period) throw new AppError("internal", { message: "The Board Liaison was not saved." });
    return {
      groupId: group.id,
      personId: input.personId,
      rolePeriodId: period.id,
      startedOn: input.startedOn,
      ended,
    };
  });
}
