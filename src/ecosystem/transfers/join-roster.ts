/** Joins the roster of roadies (or changes one's capacity), and leaves it. */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { audit } from "../maintainers/maintainers.repo.ts";
import { deleteRoadie, upsertRoadie } from "./transfers.repo.ts";

/** The signed-in account volunteers as a roadie with a capacity of open transfers. */
export async function joinRoster(input: {
  db: Db;
  clock: Clock;
  capacity: number;
  note: string | null;
  by: { userId: number; name: string };
}) {
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const saved = await upsertRoadie(tx, {
      userId: input.by.userId,
      capacity: input.capacity,
      note: input.note ?? "",
      joinedAt: now,
    });
    await audit(tx, {
      by: input.by,
      at: now,
      action: "roadie.join",
      subjectType: "roadie",
      subjectId: String(input.by.userId),
      after: { capacity: saved.capacity, note: saved.note },
    });
    return saved;
  });
}

/** The signed-in account leaves the roster (open transfers keep them as their roadie). */
export async function leaveRoster(input: { db: Db; clock: Clock; by: { userId: number; name: string } }) {
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const removed = await deleteRoadie(tx, input.by.userId);
    if (!removed) throw new AppError("conflict", { message: "You are not on the roster of roadies." });
    await audit(tx, {
      by: input.by,
      at: now,
      action: "roadie.leave",
      subjectType: "roadie",
      subjectId: String(input.by.userId),
      before: { capacity: removed.capacity },
    });
    return removed;
  });
}
