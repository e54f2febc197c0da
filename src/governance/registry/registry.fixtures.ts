/**
 * Test fixtures for registry tests: the groups of the charter repository, and a group's timeline as
 * the importer, the replay and the seed record it.
 */

import type { Database } from "../../platform/db/index.ts";
import { selectEvents, selectGroupBySlug } from "../directory/directory.repo.ts";

/** The slugs of the 15 groups the charter repository's history has held, sorted. */
export const HISTORY_SLUGS = [
  "accessibility",
  "ai",
  "code-of-conduct",
  "dceu",
  "events-support",
  "fellowship",
  "fundraising",
  "mergers",
  "online-community",
  "operations",
  "package-maintainers",
  "releasers",
  "social-media",
  "triage-and-review",
  "website",
];

/** The slugs of the snapshot's 16 groups: the history's and the proposed "marketing", sorted. */
export const SNAPSHOT_SLUGS = [...HISTORY_SLUGS, "marketing"].sort();

/** The group's timeline events as the directory reads them, oldest first (none for an unknown slug). */
export async function timelineOf(database: Database, slug: string) {
  const group = await selectGroupBySlug(database.db, slug);
  const events = group ? await selectEvents(database.db, { groupId: group.id }) : [];
  return events.map((e) => ({
    kind: e.kind,
    role: e.role,
    name: e.personName,
    sha: e.commitSha,
    at: e.occurredAt,
    detail: e.detail,
    source: e.source,
  }));
}
