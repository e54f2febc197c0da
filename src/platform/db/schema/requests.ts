import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import {
  createdAtColumn,
  day,
  idColumn,
  keyedBy,
  ownedBy,
  refersTo,
  sweepEventColumns,
  timestamptz,
  updatedAtColumn,
} from "./columns.ts";
import { groups, people } from "./governance.ts";

/**
 * A request from a group to another group, the Board, the Steering Council or a named person:
 * what kind, about what, which answer is needed and by when. States: open, acknowledged,
 * answered (with an outcome) or expired.
 */
export const groupRequests = pgTable(
  "group_requests",
  {
    id: idColumn(),
    /** The group asking (a member may open it on the group's behalf). */
    fromGroupId: ownedBy("from_group_id", () => groups.id),
    /** group | board | steering-council | person */
    targetKind: text("target_kind").notNull(),
    targetGroupId: integer("target_group_id").references(() => groups.id, { onDelete: "cascade" }),
    targetPersonId: integer("target_person_id").references(() => people.id, { onDelete: "cascade" }),
    /** The role the named person is asked in ("Board Liaison"), shown beside their name. */
    targetRole: text("target_role").notNull().default(""),
    /** review | decision | information | access */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    link: text("link"),
    /** A Guildhall object the request is about: a registered subject type and its id. */
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    /** approval (approve, reject or ask for changes) | comment */
    answerNeeded: text("answer_needed").notNull(),
    /** The last day to answer (UTC); the deadline passes when that day ends. */
    deadline: day("deadline").notNull(),
    /** public | private: private requests are seen by both sides only (and the Board once escalated). */
    visibility: text("visibility").notNull(),
    /** "Approved if nobody objects by the deadline", stated when the request was made. */
    lazyConsensus: boolean("lazy_consensus").notNull().default(false),
    /** open | acknowledged | answered | expired */
    state: text("state").notNull(),
    /** approved | rejected | changes-requested | commented (answered requests only) */
    outcome: text("outcome"),
    /** The answer came from lazy consensus: nobody objected by the deadline. */
    byLazyConsensus: boolean("by_lazy_consensus").notNull().default(false),
    answerNote: text("answer_note"),
    /** Who is responsible for moving it along on the asking side; null: nobody (stalled). */
    ownerPersonId: refersTo("owner_person_id", () => people.id),
    openedByUserId: refersTo("opened_by_user_id", () => users.id),
    openedByPersonId: refersTo("opened_by_person_id", () => people.id),
    openedAt: timestamptz("opened_at").notNull(),
    acknowledgedAt: timestamptz("acknowledged_at"),
    acknowledgedByPersonId: refersTo("acknowledged_by_person_id", () => people.id),
    answeredAt: timestamptz("answered_at"),
    answeredByUserId: refersTo("answered_by_user_id", () => users.id),
    answeredByPersonId: refersTo("answered_by_person_id", () => people.id),
    /** The last escalation step recorded: 0 none, 1 the target's Chair and liaison, 2 the Board. */
    escalation: integer("escalation").notNull().default(0),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("group_requests_from").on(t.fromGroupId, t.openedAt),
    index("group_requests_target_group").on(t.targetGroupId, t.openedAt),
    index("group_requests_waiting").on(t.state, t.deadline),
    index("group_requests_subject").on(t.subjectType, t.subjectId),
    check("group_requests_kind", sql`${t.kind} in ('review', 'decision', 'information', 'access')`),
    check("group_requests_answer_needed", sql`${t.answerNeeded} in ('approval', 'comment')`),
    check("group_requests_visibility", sql`${t.visibility} in ('public', 'private')`),
    check("group_requests_state", sql`${t.state} in ('open', 'acknowledged', 'answered', 'expired')`),
    check(
      "group_requests_target",
      sql`(${t.targetKind} = 'group' and ${t.targetGroupId} is not null and ${t.targetPersonId} is null)
        or (${t.targetKind} = 'person' and ${t.targetPersonId} is not null and ${t.targetGroupId} is null)
        or (${t.targetKind} in ('board', 'steering-council') and ${t.targetGroupId} is null and ${t.targetPersonId} is null)`,
    ),
    check(
      "group_requests_not_to_itself",
      sql`${t.targetGroupId} is null or ${t.targetGroupId} <> ${t.fromGroupId}`,
    ),
    check(
      "group_requests_outcome",
      sql`(${t.state} = 'answered') = (${t.outcome} is not null)
        and (${t.outcome} is null or ${t.outcome} in ('approved', 'rejected', 'changes-requested', 'commented'))
        and (${t.state} = 'answered') = (${t.answeredAt} is not null)`,
    ),
    check(
      "group_requests_lazy_consensus",
      sql`(not ${t.byLazyConsensus} or (${t.lazyConsensus} and ${t.outcome} = 'approved'))
        and (not ${t.lazyConsensus} or ${t.answerNeeded} = 'approval')`,
    ),
    check("group_requests_subject_pair", sql`(${t.subjectType} is null) = (${t.subjectId} is null)`),
    check("group_requests_escalation_range", sql`${t.escalation} between 0 and 2`),
  ],
);

/** The comment thread on a request; an objection stops lazy consensus. */
export const requestComments = pgTable(
  "request_comments",
  {
    id: idColumn(),
    requestId: ownedBy("request_id", () => groupRequests.id),
    authorUserId: refersTo("author_user_id", () => users.id),
    authorPersonId: refersTo("author_person_id", () => people.id),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    objection: boolean("objection").notNull().default(false),
    createdAt: createdAtColumn(),
  },
  (t) => [index("request_comments_request").on(t.requestId, t.createdAt)],
);

/**
 * What the request sweep recorded for a request, each once: the reminders before the deadline,
 * lazy consensus applied, each escalation step, expiry.
 */
export const requestEvents = pgTable(
  "request_events",
  {
    id: idColumn(),
    requestId: ownedBy("request_id", () => groupRequests.id),
    /** reminder | lazy-consensus | escalated-target | escalated-board | expired */
    kind: text("kind").notNull(),
    ...sweepEventColumns(),
  },
  (t) => [
    uniqueIndex("request_events_once").on(t.requestId, t.kind),
    check(
      "request_events_kind",
      sql`${t.kind} in ('reminder', 'lazy-consensus', 'escalated-target', 'escalated-board', 'expired')`,
    ),
  ],
);

/** A group's settings as the target of requests: whether it allows lazy consensus. */
export const requestSettings = pgTable("request_settings", {
  groupId: keyedBy("group_id", () => groups.id),
  /** Requests asking this group for approval may say "approved if nobody objects by the deadline". */
  allowLazyConsensus: boolean("allow_lazy_consensus").notNull().default(false),
  updatedAt: updatedAtColumn(),
});
