/**
 * Funding requests attacked from outside, through the HTTP app: tokens without the action's
 * scope, members of another group, the requester and the asking group's Board member deciding,
 * spending over the cap, in another currency and in parallel, and hostile text, numbers and
 * dates in every field. Every refusal is a 4xx with a field message and leaves the rows as they were.
 */
import { count, eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import {
  createTestAccount,
  createTestAccounts,
  MEMBER_SCOPES,
  type TestAccount,
  type TestVisitor,
  withNarrowerToken,
} from "../../../test/factories/accounts.ts";
import { insertFundingPeople } from "../../../test/factories/funding.ts";
import { insertGroup } from "../../../test/factories/governance.ts";
import { tokenRequests } from "../../../test/token-requests.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import { castBallot } from "../decisions/cast-ballot.ts";
import { closeVote } from "../decisions/close-vote.ts";
import { grantFoundationRole, personActor } from "../decisions/decisions.fixtures.ts";
import { CLI_DECISION_ACTOR } from "../decisions/decisions.repo.ts";

let database: Database;
let app: Hono<AppEnv>;
const clock = new FixedClock("2026-11-21T12:00:00Z");
const ids: Record<string, number> = {};
const accounts: Record<string, TestAccount> = {};
const closesAt = "2026-11-28T12:00:00Z";

const { call, form } = tokenRequests(() => app, accounts);

const ask = {
  purpose: "events",
  description: "Sprint venue",
  amount: "1000",
  currency: "EUR",
  startsOn: "2027-01-01",
  endsOn: "2027-03-31",
};
const spend = {
  amount: "10",
  currency: "EUR",
  spentOn: "2026-11-20",
  description: "Catering",
  receiptUrl: "https://receipts.example.org/1.pdf",
};

const rows = async () => ({
  requests: (await database.db.select({ n: count() }).from(schema.fundingRequests))[0]?.n,
  spending: (await database.db.select({ n: count() }).from(schema.fundingSpending))[0]?.n,
  votes: (await database.db.select({ n: count() }).from(schema.votes))[0]?.n,
});

async function approve(requestId: number, amount?: string): Promise<void> {
  const res = await form("board2", `/funding/${requestId}/vote`, { closesAt, ...(amount ? { amount } : {}) });
  expect(res.status).toBe(303);
  const voteId = Number(res.headers.get("location")?.split("/").pop());
  for (const who of ["board2", "board3", "board4"]) {
    await castBallot({
      deps: { database, clock },
      actor: personActor(ids[who] ?? 0),
      input: { voteId, choice: "yes" },
    });
  }
  const [vote] = await database.db.select().from(schema.votes).where(eq(schema.votes.id, voteId));
  if (vote?.status === "open") {
    await closeVote({ deps: { database, clock }, actor: CLI_DECISION_ACTOR, input: { voteId } });
  }
  const [row] = await database.db
    .select()
    .from(schema.fundingRequests)
    .where(eq(schema.fundingRequests.id, requestId));
  expect(row?.state).toBe("approved");
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await createTestApplication(database, {}, clock));
  const db = database.db;
  Object.assign(ids, await insertFundingPeople(db));
  const liaised = await insertGroup(db, {
    slug: "liaised",
    chairs: ["Liaised Chair"],
    coChairs: [],
    boardLiaisons: ["Lia Board"],
    members: [],
  });
  ids.liaisedChair = liaised.people.get("Liaised Chair") ?? 0;
  ids.liaison = liaised.people.get("Lia Board") ?? 0;
  await grantFoundationRole(
    database,
    ["boardie", "board2", "board3", "board4", "liaison"].map((k) => ids[k] ?? 0),
    "board-member",
  );
  const scopes = MEMBER_SCOPES;
  const visitors = [
    "chair",
    "member",
    "boardie",
    "board2",
    "board3",
    "outsider",
    "otherChair",
    "liaisedChair",
    "liaison",
  ].map((key): TestVisitor => [key, ids[key]]);
  Object.assign(accounts, await createTestAccounts({ db, clock, scopes }, visitors));
  accounts.memberRead = await withNarrowerToken({ db, clock }, accounts.member, "narrow member", ["read"]);
  accounts.board2Read = await withNarrowerToken({ db, clock }, accounts.board2, "narrow board2", [
    "read",
    "groups",
  ]);
  accounts.admin = await createTestAccount({ db, clock, email: "admin@example.org", admin: true, scopes });
});

afterAll(async () => {
  await database?.close();
});

