/** Queries of hand-overs and the items flagged with them. */
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";

const { handovers, handoverItems } = schema;

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
