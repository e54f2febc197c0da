/**
 * The Board meeting day and annual report routes attacked from outside: a token without the
 * scope, an outsider, the same day recorded 20 times at once, NUL bytes, lone surrogates, huge
 * numbers and impossible dates. Each is refused with a 4xx naming the problem, never a 500, and
 * nothing is stored that should not be.
 */
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createTestAccount, type TestAccount } from "../../../test/factories/accounts.ts";
import { insertGroup } from "../../../test/factories/governance.ts";
import { tokenRequests } from "../../../test/token-requests.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";

let database: Database;
let app: Hono<AppEnv>;
const clock = new FixedClock("2026-12-03T12:00:00Z");
const accounts: Record<string, TestAccount> = {};
const { call } = tokenRequests(() => app, accounts);
const meetings = async () => database.db.select().from(schema.boardMeetings);

beforeAll(async () => {
  database = await createTestDatabase();
  app = (await createTestApplication(database, {}, clock)).app;
  await insertGroup(database.db, { slug: "docs" });
  accounts.admin = await createTestAccount({
    db: database.db,
    clock,
    email: "admin@example.org",
    admin: true,
    scopes: ["read", "groups"],
  });
  accounts.narrow = await createTestAccount({
    db: database.db,
    clock,
    email: "narrow@example.org",
    admin: true,
    scopes: ["read"],
  });
  accounts.outsider = await createTestAccount({
    db: database.db,
    clock,
    email: "outsider@example.org",
    scopes: ["read", "groups"],
  });
});
afterAll(async () => {
  await database?.close();
});

describe("Board meeting days under attack", () => {
  it("refuses a token without the groups scope and an outsider, storing nothing", async () => {
    expect((await call("narrow", "POST", "/api/board/meetings", { heldOn: "2026-11-30" })).status).toBe(403);
    expect((await call("outsider", "POST", "/api/board/meetings", { heldOn: "2026-11-30" })).status).toBe(
      403,
    );
    expect((await call("nobody", "POST", "/api/board/meetings", { heldOn: "2026-11-30" })).status).toBe(401);
    expect(await meetings()).toEqual([]);
  });

  it("records one day once when the same request arrives 20 times at once", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        call("admin", "POST", "/api/board/meetings", { heldOn: "2026-11-20" }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect((await meetings()).filter((m) => m.heldOn === "2026-11-20")).toHaveLength(1);
  });

  it("answers hostile fields with a 422, never a 500, and stores none of them", async () => {
    const before = (await meetings()).length;
    const bodies: unknown[] = [
      { heldOn: "2026-11-19\u0000" },
      { heldOn: "0000-00-00" },
      { heldOn: "2026-02-30" },
      { heldOn: "9999-12-31" },
      { heldOn: 1e308 },
      { heldOn: "2026-11-18", minutesUrl: "https://example.org/\u0000minutes" },
      { heldOn: "2026-11-18", minutesUrl: "https://example.org/\ud800" },
      { heldOn: "2026-11-18", minutesUrl: `https://example.org/${"m".repeat(100_000)}` },
      { heldOn: "2026-11-18", minutesUrl: "javascript:alert(1)" },
    ];
    for (const body of bodies) {
      const res = await call("admin", "POST", "/api/board/meetings", body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(JSON.stringify(await res.json())).toMatch(/heldOn|minutesUrl/);
    }
    expect(await meetings()).toHaveLength(before);
  });
});

describe("annual reports under attack", () => {
  it("answers years out of range, huge numbers and NUL bytes with a 404, never a 500", async () => {
    for (const year of ["1999", "2027", "99999999999999999999", "0", "2026%00", "20x6"]) {
      const page = await call("outsider", "GET", `/groups/docs/annual/${year}`);
      const api = await call("outsider", "GET", `/api/groups/docs/annual/${year}`);
      expect([page.status, api.status], year).toEqual([404, 404]);
    }
    expect((await call("outsider", "GET", "/api/groups/docs/annual/2026")).status).toBe(200);
    expect((await call("outsider", "GET", "/api/groups/no%00such/annual/2026")).status).toBe(404);
  });
});
