/** The queries of recorded Board meeting days. */
import { desc, eq, lte } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/index.ts";
import { boardMeetings } from "../../platform/db/schema.ts";

/** A recorded Board meeting day. */
export type BoardMeetingRow = typeof boardMeetings.$inferSelect;

/** The last Board meeting held on or before `day`, or undefined. */
export async function selectLastBoardMeeting(db: Db | Tx, day: string): Promise<BoardMeetingRow | undefined> {
  const [row] = await db
    .select()
    .from(boardMeetings)
    .where(lte(boardMeetings.heldOn, day))
    .orderBy(desc(boardMeetings.heldOn))
    .limit(1);
  return row;
}

/** The most recent recorded Board meetings, newest first. */
export async function selectBoardMeetings(db: Db | Tx, limit = 12): Promise<BoardMeetingRow[]> {
  return db.select().from(boardMeetings).orderBy(desc(boardMeetings.heldOn)).limit(limit);
}

/** Inserts a Board meeting day; a second one on the same day is a conflict (board_meetings_one_per_day). */
export async function insertBoardMeeting(
  db: Db | Tx,
  row: typeof boardMeetings.$inferInsert,
): Promise<BoardMeetingRow> {
  const [saved] = await db.insert(boardMeetings).values(row).returning();
  if (!saved) throw new Error("board meeting not saved");
  return saved;
}

/** One recorded Board meeting by id. */
export async function selectBoardMeeting(db: Db | Tx, id: number): Promise<BoardMeetingRow | undefined> {
  const [row] = await db.select().from(boardMeetings).where(eq(boardMeetings.id, id));
  return row;
}
