/**
 * Funding requests over the database and the real HTTP app: a group member asks (the amount in
 * minor units, the currency checked), the Board votes with the requester and the Board member in
 * the group left out of the electorate, the vote's closing approves (for the amount the vote
 * named), spending is recorded up to the approved amount, totals and the CSV (formula cells
 * neutralised) follow, and everyone else is refused.
 */
import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import {
  createTestAccounts,
  MEMBER_SCOPES,
  type TestAccount,
  type TestVisitor,
} from "../../../test/factories/accounts.ts";
import { insertFundingPeople } from "../../../test/factories/funding.ts";
import { refusal } from "../../../test/governance-refusal.ts";
import { tokenRequests } from "../../../test/token-requests.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import { castBallot } from "../decisions/cast-ballot.ts";
import { closeVote } from "../decisions/close-vote.ts";
import { grantFoundationRole, personActor } from "../decisions/decisions.fixtures.ts";
import { CLI_DECISION_ACTOR, voteElectorateIds } from "../decisions/decisions.repo.ts";
import { fundingAgendaSection } from "./agenda-section.ts";
import { loadFunding } from "./funding.repo.ts";
import { openFundingVote, recordSpending, requestFunding } from "./funding-records.ts";

let database: Database;
let app: Hono<AppEnv>;
const clock = new FixedClock("2026-11-21T12:00:00Z");
const deps = () => ({ database, clock });
const ids: Record<string, number> = {};
const accounts: Record<string, TestAccount> = {};
const closesAt = "2026-11-28T12:00:00Z";
const agenda = () =>
  fundingAgendaSection.load({
    db: database.db,
    day: "2026-11-21",
    lastMeetingOn: null,
    since: "2026-10-21",
    nextMeetingOn: null,
    viewerPersonId: null,
  });
const closeIfOpen = async (voteId: number) => {
  const [vote] = await database.db.select().from(schema.votes).where(eq(schema.votes.id, voteId));
  if (vote?.status === "open")
    await closeVote({ deps: deps(), actor: CLI_DECISION_ACTOR, input: { voteId } });
};

/** Records spending on a request as its group's Chair. */
const spendAsChair = (requestId: number, input: Parameters<typeof recordSpending>[0]["input"]) =>
  recordSpending({ deps: deps(), actor: personActor(ids.chair ?? 0), requestId, input });
const { call, form } = tokenRequests(() => app, accounts);

const ask = {
  purpose: "events",
  description: "Sprint venue for the Django Girls workshop",
  amount: "1,250.50",
  currency: "eur",
  startsOn: "2027-01-01",
  endsOn: "2027-03-31",
};

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await createTestApplication(database, {}, clock));
  const db = database.db;
  Object.assign(ids, await insertFundingPeople(db));
  await grantFoundationRole(
    database,
    [ids.boardie ?? 0, ids.board2 ?? 0, ids.board3 ?? 0, ids.board4 ?? 0],
    "board-member",
  );
  const scopes = MEMBER_SCOPES;
  const visitors = ["chair", "member", "boardie", "board2", "outsider", "otherChair"].map(
    (key): TestVisitor => [key, ids[key]],
  );
  Object.assign(
    accounts,
    await createTestAccounts({ db, clock, scopes }, [...visitors, ["admin", null, { admin: true }]]),
  );
});

afterAll(async () => {
  await database?.close();
});

