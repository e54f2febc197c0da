/** Queries of hand-overs and the items flagged with them. */
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";

const { handovers, handoverItems, groups, people } = schema;

/** A hand-over row. */
export type HandoverRow = typeof handovers.$inferSelect;
/** A flagged item row. */
export type HandoverItemRow = typeof handoverItems.$inferSelect;

/** One hand-over by id. */
export async function findHandover(db: Db | Tx, id: number): Promise<HandoverRow | undefined> {
  return (await db.select().from(handovers).where(eq(handovers.id, id)))[0];
}

/** One flagged item by id, with its hand-over. */
export async function findHandoverItem(
  db: Db | Tx,
  id: number,
): Promise<{ item: HandoverItemRow; handover: HandoverRow } | undefined> {
  const [row] = await db
    .select({ item: handoverItems, handover: handovers })
    .from(handoverItems)
    .innerJoin(handovers, eq(handovers.id, handoverItems.handoverId))
    .where(eq(handoverItems.id, id));
  return row;
}

/** The hand-overs of some groups (or of one person), newest first. */
export async function listHandoverRows(
  db: Db | Tx,
  where: { groupIds?: readonly number[]; personId?: number },
): Promise<HandoverRow[]> {
  if (where.groupIds && where.groupIds.length === 0) return [];
  return db
    .select()
    .from(handovers)
    .where(
      and(
        where.groupIds ? inArray(handovers.groupId, [...where.groupIds]) : undefined,
        where.personId === undefined ? undefined : eq(handovers.personId, where.personId),
      ),
    )
    .orderBy(desc(handovers.endedOn), desc(handovers.id));
}

/** The items flagged with some hand-overs (cleared ones too, unless `openOnly`). */
export async function listHandoverItemRows(
  db: Db | Tx,
  handoverIds: readonly number[],
  options: { openOnly?: boolean } = {},
): Promise<HandoverItemRow[]> {
  if (handoverIds.length === 0) return [];
  return db
    .select()
    .from(handoverItems)
    .where(
      and(
        inArray(handoverItems.handoverId, [...handoverIds]),
        options.openOnly ? isNull(handoverItems.clearedAt) : undefined,
      ),
    )
    .orderBy(handoverItems.id);
}

/** A hand-over as recorded when a person's roles in a group end. */
export type NewHandover = Pick<
  typeof handovers.$inferInsert,
  "personId" | "groupId" | "endedOn" | "cause" | "reason" | "createdAt"
>;
/** An item flagged with a hand-over. */
export type NewHandoverItem = Pick<
  typeof handoverItems.$inferInsert,
  "handoverId" | "sourceKind" | "itemId" | "title" | "flaggedAt"
>;

/** Records hand-overs, skipping ones recorded before; returns the ids of those written now. */
export async function insertHandovers(db: Db | Tx, rows: NewHandover[]): Promise<{ id: number }[]> {
  return db.insert(handovers).values(rows).onConflictDoNothing().returning({ id: handovers.id });
}

/** The hand-overs of some people in one group (every end recorded for them there). */
export async function listGroupHandoversOf(
  db: Db | Tx,
  groupId: number,
  personIds: readonly number[],
): Promise<HandoverRow[]> {
  return db
    .select()
    .from(handovers)
    .where(and(eq(handovers.groupId, groupId), inArray(handovers.personId, [...personIds])));
}

/** Flags items with hand-overs, skipping ones flagged before; returns the flags written now. */
export async function insertHandoverItems(db: Db | Tx, rows: NewHandoverItem[]): Promise<HandoverItemRow[]> {
  return db.insert(handoverItems).values(rows).onConflictDoNothing().returning();
}

/** Notes that the people of some hand-overs were asked for a hand-over note. */
export async function markHandoversAsked(db: Db | Tx, ids: readonly number[], at: Date): Promise<void> {
  await db
    .update(handovers)
    .set({ askedAt: at })
    .where(inArray(handovers.id, [...ids]));
}

/** Keeps a hand-over's note, with when and by whom; returns the hand-over after it. */
export async function setHandoverNote(
  db: Db | Tx,
  id: number,
  note: { note: string; noteAt: Date; noteByUserId: number | null },
): Promise<HandoverRow | undefined> {
  const [after] = await db.update(handovers).set(note).where(eq(handovers.id, id)).returning();
  return after;
}

/**
 * Clears a flag that is not cleared yet, naming who cleared it and the new owner; returns the
 * flag after it, or undefined when it was cleared meanwhile.
 */
export async function clearHandoverItem(
  db: Db | Tx,
  id: number,
  clear: { clearedAt: Date; clearedByUserId: number | null; newOwnerPersonId: number },
): Promise<HandoverItemRow | undefined> {
  const [after] = await db
    .update(handoverItems)
    .set(clear)
    .where(and(eq(handoverItems.id, id), isNull(handoverItems.clearedAt)))
    .returning();
  return after;
}

/** Some groups' ids, slugs and names. */
export async function listGroupsByIds(
  db: Db | Tx,
  ids: readonly number[],
): Promise<{ id: number; slug: string; name: string }[]> {
  return db
    .select({ id: groups.id, slug: groups.slug, name: groups.name })
    .from(groups)
    .where(inArray(groups.id, [...ids]));
}

/** Some people's ids and names. */
export async function listPeopleNames(
  db: Db | Tx,
  ids: readonly number[],
): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, [...ids]));
}
