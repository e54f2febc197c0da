/** Queries of charter import runs and replayed history commits. */
import { eq } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/index.ts";
import { charterImports, historyCommits } from "../../platform/db/schema.ts";

/** An import run to record (its summary may be set after, once its id is known). */
export type ImportRunInput = typeof charterImports.$inferInsert;

/** Records an import run; its id. */
export async function insertImportRun(db: Db | Tx, values: ImportRunInput): Promise<number | undefined> {
  const [run] = await db.insert(charterImports).values(values).returning({ id: charterImports.id });
  return run?.id;
}

/** Sets an import run's stored summary. */
export async function setImportRunSummary(
  tx: Tx,
  id: number,
  summary: ImportRunInput["summary"],
): Promise<void> {
  await tx.update(charterImports).set({ summary }).where(eq(charterImports.id, id));
}

/** The shas of the history commits already replayed. */
export async function replayedCommitShas(db: Db | Tx): Promise<string[]> {
  return (await db.select({ sha: historyCommits.sha }).from(historyCommits)).map((r) => r.sha);
}

/** Records a history commit as replayed (once: a commit replayed before is left as it is). */
export async function markCommitReplayed(tx: Tx, values: typeof historyCommits.$inferInsert): Promise<void> {
  await tx.insert(historyCommits).values(values).onConflictDoNothing();
}
