/**
 * Requests between groups attacked from outside, through the HTTP app: a token without the
 * action's scope, a member of a third group, hostile text, numbers and dates in every field (a 422
 * naming the field, nothing stored), 20 parallel answers (one counts), and a private request kept
 * from outsiders on every page, list and API answer.
 */
import { count } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createTestAccount, type TestAccount, withNarrowerToken } from "../../../test/factories/accounts.ts";
import { insertGroup } from "../../../test/factories/governance.ts";
import { sprintPlanReview as ask } from "../../../test/factories/requests.ts";
import { tokenRequests } from "../../../test/token-requests.ts";
import type { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";

let database: Database;
let app: Hono<AppEnv>;
let clock: FixedClock;
const accounts: Record<string, TestAccount> = {};

const { call, form } = tokenRequests(() => app, accounts);
const rows = async () => ({
  requests: (await database.db.select({ n: count() }).from(schema.groupRequests))[0]?.n,
  comments: (await database.db.select({ n: count() }).from(schema.requestComments))[0]?.n,
});
const open = async (input: Record<string, unknown>) => {
  const res = await call("member", "POST", "/api/groups/askers/requests", input);
  expect(res.status).toBe(201);
  return ((await res.json()) as { request: { id: number } }).request.id;
};

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, clock } = await createTestApplication(database));
  const groups = {
    askers: ["Asa Chair", "Abe Member"],
    answerers: ["Ann Chair", "Ned Member"],
    third: ["Tom Third", "Tia Third"],
  };
  const people: Record<string, number> = {};
  for (const [slug, [chair, member]] of Object.entries(groups)) {
    const g = await insertGroup(database.db, {
      slug,
      chairs: [chair ?? ""],
      coChairs: [],
      boardLiaisons: [],
      members: [member ?? ""],
    });
    for (const [name, id] of g.people) people[name] = id;
  }
  for (const [key, name] of [
    ["member", "Abe Member"],
    ["ansChair", "Ann Chair"],
    ["third", "Tom Third"],
  ] as const) {
    accounts[key] = await createTestAccount({
      db: database.db,
      clock,
      email: `${key}@example.org`,
      name,
      personId: people[name] ?? null,
      scopes: ["read", "groups"],
    });
  }
  for (const key of ["member", "ansChair"]) {
    const name = `read ${key}`;
    accounts[`${key}Read`] = await withNarrowerToken({ db: database.db, clock }, accounts[key], name, [
      "read",
    ]);
  }
});

afterAll(async () => {
  await database?.close();
});

describe("who may act", () => {
  it("refuses a token without the groups scope, and a member of a third group, storing nothing", async () => {
    const before = await rows();
    expect((await call("memberRead", "POST", "/api/groups/askers/requests", ask)).status).toBe(403);
    expect((await form("memberRead", "/groups/askers/requests", ask)).status).toBe(403);
    expect((await call("third", "POST", "/api/groups/askers/requests", ask)).status).toBe(403);
    expect(await rows()).toEqual(before);
    const id = await open(ask);
    const answer = { outcome: "approved", note: "" };
    expect((await call("ansChairRead", "POST", `/api/requests/${id}/answer`, answer)).status).toBe(403);
    expect((await call("third", "POST", `/api/requests/${id}/answer`, answer)).status).toBe(403);
    expect((await call("member", "POST", `/api/requests/${id}/answer`, answer)).status).toBe(403);
    expect((await form("ansChairRead", `/requests/${id}/comments`, { body: "hello" })).status).toBe(403);
    const [row] = await database.db.select().from(schema.groupRequests);
    expect(row?.state).not.toBe("approved");
  });

  it("keeps a private request from a third group everywhere", async () => {
    const id = await open({ ...ask, title: "Private matter SECRET-TITLE", visibility: "private" });
    for (const path of [`/requests/${id}`, `/api/requests/${id}`]) {
      const res = await call("third", "GET", path);
      expect(res.status, path).not.toBe(200);
      expect(await res.text()).not.toContain("SECRET-TITLE");
    }
    for (const path of [
      "/requests",
      "/requests?state=all",
      "/requests/stalled",
      "/api/requests?state=all",
      "/groups/answerers/requests",
      "/groups/askers/requests",
    ]) {
      const res = await call("third", "GET", path);
      expect(await res.text(), path).not.toContain("SECRET-TITLE");
      const anon = await app.request(path);
      expect(await anon.text(), `anonymous ${path}`).not.toContain("SECRET-TITLE");
    }
    expect(await (await call("ansChair", "GET", `/requests/${id}`)).text()).toContain("SECRET-TITLE");
  });
});

