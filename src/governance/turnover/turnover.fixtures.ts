/** Test fixtures for turnover tests: meetings with action items to hand over, and items given a new owner. */

import { type AuditActor, reassignOpenItem } from "../../kernel/index.ts";
import type { Clock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { SYSTEM_ACTOR } from "../decisions/decisions.repo.ts";

/** Gives the hand-over item a new owner at the clock's time, by the system unless `by` says who. */
export function reassignItem(
  database: Database,
  clock: Clock,
  handoverItemId: number,
  toPersonId: number,
  by: AuditActor = SYSTEM_ACTOR,
) {
  return reassignOpenItem({ db: database.db, now: clock.now(), by, handoverItemId, toPersonId });
}

/**
 * Inserts a one-hour UTC meeting of the group with an action item for each of `items` (owned and
 * due as it says, created with the meeting); returns the items.
 */
export async function meetingWithActionItems(
  database: Database,
  meeting: { groupId: number; uid: string; title: string; startsAt: Date; createdAt: Date },
  items: Array<{ title: string; ownerPersonId: number; dueOn: string }>,
) {
  const { groupId, createdAt } = meeting;
  const [m] = await database.db
    .insert(schema.meetings)
    .values({ ...meeting, durationMinutes: 60, timeZone: "UTC", updatedAt: createdAt })
    .returning();
  if (!m) throw new Error("no meeting");
  return database.db
    .insert(schema.meetingActionItems)
    .values(items.map((item) => ({ ...item, groupId, meetingId: m.id, createdAt })))
    .returning();
}
