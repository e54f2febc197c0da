/**
 * The Board's decision about a group flagged defunct (README: "exceptions may be made"): an
 * exception, with a reason and the day it ends, or the start of the group's shutdown. Recorded
 * with its audit entry in one transaction; the flag clears from the decision's day.
 */
import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { OptionalDay, oneOf, text } from "../../platform/validation.ts";
import { type DecisionActor, loadGroup, recordAudit } from "../decisions/decisions.repo.ts";
import type { ReportDeps } from "./deps.ts";
import { insertDecision } from "./reports.repo.ts";

/** The decision as the Board records it. */
export const ReportDecisionInputSchema = z.object({
  kind: oneOf(["exception", "shutdown"]).describe("exception (with an end date) or shutdown (started)."),
  reason: text({ multiline: true, max: 2000 }).describe("Why, in words."),
  endsOn: OptionalDay.describe("Last day of an exception (YYYY-MM-DD); not for a shutdown."),
});

/** Records the decision; returns it. */
export async function recordReportDecision(input: {
  deps: ReportDeps;
  actor: DecisionActor;
  slug: string;
  input: unknown;
}) {
  const parsed = ReportDecisionInputSchema.safeParse(input.input);
  if (!parsed.success) throw validationError("decision", parsed.error.issues);
  const { kind, reason, endsOn } = parsed.data;
  const now = input.deps.clock.now();
  const day = dayOf(now);
  const refuse = (message: string) =>
    new AppError("validation", { message, issues: [{ field: "endsOn", message }] });
  if (kind === "exception" && endsOn === null) throw refuse("an exception needs the day it ends");
  if (kind === "exception" && endsOn !== null && endsOn < day) throw refuse(`must be ${day} or later`);
  if (kind === "shutdown" && endsOn !== null) throw refuse("a shutdown has no end date; leave it empty");
  const db = input.deps.database.db;
  const group = await loadGroup(db, input.slug);
  return db.transaction(async (tx) => {
    const saved = await insertDecision(tx, {
      groupId: group.id,
      kind,
      reason,
      endsOn: kind === "exception" ? endsOn : null,
      decidedOn: day,
      decidedByUserId: input.actor.userId,
      createdAt: now,
    });
    await recordAudit(tx, {
      by: input.actor,
      at: now,
      action: kind === "exception" ? "reporting.exception-granted" : "reporting.shutdown-started",
      subjectType: "group",
      subjectId: group.id,
      after: { decisionId: saved.id, kind, reason, endsOn: saved.endsOn, decidedOn: day },
      cause: "board decision on reporting",
    });
    return saved;
  });
}
