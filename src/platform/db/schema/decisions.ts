import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { rolePeriods } from "./accounts.ts";
import {
  APPLICATION_STATUSES,
  BALLOT_SECRECY,
  VOTE_BASE_RULES,
  VOTE_CLOSE_REASONS,
  VOTE_OUTCOMES,
  VOTE_STATUSES,
} from "./closed-sets.ts";
import {
  createdAtColumn,
  day,
  idColumn,
  keyedBy,
  oneOf,
  ownedBy,
  refersTo,
  timestamptz,
  updatedAtColumn,
} from "./columns.ts";
import { groups, people } from "./governance.ts";

/** Per-group settings for membership decisions: how votes are counted and the next meeting. */
export const groupDecisionSettings = pgTable(
  "group_decision_settings",
  {
    groupId: keyedBy("group_id", () => groups.id),
    /** electorate | cast: what "50%+1" is measured against. */
    baseRule: text("base_rule", { enum: VOTE_BASE_RULES }).notNull().default("electorate"),
    /** open | secret: the default ballot for new votes. */
    secrecy: text("secrecy", { enum: BALLOT_SECRECY }).notNull().default("open"),
    /** The group's next meeting, as recorded by its chair. */
    nextMeetingOn: day("next_meeting_on"),
    /** Longest a vote may run, opening to closing, extensions included (frozen on each vote as it opens). */
    maxVoteDays: integer("max_vote_days").notNull().default(28),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    check("group_decision_settings_max_vote_days_range", sql`${t.maxVoteDays} between 1 and 365`),
    check("group_decision_settings_base_rule", oneOf("base_rule", VOTE_BASE_RULES)),
    check("group_decision_settings_secrecy", oneOf("secrecy", BALLOT_SECRECY)),
  ],
);

/** A person asking to join a group, and where the decision stands. */
export const membershipApplications = pgTable(
  "membership_applications",
  {
    id: idColumn(),
    groupId: ownedBy("group_id", () => groups.id),
    personId: ownedBy("person_id", () => people.id),
    userId: integer("user_id"),
    statement: text("statement").notNull(),
    skills: text("skills").notNull(),
    timeCommitment: text("time_commitment").notNull(),
    /** pending | voting | accepted | rejected | withdrawn */
    status: text("status", { enum: APPLICATION_STATUSES }).notNull(),
    createdAt: createdAtColumn(),
    decidedAt: timestamptz("decided_at"),
  },
  (t) => [
    index("membership_applications_group").on(t.groupId, t.status),
    index("membership_applications_person").on(t.personId),
    // One open application per person and group, however many requests arrive at once.
    uniqueIndex("membership_applications_one_open")
      .on(t.groupId, t.personId)
      .where(sql`status in ('pending', 'voting')`),
    check("membership_applications_status", oneOf("status", APPLICATION_STATUSES)),
  ],
);

/**
 * What a vote may be about: its subject kind. Each kind is decided by the electorate and applied by
 * the outcome handler the room owning the subject registers (governance/decisions/subjects.ts);
 * a kind nobody registered cannot be opened. A new kind is added here (and in a migration).
 */
export const VOTE_SUBJECT_KINDS = [
  // membership (governance): the subject is a person
  "admit-member",
  "remove-member",
  "elect-chair",
  "elect-co-chair",
  // a question put to the group's deciding body, recorded by the vote alone
  "proposal",
  // other subjects, each applied by the room that owns it
  "charter-change",
  // a group's lifecycle (governance/lifecycle): a proposal decided by the Board, a shutdown
  "group-proposal",
  "group-shutdown",
  "board-shutdown",
  "funding-request",
  "content-item",
  "ownership-transfer",
] as const;
/** A vote's subject kind. */
export type VoteSubjectKind = (typeof VOTE_SUBJECT_KINDS)[number];

/**
 * A vote on a subject (a kind and the subject's id): a membership change, a charter change, a
 * funding request, a content item... The electorate size and the base rule are frozen at opening;
 * counts are kept as ballots arrive (for a secret ballot they are the only record of the choices).
 */