describe("asking for funding", () => {
  it("records a member's request in minor units, upper-cases the currency and refuses bad money", async () => {
    const res = await call("member", "POST", "/api/groups/ops/funding", ask);
    expect(res.status).toBe(201);
    const { request } = (await res.json()) as { request: Record<string, unknown> };
    expect(request).toMatchObject({
      currency: "EUR",
      amountMinor: 125050,
      amountText: "EUR 1,250.50",
      state: "requested",
      requestedBy: "Ops Member",
      vote: null,
    });
    ids.request = request.id as number;
    // Every Board member is told, in the request's transaction; the one in the asking group may not vote.
    const told = (await database.db.select().from(schema.notifications)).filter(
      (n) => n.kind === "funding.requested",
    );
    expect(told.map((n) => [n.recipientPersonId, (n.data as { mayVote: boolean }).mayVote]).sort()).toEqual(
      [
        [ids.boardie, false],
        [ids.board2, true],
        [ids.board3, true],
        [ids.board4, true],
      ].sort(),
    );
    expect(told[0]?.data).toMatchObject({ groupName: expect.any(String), amount: "EUR 1,250.50" });

    const bad = await call("member", "POST", "/api/groups/ops/funding", {
      ...ask,
      currency: "XYZ",
      amount: "1.5",
    });
    expect(bad.status).toBe(422);
    const decimals = await call("member", "POST", "/api/groups/ops/funding", {
      ...ask,
      currency: "JPY",
      amount: "10.5",
    });
    expect(decimals.status).toBe(422);
    expect(JSON.stringify(await decimals.json())).toContain("JPY has no minor unit");
    const period = await call("member", "POST", "/api/groups/ops/funding", { ...ask, endsOn: "2026-12-01" });
    expect(period.status).toBe(422);
  });

  it("refuses people outside the group, and the database refuses what the rules refuse", async () => {
    expect((await call("outsider", "POST", "/api/groups/ops/funding", ask)).status).toBe(403);
    expect((await call("board2", "POST", "/api/groups/ops/funding", ask)).status).toBe(403);
    expect((await app.request("/api/funding")).status).toBe(401);
    const insert = (over: Partial<typeof schema.fundingRequests.$inferInsert>) =>
      database.db.insert(schema.fundingRequests).values({
        groupId: ids.ops ?? 0,
        purpose: "tools",
        description: "x",
        amountMinor: 100,
        currency: "EUR",
        startsOn: "2027-01-01",
        endsOn: "2027-01-02",
        state: "requested",
        createdAt: clock.now(),
        updatedAt: clock.now(),
        ...over,
      });
    await expect(insert({ amountMinor: 0 })).rejects.toThrow();
    await expect(insert({ currency: "eur" })).rejects.toThrow();
    await expect(insert({ endsOn: "2026-12-31" })).rejects.toThrow();
    await expect(insert({ purpose: "beer" as "tools" })).rejects.toThrow();
    await expect(insert({ state: "approved" })).rejects.toThrow();
  });

  it("shows the request to its group, the Board and admins, and to nobody else", async () => {
    for (const who of ["member", "chair", "board2", "admin"]) {
      expect((await call(who, "GET", `/funding/${ids.request}`)).status, who).toBe(200);
    }
    expect((await call("outsider", "GET", `/funding/${ids.request}`)).status).toBe(403);
    expect((await call("otherChair", "GET", `/api/funding/${ids.request}`)).status).toBe(403);
    const anon = await app.request(`/funding/${ids.request}`);
    expect([302, 303]).toContain(anon.status);
    const list = (await (await call("outsider", "GET", "/api/funding")).json()) as { requests: unknown[] };
    expect(list.requests).toEqual([]);
    const boardList = (await (await call("board2", "GET", "/api/funding")).json()) as {
      requests: Array<{ id: number }>;
    };
    expect(boardList.requests.map((r) => r.id)).toEqual([ids.request]);
  });

  it("puts the waiting request on the Board's agenda", async () => {
    const items = await agenda();
    expect(items.map((i) => i.href)).toEqual([`/funding/${ids.request}`]);
    expect(items[0]?.text).toContain("EUR 1,250.50");
  });
});