describe("who may act", () => {
  it("refuses a token without the action's scope, and changes nothing", async () => {
    const before = await rows();
    const res = await call("memberRead", "POST", "/api/groups/ops/funding", ask);
    expect(res.status).toBe(403);
    const page = await form("memberRead", "/groups/ops/funding/new", ask);
    expect(page.status).toBe(403);
    expect(await rows()).toEqual(before);
    const made = await call("member", "POST", "/api/groups/ops/funding", ask);
    expect(made.status).toBe(201);
    ids.request = ((await made.json()) as { request: { id: number } }).request.id;
    // A Board member whose token lacks "votes" cannot open the vote.
    const vote = await form("board2Read", `/funding/${ids.request}/vote`, { closesAt });
    expect(vote.status).toBe(403);
    const withdraw = await form("memberRead", `/funding/${ids.request}/withdraw`, {});
    expect(withdraw.status).toBe(403);
    expect((await rows()).votes).toBe(before.votes);
  });

  it("refuses a member of another group, for asking, seeing and withdrawing", async () => {
    const before = await rows();
    expect((await call("otherChair", "POST", "/api/groups/ops/funding", ask)).status).toBe(403);
    expect((await call("otherChair", "GET", `/api/funding/${ids.request}`)).status).toBe(403);
    expect((await call("otherChair", "GET", `/funding/${ids.request}`)).status).toBe(403);
    expect((await form("otherChair", `/funding/${ids.request}/withdraw`, {})).status).toBe(403);
    const list = (await (await call("otherChair", "GET", "/api/funding")).json()) as { requests: unknown[] };
    expect(list.requests).toEqual([]);
    const csv = await (await call("otherChair", "GET", "/funding.csv")).text();
    expect(csv.trim().split("\n")).toHaveLength(1);
    expect(await rows()).toEqual(before);
  });

  it("refuses the requester and the asking group's Board member the decision", async () => {
    const before = await rows();
    for (const who of ["member", "boardie", "chair", "outsider", "otherChair"]) {
      expect((await form(who, `/funding/${ids.request}/vote`, { closesAt })).status, who).toBe(403);
    }
    expect(await rows()).toEqual(before);
  });
});

describe("the group's Board liaison", () => {
  it("neither opens the vote on the group's request nor is in its electorate", async () => {
    const made = await call("liaisedChair", "POST", "/api/groups/liaised/funding", ask);
    expect(made.status).toBe(201);
    const id = ((await made.json()) as { request: { id: number } }).request.id;
    expect((await form("liaison", `/funding/${id}/vote`, { closesAt })).status).toBe(403);
    const opened = await form("board2", `/funding/${id}/vote`, { closesAt });
    expect(opened.status).toBe(303);
    const voteId = Number(opened.headers.get("location")?.split("/").pop());
    const ballot = await call("liaison", "POST", `/api/votes/${voteId}/ballots`, { choice: "yes" });
    expect(ballot.status).toBe(403);
  });
});

describe("spending against the cap", () => {
  it("refuses spending over the approved amount and in another currency", async () => {
    await approve(ids.request ?? 0, "100");
    const before = await rows();
    const over = await form("member", `/funding/${ids.request}/spending`, { ...spend, amount: "100.01" });
    expect(over.status).toBe(422);
    const usd = await form("member", `/funding/${ids.request}/spending`, { ...spend, currency: "USD" });
    expect(usd.status).toBe(422);
    expect(await usd.text()).toContain("currency");
    const unknownCurrency = await form("member", `/funding/${ids.request}/spending`, {
      ...spend,
      currency: "XYZ",
    });
    expect(unknownCurrency.status).toBe(422);
    expect(await rows()).toEqual(before);
  });

  it("never goes over the cap with 20 identical spending posts in parallel", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        form("member", `/funding/${ids.request}/spending`, { ...spend, amount: "30" }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 303)).toHaveLength(3);
    const [sum] = await database.db
      .select({ total: schema.fundingSpending.amountMinor })
      .from(schema.fundingSpending)
      .where(eq(schema.fundingSpending.requestId, ids.request ?? 0));
    expect(sum).toBeDefined();
    const all = await database.db
      .select({ amount: schema.fundingSpending.amountMinor })
      .from(schema.fundingSpending)
      .where(eq(schema.fundingSpending.requestId, ids.request ?? 0));
    expect(all.reduce((s, r) => s + Number(r.amount), 0)).toBe(9000);
  });

  it("opens one vote when 20 approvals of the same request arrive in parallel", async () => {
    const made = await call("member", "POST", "/api/groups/ops/funding", { ...ask, amount: "50" });
    const id = ((await made.json()) as { request: { id: number } }).request.id;
    const before = (await rows()).votes ?? 0;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        form(i % 2 ? "board2" : "board3", `/funding/${id}/vote`, { closesAt }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect((await rows()).votes).toBe(before + 1);
  });
});

