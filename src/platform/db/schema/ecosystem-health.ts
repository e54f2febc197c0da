import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from "drizzle-orm/pg-core";
import { REPOSITORY_STATUSES } from "./closed-sets.ts";
import { day, oneOf, timestamptz } from "./columns.ts";
import { packageColumn, packages } from "./ecosystem-packages.ts";

/**
 * What one release declared (classifiers, Requires-Dist, Requires-Python), kept apart from
 * `package_releases` (which a sync rewrites) so the history builds up: the sync records the latest
 * release of every project it fetches, `guildhall packages backfill-declarations` reads older ones.
 * Time to support ("first release declaring Django X.Y") is computed from it.
 */
export const packageReleaseDeclarations = pgTable(
  "package_release_declarations",
  {
    name: packageColumn("name"),
    version: text("version").notNull(),
    uploadedAt: timestamptz("uploaded_at"),
    classifiers: jsonb("classifiers").$type<string[]>().notNull(),
    requiresDist: jsonb("requires_dist").$type<string[]>().notNull(),
    requiresPython: text("requires_python"),
    /** `sync` (the latest release when a sync fetched it) or `backfill` (the per-version JSON API). */
    source: text("source").$type<"sync" | "backfill">().notNull(),
    recordedAt: timestamptz("recorded_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.name, t.version] })],
);

/** Repository signals from GitHub's REST API, one row per package whose project URLs name a GitHub repository. */
export const packageRepositories = pgTable(
  "package_repositories",
  {
    name: text("name")
      .primaryKey()
      .references(() => packages.name, { onDelete: "cascade" }),
    /** `owner/repo` on GitHub. */
    repo: text("repo").notNull(),
    /** ok | not_found | error */
    status: text("status", { enum: REPOSITORY_STATUSES }).notNull(),
    error: text("error"),
    archived: boolean("archived"),
    pushedAt: timestamptz("pushed_at"),
    defaultBranch: text("default_branch"),
    openIssues: integer("open_issues"),
    /** True when the repository (or its owner's .github repository) has a SECURITY policy; null when unknown. */
    securityPolicy: boolean("security_policy"),
    /** Conclusion of the latest completed workflow run on the default branch (success, failure, ...); null: none. */
    ciConclusion: text("ci_conclusion"),
    ciRunAt: timestamptz("ci_run_at"),
    /** ETags of the last answers, per endpoint, for conditional requests. */
    etags: jsonb("etags").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    fetchedAt: timestamptz("fetched_at").notNull(),
  },
  (t) => [
    index("package_repositories_repo").on(t.repo),
    check("package_repositories_status", oneOf("status", REPOSITORY_STATUSES)),
  ],
);

/** A stored ecosystem review: the snapshot of the catalogue's health at a date, kept as taken. */
export const ecosystemReviews = pgTable("ecosystem_reviews", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  /** The day the review describes (YYYY-MM-DD). */
  takenOn: day("taken_on").notNull(),
  takenAt: timestamptz("taken_at").notNull(),
  takenBy: text("taken_by").notNull(),
  title: text("title").notNull(),
  /** The review's figures (see src/ecosystem/reviews/review.ts, `ReviewData`). */
  data: jsonb("data").notNull(),
  /** Suggested Django Developers Survey questions kept with the review. */
  questions: jsonb("questions").$type<Array<{ id: string; question: string; why: string }>>().notNull(),
});
