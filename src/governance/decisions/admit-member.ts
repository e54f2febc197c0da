import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import { AppError } from "../../platform/errors.ts";
import { Id, Slug } from "../../platform/validation.ts";
import { admissionOf, admissionText } from "../policy/membership-rule.ts";
import { startRolePeriod } from "./apply-outcome.ts";
import { heldRoles, isParticipant, loadGroup, personName, recordAudit } from "./decisions.repo.ts";
import { type DecisionCall, isTrustedCaller, parseInput } from "./deps.ts";
import { type ApplicationRow, lockApplication, updateApplication } from "./membership.repo.ts";

/** Who is admitted: a pending application, or a person invited directly (exactly one). */
export const AdmitWhoSchema = z
  .object({
    applicationId: Id.optional(),
    personId: Id.optional(),
  })
  .refine((v) => (v.applicationId === undefined) !== (v.personId === undefined), {
    message: "give either applicationId or personId",
    path: ["applicationId"],
  });

/** Input of admitMember: the group, and a pending application or a person invited directly. */
export const AdmitMemberInputSchema = z.intersection(
  z.object({ group: z.union([Id, Slug]) }),
  AdmitWhoSchema,
);

/** What admitting did. */
export interface AdmitResult {
  groupId: number;
  personId: number;
  rolePeriodId: number;
  /** "invitation:<person id>" or "appointment:<person id>" of the member who admitted. */
  decisionRef: string;
  applicationId: number | null;
}

/**
 * Admits a new member without a vote, as groups that admit by invitation (any member's invitation
 * admits) or by appointment (the holder of a named role decides) do: a member role period starts
 * at once, with the charter's term, the application (if any) is accepted, and both are audited in
 * one transaction. Refused for groups whose charter calls for a vote, or does not say.
 */
export async function admitMember(call: DecisionCall & { input: unknown }): Promise<AdmitResult> {
  const input = parseInput("admission", AdmitMemberInputSchema, call.input);
  const { database, clock } = call.deps;
  return database.db.transaction(async (tx) => {
    const now = clock.now();
    const today = dayOf(now);
    const group = await loadGroup(tx, input.group);
    if (group.status !== "active") {
      throw new AppError("conflict", { message: `${group.name} is ${group.status}, not active.` });
    }
    const admission = admissionOf(group.charter);
    if (admission.kind !== "invitation" && admission.kind !== "appointment") {
      throw new AppError("conflict", {
        message: `${group.name} does not admit members without a vote: new members are decided by ${admissionText(admission)}.`,
      });
    }
    const by = call.actor.personId;
    if (!isTrustedCaller(call.actor)) {
      const roles = by === null ? [] : await heldRoles(tx, group.id, today, by);
      const allowed =
        admission.kind === "invitation"
          ? roles.length > 0
          : roles.some((r) => (admission.roles as readonly string[]).includes(r.role));
      if (!allowed) {
        throw new AppError("forbidden", {
          message: `New members of ${group.name} are admitted by ${admissionText(admission)}; you cannot admit them.`,
        });
      }
    }
    let application: ApplicationRow | undefined;
    if (input.applicationId !== undefined) {
      application = await lockApplication(tx, input.applicationId);
      if (!application || application.groupId !== group.id) {
        throw new AppError("not_found", {
          message: `No application #${input.applicationId} to ${group.name}.`,
        });
      }
      if (application.status !== "pending") {
        throw new AppError("conflict", {
          message: `Application #${application.id} is ${application.status}, not pending.`,
        });
      }
    }
    const personId = application?.personId ?? input.personId ?? 0;
    const name = await personName(tx, personId, "personId");
    if (await isParticipant(tx, group.id, personId, today)) {
      throw new AppError("conflict", { message: `${name} is already in ${group.name}.` });
    }
    if (by !== null && by === personId) {
      throw new AppError("forbidden", { message: "Nobody admits themself." });
    }
    const decisionRef = `${admission.kind}:${by ?? "cli"}`;
    const how = admission.kind === "invitation" ? "invited by a member" : "appointed";
    const period = await startRolePeriod({
      tx,
      group,
      personId,
      role: "member",
      withTerm: true,
      reason: `${name} ${how} (${decisionRef})`,
      decisionRef,
      now,
      actor: call.actor,
    });
    if (!period) throw new AppError("internal", { message: "The membership was not saved." });
    if (application) {
      await updateApplication(tx, application.id, { status: "accepted", decidedAt: now });
      await recordAudit(tx, {
        by: call.actor,
        at: now,
        action: "application.accepted",
        subjectType: "membership_application",
        subjectId: application.id,
        before: { status: "pending" },
        after: { status: "accepted", how: admission.kind },
        cause: decisionRef,
      });
    }
    return {
      groupId: group.id,
      personId,
      rolePeriodId: period.id,
      decisionRef,
      applicationId: application?.id ?? null,
    };
  });
}
