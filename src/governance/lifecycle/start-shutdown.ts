/**
 * Starts a group's shutdown (README.md:81-89):
 * - voluntary: a vote of the group's members by consensus (everyone's yes; a majority is not
 *   enough, README.md:83), opened by a member;
 * - board-vote: a Board vote (README.md:89), opened by a Board member;
 * - membership or defunct: recorded by a Board member when the ground holds today (membership
 *   below the minimum, README.md:87; two missed reporting periods, README.md:88), and archiving
 *   starts at once.
 */
import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import { AppError } from "../../platform/errors.ts";
import { Instant, oneOf, text } from "../../platform/validation.ts";
import { loadGroup } from "../decisions/decisions.repo.ts";
import { type DecisionCall, parseInput } from "../decisions/deps.ts";
import { openVote } from "../decisions/open-vote.ts";
import { groupStanding } from "./group-standing.ts";
import { insertShutdown, type ShutdownRow, shutdownOfVote } from "./lifecycle.repo.ts";
import { lifecycleAudit } from "./lifecycle-subjects.ts";

/** A voluntary shutdown, as a member asks for it. */
export const VoluntaryShutdownInputSchema = z.object({
  reason: text({ multiline: true, max: 2000 }).describe("Why the group has outlived its usefulness."),
  closesAt: Instant.describe("When the members' vote closes (ISO 8601, in the future)."),
});

/** A forced shutdown, as a Board member records or puts it to the Board. */
export const ForcedShutdownInputSchema = z.object({
  ground: oneOf(["membership", "defunct", "board-vote"]).describe(
    "membership (below the minimum), defunct (two missed reports) or board-vote.",
  ),
  reason: text({ multiline: true, max: 2000 }).describe(
    "Why; for membership, that no replacement was found.",
  ),
  closesAt: Instant.optional().describe("When the Board's vote closes (board-vote only)."),
});

/** Starts the shutdown; returns its record. */
export async function startShutdown(
  call: DecisionCall & { slug: string; kind: "voluntary" | "forced"; input: unknown },
): Promise<ShutdownRow> {
  const input =
    call.kind === "voluntary"
      ? { ground: "voluntary" as const, ...parseInput("shutdown", VoluntaryShutdownInputSchema, call.input) }
      : parseInput("shutdown", ForcedShutdownInputSchema, call.input);
  const db = call.deps.database.db;
  const group = await loadGroup(db, call.slug);
  if (input.ground === "voluntary" || input.ground === "board-vote") {
    if (!input.closesAt) {
      throw new AppError("validation", {
        message: "Invalid shutdown: closesAt: a shutdown by vote needs the vote's closing time",
        issues: [{ field: "closesAt", message: "is required for a vote" }],
      });
    }
    const vote = await openVote({
      deps: call.deps,
      actor: call.actor,
      input: {
        group: group.id,
        kind: input.ground === "voluntary" ? "group-shutdown" : "board-shutdown",
        title: `Shut down ${group.name}`,
        description: input.reason,
        closesAt: input.closesAt,
      },
    });
    const row = await shutdownOfVote(db, vote.id);
    if (!row) throw new AppError("internal", { message: "The shutdown was not saved." });
    return row;
  }
  const now = call.deps.clock.now();
  return db.transaction(async (tx) => {
    const current = await loadGroup(tx, group.id);
    if (current.status !== "active") {
      throw new AppError("conflict", { message: `${current.name} is ${current.status}, not active.` });
    }
    const standing = await groupStanding({
      db: tx,
      group: { ...current, kind: current.charter.kind },
      day: dayOf(now),
    });
    const finding = standing.grounds.find((g) => g.ground === input.ground);
    if (!finding) {
      throw new AppError("conflict", {
        message:
          input.ground === "membership"
            ? `${current.name} has the minimum membership today (README.md:87); it cannot be shut down on that ground.`
            : `${current.name} is not flagged defunct (README.md:88); it cannot be shut down on that ground.`,
      });
    }
    const row = await insertShutdown(tx, {
      groupId: current.id,
      ground: input.ground,
      status: "archiving",
      reason: input.reason,
      evidence: finding,
      startedByPersonId: call.actor.personId,
      startedByUserId: call.actor.userId,
      createdAt: now,
      decidedAt: now,
    });
    if (!row) throw new AppError("internal", { message: "The shutdown was not saved." });
    await lifecycleAudit(tx, {
      by: call.actor,
      at: now,
      action: "shutdown.started",
      subjectType: "group_shutdown",
      subjectId: row.id,
      after: { groupId: current.id, ground: input.ground, status: "archiving", evidence: finding },
      cause: finding.rule,
    });
    return row;
  });
}
