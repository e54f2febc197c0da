import type { Context } from "hono";
import { z } from "zod";
import { findUserById } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import { AppError, isAppError } from "../../platform/errors.ts";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { DateTime, Id, OptionalId, optionalOneOf, optionalText } from "../../platform/validation.ts";
import { accountHasName } from "../accounts/ensure-account-person.ts";
import type { AgendaMemo } from "../board/agenda.ts";
import { AgendaView, BoardMeetingsView } from "../board/agenda.views.tsx";
import { selectBoardMeetings } from "../board/board-meetings.repo.ts";
import { getBoardAgenda } from "../board/get-board-agenda.ts";
import { RecordBoardMeetingInputSchema, recordBoardMeeting } from "../board/record-board-meeting.ts";
import { reportingOn } from "../board/shared-inputs.ts";
import { MEMBER_API_SCHEMAS as API } from "../directory/member-api-schemas.ts";
import type { Resource } from "../governance.policy.ts";
import { nextScheduledDay } from "../meetings/meetings.repo.ts";
import { nextMeeting } from "../meetings/next-meeting.ts";
import { groupResourceOf } from "../policy/actor.repo.ts";
import { actorOf, can } from "../policy/authorize.ts";
import { admissionOf, admissionText } from "../policy/membership-rule.ts";
import { createRoomRouter } from "../policy/room-router.ts";
import { decisionActorOf, groupBySlug, SlugParams } from "../policy/route-subjects.ts";
import { resolvePerson, suggestPeople } from "../registry/resolve-person.ts";
import { BoardReportsSection } from "../reports/reports.views.tsx";
import { AdmitWhoSchema, admitMember } from "./admit-member.ts";
import { ApplyInputSchema, applyToGroup } from "./apply-to-group.ts";
import { auditText, listGroupAuditInWords } from "./audit-in-words.ts";
import { CastBallotInputSchema, castBallot } from "./cast-ballot.ts";
import { closeVote } from "./close-vote.ts";
import {
  presentClosedVote,
  presentExtendedVote,
  presentOpenedVote,
  presentRenewedTerm,
} from "./decisions.presenters.ts";
import {
  findApplication,
  findRolePeriodHolder,
  findVote,
  foundationRoleHolders,
  groupSettings,
  leaveStanding,
  loadGroup,
  rolePeriodSummary,
  voteElectorateIds,
} from "./decisions.repo.ts";
import {
  AuditPage,
  BoardPage,
  type GroupDecisionsModel,
  GroupDecisionsPage,
  VotePage,
} from "./decisions.views.tsx";
import type { DecisionDeps } from "./deps.ts";
import { exportAudit } from "./export-audit.ts";
import { ExtendVoteInputSchema, extendVote } from "./extend-vote.ts";
import { getBoardOverview } from "./get-board-overview.ts";
import { getElectorate } from "./get-electorate.ts";
import { getVote } from "./get-vote.ts";
import { LeaveGroupInputSchema, leaveGroup } from "./leave-group.ts";
import { listApplications } from "./list-applications.ts";
import { listGroupAudit } from "./list-group-audit.ts";
import { listLapsingTerms } from "./list-lapsing-terms.ts";
import { listLiaisonProblems } from "./list-liaison-problems.ts";
import { listMyApplications } from "./list-my-applications.ts";
import { listVotes } from "./list-votes.ts";
import { OpenApplicationVoteInputSchema, openApplicationVote } from "./open-application-vote.ts";
import { OpenVoteInputSchema, openVote } from "./open-vote.ts";
import { RecordBoardLiaisonInputSchema, recordBoardLiaison } from "./record-board-liaison.ts";
import { RENEWAL_WINDOW_DAYS, renewTerm } from "./renew-term.ts";
import { DecisionSettingsInputSchema, setDecisionSettings } from "./set-decision-settings.ts";
import { kindHasSubject } from "./tally.ts";

type Ctx = Context<AppEnv>;

/** The error with the issue naming `from` named `to` instead (an operation's id field shown as a form's name field). */
function renameIssue(e: unknown, from: string, to: string): unknown {
  if (!isAppError(e) || !e.issues.some((i) => i.field === from)) return e;
  return new AppError(e.code, {
    message: e.message,
    cause: e,
    issues: e.issues.map((i) => (i.field === from ? { ...i, field: to } : i)),
  });
}