describe("withdrawing while the Board opens its vote", () => {
  it("ends either withdrawn with no open vote, or waiting under one vote", async () => {
    const made = await call("member", "POST", "/api/groups/ops/funding", { ...ask, amount: "60" });
    const id = ((await made.json()) as { request: { id: number } }).request.id;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? form("member", `/funding/${id}/withdraw`, {})
          : form("board2", `/funding/${id}/vote`, { closesAt }),
      ),
    );
    expect(answers.map((a) => a.status).filter((s) => s >= 500)).toEqual([]);
    const [row] = await database.db
      .select()
      .from(schema.fundingRequests)
      .where(eq(schema.fundingRequests.id, id));
    const votes = await database.db
      .select()
      .from(schema.votes)
      .where(eq(schema.votes.subjectId, String(id)));
    const open = votes.filter((v) => v.status === "open");
    if (row?.state === "withdrawn") expect(open).toEqual([]);
    else expect({ state: row?.state, open: open.length }).toEqual({ state: "requested", open: 1 });
  });
});

describe("the amount a vote is about", () => {
  it("is the amount its title names, when openings with different amounts race", async () => {
    const made = await call("member", "POST", "/api/groups/ops/funding", { ...ask, amount: "100" });
    const id = ((await made.json()) as { request: { id: number } }).request.id;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        form(i % 2 ? "board2" : "board3", `/funding/${id}/vote`, { closesAt, amount: String(i + 1) }),
      ),
    );
    expect(answers.filter((a) => a.status === 303)).toHaveLength(1);
    const [row] = await database.db
      .select()
      .from(schema.fundingRequests)
      .where(eq(schema.fundingRequests.id, id));
    const [vote] = await database.db
      .select()
      .from(schema.votes)
      .where(eq(schema.votes.subjectId, String(id)));
    const named = /EUR (\d+)\.00/u.exec(vote?.title ?? "")?.[1];
    expect(Number(named) * 100).toBe(row?.voteAmountMinor);
  });
});

const HOSTILE_TEXT = ["\u0000", "a\u0000b", "\ud800", "x\udfffy", "y".repeat(100_000)];
const HOSTILE_AMOUNT: unknown[] = [
  "1,5",
  1e308,
  2 ** 63,
  "9223372036854775808",
  -1,
  "-1",
  0,
  "0",
  "0.001",
  0.1e-10,
  "1e308",
  "NaN",
  "Infinity",
  "\u0000",
  "\ud800",
];
const HOSTILE_DAY = [
  "0000-00-00",
  "9999-12-31",
  "2026-02-30",
  "\u0000",
  "\ud800",
  "2026-13-01",
  "x".repeat(100_000),
];