describe("the Board decides", () => {
  it("refuses the decision to the requester, the group's Chair and a Board member in the group", async () => {
    for (const who of ["member", "chair", "boardie"]) {
      const res = await form(who, `/funding/${ids.request}/vote`, { closesAt });
      expect(res.status, who).toBe(403);
    }
    // In the operation too, not only in the policy: the Board member in the group is outside the electorate.
    const refused = await refusal(
      openFundingVote({
        deps: deps(),
        actor: personActor(ids.boardie ?? 0),
        requestId: ids.request ?? 0,
        input: { closesAt },
      }),
    );
    expect(refused.code).toBe("forbidden");
  });

  it("freezes an electorate without the requester and the group's Board members, and applies the outcome", async () => {
    const res = await form("board2", `/funding/${ids.request}/vote`, { closesAt, amount: "1000" });
    expect(res.status).toBe(303);
    const voteId = Number(res.headers.get("location")?.split("/").pop());
    expect(await voteElectorateIds(database.db, voteId)).toEqual(
      [ids.board2, ids.board3, ids.board4].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    const [vote] = await database.db.select().from(schema.votes).where(eq(schema.votes.id, voteId));
    expect(vote).toMatchObject({
      kind: "funding-request",
      subjectId: String(ids.request),
      groupId: ids.ops,
      body: "board",
    });
    // The Board member in the group cannot vote.
    const cast = await refusal(
      castBallot({ deps: deps(), actor: personActor(ids.boardie ?? 0), input: { voteId, choice: "yes" } }),
    );
    expect(cast.code).toBe("forbidden");
    const again = await form("board2", `/funding/${ids.request}/vote`, { closesAt });
    expect(again.status).toBe(409);
    for (const key of ["board2", "board3"]) {
      await castBallot({ deps: deps(), actor: personActor(ids[key] ?? 0), input: { voteId, choice: "yes" } });
    }
    await closeIfOpen(voteId);
    const request = await loadFunding(database.db, ids.request ?? 0);
    expect(request).toMatchObject({ state: "approved", approvedMinor: 100000, voteId });
    const audit = await database.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.subjectType, "funding_request"));
    expect(audit.map((a) => a.action)).toEqual([
      "funding.requested",
      "funding.vote-opened",
      "funding.approved",
    ]);
    expect(await agenda()).toEqual([]);
  });

  it("rejects a request when the vote fails", async () => {
    const { id } = await requestFunding({
      deps: deps(),
      actor: personActor(ids.chair ?? 0),
      group: "ops",
      input: { ...ask, purpose: "tools", amount: "300", currency: "USD" },
    });
    ids.rejected = id;
    const vote = await openFundingVote({
      deps: deps(),
      actor: personActor(ids.board3 ?? 0),
      requestId: id,
      input: { closesAt },
    });
    for (const key of ["board2", "board3"]) {
      await castBallot({
        deps: deps(),
        actor: personActor(ids[key] ?? 0),
        input: { voteId: vote.id, choice: "no" },
      });
    }
    await closeIfOpen(vote.id);
    expect(await loadFunding(database.db, id)).toMatchObject({ state: "rejected", approvedMinor: null });
  });
});

describe("withdrawing", () => {
  it("lets the group withdraw a waiting request, not while the Board votes on it, and nobody else", async () => {
    const { id } = await requestFunding({
      deps: deps(),
      actor: personActor(ids.member ?? 0),
      group: "ops",
      input: ask,
    });
    expect((await form("outsider", `/funding/${id}/withdraw`, {})).status).toBe(403);
    expect((await form("board2", `/funding/${id}/withdraw`, {})).status).toBe(403);
    const voting = await requestFunding({
      deps: deps(),
      actor: personActor(ids.member ?? 0),
      group: "ops",
      input: ask,
    });
    await openFundingVote({
      deps: deps(),
      actor: personActor(ids.board4 ?? 0),
      requestId: voting.id,
      input: { closesAt },
    });
    expect((await form("member", `/funding/${voting.id}/withdraw`, {})).status).toBe(409);
    expect((await form("chair", `/funding/${id}/withdraw`, {})).status).toBe(303);
    expect(await loadFunding(database.db, id)).toMatchObject({ state: "withdrawn" });
    const late = await refusal(
      openFundingVote({
        deps: deps(),
        actor: personActor(ids.board2 ?? 0),
        requestId: id,
        input: { closesAt },
      }),
    );
    expect(late.code).toBe("conflict");
    ids.voting = voting.id;
  });
});

