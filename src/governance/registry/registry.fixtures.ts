/** Test fixtures for registry tests: a group's timeline as the importer, the replay and the seed record it. */

import type { Database } from "../../platform/db/index.ts";
import { selectEvents, selectGroupBySlug } from "../directory/directory.repo.ts";

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
