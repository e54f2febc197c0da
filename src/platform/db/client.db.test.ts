import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres } from "../../../test/db.ts";
import type { Database } from "./client.ts";
import { migrateDatabase, openDatabase } from "./client.ts";
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

  it.runIf(onPostgres())(
    "gets a client back when its connection dies before BEGIN, so the pool never runs dry",
    async () => {
      const url = String(database.pool?.options.connectionString);
      const small = await openDatabase({ databaseUrl: url, poolSize: 1 }, { migrate: false });
      const pool = small.pool;
      if (!pool) throw new Error("no pool");
      const within = <T>(work: Promise<T>) =>
        Promise.race([
          work,
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error("waited for a client for 5 s")), 5000),
          ),
        ]);
      // The connection dies between checkout and BEGIN, three times in a row.
      const kill = (client: { connection: { stream: { destroy(): void } } }) =>
        client.connection.stream.destroy();
      pool.on("acquire", kill);
      for (let i = 0; i < 3; i++) {
        await expect(within(small.db.transaction(async () => "never"))).rejects.not.toThrow(
          "waited for a client",
        );
      }
      pool.off("acquire", kill);
      // With one client in the pool, a leaked one would make this wait forever.
      expect(await within(small.db.transaction(async () => "done"))).toBe("done");
      await small.close();
    },
  );
});
