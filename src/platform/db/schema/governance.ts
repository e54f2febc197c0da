import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import {
  ALIAS_SUGGESTION_STATUSES,
  CHARTER_ROLE_NAMES,
  GROUP_EVENT_KINDS,
  GROUP_EVENT_SOURCES,
  GROUP_KINDS,
  GROUP_STATUS_NAMES,
} from "./closed-sets.ts";
import { createdAtColumn, idColumn, oneOf, ownedBy, timestamptz, updatedAtColumn } from "./columns.ts";

/** One row per group (working group or team), keyed by the charter's file slug. */
export const groups = pgTable(
  "groups",
  {
    id: idColumn(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind", { enum: GROUP_KINDS }).notNull(),
    status: text("status", { enum: GROUP_STATUS_NAMES }).notNull(),
    /** The whole parsed charter (ParsedCharter) as last imported. */
    charter: jsonb("charter").notNull(),
    sourcePath: text("source_path"),
    contentHash: text("content_hash"),
    /** The charter repository commit the stored charter was read at, when known (a git checkout or the history). */
    sourceCommit: text("source_commit"),
    /** When that commit was made. */
    sourceCommittedAt: timestamptz("source_committed_at"),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    check("groups_kind", oneOf("kind", GROUP_KINDS)),
    check("groups_status", oneOf("status", GROUP_STATUS_NAMES)),
  ],
);

/** A person known to Guildhall, from a charter or an account. */
export const people = pgTable("people", {
  id: idColumn(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  handle: text("handle"),
  createdAt: createdAtColumn(),
});

/** Spellings that resolve to a person ("Eli" and "Eliana Rosselli"); key is the normalised spelling. */
export const personAliases = pgTable(
  "person_aliases",
  {
    id: idColumn(),
    personId: ownedBy("person_id", () => people.id),
    alias: text("alias").notNull(),
    aliasKey: text("alias_key").notNull(),
    /** "import" when seen in a charter, "manual" when a person recorded it. */
    source: text("source").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex("person_aliases_key").on(t.aliasKey), index("person_aliases_person").on(t.personId)],
);

/** Pairs of people who may be the same person, listed for review rather than merged silently. */
export const aliasSuggestions = pgTable(
  "alias_suggestions",
  {
    id: idColumn(),
    personId: ownedBy("person_id", () => people.id),
    otherPersonId: ownedBy("other_person_id", () => people.id),
    reason: text("reason").notNull(),
    /** pending | accepted | rejected */
    status: text("status", { enum: ALIAS_SUGGESTION_STATUSES }).notNull().default("pending"),
    createdAt: createdAtColumn(),
    decidedAt: timestamptz("decided_at"),
  },
  (t) => [
    uniqueIndex("alias_suggestions_pair").on(t.personId, t.otherPersonId),
    check("alias_suggestions_status", oneOf("status", ALIAS_SUGGESTION_STATUSES)),
  ],
);

/** Who holds which role in a group according to the group's current charter. */
export const groupRoles = pgTable(
  "group_roles",
  {
    id: idColumn(),
    groupId: ownedBy("group_id", () => groups.id),
    personId: ownedBy("person_id", () => people.id),
    /** chair | co-chair | board-liaison | steering-council-liaison | member | alumnus | other */
    role: text("role", { enum: CHARTER_ROLE_NAMES }).notNull(),
    /** The title of an "other" role ("Designated Line Manager"); empty string otherwise. */
    title: text("title").notNull().default(""),
    position: integer("position").notNull(),
    /** The charter names the holder tentatively ("Jane Doe?"): a proposed holder, who holds nothing yet. */
    tentative: boolean("tentative").notNull().default(false),
  },
  (t) => [
    uniqueIndex("group_roles_unique").on(t.groupId, t.personId, t.role, t.title),
    index("group_roles_person").on(t.personId),
    check("group_roles_role", oneOf("role", CHARTER_ROLE_NAMES)),
  ],
);

/** A group's timeline: lifecycle changes and people joining, leaving and changing role. */
export const groupEvents = pgTable(
  "group_events",
  {
    id: idColumn(),
    groupId: ownedBy("group_id", () => groups.id),
    /** proposed | activated | archived | status-changed | renamed | joined | left | role-changed */
    kind: text("kind", { enum: GROUP_EVENT_KINDS }).notNull(),
    personId: integer("person_id").references(() => people.id, { onDelete: "cascade" }),
    role: text("role"),
    detail: jsonb("detail").notNull().default(sql`'{}'::jsonb`),
    commitSha: text("commit_sha"),
    occurredAt: timestamptz("occurred_at").notNull(),
    /** history | import */
    source: text("source", { enum: GROUP_EVENT_SOURCES }).notNull(),
    /** Makes replaying the same history or import twice a no-op. */
    dedupeKey: text("dedupe_key").notNull(),
  },
  (t) => [
    uniqueIndex("group_events_dedupe").on(t.dedupeKey),
    index("group_events_group").on(t.groupId, t.occurredAt),
    index("group_events_person").on(t.personId),
    check("group_events_kind", oneOf("kind", GROUP_EVENT_KINDS)),
    check("group_events_source", oneOf("source", GROUP_EVENT_SOURCES)),
  ],
);

/** One row per `charters import` or `charters history` run, with what it changed. */
export const charterImports = pgTable("charter_imports", {
  id: idColumn(),
  /** snapshot | history */
  mode: text("mode").notNull(),
  source: text("source").notNull(),
  startedAt: timestamptz("started_at").notNull(),
  finishedAt: timestamptz("finished_at"),
  summary: jsonb("summary").notNull().default(sql`'{}'::jsonb`),
  /**
   * The commit of the charter repository the run read: HEAD of a git checkout, the commit a
   * snapshot's SNAPSHOT.txt names, or the last commit a history replay reached; null when unknown.
   */
  commitSha: text("commit_sha"),
  /** When that commit was made (null when unknown). */
  committedAt: timestamptz("committed_at"),
});

/** Commits of the charter repository already replayed into the timeline. */
export const historyCommits = pgTable("history_commits", {
  sha: text("sha").primaryKey(),
  committedAt: timestamptz("committed_at").notNull(),
  subject: text("subject").notNull(),
  processedAt: timestamptz("processed_at").notNull(),
});
