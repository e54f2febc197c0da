import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { groupEvents, groupRoles, groups } from "../../platform/db/schema.ts";
import { countRegistryRows } from "./groups.repo.ts";
import { timelineOf } from "./registry.fixtures.ts";
import { seedDemo } from "./seed-demo.ts";

describe("seedDemo", () => {
  let database: Database;
  const clock = new FixedClock("2026-11-01T00:00:00Z");
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  const timeline = async (slug: string) =>
    (await timelineOf(database, slug)).map(
      (e) => `${e.at.toISOString().slice(0, 10)} ${e.kind}${e.name ? ` ${e.name} ${e.role}` : ""}`,
    );

  const size = async (slug: string) => {
    const rows = await database.db
      .select({ personId: groupRoles.personId, role: groupRoles.role })
      .from(groupRoles)
      .innerJoin(groups, eq(groups.id, groupRoles.groupId))
      .where(eq(groups.slug, slug));
    return new Set(rows.filter((r) => r.role !== "alumnus").map((r) => r.personId)).size;
  };

  it("loads nine invented groups with a dated timeline", async () => {
    const r = await seedDemo({ services: { database, clock } });
    expect(r).toMatchObject({ seeded: true, groups: 9, steps: 5 });
    const rows = await database.db.select().from(groups);
    const status = Object.fromEntries(rows.map((g) => [g.slug, g.status]));
    expect(status).toEqual({
      "community-events": "active",
      documentation: "active",
      grants: "active",
      infrastructure: "active",
      mentorship: "active",
      translations: "active",
      sustainability: "draft",
      "conference-travel": "archived",
      newsletter: "proposed",
    });
    expect(await size("community-events")).toBe(9);
    expect(await size("mentorship")).toBe(2);
    expect(await timeline("grants")).toEqual([
      "2025-01-20 proposed",
      "2025-01-20 joined Mira Okonkwo chair",
      "2025-01-20 joined Hugo Lindqvist board-liaison",
      "2025-01-20 joined Ruth Adeyemi member",
      "2025-01-20 joined Kofi Mensah member",
      "2025-01-20 joined Lena Fischer member",
      "2025-04-02 activated",
      "2025-04-02 role-changed Kofi Mensah co-chair",
      "2026-02-10 joined Fatima Zahra board-liaison",
      "2026-02-10 joined Noah Kim member",
      "2026-02-10 left Hugo Lindqvist board-liaison",
    ]);
    expect((await timeline("conference-travel")).filter((l) => !l.includes("joined"))).toEqual([
      "2025-01-20 activated",
      "2025-09-15 archived",
    ]);
    const sources = await database.db.selectDistinct({ source: groupEvents.source }).from(groupEvents);
    expect(sources).toEqual([{ source: "history" }]);
    const infra = await timeline("infrastructure");
    expect(infra).toContain("2026-06-01 role-changed Aisha Bello other");
  });

  it("does nothing when the database already has groups", async () => {
    const before = await database.db.transaction((tx) => countRegistryRows(tx));
    expect(await seedDemo({ services: { database, clock } })).toEqual({
      seeded: false,
      reason: "the database already has groups",
    });
    expect(await database.db.transaction((tx) => countRegistryRows(tx))).toEqual(before);
  });
});
