import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** One row per group (working group or team), keyed by the charter's file slug. */
export const groups = pgTable("groups", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  kind: text("kind").notNull(),
  status: text("status").notNull(),
  /** The whole parsed charter (ParsedCharter) as last imported. */
  charter: jsonb("charter").notNull(),
  sourcePath: text("source_path"),
  contentHash: text("content_hash"),
  /** The charter repository commit the stored charter was read at, when known (a git checkout or the history). */
  sourceCommit: text("source_commit"),
  /** When that commit was made. */
  sourceCommittedAt: timestamp("source_committed_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/** A person known to Guildhall, from a charter or an account. */
export const people = pgTable("people", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  handle: text("handle"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/** Spellings that resolve to a person ("Eli" and "Eliana Rosselli"); key is the normalised spelling. */
export const personAliases = pgTable(
  "person_aliases",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    alias: text("alias").notNull(),
    aliasKey: text("alias_key").notNull(),
    /** "import" when seen in a charter, "manual" when a person recorded it. */
    source: text("source").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("person_aliases_key").on(t.aliasKey), index("person_aliases_person").on(t.personId)],
);

/** Pairs of people who may be the same person, listed for review rather than merged silently. */
export const aliasSuggestions = pgTable(
  "alias_suggestions",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    otherPersonId: integer("other_person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    /** pending | accepted | rejected */
    status: text("status").notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("alias_suggestions_pair").on(t.personId, t.otherPersonId)],
);

/** Who holds which role in a group according to the group's current charter. */
export const groupRoles = pgTable(
  "group_roles",
  {
    id: serial("id").primaryKey(),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** chair | co-chair | board-liaison | steering-council-liaison | member | alumnus | other */
    role: text("role").notNull(),
    /** The title of an "other" role ("Designated Line Manager"); empty string otherwise. */
    title: text("title").notNull().default(""),
    position: integer("position").notNull(),
    /** The charter names the holder tentatively ("Jane Doe?"): a proposed holder, who holds nothing yet. */
    tentative: boolean("tentative").notNull().default(false),
  },
  (t) => [
    uniqueIndex("group_roles_unique").on(t.groupId, t.personId, t.role, t.title),
    index("group_roles_person").on(t.personId),
  ],
);

/** A group's timeline: lifecycle changes and people joining, leaving and changing role. */
export const groupEvents = pgTable(
  "group_events",
  {
    id: serial("id").primaryKey(),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    /** proposed | activated | archived | status-changed | renamed | joined | left | role-changed */
    kind: text("kind").notNull(),
    personId: integer("person_id").references(() => people.id, { onDelete: "cascade" }),
    role: text("role"),
    detail: jsonb("detail").notNull().default(sql`'{}'::jsonb`),
    commitSha: text("commit_sha"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    /** history | import */
    source: text("source").notNull(),
    /** Makes replaying the same history or import twice a no-op. */
    dedupeKey: text("dedupe_key").notNull(),
  },
  (t) => [
    uniqueIndex("group_events_dedupe").on(t.dedupeKey),
    index("group_events_group").on(t.groupId, t.occurredAt),
    index("group_events_person").on(t.personId),
  ],
);

/** One row per `charters import` or `charters history` run, with what it changed. */
export const charterImports = pgTable("charter_imports", {
  id: serial("id").primaryKey(),
  /** snapshot | history */
  mode: text("mode").notNull(),
  source: text("source").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  summary: jsonb("summary").notNull().default(sql`'{}'::jsonb`),
  /**
   * The commit of the charter repository the run read: HEAD of a git checkout, the commit a
   * snapshot's SNAPSHOT.txt names, or the last commit a history replay reached; null when unknown.
   */
  commitSha: text("commit_sha"),
  /** When that commit was made (null when unknown). */
  committedAt: timestamp("committed_at", { withTimezone: true }),
});

/** Commits of the charter repository already replayed into the timeline. */
export const historyCommits = pgTable("history_commits", {
  sha: text("sha").primaryKey(),
  committedAt: timestamp("committed_at", { withTimezone: true }).notNull(),
  subject: text("subject").notNull(),
  processedAt: timestamp("processed_at", { withTimezone: true }).notNull(),
});
