/** Test fixtures for registry tests: a group's timeline as the importer, the replay and the seed record it. */

import { eq } from "drizzle-orm";
import type { Database } from "../../platform/db/index.ts";
import { groupEvents, groups, people } from "../../platform/db/schema.ts";

/** The group's timeline events, oldest first, with the name of the person an event is about. */
export async function timelineOf(database: Database, slug: string) {
  return database.db
    .select({
      kind: groupEvents.kind,
      role: groupEvents.role,
      name: people.name,
      sha: groupEvents.commitSha,
      at: groupEvents.occurredAt,
      detail: groupEvents.detail,
      source: groupEvents.source,
    })
    .from(groupEvents)
    .innerJoin(groups, eq(groups.id, groupEvents.groupId))
    .leftJoin(people, eq(people.id, groupEvents.personId))
    .where(eq(groups.slug, slug))
    .orderBy(groupEvents.occurredAt, groupEvents.id);
}
