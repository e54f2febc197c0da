/**
 * The governance room's door: groups, charters, people, timelines and health.
 * Other rooms and the composition root import from here only.
 */
import type { NotificationKindInfo } from "../kernel/index.ts";
import { mountAreas, type Router } from "../platform/http/app.tsx";
import type { Services } from "../platform/services.ts";
import { createAccountsRouter } from "./accounts/accounts.routes.tsx";
import { createBoardRouter } from "./board/board.routes.tsx";
import { createChannelsRouter } from "./channels/channels.routes.tsx";
import { decisionJobs } from "./decisions/decisions.jobs.ts";
import { createDecisionsRouter } from "./decisions/decisions.routes.tsx";
import { createMyGroupsRouter } from "./decisions/my-groups.routes.tsx";
import { termEndingChannelTemplate, termReminderTemplate } from "./decisions/term-reminder.template.ts";
import { createDirectoryRouter } from "./directory/directory.routes.tsx";
import { createFundingRouter } from "./funding/funding.routes.tsx";
import { fundingRequestedTemplate } from "./funding/funding-request.template.ts";
import { createLifecycleRouter } from "./lifecycle/lifecycle.routes.tsx";
import { proposalReadyTemplate } from "./lifecycle/proposal-ready.template.ts";
import { MEETING_NOTIFICATION_KINDS, meetingNoticeTemplate } from "./meetings/meeting-notice.template.ts";
import { createMeetingsRouter } from "./meetings/meetings.routes.tsx";
import { createRoomRouter } from "./policy/room-router.ts";
import { REPORT_CHANNEL_KINDS, reportReminderTemplate } from "./reports/report-reminder.template.ts";
import { reportJobs } from "./reports/reports.jobs.ts";
import { createReportsRouter } from "./reports/reports.routes.tsx";
import { requestNoticeTemplate } from "./requests/request.template.ts";
import { requestJobs } from "./requests/requests.jobs.ts";
import { createRequestsRouter } from "./requests/requests.routes.tsx";
import { handoverFlaggedTemplate } from "./turnover/handover-flagged.template.ts";
import { createTurnoverRouter } from "./turnover/turnover.routes.tsx";

export type {
  DelegatedArea,
  Delegation,
  FinalCheck,
  GroupKind,
  GroupStatus,
  ParsedCharter,
  Person,
} from "./charter/types.ts";

/** HTTP routes of the governance room (pages and JSON API). */
export function createGovernanceRouter(services: Services): Router {
  const home = createRoomRouter(services);
  home.get("/", { handler: (c) => c.redirect("/groups") });
  return mountAreas(home.app, services, [
    createDirectoryRouter,
    createAccountsRouter,
    createBoardRouter,
    createDecisionsRouter,
    createReportsRouter,
    createMyGroupsRouter,
    createMeetingsRouter,
    createChannelsRouter,
    createLifecycleRouter,
    createRequestsRouter,
    createFundingRouter,
    createTurnoverRouter,
  ]);
}

/** The governance room's job definitions (run by the server and `guildhall worker`). */
export const governanceJobs = [...decisionJobs, ...reportJobs, ...requestJobs];

/** The governance room's notification templates. */
export const governanceTemplates = [
  termReminderTemplate,
  termEndingChannelTemplate,
  reportReminderTemplate,
  meetingNoticeTemplate,
  proposalReadyTemplate,
  requestNoticeTemplate,
  handoverFlaggedTemplate,
  fundingRequestedTemplate,
];

/** The kinds of notification the governance room sends, as people choose about them. */
export const governanceNotificationKinds: readonly NotificationKindInfo[] = [
  { kind: "term.reminder", label: "A term of yours is ending" },
  ...REPORT_CHANNEL_KINDS,
  { kind: "term.ending", label: "A member's term in your group is ending (chat channels)" },
  ...MEETING_NOTIFICATION_KINDS,
  { kind: "proposal.ready", label: "A proposal for a new group is ready for review" },
  { kind: "request.opened", label: "A request to your group was opened" },
  { kind: "request.reminder", label: "A request to your group is nearly due" },
  { kind: "request.escalated-target", label: "A request to your group is past its deadline" },
  { kind: "request.escalated-board", label: "A request past its deadline was escalated to the Board" },
  { kind: "request.answered", label: "A request of your group was answered" },
  { kind: "request.lazy-consensus", label: "A request of your group was approved by lazy consensus" },
  { kind: "request.expired", label: "A request of your group expired unanswered" },
  { kind: "handover.flagged", label: "Someone's open items in your group need a new owner" },
  { kind: "funding.requested", label: "A group asks the Board for funding" },
];