describe("hostile input is a 422 with the field named, and nothing is stored", () => {
  const expectRefused = async (res: Response, field: string, label: string) => {
    expect(res.status, label).toBe(422);
    const text = await res.text();
    expect(text, label).toContain(field);
  };

  it("asking (JSON and form)", async () => {
    const before = await rows();
    const cases: Array<[string, unknown]> = [];
    for (const v of HOSTILE_TEXT) cases.push(["description", v]);
    for (const v of [...HOSTILE_TEXT, "experts\u0000"]) cases.push(["purpose", v]);
    for (const v of [...HOSTILE_TEXT, "eur\u0000", "€"]) cases.push(["currency", v]);
    for (const v of HOSTILE_AMOUNT) cases.push(["amount", v]);
    for (const v of HOSTILE_DAY) cases.push(["startsOn", v], ["endsOn", v]);
    for (const [field, value] of cases) {
      const label = `${field}=${JSON.stringify(value).slice(0, 40)}`;
      await expectRefused(
        await call("member", "POST", "/api/groups/ops/funding", { ...ask, [field]: value }),
        field,
        `json ${label}`,
      );
      // A form cannot carry a lone surrogate (URLSearchParams sends U+FFFD); JSON does.
      if ((typeof value === "string" && !/[\ud800-\udfff]/u.test(value)) || typeof value === "number") {
        await expectRefused(
          await form("member", "/groups/ops/funding/new", { ...ask, [field]: String(value) }),
          field,
          `form ${label}`,
        );
      }
    }
    expect(await rows()).toEqual(before);
  });

  it("spending and the vote", async () => {
    const before = await rows();
    const cases: Array<[string, unknown]> = [];
    for (const v of HOSTILE_TEXT) cases.push(["description", v], ["receiptUrl", v], ["currency", v]);
    cases.push(["receiptUrl", "https://r.example/\u0000"], ["receiptUrl", "javascript:alert(1)"]);
    for (const v of HOSTILE_AMOUNT) cases.push(["amount", v]);
    for (const v of HOSTILE_DAY) cases.push(["spentOn", v]);
    for (const [field, value] of cases) {
      const label = `${field}=${JSON.stringify(value).slice(0, 40)}`;
      if (typeof value === "string" && /[\ud800-\udfff]/u.test(value)) continue;
      await expectRefused(
        await form("member", `/funding/${ids.request}/spending`, { ...spend, [field]: String(value) }),
        field,
        `spending ${label}`,
      );
    }
    const made = await call("member", "POST", "/api/groups/ops/funding", { ...ask, amount: "70" });
    const id = ((await made.json()) as { request: { id: number } }).request.id;
    const mid = await rows();
    for (const [field, value] of [
      ...HOSTILE_AMOUNT.filter((v) => v !== "\ud800").map((v) => ["amount", v] as const),
      ...HOSTILE_TEXT.filter((v) => !/[\ud800-\udfff]/u.test(v)).map((v) => ["description", v] as const),
      ...["0000-00-00T00:00:00Z", "9999-12-31T00:00:00Z", "2026-02-30T12:00:00Z", "\u0000"].map(
        (v) => ["closesAt", v] as const,
      ),
    ]) {
      await expectRefused(
        await form("board2", `/funding/${id}/vote`, { closesAt, [field]: String(value) }),
        field,
        `vote ${field}=${JSON.stringify(value).slice(0, 40)}`,
      );
    }
    expect((await rows()).votes).toBe(mid.votes);
    expect((await rows()).spending).toBe(before.spending);
  });

  it("a form body with the raw bytes of a lone surrogate is refused or stored as valid text, never a 500", async () => {
    const res = await app.request("/groups/ops/funding/new", {
      method: "POST",
      headers: {
        authorization: `Bearer ${accounts.member?.token}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: `purpose=events&description=a%ED%A0%80b&amount=5&currency=EUR&startsOn=2027-01-01&endsOn=2027-01-02`,
    });
    expect(res.status).toBeLessThan(500);
  });

  it("ids past the column's range or not numbers are a 404, never a 500", async () => {
    for (const id of ["2147483648", "9223372036854775808", "-1", "0", "1e308", "0.1", "%00", "%ED%A0%80"]) {
      for (const path of [`/funding/${id}`, `/api/funding/${id}`]) {
        const res = await call("admin", "GET", path);
        expect(res.status, path).toBe(404);
      }
      const res = await form("member", `/funding/${id}/spending`, spend);
      expect(res.status, id).toBe(404);
    }
  });
});

describe("the largest amounts", () => {
  it("are capped so that totals stay exact, on the list, the API and the CSV", async () => {
    const tooLarge = await call("otherChair", "POST", "/api/groups/other/funding", {
      ...ask,
      amount: "10000000000.01",
    });
    expect(tooLarge.status).toBe(422);
    expect(await tooLarge.text()).toContain("amount");
    for (let i = 0; i < 3; i++) {
      const res = await call("otherChair", "POST", "/api/groups/other/funding", {
        ...ask,
        amount: "9999999999.99",
      });
      expect(res.status).toBe(201);
    }
    for (const path of ["/api/funding", "/funding", "/funding.csv", "/groups/other/funding"]) {
      const res = await call("otherChair", "GET", path);
      expect(res.status, path).toBe(200);
    }
    const body = (await (await call("otherChair", "GET", "/api/funding")).json()) as {
      totals: Array<{ requestedText: string; requestedMinor: number }>;
    };
    expect(body.totals[0]).toMatchObject({
      requestedMinor: 2_999_999_999_997,
      requestedText: "EUR 29,999,999,999.97",
    });
  });
});

describe("exports", () => {
  it("neutralises formula cells in the CSV", async () => {
    for (const d of ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      const res = await call("member", "POST", "/api/groups/ops/funding", { ...ask, description: d });
      expect(res.status, d).toBe(201);
    }
    const csv = await (await call("admin", "GET", "/funding.csv")).text();
    expect(csv).not.toMatch(/(^|,)"?[=+\-@\t\r]/mu);
    expect(csv).toContain("'=HYPERLINK");
  });
});
