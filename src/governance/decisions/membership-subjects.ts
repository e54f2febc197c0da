/**
 * Membership votes as vote subjects (subjects.ts): admitting and removing a member, electing a
 * Chair or Co-Chair, each about a person and decided as the group's membership model says
 * (policy/membership-rule.ts); and the proposal, a question put to the group's deciding body that
 * the vote itself records (no other record changes when it passes).
 */
import { AppError } from "../../platform/errors.ts";
import { voteRuleOf } from "../policy/membership-rule.ts";
import { applyMembershipChange, voteRef } from "./apply-outcome.ts";
import { isParticipant, personName, recordAudit } from "./decisions.repo.ts";
import { findApplicationRow, updateApplication } from "./membership.repo.ts";
import { defineVoteSubject, ELECTORATES, type OpeningSubject, type OutcomeContext } from "./subjects.ts";

type MembershipKind = "admit-member" | "remove-member" | "elect-chair" | "elect-co-chair";

const TITLE: Record<MembershipKind, string> = {
  "admit-member": "Admit",
  "remove-member": "Remove",
  "elect-chair": "Elect as Chair",
  "elect-co-chair": "Elect as Co-Chair",
};

/** A new member must not be in the group yet; the others must be current members. */
async function checkMembership(kind: MembershipKind, s: OpeningSubject): Promise<void> {
  const { tx, group } = s;
  const personId = s.subjectPersonId;
  if (personId === null) return;
  const name = await personName(tx, personId, "subjectPersonId");
  const participant = await isParticipant(tx, group.id, personId, s.today);
  if (kind === "admit-member" && participant) {
    throw new AppError("conflict", { message: `${name} is already in ${group.name}.` });
  }
  if (kind !== "admit-member" && !participant) {
    throw new AppError("conflict", { message: `${name} is not a current member of ${group.name}.` });
  }
  if (s.applicationId === null) return;
  const app = await findApplicationRow(tx, s.applicationId);
  if (!app || app.groupId !== group.id || app.personId !== personId || kind !== "admit-member") {
    throw new AppError("validation", {
      message: `Invalid vote: applicationId: application #${s.applicationId} is not this group's application from this person`,
      issues: [{ field: "applicationId", message: "does not match the group and the person" }],
    });
  }
  if (app.status !== "pending") {
    throw new AppError("conflict", { message: `Application #${app.id} is ${app.status}, not pending.` });
  }
}

/** The application a vote decides goes to "voting" as the vote opens. */
async function openApplication(s: OpeningSubject & { vote: { id: number } }): Promise<void> {
  if (s.applicationId === null) return;
  await updateApplication(s.tx, s.applicationId, { status: "voting" });
  await recordAudit(s.tx, {
    by: s.actor,
    at: s.now,
    action: "application.vote-opened",
    subjectType: "membership_application",
    subjectId: s.applicationId,
    before: { status: "pending" },
    after: { status: "voting", voteId: s.vote.id },
    cause: voteRef(s.vote.id),
  });
}

/** Applies the membership change of a passed vote, and decides the application it answers. */
async function applyMembershipOutcome(c: OutcomeContext): Promise<void> {
  const { tx, vote, group, now, actor } = c;
  if (c.outcome === "passed") await applyMembershipChange({ tx, vote, group, now, actor });
  if (vote.applicationId === null) return;
  const status = c.outcome === "passed" ? "accepted" : "rejected";
  await updateApplication(tx, vote.applicationId, { status, decidedAt: now });
  await recordAudit(tx, {
    by: actor,
    at: now,
    action: `application.${status}`,
    subjectType: "membership_application",
    subjectId: vote.applicationId,
    before: { status: "voting" },
    after: { status },
    cause: voteRef(vote.id),
  });
}

for (const kind of Object.keys(TITLE) as MembershipKind[]) {
  defineVoteSubject({
    kind,
    subject: "person",
    electorate: (group) => voteRuleOf(kind, group.charter, group.name),
    describe: ({ subjectName }) => `${TITLE[kind]} ${subjectName}`,
    check: (s) => checkMembership(kind, s),
    onOpen: openApplication,
    onOutcome: applyMembershipOutcome,
  });
}

defineVoteSubject({
  kind: "proposal",
  subject: "none",
  electorate: ELECTORATES.groupByModel,
  describe: () => "Proposal",
  onOutcome: async () => {},
});
