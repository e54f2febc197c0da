import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import {
  createdAtColumn,
  day,
  idColumn,
  ownedBy,
  refersTo,
  timestamptz,
  updatedAtColumn,
} from "./columns.ts";
import { groups, people } from "./governance.ts";

const KINDS = sql.raw(
  "'blog-post','www-page','www-template-page','fundraising-page','docs-contribution','social-post','community-announcement','event-collateral','campaign-site-page','strategy-document'",
);
const STATES = sql.raw(
  "'draft','in-review','changes-requested','approved','scheduled','published','archived'",
);

/** A campaign of the Marketing WG: a named effort with a goal, a period and an owner, grouping items. */
export const marketingCampaigns = pgTable(
  "marketing_campaigns",
  {
    id: idColumn(),
    name: text("name").notNull(),
    goal: text("goal").notNull(),
    startsOn: day("starts_on").notNull(),
    endsOn: day("ends_on").notNull(),
    ownerUserId: refersTo("owner_user_id", () => users.id),
    ownerName: text("owner_name").notNull(),
    groupId: ownedBy("group_id", () => groups.id),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("marketing_campaigns_dates").on(t.startsOn, t.endsOn),
    check("marketing_campaigns_period", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** A piece of content the Marketing WG prepares: its current fields, workflow state and edit lock. */
export const marketingItems = pgTable(
  "marketing_items",
  {
    id: idColumn(),
    kind: text("kind").notNull(),
    /** Where a social post or community announcement goes (mastodon, bluesky, linkedin, forum, discord). */
    network: text("network"),
    state: text("state").notNull().default("draft"),
    title: text("title").notNull(),
    /** Blog posts: the entry's slug (unique among items). */
    slug: text("slug"),
    summary: text("summary"),
    authors: jsonb("authors").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    tags: jsonb("tags").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    socialCardUrl: text("social_card_url"),
    socialCardAlt: text("social_card_alt"),
    body: text("body").notNull(),
    /** The number of the revision these fields are. */
    revision: integer("revision").notNull().default(1),
    createdByUserId: refersTo("created_by_user_id", () => users.id),
    createdByName: text("created_by_name").notNull(),
    /**
     * The person who sees the item through review when not its creator (handed on when the creator
     * leaves the Marketing WG).
     */
    ownerPersonId: refersTo("owner_person_id", () => people.id),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
    /** Who is editing, until when (an expired lock is free). */
    lockUserId: refersTo("lock_user_id", () => users.id),
    lockName: text("lock_name"),
    lockExpiresAt: timestamptz("lock_expires_at"),
    scheduledFor: timestamptz("scheduled_for"),
    publishedAt: timestamptz("published_at"),
    /** Strategy documents: which of the charter's documents this is. */
    docType: text("doc_type"),
    /** The revision the last completed round of review approved (kept when a later edit voids the round). */
    approvedRevisionId: refersTo("approved_revision_id", (): AnyPgColumn => marketingRevisions.id),
    approvedAt: timestamptz("approved_at"),
    /** Who gave the approvals of that round, in words. */
    approvedByName: text("approved_by_name"),
    /** The campaign the item belongs to (at most one). */
    campaignId: refersTo("campaign_id", () => marketingCampaigns.id),
    /** The day the group plans the item for, before it is scheduled (drafts on the calendar). */
    plannedOn: day("planned_on"),
  },
  (t) => [
    uniqueIndex("marketing_items_slug").on(t.slug).where(sql`${t.slug} is not null`),
    index("marketing_items_state").on(t.state, t.updatedAt),
    index("marketing_items_campaign").on(t.campaignId),
    index("marketing_items_scheduled_for").on(t.scheduledFor),
    check("marketing_items_kind", sql`${t.kind} in (${KINDS})`),
    check("marketing_items_state_check", sql`${t.state} in (${STATES})`),
    check(
      "marketing_items_network",
      sql`(${t.kind} = 'social-post' and ${t.network} in ('mastodon','bluesky','linkedin')) or (${t.kind} = 'community-announcement' and ${t.network} in ('forum','discord')) or (${t.kind} not in ('social-post','community-announcement') and ${t.network} is null)`,
    ),
    check(
      "marketing_items_doc_type",
      sql`(${t.kind} = 'strategy-document' and ${t.docType} in ('marketing-strategy','content-strategy','brand-guidelines','kpis')) or (${t.kind} <> 'strategy-document' and ${t.docType} is null)`,
    ),
    check("marketing_items_approved", sql`(${t.approvedRevisionId} is null) = (${t.approvedAt} is null)`),
    check("marketing_items_scheduled", sql`${t.state} <> 'scheduled' or ${t.scheduledFor} is not null`),
  ],
);

/** Every saved version of an item's fields, numbered from 1. */
export const marketingRevisions = pgTable(
  "marketing_revisions",
  {
    id: idColumn(),
    itemId: ownedBy("item_id", () => marketingItems.id),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** The other fields (slug, summary, authors, tags, social card) as saved. */
    fields: jsonb("fields").notNull().default(sql`'{}'::jsonb`),
    byUserId: refersTo("by_user_id", () => users.id),
    byName: text("by_name").notNull(),
    savedAt: timestamptz("saved_at").notNull(),
    /** Set when this revision restores an older one. */
    restoredFrom: integer("restored_from"),
  },
  (t) => [uniqueIndex("marketing_revisions_number").on(t.itemId, t.number)],
);

/** One approval an item needs in a round of review: who must give it, by when, and what they said. */
export const marketingReviewSteps = pgTable(
  "marketing_review_steps",
  {
    id: idColumn(),
    itemId: ownedBy("item_id", () => marketingItems.id),
    /** The revision under review. */
    revision: integer("revision").notNull(),
    step: text("step").notNull(),
    /** The group whose participants decide a partner or final-check step (null: the group itself or the Board). */
    groupId: integer("group_id"),
    /** Who decides, in words ("another Marketing WG member", "Fundraising WG", "the Board"). */
    who: text("who").notNull(),
    /** Partner steps: after this the Board may decide in the partner's place. */
    dueAt: timestamptz("due_at"),
    status: text("status").notNull().default("pending"),
    /** The request between groups that asks a partner group for this sign-off (null for other steps). */
    requestId: integer("request_id"),
    decidedByUserId: refersTo("decided_by_user_id", () => users.id),
    decidedByName: text("decided_by_name"),
    decidedAt: timestamptz("decided_at"),
    comment: text("comment"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index("marketing_review_steps_item").on(t.itemId, t.status),
    check("marketing_review_steps_step", sql`${t.step} in ('member','partner','final-check','board')`),
    check(
      "marketing_review_steps_status",
      sql`${t.status} in ('pending','approved','changes-requested','voided')`,
    ),
    check(
      "marketing_review_steps_decided",
      sql`${t.status} = 'voided' or (${t.status} in ('approved','changes-requested')) = (${t.decidedAt} is not null)`,
    ),
  ],
);

/** A Chair's override of one row of the delegation matrix. */
export const marketingMatrixOverrides = pgTable(
  "marketing_matrix_overrides",
  {
    kind: text("kind").primaryKey(),
    /** The steps required instead of the charter's: [{ step, group }]. */
    steps: jsonb("steps").notNull(),
    reason: text("reason").notNull(),
    byUserId: refersTo("by_user_id", () => users.id),
    byName: text("by_name").notNull(),
    at: timestamptz("at").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [check("marketing_matrix_overrides_kind", sql`${t.kind} in (${KINDS})`)],
);
