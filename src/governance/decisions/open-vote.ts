import { eq } from "drizzle-orm";
import { z } from "zod";
import { schema } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { Id, Instant, OptionalId, optionalOneOf, optionalText, Slug } from "../../platform/validation.ts";
import { type DecidingBody, voteRuleOf } from "../policy/membership-rule.ts";
import {
  type DbOrTx,
  type DecisionGroup,
  findOpenDuplicate,
  foundationRoleHolders,
  groupParticipants,
  groupSettings,
  isParticipant,
  loadGroup,
  personName,
  recordAudit,
  type VoteRow,
} from "./decisions.repo.ts";
import { type DecisionCall, isTrustedCaller, parseInput } from "./deps.ts";
import {
  checkClosingTime,
  freezeElectorate,
  kindHasSubject,
  latestCloseOf,
  VOTE_KINDS,
  type VoteKind,
} from "./tally.ts";
import { dayOf } from "./terms.ts";

const { votes, voteElectorate, membershipApplications } = schema;

/** Who may vote in `body` today: the group's current participants, the Board or the Steering Council. */
export async function eligibleVoters(
  db: DbOrTx,
  group: DecisionGroup,
  body: DecidingBody,
  day: string,
): Promise<number[]> {
  if (body === "group") return groupParticipants(db, group.id, day);
  return foundationRoleHolders(db, body === "board" ? "board-member" : "steering-council-member", day);
}

/** Input of openVote, checked at the boundary. */
export const OpenVoteInputSchema = z.object({
  group: z.union([Id, Slug]),
  kind: z.enum(VOTE_KINDS as [VoteKind, ...VoteKind[]], {
    message: `must be one of ${VOTE_KINDS.join(", ")}`,
  }),
  subjectPersonId: OptionalId,
  title: optionalText({ max: 200 }).transform((t) => t ?? undefined),
  description: optionalText({ multiline: true, max: 5000 }).transform((t) => t ?? ""),
  closesAt: Instant,
  secrecy: optionalOneOf(["open", "secret"]),
  applicationId: Id.optional(),
});

const KIND_TITLE: Record<VoteKind, string> = {
  "admit-member": "Admit",
  "remove-member": "Remove",
  "elect-chair": "Elect as Chair",
  "elect-co-chair": "Elect as Co-Chair",
  proposal: "Proposal",
};

/**
 * Opens a vote: freezes the electorate from the group's membership model, stores the base rule
 * and ballot secrecy, and records it in the audit log. The opener must be in the deciding body.
 * A vote the charter does not call for is refused (policy/membership-rule.ts): admitting a member
 * of a group that admits by invitation or appointment, any membership vote where the charter does
 * not say who decides. A group admitting by consensus votes by consensus (everyone's yes).
 */
