import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import type { Database } from "./client.ts";
import { migrateDatabase } from "./client.ts";
import { groups } from "./schema.ts";

describe("database", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("starts migrated and empty, and migrating again changes nothing", async () => {
    expect(await database.db.select().from(groups)).toEqual([]);
    await migrateDatabase(database);
    const tables = await database.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by 1",
    );
    expect(tables.map((t) => t.table_name)).toContain("groups");
  });

  it("rolls a failed transaction back whole", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(groups).values({
          slug: "t",
          name: "T",
          kind: "team",
          status: "active",
          charter: {},
          createdAt: now,
          updatedAt: now,
        });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await database.db.select().from(groups)).toEqual([]);
  });
});
