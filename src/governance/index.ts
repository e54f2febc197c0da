/**
 * The governance room's door: groups, charters, people, timelines and health.
 * Other rooms and the composition root import from here only.
 */
import type { Router } from "../platform/http/app.tsx";
import type { Services } from "../platform/services.ts";
import { createAccountsRouter } from "./accounts/accounts.routes.tsx";
import { createBoardRouter } from "./board/board.routes.tsx";
import { decisionJobs } from "./decisions/decisions.jobs.ts";
import { createDecisionsRouter } from "./decisions/decisions.routes.tsx";
import { createMyGroupsRouter } from "./decisions/my-groups.routes.tsx";
import { termReminderTemplate } from "./decisions/term-reminder.template.ts";
import { createDirectoryRouter } from "./directory/directory.routes.tsx";
import { createMeetingsRouter } from "./meetings/meetings.routes.tsx";
import { createRoomRouter } from "./policy/room-router.ts";
import { reportReminderTemplate } from "./reports/report-reminder.template.ts";
import { reportJobs } from "./reports/reports.jobs.ts";
import { createReportsRouter } from "./reports/reports.routes.tsx";

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
  const router = home.app;
  router.route("/", createDirectoryRouter(services));
  router.route("/", createAccountsRouter(services));
  router.route("/", createBoardRouter(services));
  router.route("/", createDecisionsRouter(services));
  router.route("/", createReportsRouter(services));
  router.route("/", createMyGroupsRouter(services));
  router.route("/", createMeetingsRouter(services));
  return router;
}

/** The governance room's job definitions (run by the server and `guildhall worker`). */
export const governanceJobs = [...decisionJobs, ...reportJobs];

/** The governance room's notification templates. */
export const governanceTemplates = [termReminderTemplate, reportReminderTemplate];

// Operations and pure rules the benchmarks and shared test infrastructure drive directly.
export { recordRolePeriod } from "./accounts/record-role-period.ts";
// The Board's agenda: areas add their own sections (see board/agenda.ts).
export {
  type AgendaContext,
  type AgendaItem,
  type AgendaSection,
  type AgendaSectionDefinition,
  defineAgendaSection,
} from "./board/agenda.ts";
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
// Requests between groups: other rooms open requests about their own objects and get the answer.
export { type OpenRequestInput, OpenRequestInputSchema, openRequest } from "./requests/open-request.ts";
export {
  defineRequestSubject,
  type RequestAnsweredContext,
  type RequestOutcome,
  type RequestSubject,
} from "./requests/subjects.ts";
