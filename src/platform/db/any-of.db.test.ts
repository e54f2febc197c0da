/** `anyOf`: the same rows as `inArray`, an empty list matching nothing, only integer ids accepted. */
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { seedRealisticRegistry } from "../../../test/factories/governance.ts";
import { anyOf } from "./any-of.ts";
import type { Database } from "./client.ts";
import { groups } from "./schema.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedRealisticRegistry(database.db);
});
afterAll(async () => {
  await database.close();
});

const idsWhere = async (where: ReturnType<typeof anyOf>) =>
  (await database.db.select({ id: groups.id }).from(groups).where(where).orderBy(groups.id)).map((r) => r.id);

describe("anyOf", () => {
  it("selects the same rows as inArray, and nothing for an empty list or unknown ids", async () => {
    const all = (await database.db.select({ id: groups.id }).from(groups)).map((r) => r.id);
    expect(all.length).toBeGreaterThan(3);
    const some = [all[2], all[0], 999_999].filter((id): id is number => id !== undefined);
    const viaIn = await idsWhere(inArray(groups.id, some));
    expect(viaIn).toHaveLength(2);
    expect(await idsWhere(anyOf(groups.id, some))).toEqual(viaIn);
    expect(await idsWhere(anyOf(groups.id, []))).toEqual([]);
    expect(await idsWhere(anyOf(groups.id, [999_999]))).toEqual([]);
  });

  it("refuses anything but integer ids", () => {
    expect(() => anyOf(groups.id, [1, 2.5])).toThrow(/not an integer/);
    expect(() => anyOf(groups.id, [Number.NaN])).toThrow(/not an integer/);
  });
});
