/**
 * Ecosystem writes are audited through the kernel's audit log, in the transaction of the change:
 * recording and removing a milestone date, and taking a review. A refused write leaves no entry.
 */

import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import * as eco from "../../test/factories/ecosystem.ts";
import { FixedClock } from "../platform/clock.ts";
import type { Database } from "../platform/db/index.ts";
import { schema } from "../platform/db/index.ts";
import { ecosystemPolicy } from "./ecosystem.policy.ts";
import { recordMilestone } from "./releases/record-milestone.ts";
import { removeMilestone } from "./releases/remove-milestone.ts";
import { takeReview } from "./reviews/take-review.ts";

let database: Database;
const clock = new FixedClock("2026-11-21T12:00:00Z");
const admin = { userId: null, label: "fellows" };

const entries = () => database.db.select().from(schema.auditLog).orderBy(asc(schema.auditLog.id));

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe("ecosystem audit", () => {
  it("records and removes a milestone date with who, when and why", async () => {
    await eco.announceMilestone({ db: database.db, clock }, "6.2", "alpha", "2027-01-13", {
      by: admin,
      note: "announced on the forum",
    });
    await removeMilestone({
      db: database.db,
      clock,
      series: "6.2",
      milestone: "alpha",
      removedBy: "fellows",
      note: "announced in error",
    });
    const rows = await entries();
    expect(rows.map((r) => [r.action, r.subjectType, r.subjectId, r.actor, r.cause])).toEqual([
      ["release-milestone.record", "release-series", "6.2", "fellows", "announced on the forum"],
      ["release-milestone.remove", "release-series", "6.2", "fellows", "announced in error"],
    ]);
    expect(rows[0]?.after).toMatchObject({ series: "6.2", milestone: "alpha", date: "2027-01-13" });
    expect(rows[0]?.occurredAt.toISOString()).toBe("2026-11-21T12:00:00.000Z");
  });

  it("writes nothing for a refused milestone", async () => {
    const before = (await entries()).length;
    await expect(
      recordMilestone({
        db: database.db,
        clock,
        series: "0.1",
        milestone: "alpha",
        date: "2027-01-13",
        recordedBy: "fellows",
      }),
    ).rejects.toThrow(/unknown Django series/);
    expect((await entries()).length).toBe(before);
  });

  it("audits a review with the account that took it", async () => {
    const review = await takeReview({
      db: database.db,
      clock,
      by: "Ada",
      actor: { userId: null, label: "Ada" },
      top: 5,
    });
    const last = (await entries()).at(-1);
    expect(last).toMatchObject({
      action: "review.take",
      subjectType: "ecosystem-review",
      subjectId: String(review.id),
      actor: "Ada",
    });
  });

  it("names every kind it writes in the room's registration", async () => {
    const written = new Set((await entries()).map((r) => r.action));
    expect(written.size).toBe(3);
    for (const kind of written) expect(ecosystemPolicy.auditKinds, kind).toContain(kind);
  });
});