export async function openVote(
  call: DecisionCall & { input: unknown; openerOutsideElectorate?: boolean },
): Promise<VoteRow> {
  const input = parseInput("vote", OpenVoteInputSchema, call.input);
  const { database, clock } = call.deps;
  const now = clock.now();
  const today = dayOf(now);
  const timeProblems = checkClosingTime({ now, closesAt: input.closesAt });
  if (timeProblems.length) {
    throw new AppError("validation", {
      message: `Invalid vote: closesAt: ${timeProblems[0]}`,
      issues: timeProblems.map((message) => ({ field: "closesAt", message })),
    });
  }
  const needsSubject = kindHasSubject(input.kind);
  if (needsSubject && input.subjectPersonId === null) {
    throw new AppError("validation", {
      message: `Invalid vote: subjectPersonId: a ${input.kind} vote needs the person it is about`,
      issues: [{ field: "subjectPersonId", message: "required for this kind of vote" }],
    });
  }
  if (!needsSubject && !input.title) {
    throw new AppError("validation", {
      message: "Invalid vote: title: a proposal needs a title",
      issues: [{ field: "title", message: "required for a proposal" }],
    });
  }

  return database.db.transaction(async (tx) => {
    const group = await loadGroup(tx, input.group);
    if (group.status !== "active") {
      throw new AppError("conflict", { message: `Group "${group.slug}" is ${group.status}, not active.` });
    }
    const rule = voteRuleOf(input.kind, group.charter, group.name);
    if ("refused" in rule) throw new AppError("conflict", { message: rule.refused });
    const subjectId = needsSubject ? input.subjectPersonId : null;
    let subjectName = "";
    if (subjectId !== null) {
      subjectName = await personName(tx, subjectId, "subjectPersonId");
      const participant = await isParticipant(tx, group.id, subjectId, today);
      if (input.kind === "admit-member" && participant) {
        throw new AppError("conflict", { message: `${subjectName} is already in ${group.name}.` });
      }
      if (input.kind !== "admit-member" && !participant) {
        throw new AppError("conflict", {
          message: `${subjectName} is not a current member of ${group.name}.`,
        });
      }
      const duplicate = await findOpenDuplicate(tx, {
        groupId: group.id,
        kind: input.kind,
        subjectPersonId: subjectId,
      });
      if (duplicate) {
        throw new AppError("conflict", {
          message: `Vote #${duplicate.id} on the same question is already open until ${duplicate.closesAt.toISOString()}.`,
        });
      }
    }
    if (input.applicationId !== undefined) {
      const app = (
        await tx
          .select()
          .from(membershipApplications)
          .where(eq(membershipApplications.id, input.applicationId))
      )[0];
      if (!app || app.groupId !== group.id || app.personId !== subjectId || input.kind !== "admit-member") {
        throw new AppError("validation", {
          message: `Invalid vote: applicationId: application #${input.applicationId} is not this group's application from this person`,
          issues: [{ field: "applicationId", message: "does not match the group and the person" }],
        });
      }
      if (app.status !== "pending") {
        throw new AppError("conflict", { message: `Application #${app.id} is ${app.status}, not pending.` });
      }
    }

    const body = rule.body;
    const electorate = freezeElectorate({
      kind: input.kind,
      eligible: await eligibleVoters(tx, group, body, today),
      subjectId,
    });
    if (
      !isTrustedCaller(call.actor) &&
      call.openerOutsideElectorate !== true &&
      (call.actor.personId === null || !electorate.includes(call.actor.personId))
    ) {
      throw new AppError("forbidden", {
        message: `Only those who vote on ${group.name}'s membership decisions may open a vote there.`,
      });
    }
    if (electorate.length === 0) {
      throw new AppError("conflict", {
        message: `Nobody can vote: ${group.name}'s deciding body (${body}) has no current members.`,
      });
    }
    const settings = await groupSettings(tx, group.id);
    const latestClosesAt = latestCloseOf(now, settings.maxVoteDays);
    const tooLate = checkClosingTime({
      now,
      closesAt: input.closesAt,
      latest: { closesBy: latestClosesAt, maxVoteDays: settings.maxVoteDays },
    });
    if (tooLate.length) {
      throw new AppError("validation", {
        message: `Invalid vote: closesAt: ${tooLate[0]}`,
        issues: tooLate.map((message) => ({ field: "closesAt", message })),
      });
    }
    const [vote] = await tx
      .insert(votes)
      .values({
        groupId: group.id,
        kind: input.kind,
        subjectPersonId: subjectId,
        applicationId: input.applicationId ?? null,
        title: input.title ?? `${KIND_TITLE[input.kind]} ${subjectName}`,
        description: input.description,
        body,
        secrecy: input.secrecy ?? settings.secrecy,
        baseRule: rule.rule === "consensus" ? "consensus" : settings.baseRule,
        electorateSize: electorate.length,
        openedByPersonId: call.actor.personId,
        openedAt: now,
        closesAt: input.closesAt,
        latestClosesAt,
        status: "open",
      })
      .returning();
    if (!vote) throw new AppError("internal", { message: "The vote was not saved." });
    await tx.insert(voteElectorate).values(electorate.map((personId) => ({ voteId: vote.id, personId })));
    if (input.applicationId !== undefined) {
      await tx
        .update(membershipApplications)
        .set({ status: "voting" })
        .where(eq(membershipApplications.id, input.applicationId));
      await recordAudit(tx, {
        by: call.actor,
        at: now,
        action: "application.vote-opened",
        subjectType: "membership_application",
        subjectId: input.applicationId,
        before: { status: "pending" },
        after: { status: "voting", voteId: vote.id },
        cause: `vote:${vote.id}`,
      });
    }
    await recordAudit(tx, {
      by: call.actor,
      at: now,
      action: "vote.opened",
      subjectType: "vote",
      subjectId: vote.id,
      before: null,
      after: { ...publicVoteFields(vote), electorate },
      cause: input.applicationId !== undefined ? `application:${input.applicationId}` : "",
    });
    return vote;
  });
}

/** The fields of a vote that may be shown to anyone allowed to see the vote. */
export function publicVoteFields(vote: VoteRow) {
  return {
    id: vote.id,
    groupId: vote.groupId,
    kind: vote.kind,
    subjectPersonId: vote.subjectPersonId,
    title: vote.title,
    body: vote.body,
    secrecy: vote.secrecy,
    baseRule: vote.baseRule,
    electorateSize: vote.electorateSize,
    openedAt: vote.openedAt.toISOString(),
    closesAt: vote.closesAt.toISOString(),
    status: vote.status,
  };
}
