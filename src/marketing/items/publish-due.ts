/** Publishes the scheduled items whose time has come (run by the scheduler), each audited. */
import { and, eq, lte } from "drizzle-orm";
import { appendAudit } from "../../kernel/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { schema } from "../../platform/db/index.ts";

const { marketingItems } = schema;

/** Publishes what is due; returns the published item ids. */
export async function publishDue(input: { db: Db; clock: Clock }): Promise<{ published: number[] }> {
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const rows = await tx
      .update(marketingItems)
      .set({ state: "published", publishedAt: now, updatedAt: now })
      .where(and(eq(marketingItems.state, "scheduled"), lte(marketingItems.scheduledFor, now)))
      .returning({ id: marketingItems.id, at: marketingItems.scheduledFor });
    for (const r of rows) {
      await appendAudit(tx, {
        by: { userId: null, label: "scheduler" },
        at: now,
        action: "marketing.item-move",
        subjectType: "marketing-item",
        subjectId: r.id,
        before: { state: "scheduled", at: r.at?.toISOString() ?? null },
        after: { state: "published" },
      });
    }
    return { published: rows.map((r) => r.id) };
  });
}