const VoteParams = z.object({ id: Id.describe("The vote's numeric id.") });
const ApplicationParams = z.object({ id: Id.describe("The application's numeric id.") });
const RolePeriodParams = z.object({ id: Id.describe("The role period's numeric id.") });

/** A closing time: ISO 8601 (a form's value without a zone is read as UTC), in the future. */
const ClosesAt = DateTime.describe("When the vote closes (ISO 8601, in the future).");

/** A person named in a form or a JSON body (a name, alias, slug or id), as people type them. */
const PersonText = (description: string) =>
  optionalText({ max: 200 }).describe(
    `${description}: a name (or alias, slug or id); a name several people share is refused with the choices.`,
  );

/** The fields naming a vote's subject: the name typed, and the id (the API's, or chosen among several). */
const SUBJECT_FIELDS = { field: "subject", choiceField: "subjectPersonId" } as const;
/** The fields naming a new Board Liaison. */
const LIAISON_FIELDS = { field: "person", choiceField: "personId" } as const;

/** Bodies of the decision routes: the operations' own input, less what the path gives. */
const Bodies = {
  ballot: CastBallotInputSchema.omit({ voteId: true }),
  extend: ExtendVoteInputSchema.omit({ voteId: true }).extend({ closesAt: ClosesAt }),
  openVote: OpenVoteInputSchema.omit({ group: true, applicationId: true }).extend({
    closesAt: ClosesAt,
    subject: PersonText("The person the vote is about, by name (instead of subjectPersonId)"),
  }),
  apply: ApplyInputSchema.omit({ group: true }),
  applicationVote: OpenApplicationVoteInputSchema.omit({ applicationId: true }).extend({
    closesAt: ClosesAt,
  }),
  leave: LeaveGroupInputSchema.omit({ group: true }),
  admit: AdmitWhoSchema,
  settings: DecisionSettingsInputSchema.omit({ group: true }),
  liaison: RecordBoardLiaisonInputSchema.omit({ group: true, personId: true }).extend({
    person: PersonText("The new liaison, by name (instead of personId)"),
    personId: OptionalId.describe("The new liaison's person id (or the one chosen among several)."),
  }),
};

