/** Marking inbox notifications read: one, or all of them. */
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { inboxOwnerOf, markAllRead, markRead } from "./inbox.repo.ts";

/** Marks one of the viewer's notifications read; someone else's (or none) is a 404. */
export async function markInboxRead(input: { db: Db; userId: number; id: number; now: Date }): Promise<void> {
  const owner = await inboxOwnerOf(input.db, input.userId);
  const done = await markRead(input.db, { owner, id: input.id, at: input.now });
  if (!done)
    throw new AppError("not_found", { message: `There is no notification ${input.id} in your inbox.` });
}

/** Marks every unread notification of the viewer read; how many there were. */
export async function markAllInboxRead(input: { db: Db; userId: number; now: Date }): Promise<number> {
  return markAllRead(input.db, { owner: await inboxOwnerOf(input.db, input.userId), at: input.now });
}
