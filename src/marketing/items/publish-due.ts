/** Publishes the scheduled items whose time has come (run by the scheduler), each audited. */
import { appendAudit } from "../../kernel/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { publishScheduledItems } from "../marketing.repo.ts";

/** Publishes what is due; returns the published item ids. */
export async function publishDue(input: { db: Db; clock: Clock }): Promise<{ published: number[] }> {
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const rows = await publishScheduledItems(tx, now);
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