describe("spending", () => {
  it("records spending with its receipt, up to the approved amount, in the request's currency", async () => {
    const ok = await form("member", `/funding/${ids.request}/spending`, {
      amount: "600",
      currency: "EUR",
      spentOn: "2026-11-20",
      description: '=HYPERLINK("http://evil.example")',
      receiptUrl: "https://receipts.example.org/1.pdf",
    });
    expect(ok.status).toBe(303);
    const over = await form("chair", `/funding/${ids.request}/spending`, {
      amount: "400.01",
      currency: "EUR",
      spentOn: "2026-11-20",
      description: "Catering",
      receiptUrl: "https://receipts.example.org/2.pdf",
    });
    expect(over.status).toBe(422);
    expect(await over.text()).toContain("more than what is left of the approved amount");
    /** Ten units spent on 2026-11-20 as the Chair, refused: what the refusal says. */
    const refusedTen = (requestId: number, currency: string, receiptUrl: string) =>
      refusal(
        spendAsChair(requestId, {
          amount: "10",
          currency,
          spentOn: "2026-11-20",
          description: "x",
          receiptUrl,
        }),
      );
    const currency = await refusedTen(ids.request ?? 0, "USD", "https://r.example/3");
    expect(currency.issues?.[0]?.field).toBe("currency");
    const link = await refusedTen(ids.request ?? 0, "EUR", "javascript:alert(1)");
    expect(link.issues?.[0]?.field).toBe("receiptUrl");
    const rejected = await refusedTen(ids.rejected ?? 0, "USD", "https://r.example/4");
    expect(rejected.code).toBe("conflict");
    await spendAsChair(ids.request ?? 0, {
      amount: "400",
      currency: "EUR",
      spentOn: "2026-11-21",
      description: "Catering",
      receiptUrl: "http://r.example/5",
    });
    expect(await loadFunding(database.db, ids.request ?? 0)).toMatchObject({ spentMinor: 100000 });
  });

  it("refuses spending to people outside the group, the Board included", async () => {
    for (const who of ["outsider", "board2", "admin"]) {
      const res = await form(who, `/funding/${ids.request}/spending`, {
        amount: "1",
        currency: "EUR",
        spentOn: "2026-11-20",
        description: "x",
        receiptUrl: "https://r.example/6",
      });
      expect(res.status, who).toBe(403);
    }
  });
});

describe("totals and the export", () => {
  it("totals per group and currency on the API and the group's page", async () => {
    const res = await call("board2", "GET", "/api/funding");
    const body = (await res.json()) as { totals: Array<Record<string, unknown>> };
    expect(body.totals).toEqual([
      expect.objectContaining({
        currency: "EUR",
        // the approved request and the one under a vote; the withdrawn one counts nowhere
        requests: 2,
        requestedMinor: 250100,
        approvedMinor: 100000,
        spentMinor: 100000,
        waitingMinor: 125050,
      }),
      expect.objectContaining({ currency: "USD", requestedMinor: 30000, approvedMinor: 0, spentMinor: 0 }),
    ]);
    const page = await (await call("chair", "GET", "/groups/ops/funding")).text();
    expect(page).toContain("EUR 1,250.50");
    expect(page).toContain("EUR 1,000.00");
    expect((await call("outsider", "GET", "/groups/ops/funding")).status).toBe(403);
    const detail = await (await call("chair", "GET", `/funding/${ids.request}`)).text();
    expect(detail).toContain("https://receipts.example.org/1.pdf");
    expect(detail).toContain(`/votes/`);
  });

  it("exports CSV with formula cells neutralised, only what the viewer may see", async () => {
    await requestFunding({
      deps: deps(),
      actor: personActor(ids.otherChair ?? 0),
      group: "other",
      input: { ...ask, description: "=cmd|' /C calc'!A0", amount: "5" },
    });
    const csv = await (await call("admin", "GET", "/funding.csv")).text();
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe(
      "id,group,purpose,description,currency,requested,state,approved,spent,starts_on,ends_on,requested_by,requested_at,decided_at",
    );
    // ops: approved, rejected, withdrawn, under a vote; other: one
    expect(lines).toHaveLength(6);
    expect(csv).toContain("'=cmd");
    expect(csv).not.toMatch(/,=cmd/u);
    expect(csv).toContain(",1250.50,approved,1000.00,1000.00,");
    const chairCsv = await (await call("chair", "GET", "/funding.csv")).text();
    expect(chairCsv).not.toContain("other");
    expect((await app.request("/funding.csv")).status).not.toBe(200);
  });
});
