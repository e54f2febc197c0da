import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import { AppError } from "../../platform/errors.ts";
import { Id, optionalText, Slug, text } from "../../platform/validation.ts";
import { ensureAccountPerson } from "../accounts/ensure-account-person.ts";
import { nextScheduledDay } from "../meetings/meetings.repo.ts";
import { type NextMeeting, nextMeeting } from "../meetings/next-meeting.ts";
import { admissionOf, admissionText } from "../policy/membership-rule.ts";
import { foundationRolesOf, groupSettings, isParticipant, loadGroup, recordAudit } from "./decisions.repo.ts";
import { type DecisionCall, parseInput } from "./deps.ts";
import { checkEligibility, readEligibility } from "./eligibility.ts";
import { insertApplication, openApplicationIds } from "./membership.repo.ts";

/** Input of applyToGroup: what the applicant offers. */
export const ApplyInputSchema = z.object({
  group: z.union([Id, Slug]),
  statement: text({ multiline: true, max: 5000, required: "say why you want to join" }),
  skills: text({ multiline: true, max: 2000, required: "list the skills you bring" }),
  timeCommitment: text({ max: 500, required: "say how much time you can give" }),
  /**
   * The name the group will see, for an account that has no person yet (asked when the account
   * has no name of its own); ignored once the account has a person.
   */
  name: optionalText({ max: 200 }).describe(
    "Your name as the group will see it; needed when your account has no person and no name of its own.",
  ),
});

/** What the applicant is told after applying. */
export interface ApplyResult {
  applicationId: number;
  status: "pending";
  nextMeeting: NextMeeting;
  /** Who decides, in words ("a vote of the DSF Board (50%+1)", "an invitation from any member ..."). */
  decidedBy: string;
}

/**
 * A signed-in person applies to an active group. Eligibility that Guildhall can check (a
 * foundation role the charter requires, held today) is enforced; the applicant is told the next
 * meeting and who decides.
 */
export async function applyToGroup(call: DecisionCall & { input: unknown }): Promise<ApplyResult> {
  const input = parseInput("application", ApplyInputSchema, call.input);
  const { database, clock } = call.deps;
  const { userId } = call.actor;
  if (call.actor.personId === null && userId === null) {
    throw new AppError("unauthenticated", { message: "Sign in to apply." });
  }
  return database.db.transaction(async (tx) => {
    const now = clock.now();
    const today = dayOf(now);
    const group = await loadGroup(tx, input.group);
    // A newcomer's account gets its person now (never merged silently with a charter's person).
    const personId =
      call.actor.personId ??
      (await ensureAccountPerson({
        tx,
        userId: userId ?? 0,
        now,
        by: call.actor,
        cause: "applied to a group",
        name: input.name,
      }));
    if (group.status !== "active") {
      throw new AppError("conflict", {
        message: `${group.name} is not taking applications (${group.status}).`,
      });
    }
    // Nobody could decide on the application: say where to ask rather than keep it waiting.
    if (admissionOf(group.charter).kind === "not-stated") {
      throw new AppError("conflict", {
        message: `${group.name} is not taking applications here: ${admissionText({ kind: "not-stated" })}.`,
      });
    }
    if (await isParticipant(tx, group.id, personId, today)) {
      throw new AppError("conflict", { message: `You are already in ${group.name}.` });
    }
    const problems = checkEligibility({
      requirements: readEligibility(group.charter.eligibility),
      heldRoles: await foundationRolesOf(tx, personId, today),
    });
    if (problems.length) {
      throw new AppError("forbidden", {
        message: `Not eligible to join ${group.name}: ${problems.join("; ")}.`,
        issues: problems.map((message) => ({ field: "eligibility", message })),
      });
    }
    const open = await openApplicationIds(tx, group.id, personId);
    if (open[0]) {
      throw new AppError("conflict", {
        message: `Your application #${open[0].id} to ${group.name} is still open.`,
      });
    }
    const app = await insertApplication(tx, {
      groupId: group.id,
      personId,
      userId: call.actor.userId,
      statement: input.statement,
      skills: input.skills,
      timeCommitment: input.timeCommitment,
      status: "pending",
      createdAt: now,
    });
    if (!app) throw new AppError("internal", { message: "The application was not saved." });
    await recordAudit(tx, {
      by: call.actor,
      at: now,
      action: "application.submitted",
      subjectType: "membership_application",
      subjectId: app.id,
      before: null,
      after: { groupId: group.id, personId, status: "pending" },
      cause: `application:${app.id}`,
    });
    const settings = await groupSettings(tx, group.id);
    return {
      applicationId: app.id,
      status: "pending",
      nextMeeting: nextMeeting({
        today,
        // A meeting the chair scheduled comes first; else the recorded date rolled by the cadence.
        recorded: (await nextScheduledDay(tx, group.id, now)) ?? settings.nextMeetingOn,
        cadence: group.charter.meetingCadence,
      }),
      decidedBy: admissionText(admissionOf(group.charter)),
    };
  });
}
