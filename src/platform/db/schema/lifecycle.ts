import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import {
  createdAtColumn,
  idColumn,
  oneOf,
  ownedBy,
  refersTo,
  timestamptz,
  updatedAtColumn,
} from "./columns.ts";
import { votes } from "./decisions.ts";
import { groups, people } from "./governance.ts";
import { groupReports } from "./reports.ts";

/** Where a proposal stands: draft -> ready -> voting -> approved (set up -> active) or rejected -> revised (draft). */
export const PROPOSAL_STATUSES = ["draft", "ready", "voting", "approved", "rejected", "withdrawn"] as const;
/** A proposal's status. */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * A proposal for a new working group or team: drafted in Guildhall from the template or imported
 * from the charter repository's `proposals/` folder, decided by a Board vote. Its text lives in
 * its revisions; a rejected proposal is revised (a new revision) and goes back to draft.
 */
export const groupProposals = pgTable(
  "group_proposals",
  {
    id: idColumn(),
    /** The charter file's slug (`proposals/<slug>.md`). */
    slug: text("slug").notNull(),
    status: text("status", { enum: PROPOSAL_STATUSES }).notNull(),
    /** guildhall | import */
    source: text("source").notNull(),
    authorUserId: refersTo("author_user_id", () => users.id),
    authorPersonId: refersTo("author_person_id", () => people.id),
    /** Who sees the proposal through when not its author (handed on when the author leaves the group). */
    ownerPersonId: refersTo("owner_person_id", () => people.id),
    /** The group row the proposal becomes (status proposed), from its first review on. */
    groupId: refersTo("group_id", () => groups.id),
    /** The Board vote deciding the current revision. */
    voteId: refersTo("vote_id", () => votes.id),
    /** The Board's feedback on a rejection. */
    feedback: text("feedback"),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
    readyAt: timestamptz("ready_at"),
    decidedAt: timestamptz("decided_at"),
  },
  (t) => [
    check("group_proposals_status", oneOf("status", PROPOSAL_STATUSES)),
    check("group_proposals_source", sql`${t.source} in ('guildhall', 'import')`),
    // One live proposal per charter file.
    uniqueIndex("group_proposals_one_per_slug").on(t.slug).where(sql`status <> 'withdrawn'`),
  ],
);

/** Every text of a proposal, kept: revision 1 is the first draft, each revision after a rejection adds one. */
export const groupProposalRevisions = pgTable(
  "group_proposal_revisions",
  {
    id: idColumn(),
    proposalId: ownedBy("proposal_id", () => groupProposals.id),
    number: integer("number").notNull(),
    markdown: text("markdown").notNull(),
    /** The parsed charter (ParsedCharter) of this text. */
    charter: jsonb("charter").notNull(),
    /** What the author says changed. */
    note: text("note").notNull().default(""),
    createdByPersonId: refersTo("created_by_person_id", () => people.id),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("group_proposal_revisions_number").on(t.proposalId, t.number),
    check("group_proposal_revisions_number_positive", sql`${t.number} >= 1`),
  ],
);

/** What a charter change is, by comparing the structured charters (lifecycle/classify-change.ts). */
export const CHANGE_CLASSES = ["substantive", "membership", "arrangements", "editorial"] as const;
/** Where a charter change stands: applied at once, or proposed -> voting -> applied or rejected. */
export const CHARTER_CHANGE_STATUSES = ["proposed", "voting", "applied", "rejected", "withdrawn"] as const;

