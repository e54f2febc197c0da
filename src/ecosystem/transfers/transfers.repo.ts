/** Queries of ownership transfers, their checklists, the roster of roadies and PEP 541 contact logs. */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/client.ts";
import {
  contactAttempts,
  packages,
  roadies,
  transferSteps,
  transfers,
  users,
} from "../../platform/db/schema.ts";

type DbOrTx = Db | Tx;

/** The roster with each roadie's load (open transfers they work on), longest on the roster first. */
export async function rosterWithLoad(db: DbOrTx) {
  const rows = await db
    .select({
      userId: roadies.userId,
      name: users.name,
      capacity: roadies.capacity,
      note: roadies.note,
      joinedAt: roadies.joinedAt,
      open: sql<number>`(select count(*)::int from ${transfers} t where t.roadie_user_id = ${roadies.userId} and t.state = 'open')`,
    })
    .from(roadies)
    .innerJoin(users, eq(users.id, roadies.userId))
    .where(sql`${users.disabledAt} is null`)
    .orderBy(asc(roadies.joinedAt), asc(roadies.id));
  return rows.map((r) => ({ ...r, open: Number(r.open) }));
}

/** Adds the account to the roster, or changes its capacity and note. */
export async function upsertRoadie(db: DbOrTx, row: typeof roadies.$inferInsert) {
  const [saved] = await db
    .insert(roadies)
    .values(row)
    .onConflictDoUpdate({ target: roadies.userId, set: { capacity: row.capacity, note: row.note ?? "" } })
    .returning();
  if (!saved) throw new Error("roadie was not saved");
  return saved;
}

/** Takes the account off the roster; returns the row removed, if any. */
export async function deleteRoadie(db: DbOrTx, userId: number) {
  const [row] = await db.delete(roadies).where(eq(roadies.userId, userId)).returning();
  return row;
}

/** Inserts a transfer. */
export async function insertTransfer(db: DbOrTx, row: typeof transfers.$inferInsert) {
  const [inserted] = await db.insert(transfers).values(row).returning();
  if (!inserted) throw new Error("transfer was not inserted");
  return inserted;
}

/** Inserts a transfer's checklist. */
export async function insertSteps(db: DbOrTx, rows: Array<typeof transferSteps.$inferInsert>) {
  await db.insert(transferSteps).values(rows);
}

/** One transfer with its roadie's name. */
export async function findTransfer(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ transfer: transfers, roadieName: users.name })
    .from(transfers)
    .leftJoin(users, eq(users.id, transfers.roadieUserId))
    .where(eq(transfers.id, id));
  return row;
}

/** A transfer's steps. */
export async function stepsOf(db: DbOrTx, transferId: number) {
  return db.select().from(transferSteps).where(eq(transferSteps.transferId, transferId));
}

/** Sets a step's owner, state and note; returns the row. */
export async function updateStep(
  db: DbOrTx,
  key: { transferId: number; step: string },
  set: { owner: string; state: string; note: string; updatedByName: string; updatedAt: Date },
) {
  const [row] = await db
    .update(transferSteps)
    .set(set)
    .where(and(eq(transferSteps.transferId, key.transferId), eq(transferSteps.step, key.step)))
    .returning();
  return row;
}

/** Closes an open transfer; undefined when it was not open. */
export async function closeTransferRow(db: DbOrTx, id: number, state: "done" | "cancelled", at: Date) {
  const [row] = await db
    .update(transfers)
    .set({ state, closedAt: at })
    .where(and(eq(transfers.id, id), eq(transfers.state, "open")))
    .returning();
  return row;
}

/** Every transfer, open ones first, newest first, with the roadie's name. */
export async function listTransferRows(db: DbOrTx) {
  return db
    .select({ transfer: transfers, roadieName: users.name })
    .from(transfers)
    .leftJoin(users, eq(users.id, transfers.roadieUserId))
    .orderBy(sql`${transfers.state} = 'open' desc`, desc(transfers.openedAt), desc(transfers.id));
}

/** The package facts a transfer and a contact log show (owners as last synced, latest release). */
export async function packageOwnership(db: DbOrTx, name: string) {
  const [row] = await db
    .select({
      name: packages.name,
      displayName: packages.displayName,
      ownership: packages.ownership,
      source: packages.source,
      syncedAt: packages.syncedAt,
      latestVersion: packages.latestVersion,
      latestReleaseAt: packages.latestReleaseAt,
    })
    .from(packages)
    .where(eq(packages.name, name));
  return row;
}

/** Inserts a contact attempt. */
export async function insertAttempt(db: DbOrTx, row: typeof contactAttempts.$inferInsert) {
  const [inserted] = await db.insert(contactAttempts).values(row).returning();
  if (!inserted) throw new Error("attempt was not inserted");
  return inserted;
}

/** A package's contact attempts, oldest first. */
export async function attemptsOf(db: DbOrTx, name: string) {
  return db
    .select()
    .from(contactAttempts)
    .where(eq(contactAttempts.packageName, name))
    .orderBy(asc(contactAttempts.attemptedOn), asc(contactAttempts.id));
}