describe("answers in parallel", () => {
  it("counts one answer when 20 arrive at once", async () => {
    const id = await open({ ...ask, title: "Parallel" });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call("ansChair", "POST", `/api/requests/${id}/answer`, {
          outcome: i % 2 ? "approved" : "rejected",
          note: `answer ${i}`,
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s < 300)).toHaveLength(1);
  });
});

describe("hostile input is a 422 naming the field, and nothing is stored", () => {
  it("opening a request (JSON and form)", async () => {
    const before = await rows();
    const failures: string[] = [];
    const cases: Array<[string, unknown]> = [];
    const TEXT = ["\u0000", "a\u0000b", "\ud800", "x\udfffy", "y".repeat(100_000)];
    for (const field of [
      "target",
      "targetRole",
      "kind",
      "title",
      "link",
      "subjectType",
      "subjectId",
      "answerNeeded",
      "visibility",
      "owner",
    ]) {
      for (const v of TEXT) cases.push([field, v]);
    }
    for (const v of ["0000-00-00", "9999-12-31", "2026-02-30", "\u0000", 1e308, 2 ** 63, -1, 0.1])
      cases.push(["deadline", v]);
    for (const v of [1e308, 2 ** 63, -1, 0.1, "\u0000"]) cases.push(["lazyConsensus", v]);
    cases.push(["target", "person:\u0000"], ["target", "group:a\u0000"], ["link", "javascript:alert(1)"]);
    for (const [field, value] of cases) {
      const res = await call("member", "POST", "/api/groups/askers/requests", { ...ask, [field]: value });
      const text = await res.text();
      if (res.status !== 422 || !text.includes(field))
        failures.push(`json ${field}=${JSON.stringify(value).slice(0, 20)} ${res.status}`);
      if (typeof value === "string" && !/[\ud800-\udfff]/u.test(value)) {
        const f = await form("member", "/groups/askers/requests", { ...ask, [field]: value });
        const ft = await f.text();
        if (f.status !== 422 || !ft.includes(field))
          failures.push(`form ${field}=${JSON.stringify(value).slice(0, 20)} ${f.status}`);
      }
    }
    for (const v of ["\u0000", "a\u0000b", "y".repeat(100_000)]) {
      const f = await form("member", "/groups/askers/requests", { ...ask, target: "person", person: v });
      if (f.status !== 422) failures.push(`form person=${JSON.stringify(v).slice(0, 20)} ${f.status}`);
    }
    expect(failures).toEqual([]);
    expect(await rows()).toEqual(before);
  });

  it("answers, comments, owners and ids", async () => {
    const id = await open({ ...ask, title: "For hostile answers" });
    const before = await rows();
    const failures: string[] = [];
    for (const v of ["\u0000", "a\u0000b", "\ud800", "y".repeat(100_000)]) {
      for (const [path, body, field] of [
        [`/api/requests/${id}/answer`, { outcome: v, note: "" }, "outcome"],
        [`/api/requests/${id}/answer`, { outcome: "approved", note: v }, "note"],
      ] as const) {
        const res = await call("ansChair", "POST", path, body);
        const text = await res.text();
        if (res.status !== 422 || !text.includes(field))
          failures.push(`${field}=${JSON.stringify(v).slice(0, 10)} ${res.status}`);
      }
      if (!/[\ud800-\udfff]/u.test(v)) {
        const c = await form("ansChair", `/requests/${id}/comments`, { body: v });
        if (c.status !== 422) failures.push(`comment ${JSON.stringify(v).slice(0, 10)} ${c.status}`);
        const o = await form("member", `/requests/${id}/owner`, { owner: v });
        if (o.status !== 422) failures.push(`owner ${JSON.stringify(v).slice(0, 10)} ${o.status}`);
      }
    }
    for (const bad of ["2147483648", "9223372036854775808", "-1", "0", "1e308", "0.1", "%00"]) {
      for (const path of [`/requests/${bad}`, `/api/requests/${bad}`]) {
        const res = await call("ansChair", "GET", path);
        if (res.status !== 404) failures.push(`${path} ${res.status}`);
      }
      const res = await call("ansChair", "POST", `/api/requests/${bad}/answer`, { outcome: "approved" });
      if (res.status !== 404) failures.push(`answer ${bad} ${res.status}`);
    }
    for (const q of ["%00", "x".repeat(100_000), "1e308"]) {
      const res = await call("ansChair", "GET", `/requests?state=${q}`);
      if (res.status >= 500) failures.push(`list ${q.slice(0, 10)} ${res.status}`);
    }
    expect(failures).toEqual([]);
    expect(await rows()).toEqual(before);
  });
});