export const votes = pgTable(
  "votes",
  {
    id: idColumn(),
    groupId: ownedBy("group_id", () => groups.id),
    /** The subject kind (VOTE_SUBJECT_KINDS). */
    kind: text("kind", { enum: VOTE_SUBJECT_KINDS }).notNull(),
    /**
     * The subject within its kind, as its owner names it (a person id for membership kinds, a
     * charter change's id, a package name...); null for a proposal.
     */
    subjectId: text("subject_id"),
    subjectPersonId: integer("subject_person_id").references(() => people.id, { onDelete: "restrict" }),
    applicationId: refersTo("application_id", () => membershipApplications.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** group | board | steering-council: who votes, from the group's membership model. */
    body: text("body").notNull(),
    /** open | secret */
    secrecy: text("secrecy", { enum: BALLOT_SECRECY }).notNull(),
    /** electorate | cast */
    baseRule: text("base_rule", { enum: VOTE_BASE_RULES }).notNull(),
    electorateSize: integer("electorate_size").notNull(),
    openedByPersonId: refersTo("opened_by_person_id", () => people.id),
    /** Who sees the vote through now, when the Chair handed it on (null: the person who opened it). */
    ownerPersonId: refersTo("owner_person_id", () => people.id),
    openedAt: timestamptz("opened_at").notNull(),
    closesAt: timestamptz("closes_at").notNull(),
    /**
     * The latest the vote may close, extensions included: its opening plus the group's longest
     * vote duration at the time, frozen so no one can stall a vote for ever.
     */
    latestClosesAt: timestamptz("latest_closes_at").notNull(),
    /** open | closed */
    status: text("status", { enum: VOTE_STATUSES }).notNull(),
    yes: integer("yes").notNull().default(0),
    no: integer("no").notNull().default(0),
    abstain: integer("abstain").notNull().default(0),
    /** The base the outcome was measured against, stored at close. */
    base: integer("base"),
    /** passed | failed */
    outcome: text("outcome", { enum: VOTE_OUTCOMES }),
    /** deadline | decided (closed early because the outcome could no longer change) */
    closeReason: text("close_reason", { enum: VOTE_CLOSE_REASONS }),
    closedAt: timestamptz("closed_at"),
  },
  (t) => [
    index("votes_group").on(t.groupId, t.status),
    index("votes_open").on(t.status, t.closesAt),
    check("votes_closes_within_bound", sql`${t.closesAt} <= ${t.latestClosesAt}`),
    check("votes_kind_known", oneOf("kind", VOTE_SUBJECT_KINDS)),
    check("votes_status", oneOf("status", VOTE_STATUSES)),
    check("votes_outcome", sql`${t.outcome} is null or ${oneOf("outcome", VOTE_OUTCOMES)}`),
    check("votes_secrecy", oneOf("secrecy", BALLOT_SECRECY)),
    check("votes_base_rule", oneOf("base_rule", VOTE_BASE_RULES)),
    check(
      "votes_close_reason",
      sql`${t.closeReason} is null or ${oneOf("close_reason", VOTE_CLOSE_REASONS)}`,
    ),
    // One open vote per question: the same kind of vote about the same subject in the same group.
    uniqueIndex("votes_one_open_per_question")
      .on(t.groupId, t.kind, t.subjectId)
      .where(sql`status = 'open' and subject_id is not null`),
  ],
);

/** The electorate of a vote, frozen when it opens. */
export const voteElectorate = pgTable(
  "vote_electorate",
  {
    voteId: ownedBy("vote_id", () => votes.id),
    personId: ownedBy("person_id", () => people.id),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.personId] })],
);

/**
 * Who has voted (open and secret ballots alike): the unique key is what makes one ballot per
 * voter hold under concurrency. It never says how anyone voted.
 */
export const voteParticipation = pgTable(
  "vote_participation",
  {
    voteId: ownedBy("vote_id", () => votes.id),
    personId: ownedBy("person_id", () => people.id),
    /** The day voted, not the instant, so ordering cannot be matched against counts. */
    votedOn: day("voted_on").notNull(),
  },
  (t) => [uniqueIndex("vote_participation_once").on(t.voteId, t.personId)],
);

/** How each voter voted, for open ballots only; a secret ballot never writes here. */
export const openBallots = pgTable(
  "open_ballots",
  {
    voteId: ownedBy("vote_id", () => votes.id),
    personId: ownedBy("person_id", () => people.id),
    /** yes | no | abstain */
    choice: text("choice").notNull(),
    castAt: timestamptz("cast_at").notNull(),
  },
  (t) => [uniqueIndex("open_ballots_once").on(t.voteId, t.personId)],
);

/** Each extension of a vote's closing time. */
export const voteExtensions = pgTable(
  "vote_extensions",
  {
    id: idColumn(),
    voteId: ownedBy("vote_id", () => votes.id),
    fromClosesAt: timestamptz("from_closes_at").notNull(),
    toClosesAt: timestamptz("to_closes_at").notNull(),
    reason: text("reason").notNull(),
    byPersonId: refersTo("by_person_id", () => people.id),
    extendedAt: timestamptz("extended_at").notNull(),
  },
  (t) => [index("vote_extensions_vote").on(t.voteId)],
);

/** Term-end reminders already sent, so the sweep sends each one once. */
export const termReminders = pgTable(
  "term_reminders",
  {
    rolePeriodId: ownedBy("role_period_id", () => rolePeriods.id),
    termEndsOn: day("term_ends_on").notNull(),
    thresholdDays: integer("threshold_days").notNull(),
    sentAt: timestamptz("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.rolePeriodId, t.termEndsOn, t.thresholdDays] })],
);
