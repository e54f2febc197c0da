import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { Id, Instant, OptionalId, optionalOneOf, optionalText, Slug } from "../../platform/validation.ts";
import { BODY_FOUNDATION_ROLE, type DecidingBody } from "../policy/membership-rule.ts";
import {
  type DbOrTx,
  type DecisionGroup,
  findOpenDuplicate,
  foundationRoleHolders,
  groupParticipants,
  groupSettings,
  loadGroup,
  personName,
  recordAudit,
  type VoteRow,
} from "./decisions.repo.ts";
import { type DecisionCall, isTrustedCaller, parseInput } from "./deps.ts";
import "./membership-subjects.ts";
import { dayOf } from "../../kernel/rules.ts";
import {
  findVoteSubject,
  type OpeningSubject,
  registeredVoteSubjectKinds,
  VOTE_SUBJECT_KINDS,
} from "./subjects.ts";
import { checkClosingTime, freezeElectorate, latestCloseOf } from "./tally.ts";
import { insertElectorate, insertVote } from "./votes.repo.ts";

/** Who may vote in `body` today: the group's current participants, the Board or the Steering Council. */
export async function votersOf(
  db: DbOrTx,
  group: DecisionGroup,
  body: DecidingBody,
  day: string,
): Promise<number[]> {
  const role = BODY_FOUNDATION_ROLE[body];
  return role === null ? groupParticipants(db, group.id, day) : foundationRoleHolders(db, role, day);
}

/** Input of openVote, checked at the boundary. */
export const OpenVoteInputSchema = z.object({
  group: z.union([Id, Slug]),
  kind: z.enum(VOTE_SUBJECT_KINDS, {
    message: `must be one of ${VOTE_SUBJECT_KINDS.join(", ")}`,
  }),
  /** The person a membership vote is about. */
  subjectPersonId: OptionalId,
  /** The record another kind of vote is about, as its owner names it. */
  subjectId: optionalText({ max: 200 }).transform((t) => t ?? null),
  title: optionalText({ max: 200 }).transform((t) => t ?? undefined),
  description: optionalText({ multiline: true, max: 5000 }).transform((t) => t ?? ""),
  closesAt: Instant,
  secrecy: optionalOneOf(["open", "secret"]),
  applicationId: Id.optional(),
});

/**
 * Opens a vote on a subject: its kind's definition (subjects.ts) says who decides (a group by its
 * membership model, the Board, the Steering Council) and checks the subject; the electorate is
 * frozen, the base rule and ballot secrecy stored, and the opening recorded in the audit log. The
 * opener must be in the electorate. A vote the charter does not call for is refused
 * (policy/membership-rule.ts): admitting a member of a group that admits by invitation or
 * appointment, any membership vote where the charter does not say who decides. A group admitting
 * by consensus votes by consensus (everyone's yes).
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
  const subject = findVoteSubject(input.kind);
  if (!subject) {
    const known = registeredVoteSubjectKinds().join(", ");
    throw new AppError("validation", {
      message: `Invalid vote: kind: nothing here decides ${input.kind} votes (open one of ${known})`,
      issues: [{ field: "kind", message: `must be one of ${known}` }],
    });
  }
  if (subject.subject === "person" && input.subjectPersonId === null) {
    throw new AppError("validation", {
      message: `Invalid vote: subjectPersonId: a ${input.kind} vote needs the person it is about`,
      issues: [{ field: "subjectPersonId", message: "required for this kind of vote" }],
    });
  }
  if (subject.subject === "record" && input.subjectId === null) {
    throw new AppError("validation", {
      message: `Invalid vote: subjectId: a ${input.kind} vote needs the record it is about`,
      issues: [{ field: "subjectId", message: "required for this kind of vote" }],
    });
  }
  if (subject.subject === "none" && !input.title) {
    throw new AppError("validation", {
      message: `Invalid vote: title: a ${input.kind} needs a title`,
      issues: [{ field: "title", message: `required for a ${input.kind}` }],
    });
  }
  if (input.applicationId !== undefined && subject.subject !== "person") {
    throw new AppError("validation", {
      message: `Invalid vote: applicationId: a ${input.kind} vote does not decide an application`,
      issues: [{ field: "applicationId", message: "only for a vote about a person" }],
    });
  }

  return database.db.transaction(async (tx) => {
    const group = await loadGroup(tx, input.group);
    const statuses = subject.groupStatuses ?? ["active"];
    if (!statuses.includes(group.status)) {
      throw new AppError("conflict", {
        message: `Group "${group.slug}" is ${group.status}, not ${statuses.join(" or ")}.`,
      });
    }
    const rule = subject.electorate(group);
    if ("refused" in rule) throw new AppError("conflict", { message: rule.refused });
    const subjectPersonId = subject.subject === "person" ? input.subjectPersonId : null;
    const subjectId =
      subject.subject === "person"
        ? String(subjectPersonId)
        : subject.subject === "record"
          ? input.subjectId
          : null;
    const opening: OpeningSubject = {
      tx,
      group,
      subjectPersonId,
      subjectId,
      applicationId: input.applicationId ?? null,
      today,
      now,
      actor: call.actor,
    };
    const subjectName =
      subjectPersonId === null ? "" : await personName(tx, subjectPersonId, "subjectPersonId");
    await subject.check?.(opening);
    if (subjectId !== null) {
      const duplicate = await findOpenDuplicate(tx, { groupId: group.id, kind: input.kind, subjectId });
      if (duplicate) {
        throw new AppError("conflict", {
          message: `Vote #${duplicate.id} on the same question is already open until ${duplicate.closesAt.toISOString()}.`,
        });
      }
    }

    const body = rule.body;
    const excluded = new Set(await (subject.excludedVoters?.(opening) ?? []));
    const electorate = freezeElectorate({
      kind: input.kind,
      eligible: (await votersOf(tx, group, body, today)).filter((id) => !excluded.has(id)),
      subjectId: subjectPersonId,
    });
    if (
      !isTrustedCaller(call.actor) &&
      call.openerOutsideElectorate !== true &&
      (call.actor.personId === null || !electorate.includes(call.actor.personId))
    ) {
      throw new AppError("forbidden", {
        message: `Only those who vote on ${group.name}'s ${subject.subject === "person" ? "membership decisions" : `${input.kind} votes`} may open a vote there.`,
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
    const vote = await insertVote(tx, {
      groupId: group.id,
      kind: input.kind,
      subjectId,
      subjectPersonId,
      applicationId: input.applicationId ?? null,
      title: input.title ?? subject.describe({ subjectId, subjectName }),
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
    });
    if (!vote) throw new AppError("internal", { message: "The vote was not saved." });
    await insertElectorate(tx, vote.id, electorate);
    await subject.onOpen?.({ ...opening, vote });
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
    subjectId: vote.subjectId,
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