/** The HTTP routes of membership decisions. */
export function createDecisionsRouter(services: Services): Router {
  const router = createRoomRouter(services);
  const db = services.database.db;
  const deps: DecisionDeps = { database: services.database, clock: services.clock, log: services.log };
  const today = () => dayOf(services.clock.now());

  const decisionActor = (c: Ctx) => decisionActorOf(c, services);

  /**
   * The open-vote body with its subject resolved: a name typed on the form (or in the API's
   * `subject`), or the id (the API's `subjectPersonId`, or the one chosen after an ambiguous name).
   */
  const withSubject = async (body: z.output<typeof Bodies.openVote>) => {
    const { subject, ...rest } = body;
    // A proposal is about no one: whatever the person field holds is not read.
    if (!kindHasSubject(body.kind)) return { ...rest, subjectPersonId: null };
    const subjectPersonId = await resolvePerson({
      db,
      day: today(),
      typed: subject,
      chosenId: body.subjectPersonId,
      names: SUBJECT_FIELDS,
    });
    if (subjectPersonId === null && kindHasSubject(body.kind)) {
      throw new AppError("validation", {
        message: "Invalid vote: subject: this kind of vote needs the person it is about",
        issues: [{ field: "subject", message: "say who the vote is about: type their name" }],
      });
    }
    return { ...rest, subjectPersonId };
  };

  /** The policy's view of a group, with its row. */
  const groupResource = groupBySlug(db);

  /** The policy's view of a vote. */
  const voteResource = async (_c: Ctx, { params }: { params: { id: number } }) => {
    const vote = await findVote(db, params.id);
    const electorate = await voteElectorateIds(db, vote.id);
    const body = vote.body === "board" || vote.body === "steering-council" ? vote.body : "group";
    return {
      kind: "vote",
      groupId: vote.groupId,
      decidingBody: body,
      secret: vote.secrecy === "secret",
      electorate,
      subjectPersonId: vote.subjectPersonId,
      openedByPersonId: vote.openedByPersonId,
    } satisfies Resource;
  };

  /** The vote page: tally as far as secrecy allows, the ballot form, and extend/close for those who may. */
  const votePage = async (c: Ctx, voteId: number, opened = false) => {
    const resource = await voteResource(c, { params: { id: voteId } });
    const actor = await actorOf(c, services);
    const view = await getVote({
      db,
      voteId,
      viewerPersonId: actor.personId,
      showBallots: await can(c, services, "vote.view-ballots", resource),
    });
    return c.html(
      await renderPage(
        <VotePage
          vote={view}
          electorate={await getElectorate({ db, voteId })}
          mayCast={await can(c, services, "vote.cast", resource)}
          mayManage={await can(c, services, "vote.extend", resource)}
          opened={opened && view.status === "open"}
        />,
      ),
    );
  };

  /** The group's decisions page (also re-shown, with what was typed, when one of its forms is refused). */
  const decisionsPage = async (c: Ctx, slug: string, applied?: number) => {
    const { row, ...resource } = await groupResource(c, { params: { slug } });
    const actor = await actorOf(c, services);
    const day = today();
    const seesPrivate = await can(c, services, "group.view-private", resource);
    const mayOpenVote = await can(c, services, "group.decide-membership", resource);
    const stored = await groupSettings(db, row.id);
    const mine =
      actor.personId === null
        ? []
        : await listMyApplications({ db, personId: actor.personId, groupId: row.id });
    const user =
      actor.personId === null && actor.userId !== null ? await findUserById(db, actor.userId) : undefined;
    const model: GroupDecisionsModel = {
      group: { id: row.id, slug: row.slug, name: row.name },
      nextMeeting: nextMeeting({
        today: day,
        recorded: (await nextScheduledDay(db, row.id, services.clock.now())) ?? stored.nextMeetingOn,
        cadence: row.charter.meetingCadence,
      }),
      decidedBy: admissionText(admissionOf(row.charter)),
      admission: admissionOf(row.charter).kind,
      settings: stored,
      votes: seesPrivate ? await listVotes({ db, groupId: row.id, viewerPersonId: actor.personId }) : null,
      applications: seesPrivate ? await listApplications({ db, groupId: row.id }) : null,
      myTerms:
        actor.personId === null
          ? []
          : await listLapsingTerms({
              db,
              day,
              withinDays: RENEWAL_WINDOW_DAYS,
              groupId: row.id,
              personId: actor.personId,
            }),
      // Liaison currency is public: anyone looking at the group should see the gap.
      liaisonProblems: await listLiaisonProblems({ db, day, groupId: row.id }),
      mayApply: await can(c, services, "group.apply", resource),
      mayOpenVote,
      mayManageApplications: await can(c, services, "group.manage-applications", resource),
      mayEditSettings: await can(c, services, "group.edit-arrangements", resource),
      leave: actor.personId === null ? "none" : await leaveStanding(db, row.id, actor.personId, day),
      people: mayOpenVote ? await suggestPeople({ db }) : [],
      ...(applied !== undefined ? { applied: { applicationId: applied } } : {}),
      myApplication: mine.find((a) => a.state.open) ?? null,
      askName: user ? { value: accountHasName(user) ? user.name : "" } : null,
    };
    return c.html(await renderPage(<GroupDecisionsPage model={model} />));
  };

  // ---- votes ----
  router.get("/votes/:id", {
    params: VoteParams,
    query: z.object({ opened: z.literal("1").optional().catch(undefined) }),
    action: "vote.view-tally",
    resource: voteResource,
    handler: (c, { params, query }) => votePage(c, params.id, query.opened === "1"),
  });
  router.get("/api/votes/:id/electorate", {
    summary:
      "Who may vote: the electorate fixed when the vote opened, each voter's roles, who has no account (and so can never vote), and whether the vote can still pass because of that.",
    operationId: "getVoteElectorate",
    params: VoteParams,
    action: "vote.view-tally",
    resource: voteResource,
    response: { description: "The electorate.", schema: API.VoteElectorate, name: "VoteElectorate" },
    handler: async (c, { params }) => c.json({ electorate: await getElectorate({ db, voteId: params.id }) }),
  });
  router.get("/api/votes/:id", {
    summary: "A vote: tally, voters, and open ballots to those who may see them (never a secret ballot's).",
    operationId: "getVote",
    params: VoteParams,
    action: "vote.view-tally",
    resource: voteResource,
    response: { description: "The vote.", schema: API.VoteResponse, name: "VoteResponse" },
    handler: async (c, { params, resource, actor }) => {
      const vote = await getVote({
        db,
        voteId: params.id,
        viewerPersonId: (await actor()).personId,
        showBallots: await can(c, services, "vote.view-ballots", resource),
      });
      return c.json({ vote });
    },
  });

  router.post("/votes/:id/ballot", {
    params: VoteParams,
    form: Bodies.ballot,
    action: "vote.cast",
    resource: voteResource,
    page: (c, { params }) => votePage(c, params.id),
    handler: async (c, { params, body }) => {
      await castBallot({ deps, actor: await decisionActor(c), input: { voteId: params.id, ...body } });
      return c.redirect(`/votes/${params.id}`, 303);
    },
  });
  router.post("/api/votes/:id/ballots", {
    summary: "Cast your ballot (scope votes).",
    operationId: "castBallot",
    params: VoteParams,
    json: Bodies.ballot,
    action: "vote.cast",
    resource: voteResource,
    response: { status: 201, description: "Counted.", schema: API.BallotResult, name: "BallotResult" },
    errors: { 409: "The vote is closed, or you have already voted." },
    handler: async (c, { params, body }) => {
      const result = await castBallot({
        deps,
        actor: await decisionActor(c),
        input: { voteId: params.id, ...body },
      });
      return c.json({ result }, 201);
    },
  });

  router.post("/votes/:id/extend", {
    params: VoteParams,
    form: Bodies.extend,
    action: "vote.extend",
    resource: voteResource,
    page: (c, { params }) => votePage(c, params.id),
    handler: async (c, { params, body }) => {
      await extendVote({ deps, actor: await decisionActor(c), input: { voteId: params.id, ...body } });
      return c.redirect(`/votes/${params.id}`, 303);
    },
  });
  router.post("/api/votes/:id/extend", {
    summary:
      "Move the closing time later, with a reason: the opener, the group's chairs or the deciding body.",
    operationId: "extendVote",
    params: VoteParams,
    json: Bodies.extend,
    action: "vote.extend",
    resource: voteResource,
    response: { description: "Extended.", schema: API.VoteExtended, name: "VoteExtended" },
    errors: { 409: "The vote is closed." },
    handler: async (c, { params, body }) => {
      const vote = await extendVote({
        deps,
        actor: await decisionActor(c),
        input: { voteId: params.id, ...body },
      });
      return c.json({ vote: presentExtendedVote(vote) });
    },
  });

  router.post("/votes/:id/close", {
    params: VoteParams,
    form: z.object({}),
    action: "vote.close",
    resource: voteResource,
    page: (c, { params }) => votePage(c, params.id),
    handler: async (c, { params }) => {
      await closeVote({ deps, actor: await decisionActor(c), input: { voteId: params.id } });
      return c.redirect(`/votes/${params.id}`, 303);
    },
  });
  router.post("/api/votes/:id/close", {
    summary: "Close a vote that is due or whose outcome can no longer change, and apply its outcome.",
    operationId: "closeVote",
    params: VoteParams,
    action: "vote.close",
    resource: voteResource,
    response: { description: "Closed.", schema: API.VoteClosed, name: "VoteClosed" },
    errors: { 409: "The vote is closed already, or its outcome can still change." },
    handler: async (c, { params }) => {
      const vote = await closeVote({ deps, actor: await decisionActor(c), input: { voteId: params.id } });
      return c.json({ vote: presentClosedVote(vote) });
    },
  });

  // ---- group decisions ----
  router.post("/groups/:slug/votes", {
    params: SlugParams,
    form: Bodies.openVote,
    action: "group.decide-membership",
    resource: groupResource,
    page: (c, { params }) => decisionsPage(c, params.slug),
    handler: async (c, { body, resource }) => {
      try {
        const vote = await openVote({
          deps,
          actor: await decisionActor(c),
          input: { ...(await withSubject(body)), group: resource.groupId },
        });
        return c.redirect(`/votes/${vote.id}?opened=1`, 303);
      } catch (e) {
        // The operation names the id; the form's field is the name.
        throw renameIssue(e, "subjectPersonId", "subject");
      }
    },
  });
  router.post("/api/groups/:slug/votes", {
    summary: "Open a vote under the group's membership model (scope votes).",
    operationId: "openVote",
    params: SlugParams,
    json: Bodies.openVote,
    action: "group.decide-membership",
    resource: groupResource,
    response: {
      status: 201,
      description:
        "Opened: the vote as others will see it, and its electorate with the warning about members who have no account.",
      schema: API.VoteOpenedWithElectorate,
      name: "VoteOpenedWithElectorate",
    },
    errors: { 409: "The same question is already open." },
    handler: async (c, { body, resource }) => {
      const vote = await openVote({
        deps,
        actor: await decisionActor(c),
        input: { ...(await withSubject(body)), group: resource.groupId },
      });
      return c.json(
        {
          vote: await getVote({ db, voteId: vote.id, viewerPersonId: null, showBallots: false }),
          electorate: await getElectorate({ db, voteId: vote.id }),
        },
        201,
      );
    },
  });
  router.get("/api/groups/:slug/votes", {
    summary: "The group's votes (participants, the Board, administrators).",
    operationId: "listGroupVotes",
    params: SlugParams,
    action: "group.view-private",
    resource: groupResource,
    response: { description: "Votes, newest first.", schema: API.VoteList, name: "VoteList" },
    handler: async (c, { resource, actor }) =>
      c.json({
        votes: await listVotes({ db, groupId: resource.groupId, viewerPersonId: (await actor()).personId }),
      }),
  });

  router.post("/groups/:slug/apply", {
    params: SlugParams,
    form: Bodies.apply,
    action: "group.apply",
    resource: groupResource,
    page: (c, { params }) => decisionsPage(c, params.slug),
    handler: async (c, { params, body, resource }) => {
      const result = await applyToGroup({
        deps,
        actor: await decisionActor(c),
        input: { ...body, group: resource.groupId },
      });
      return c.redirect(`/groups/${params.slug}/decisions?applied=${result.applicationId}`, 303);
    },
  });
  router.post("/api/groups/:slug/applications", {
    summary: "Apply to join; an account without a person gets one (scope groups).",
    operationId: "applyToGroup",
    params: SlugParams,
    json: Bodies.apply,
    action: "group.apply",
    resource: groupResource,
    response: {
      status: 201,
      description: "Received.",
      schema: API.ApplicationReceived,
      name: "ApplicationReceived",
    },
    errors: { 409: "You have already applied, or are already in the group." },
    handler: async (c, { body, resource }) => {
      const application = await applyToGroup({
        deps,
        actor: await decisionActor(c),
        input: { ...body, group: resource.groupId },
      });
      return c.json({ application }, 201);
    },
  });
  router.get("/api/groups/:slug/applications", {
    summary: "Applications to the group (participants, the Board, administrators).",
    operationId: "listApplications",
    params: SlugParams,
    action: "group.view-private",
    resource: groupResource,
    response: { description: "Applications.", schema: API.ApplicationList, name: "ApplicationList" },
    handler: async (c, { resource }) =>
      c.json({ applications: await listApplications({ db, groupId: resource.groupId }) }),
  });

  /** The group of an application: the chair manages it; the deciding body may also start its own vote. */
  const applicationResource = async (_c: Ctx, { params }: { params: { id: number } }) => {
    const application = await findApplication(db, params.id);
    const row = await loadGroup(db, application.groupId);
    return { ...groupResourceOf(row), row };
  };
  router.post("/applications/:id/vote", {
    params: ApplicationParams,
    form: Bodies.applicationVote,
    action: ["group.manage-applications", "group.decide-membership"],
    resource: applicationResource,
    page: async (c, { params }) => decisionsPage(c, (await applicationResource(c, { params })).row.slug),
    handler: async (c, { params, body }) => {
      const vote = await openApplicationVote({
        deps,
        actor: await decisionActor(c),
        input: { ...body, applicationId: params.id },
      });
      return c.redirect(`/votes/${vote.id}`, 303);
    },
  });
  router.post("/api/applications/:id/vote", {
    summary: "Start the decision on an application: opens the admit vote of the deciding body.",
    operationId: "openApplicationVote",
    params: ApplicationParams,
    json: Bodies.applicationVote,
    action: ["group.manage-applications", "group.decide-membership"],
    resource: applicationResource,
    response: { status: 201, description: "Opened.", schema: API.VoteOpened, name: "VoteOpened" },
    errors: { 409: "The application is decided already, or its vote is open." },
    handler: async (c, { params, body }) => {
      const vote = await openApplicationVote({
        deps,
        actor: await decisionActor(c),
        input: { ...body, applicationId: params.id },
      });
      return c.json({ vote: presentOpenedVote(vote) }, 201);
    },
  });

  // Leaving needs no vote: the member themself may.
  // Groups that admit by invitation or appointment: a member (or the role holder) admits, no vote.
  router.post("/groups/:slug/admissions", {
    params: SlugParams,
    form: Bodies.admit,
    action: "group.decide-membership",
    resource: groupResource,
    page: (c, { params }) => decisionsPage(c, params.slug),
    handler: async (c, { params, body, resource }) => {
      await admitMember({ deps, actor: await decisionActor(c), input: { ...body, group: resource.groupId } });
      return c.redirect(`/groups/${params.slug}/decisions`, 303);
    },
  });
  router.post("/api/groups/:slug/admissions", {
    summary:
      "Admit a new member without a vote, where the charter says so: by a member's invitation, or by the role holder who appoints (scope votes). Refused (409) where the charter calls for a vote or does not say.",
    operationId: "admitMember",
    params: SlugParams,
    json: Bodies.admit,
    action: "group.decide-membership",
    resource: groupResource,
    response: { description: "Admitted.", schema: API.MemberAdmitted, name: "MemberAdmitted" },
    errors: { 409: "The charter calls for a vote, or does not say how members are admitted." },
    handler: async (c, { body, resource }) =>
      c.json(
        {
          admission: await admitMember({
            deps,
            actor: await decisionActor(c),
            input: { ...body, group: resource.groupId },
          }),
        },
        201,
      ),
  });

  router.post("/groups/:slug/leave", {
    params: SlugParams,
    form: Bodies.leave,
    action: "group.leave",
    resource: groupResource,
    page: (c, { params }) => decisionsPage(c, params.slug),
    handler: async (c, { params, body, resource }) => {
      await leaveGroup({ deps, actor: await decisionActor(c), input: { ...body, group: resource.groupId } });
      return c.redirect(`/groups/${params.slug}`, 303);
    },
  });
  router.post("/api/groups/:slug/leave", {
    summary: "Leave the group: every role you hold there ends today, no vote needed (scope groups).",
    operationId: "leaveGroup",
    params: SlugParams,
    json: Bodies.leave,
    action: "group.leave",
    resource: groupResource,
    response: { description: "Roles ended.", schema: API.LeftGroup, name: "LeftGroup" },
    errors: { 409: "You hold no role there that can end (ex officio roles end with the foundation role)." },
    handler: async (c, { body, resource }) =>
      c.json(
        await leaveGroup({
          deps,
          actor: await decisionActor(c),
          input: { ...body, group: resource.groupId },
        }),
      ),
  });

  /** The role period's holder and group: only the member renews their own term. */
  const rolePeriodResource = async (_c: Ctx, { params }: { params: { id: number } }) => {
    const holder = await findRolePeriodHolder(db, params.id);
    return {
      kind: "role-period" as const,
      groupId: holder.groupId,
      personId: holder.personId,
      slug: holder.groupSlug,
    };
  };
  router.post("/role-periods/:id/renew", {
    params: RolePeriodParams,
    form: z.object({}),
    action: "group.renew-term",
    resource: rolePeriodResource,
    page: async (c, { params }) => decisionsPage(c, (await rolePeriodResource(c, { params })).slug),
    handler: async (c, { params, resource }) => {
      await renewTerm({ deps, actor: await decisionActor(c), input: { rolePeriodId: params.id } });
      return c.redirect(`/groups/${resource.slug}/decisions`, 303);
    },
  });
  router.post("/api/role-periods/:id/renew", {
    summary: "Renew your own term in the renewal window (scope groups).",
    operationId: "renewTerm",
    params: RolePeriodParams,
    action: "group.renew-term",
    resource: rolePeriodResource,
    response: { description: "Renewed.", schema: API.TermRenewed, name: "TermRenewed" },
    errors: { 409: "The role has ended, has no term, or the renewal window is not open." },
    handler: async (c, { params }) => {
      const period = await renewTerm({
        deps,
        actor: await decisionActor(c),
        input: { rolePeriodId: params.id },
      });
      return c.json({ rolePeriod: presentRenewedTerm(period) });
    },
  });

  router.post("/groups/:slug/decision-settings", {
    params: SlugParams,
    form: Bodies.settings,
    action: "group.edit-arrangements",
    resource: groupResource,
    page: (c, { params }) => decisionsPage(c, params.slug),
    handler: async (c, { params, body, resource }) => {
      await setDecisionSettings({
        deps,
        actor: await decisionActor(c),
        input: { ...body, group: resource.groupId },
      });
      return c.redirect(`/groups/${params.slug}/decisions`, 303);
    },
  });
  router.put("/api/groups/:slug/decision-settings", {
    summary: "Set the vote base rule, default secrecy and next meeting (chairs, administrators).",
    operationId: "setDecisionSettings",
    params: SlugParams,
    json: Bodies.settings,
    action: "group.edit-arrangements",
    resource: groupResource,
    response: { description: "Saved.", schema: API.DecisionSettings, name: "DecisionSettings" },
    handler: async (c, { body, resource }) =>
      c.json({
        settings: await setDecisionSettings({
          deps,
          actor: await decisionActor(c),
          input: { ...body, group: resource.groupId },
        }),
      }),
  });

  router.get("/groups/:slug/decisions", {
    params: SlugParams,
    query: z.object({ applied: Id.optional().catch(undefined) }),
    action: "group.view",
    resource: groupResource,
    handler: (c, { params, query }) => decisionsPage(c, params.slug, query.applied),
  });

  // ---- audit ----
  const auditOf = async (groupId: number) => listGroupAudit({ db, groupId });
  router.get("/groups/:slug/audit", {
    params: SlugParams,
    action: "group.view-private",
    resource: groupResource,
    handler: async (c, { resource }) =>
      c.html(
        await renderPage(
          <AuditPage
            group={resource.row}
            entries={await listGroupAuditInWords({ db, groupId: resource.groupId })}
          />,
        ),
      ),
  });
  router.get("/groups/:slug/:file{audit\\.(csv|json|txt)}", {
    params: SlugParams.extend({ file: z.enum(["audit.csv", "audit.json", "audit.txt"]) }),
    action: "group.view-private",
    resource: groupResource,
    handler: async (c, { params, resource }) => {
      if (params.file === "audit.txt") {
        const text = auditText(await listGroupAuditInWords({ db, groupId: resource.groupId }));
        return c.body(text, 200, {
          "content-type": "text/plain; charset=utf-8",
          "content-disposition": `attachment; filename="${resource.row.slug}-audit.txt"`,
        });
      }
      const format = params.file === "audit.csv" ? "csv" : "json";
      const text = exportAudit({ entries: await auditOf(resource.groupId), format });
      return c.body(text, 200, {
        "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${resource.row.slug}-audit.${format}"`,
      });
    },
  });
  router.get("/api/groups/:slug/audit", {
    summary: "The group's audit log (JSON; `?format=csv` for CSV).",
    operationId: "getGroupAudit",
    params: SlugParams,
    query: z.object({ format: optionalOneOf(["json", "csv"]) }),
    action: "group.view-private",
    resource: groupResource,
    response: { description: "Entries, oldest first.", schema: API.AuditLog, name: "AuditLog" },
    handler: async (c, { query, resource }) => {
      const entries = await auditOf(resource.groupId);
      if (query.format === "csv") {
        return c.body(exportAudit({ entries, format: "csv" }), 200, {
          "content-type": "text/csv; charset=utf-8",
        });
      }
      return c.json({ entries });
    },
  });

  // ---- the Board ----
  const board = async (actorPersonId: number | null, memo?: AgendaMemo) =>
    getBoardOverview({ db, day: today(), viewerPersonId: actorPersonId, ...(memo ? { memo } : {}) });
  const boardPage = async (c: Ctx, recordedPeriod?: number) => {
    const actor = await actorOf(c, services);
    // One memo for the page: the overview, the agenda and the reports table share their inputs.
    const memo: AgendaMemo = new Map();
    const o = await board(actor.personId, memo);
    const mayRecord = await can(c, services, "board.record-liaison", { kind: "site" });
    const recorded = recordedPeriod === undefined ? undefined : await rolePeriodSummary(db, recordedPeriod);
    return c.html(
      await renderPage(
        <BoardPage
          day={o.day}
          votes={o.openVotes}
          applications={o.openApplications}
          terms={o.lapsingTerms}
          liaisons={o.liaisonProblems}
          {...(mayRecord
            ? {
                liaisonForm: {
                  today: o.day,
                  board: await suggestPeople({
                    db,
                    among: await foundationRoleHolders(db, "board-member", o.day),
                  }),
                },
              }
            : {})}
          {...(recorded?.role === "board-liaison" ? { recorded } : {})}
        >
          <AgendaView
            agenda={await getBoardAgenda({ db, day: o.day, viewerPersonId: actor.personId, memo })}
          />
          <BoardMeetingsView
            meetings={await selectBoardMeetings(db)}
            today={o.day}
            mayRecord={await can(c, services, "board.record-meeting", { kind: "site" })}
          />
          <BoardReportsSection rows={await reportingOn(db, o.day, memo)} today={o.day} />
        </BoardPage>,
      ),
    );
  };
  router.get("/board", {
    query: z.object({ recorded: Id.optional().catch(undefined) }),
    action: "board.overview",
    handler: (c, { query }) => boardPage(c, query.recorded),
  });

  router.post("/board/meetings", {
    form: RecordBoardMeetingInputSchema,
    action: "board.record-meeting",
    page: (c) => boardPage(c),
    handler: async (c, { body }) => {
      await recordBoardMeeting({
        db,
        clock: services.clock,
        actor: { userId: c.var.viewer?.userId ?? null, name: c.var.viewer?.name ?? "unknown" },
        input: body,
      });
      return c.redirect("/board#agenda", 303);
    },
  });

  /** The new liaison's person: a name typed on the form, or the id (the API's, or chosen among several). */
  const liaisonInput = async (body: z.output<typeof Bodies.liaison>, groupId: number) => {
    const personId = await resolvePerson({
      db,
      day: today(),
      typed: body.person,
      chosenId: body.personId,
      names: LIAISON_FIELDS,
    });
    if (personId === null) {
      throw new AppError("validation", {
        message: "Invalid Board Liaison: person: say who the new liaison is",
        issues: [{ field: "person", message: "say who the new liaison is: type their name" }],
      });
    }
    return { group: groupId, personId, startedOn: body.startedOn };
  };
  router.post("/groups/:slug/board-liaison", {
    params: SlugParams,
    form: Bodies.liaison,
    action: "board.record-liaison",
    resource: groupResource,
    page: (c) => boardPage(c),
    handler: async (c, { body, resource }) => {
      try {
        const result = await recordBoardLiaison({
          deps,
          actor: await decisionActor(c),
          input: await liaisonInput(body, resource.groupId),
        });
        return c.redirect(`/board?recorded=${result.rolePeriodId}`, 303);
      } catch (e) {
        // The operation names the id; the form's field is the name.
        throw renameIssue(e, "personId", "person");
      }
    },
  });
  router.post("/api/groups/:slug/board-liaison", {
    summary:
      "Record the group's new Board Liaison from a day (Board members, administrators): a Board member that day, by name or id; the previous liaison's role ends that day.",
    operationId: "recordBoardLiaison",
    params: SlugParams,
    json: Bodies.liaison,
    action: "board.record-liaison",
    resource: groupResource,
    response: {
      status: 201,
      description: "Recorded.",
      schema: API.BoardLiaisonRecorded,
      name: "BoardLiaisonRecorded",
    },
    errors: { 409: "The person is already the group's liaison, or the group is not active." },
    handler: async (c, { body, resource }) =>
      c.json(
        {
          liaison: await recordBoardLiaison({
            deps,
            actor: await decisionActor(c),
            input: await liaisonInput(body, resource.groupId),
          }),
        },
        201,
      ),
  });

  // ---- people, for the person fields of the forms above ----
  router.get("/api/people-suggestions", {
    summary:
      "Suggestions for a person field: people whose name or alias matches `q` (each word starting a word of theirs), by name; `among=board` limits them to today's Board members.",
    operationId: "suggestPeople",
    query: z.object({
      q: optionalText({ max: 200 }).describe("What has been typed so far."),
      among: optionalOneOf(["board"]).describe("Only today's Board members."),
    }),
    action: "site.view",
    response: { description: "Suggestions.", schema: API.PeopleSuggestions, name: "PeopleSuggestions" },
    handler: async (c, { query }) =>
      c.json({
        suggestions: await suggestPeople({
          db,
          ...(query.q ? { q: query.q } : {}),
          ...(query.among === "board"
            ? { among: await foundationRoleHolders(db, "board-member", today()) }
            : {}),
          limit: 20,
        }),
      }),
  });
  router.get("/api/board", {
    summary: "Open votes, applications, lapsing terms and liaison gaps (Board members, administrators).",
    operationId: "getBoardOverview",
    action: "board.overview",
    response: { description: "The overview.", schema: API.BoardOverview, name: "BoardOverview" },
    handler: async (c, { actor }) => c.json(await board((await actor()).personId)),
  });

  return router.app;
}
