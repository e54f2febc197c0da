import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres } from "../../../test/db.ts";
import { insertGroup, insertPerson } from "../../../test/factories/governance.ts";
import type { Database } from "../../platform/db/index.ts";
import { watchRegistryVersion } from "./registry-version.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("watchRegistryVersion", () => {
  it("changes the version when registry tables are written and not when they are read", async () => {
    const registry = watchRegistryVersion(database);
    await new Promise((r) => setTimeout(r, 50));
    const version = async () => registry.pushed() ?? (await registry.query());
    if (onPostgres()) expect(registry.pushed()).toBeUndefined();
    else expect(registry.pushed()).toMatch(/^n\d+$/);
    const v0 = await version();
    if (onPostgres()) {
      // On a server the version is the cluster's snapshot, which other databases' writers move
      // too; what keeps a read from moving it is that a read is never given a transaction id.
      const read = await database.db.transaction(async (tx) => {
        await tx.execute(sql`select count(*) from groups`);
        return tx.execute<{ id: string | null }>(sql`select pg_current_xact_id_if_assigned()::text as id`);
      });
      const rows = Array.isArray(read) ? read : (read as { rows: Array<{ id: string | null }> }).rows;
      expect(rows[0]?.id ?? null).toBeNull();
    } else {
      await database.query("select count(*) from groups");
      expect(await version()).toBe(v0);
    }
    await insertPerson(database.db, { name: "Version Person" });
    const v1 = await version();
    expect(v1).not.toBe(v0);
    await insertGroup(database.db, { slug: "versioned" });
    const v2 = await version();
    expect(v2).not.toBe(v1);
    await database.query("update group_roles set position = position + 1");
    expect(await version()).not.toBe(v2);
  });

  it("keeps the pushed version when a write is rolled back", async () => {
    const registry = watchRegistryVersion(database);
    await new Promise((r) => setTimeout(r, 50));
    const version = async () => registry.pushed() ?? (await registry.query());
    const before = await version();
    await expect(
      database.db.transaction(async (tx) => {
        await insertPerson(tx as unknown as Database["db"], { name: "Rolled Back" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const rows = await database.query<{ n: number }>(
      "select count(*)::int as n from people where slug = 'rolled-back'",
    );
    expect(rows[0]?.n).toBe(0);
    // A rolled-back write leaves the data as it was; the cached pages stay valid either way.
    if (!onPostgres()) expect(await version()).toBe(before);
  });
});
