/**
 * Status and kind columns hold closed sets: the database refuses a value outside the set, whatever
 * the code above it does (a raw statement here, as a bug or a hand-written fix-up would send).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import type { Database } from "./client.ts";
import * as sets from "./schema/closed-sets.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const constraints = async () =>
  (
    await database.query<{ name: string; def: string }>(
      "select conname as name, pg_get_constraintdef(oid) as def from pg_constraint where contype = 'c'",
    )
  ).reduce((m, r) => m.set(r.name, r.def), new Map<string, string>());

describe("closed sets", () => {
  it("declares a CHECK for each status and kind column, listing exactly the set's values", async () => {
    const checks = await constraints();
    const expected: Array<[string, readonly string[]]> = [
      ["groups_kind", sets.GROUP_KINDS],
      ["groups_status", sets.GROUP_STATUS_NAMES],
      ["group_roles_role", sets.CHARTER_ROLE_NAMES],
      ["role_periods_role", sets.GROUP_ROLE_NAMES],
      ["foundation_roles_role", sets.FOUNDATION_ROLE_NAMES],
      ["sessions_method", sets.SESSION_METHODS],
      ["votes_status", sets.VOTE_STATUSES],
      ["group_reports_cadence", sets.REPORT_CADENCES],
      ["package_sync_items_state_known", sets.SYNC_ITEM_STATES],
    ];
    for (const [name, values] of expected) {
      const def = checks.get(name);
      expect(def, name).toBeDefined();
      for (const v of values) expect(def, `${name} allows ${v}`).toContain(`'${v}'`);
    }
  });

  it("refuses a value outside the set and keeps nothing of the statement", async () => {
    const insert = (kind: string, status: string) =>
      database.query(
        "insert into groups (slug, name, kind, status, charter, created_at, updated_at) values ($1, $2, $3, $4, '{}'::jsonb, now(), now())",
        [`g-${kind}-${status}`, "G", kind, status],
      );
    await expect(insert("club", "active")).rejects.toThrow(/groups_kind/);
    await expect(insert("team", "sleeping")).rejects.toThrow(/groups_status/);
    await insert("team", "active");
    const rows = await database.query<{ slug: string }>("select slug from groups order by slug");
    expect(rows.map((r) => r.slug)).toEqual(["g-team-active"]);
  });
});
