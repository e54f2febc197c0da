/**
 * Records one step of a checklist: setting up an approved group (README.md:67-71: charter pull
 * request merged, channels, first meeting) or archiving a shut-down one (README.md:93-96: final
 * report "if possible", charter moved to archive/, channels closed). When the last required step
 * is recorded, the group becomes active, or archived (its charter's status too), in the same
 * transaction.
 */
import { z } from "zod";
import { CHECKLIST_STEPS } from "../../platform/db/schema.ts";
import { AppError } from "../../platform/errors.ts";
import { oneOf, optionalText } from "../../platform/validation.ts";
import type { ParsedCharter } from "../charter/types.ts";
import { type DecisionCall, parseInput } from "../decisions/deps.ts";
import {
  findGroupRowById,
  insertChecklistStep,
  latestReportId,
  loadProposal,
  loadShutdown,
  selectChecklist,
  updateGroupRow,
  updateShutdown,
} from "./lifecycle.repo.ts";
import { lifecycleAudit } from "./lifecycle-subjects.ts";
import { ARCHIVE_STEPS, checklistComplete, SETUP_STEPS } from "./shutdown-rules.ts";

/** One step as recorded. */
export const ChecklistStepInputSchema = z.object({
  step: oneOf(CHECKLIST_STEPS).describe("The step recorded."),
  outcome: oneOf(["done", "skipped"]).default("done").describe("done, or skipped (the final report only)."),
  note: optionalText({ max: 1000 }).describe("A link or a word on how it was done."),
});

/** What the checklist's subject became. */
export interface ChecklistResult {
  complete: boolean;
  groupStatus: string;
}

/** Records `input` on the checklist of `subject`. */
export async function recordChecklistStep(
  call: DecisionCall & { subject: { kind: "proposal" | "shutdown"; id: number }; input: unknown },
): Promise<ChecklistResult> {
  const input = parseInput("step", ChecklistStepInputSchema, call.input);
  const now = call.deps.clock.now();
  const { kind, id } = call.subject;
  const steps = kind === "proposal" ? SETUP_STEPS : ARCHIVE_STEPS;
  const known = steps.find((s) => s.step === input.step);
  const refuse = (field: string, message: string) =>
    new AppError("validation", {
      message: `Invalid step: ${field}: ${message}`,
      issues: [{ field, message }],
    });
  if (!known) throw refuse("step", `must be one of ${steps.map((s) => s.step).join(", ")}`);
  if (input.outcome === "skipped" && !known.optional)
    throw refuse("outcome", `"${known.label}" cannot be skipped`);

  return call.deps.database.db.transaction(async (tx) => {
    let groupId: number;
    if (kind === "proposal") {
      const proposal = await loadProposal(tx, id, true);
      if (proposal.status !== "approved" || proposal.groupId === null) {
        throw new AppError("conflict", { message: `Proposal #${id} is ${proposal.status}, not approved.` });
      }
      groupId = proposal.groupId;
    } else {
      const shutdown = await loadShutdown(tx, id);
      if (shutdown.status !== "archiving") {
        throw new AppError("conflict", {
          message: `Shutdown #${id} is ${shutdown.status}; archiving follows the decision to shut down.`,
        });
      }
      groupId = shutdown.groupId;
    }
    await insertChecklistStep(tx, {
      subjectKind: kind,
      subjectId: id,
      step: input.step,
      outcome: input.outcome,
      note: input.note ?? "",
      doneByPersonId: call.actor.personId,
      doneAt: now,
    });
    if (kind === "shutdown" && input.step === "final-report" && input.outcome === "done") {
      const latest = await latestReportId(tx, groupId);
      if (latest !== undefined) await updateShutdown(tx, id, { finalReportId: latest });
    }
    await lifecycleAudit(tx, {
      by: call.actor,
      at: now,
      action: "checklist.step",
      subjectType: kind === "proposal" ? "group_proposal" : "group_shutdown",
      subjectId: id,
      after: { step: input.step, outcome: input.outcome, note: input.note ?? "" },
    });
    const complete = checklistComplete(steps, await selectChecklist(tx, kind, id));
    const group = await findGroupRowById(tx, groupId);
    if (!group) throw new AppError("internal", { message: "The group vanished." });
    if (!complete) return { complete, groupStatus: group.status };
    const status = kind === "proposal" ? "active" : "archived";
    const charter = { ...(group.charter as ParsedCharter), status } satisfies ParsedCharter;
    await updateGroupRow(tx, groupId, { status, charter, updatedAt: now });
    if (kind === "shutdown") {
      await updateShutdown(tx, id, { status: "archived", archivedAt: now });
    }
    await lifecycleAudit(tx, {
      by: call.actor,
      at: now,
      action: kind === "proposal" ? "group.activated" : "group.archived",
      subjectType: "group",
      subjectId: groupId,
      before: { status: group.status },
      after: { status },
      cause: `${kind}:${id}`,
    });
    return { complete, groupStatus: status };
  });
}