// Operations and pure rules the benchmarks and shared test infrastructure drive directly.
export { recordRolePeriod } from "./accounts/record-role-period.ts";
// The Board's agenda: areas add their own sections (see board/agenda.ts).
export {
  type AgendaContext,
  type AgendaItem,
  type AgendaMemo,
  type AgendaSection,
  type AgendaSectionDefinition,
  agendaSections,
  defineAgendaSection,
} from "./board/agenda.ts";
export { groupOwner, removeGroupWebhook, setGroupWebhook } from "./channels/set-group-webhook.ts";
export { parseMarkdownTree } from "./charter/markdown.ts";
export { parseCharter } from "./charter/parse-charter.ts";
export { ParsedCharterSchema } from "./charter/types.ts";
export { castBallot } from "./decisions/cast-ballot.ts";
// Membership decisions: jobs that close due votes and sweep terms, and the reminder template.
export { closeDueVotesJob, sweepTermsJob } from "./decisions/decisions.jobs.ts";
export { CLI_DECISION_ACTOR } from "./decisions/decisions.repo.ts";
export type { DecisionDeps } from "./decisions/deps.ts";
export { openVote } from "./decisions/open-vote.ts";
export {
  defineVoteSubject,
  ELECTORATES,
  type OpeningSubject,
  type OutcomeContext,
  VOTE_SUBJECT_KINDS,
  type VoteSubject,
  type VoteSubjectKind,
} from "./decisions/subjects.ts";
export { sweepTerms } from "./decisions/sweep-terms.ts";
export { termReminderTemplate } from "./decisions/term-reminder.template.ts";
export { addDays } from "./decisions/terms.ts";
// The governance room's policy (its actions, rules and audit kinds, registered with the kernel's).
export {
  type GovernanceAction,
  type GovernanceResource,
  GROUP_ROLES,
  type GroupRole,
  governancePolicy,
  groupRolesOn,
  type MembershipModel,
} from "./governance.policy.ts";
// Lifecycle: proposals, charter changes and shutdowns (the route walk and benchmarks make fixtures with these).
export { draftProposal } from "./lifecycle/draft-proposal.ts";
export { listLifecycleAgendaItems } from "./lifecycle/list-lifecycle-agenda-items.ts";
export { markProposalReady } from "./lifecycle/mark-proposal-ready.ts";
export { proposeCharterChange } from "./lifecycle/propose-charter-change.ts";
// Meetings: scheduling, notes and action items (the route walk makes its fixtures with these).
export { addActionItem, saveNotes } from "./meetings/meeting-records.ts";
export { scheduleMeeting } from "./meetings/schedule-meeting.ts";
export { groupResourceOf, loadGroupResource } from "./policy/actor.repo.ts";
export { createViewerLinks } from "./policy/viewer-links.ts";
export { exportCharter } from "./registry/export-charter.ts";
// Charter registry: import a checkout, replay the history, people and aliases, demo data.
export { type ImportSummary, importCharters } from "./registry/import-charters.ts";
export { personKey } from "./registry/person-key.ts";
export { type ReplaySummary, readHistorySteps, replayHistory } from "./registry/replay-history.ts";
export { type SeedResult, seedDemo } from "./registry/seed-demo.ts";
// Reporting: the daily sweep of reminders, overdue, missed and defunct flags.
export { sweepReportsJob } from "./reports/reports.jobs.ts";
export { sweepReports } from "./reports/sweep-reports.ts";
// Requests between groups: other rooms open requests about their own objects and get the answer.
export { type OpenRequestInput, OpenRequestInputSchema, openRequest } from "./requests/open-request.ts";
export { settleRequest } from "./requests/request-records.ts";
export {
  defineRequestSubject,
  type RequestAnsweredContext,
  type RequestOutcome,
  type RequestSubject,
} from "./requests/subjects.ts";
