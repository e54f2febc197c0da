import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { selectEvents, selectGroupBySlug } from "./directory.repo.ts";
import { timelineEvent } from "./group-model.ts";
import type { GroupTimeline } from "./schemas.ts";

/** Input of getGroupTimeline. */
export interface GetGroupTimelineInput {
  db: Db;
  slug: string;
}

/** A group's timeline, oldest first, with commit shas and dates; throws not_found for an unknown slug. */
export async function getGroupTimeline(input: GetGroupTimelineInput): Promise<GroupTimeline> {
  const row = await selectGroupBySlug(input.db, input.slug);
  if (!row) throw new AppError("not_found", { message: `No group with slug "${input.slug}".` });
  const events = await selectEvents(input.db, { groupId: row.id });
  return { group: { slug: row.slug, name: row.name }, events: events.map(timelineEvent) };
}