/** A change to an active group's charter, with both texts, its class and (when substantive) its Board vote. */
export const charterChanges = pgTable(
  "charter_changes",
  {
    id: idColumn(),
    groupId: ownedBy("group_id", () => groups.id),
    status: text("status", { enum: CHARTER_CHANGE_STATUSES }).notNull(),
    class: text("class", { enum: CHANGE_CLASSES }).notNull(),
    /** The changed fields (FieldChange[]). */
    fields: jsonb("fields").notNull(),
    summary: text("summary").notNull(),
    beforeMarkdown: text("before_markdown").notNull(),
    afterMarkdown: text("after_markdown").notNull(),
    /** The parsed charter after the change (applied to the group when the change applies). */
    afterCharter: jsonb("after_charter").notNull(),
    voteId: refersTo("vote_id", () => votes.id),
    proposedByPersonId: refersTo("proposed_by_person_id", () => people.id),
    proposedByUserId: refersTo("proposed_by_user_id", () => users.id),
    /** Who sees the change through when not its proposer (handed on when the proposer leaves the group). */
    ownerPersonId: refersTo("owner_person_id", () => people.id),
    createdAt: createdAtColumn(),
    decidedAt: timestamptz("decided_at"),
  },
  (t) => [
    check("charter_changes_status", oneOf("status", CHARTER_CHANGE_STATUSES)),
    check("charter_changes_class", oneOf("class", CHANGE_CLASSES)),
    // One change waiting for the Board per group: a second would be judged against a stale charter.
    uniqueIndex("charter_changes_one_pending").on(t.groupId).where(sql`status in ('proposed', 'voting')`),
    index("charter_changes_group").on(t.groupId, t.createdAt),
  ],
);

/** Why a group shuts down (README.md:83-89). */
export const SHUTDOWN_GROUNDS = ["voluntary", "membership", "defunct", "board-vote"] as const;
/** Where a shutdown stands: voting -> archiving (or rejected) -> archived. */
export const SHUTDOWN_STATUSES = ["voting", "rejected", "archiving", "archived"] as const;

/** A group's shutdown: decided (a consensus of members, a forced ground, a Board vote), then archived. */
export const groupShutdowns = pgTable(
  "group_shutdowns",
  {
    id: idColumn(),
    groupId: ownedBy("group_id", () => groups.id),
    ground: text("ground", { enum: SHUTDOWN_GROUNDS }).notNull(),
    status: text("status", { enum: SHUTDOWN_STATUSES }).notNull(),
    reason: text("reason").notNull(),
    /** What made a forced ground hold when it was recorded (shortfall, defunct since). */
    evidence: jsonb("evidence").notNull().default(sql`'{}'::jsonb`),
    voteId: refersTo("vote_id", () => votes.id),
    /** The final report, when one was sent (README.md:94: "if possible"). */
    finalReportId: refersTo("final_report_id", () => groupReports.id),
    startedByPersonId: refersTo("started_by_person_id", () => people.id),
    startedByUserId: refersTo("started_by_user_id", () => users.id),
    createdAt: createdAtColumn(),
    decidedAt: timestamptz("decided_at"),
    archivedAt: timestamptz("archived_at"),
  },
  (t) => [
    check("group_shutdowns_ground", oneOf("ground", SHUTDOWN_GROUNDS)),
    check("group_shutdowns_status", oneOf("status", SHUTDOWN_STATUSES)),
    uniqueIndex("group_shutdowns_one_open").on(t.groupId).where(sql`status in ('voting', 'archiving')`),
  ],
);

/** The steps of the two checklists: setting up an approved group, archiving a shut-down one. */
export const CHECKLIST_STEPS = [
  "charter-pr",
  "channels",
  "first-meeting",
  "final-report",
  "charter-archived",
  "channels-closed",
] as const;

/** One step of a checklist, done (or, for the final report, skipped with a reason). */
export const lifecycleChecklist = pgTable(
  "lifecycle_checklist",
  {
    id: idColumn(),
    /** proposal | shutdown */
    subjectKind: text("subject_kind").notNull(),
    subjectId: integer("subject_id").notNull(),
    step: text("step", { enum: CHECKLIST_STEPS }).notNull(),
    /** done | skipped */
    outcome: text("outcome").notNull(),
    note: text("note").notNull().default(""),
    doneByPersonId: refersTo("done_by_person_id", () => people.id),
    doneAt: timestamptz("done_at").notNull(),
  },
  (t) => [
    check("lifecycle_checklist_subject", sql`${t.subjectKind} in ('proposal', 'shutdown')`),
    check("lifecycle_checklist_step", oneOf("step", CHECKLIST_STEPS)),
    check("lifecycle_checklist_outcome", sql`${t.outcome} in ('done', 'skipped')`),
    uniqueIndex("lifecycle_checklist_once").on(t.subjectKind, t.subjectId, t.step),
  ],
);
