/**
 * Reports end to end, in Chromium with JavaScript off: the chair opens the form (pre-filled from
 * the period's votes and membership changes), a refused submission re-shows what was typed, a
 * public and a Board-only report are sent. The Atom feed carries the public one only, checked by
 * Python's feedparser (a missing module fails). A Board-only report is refused to anonymous
 * visitors and to signed-in outsiders on the page and the API. axe-core finds no WCAG 2.1 A/AA
 * violation on the reporting pages; the Board records a decision and the defunct flag shows.
 */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage } from "../../../test/accessibility.ts";
import { type BrowserAppWithDatabase, startBrowserAppWithDatabase } from "../../../test/browser-app.ts";
import { noScriptContext } from "../../../test/browser-sessions.ts";
import { createTestAccounts, type TestAccount } from "../../../test/factories/accounts.ts";
import { insertGroup } from "../../../test/factories/governance.ts";
import type { FixedClock } from "../../platform/clock.ts";
import { schema } from "../../platform/db/index.ts";

let served: BrowserAppWithDatabase;
let clock: FixedClock;
let accounts: Record<string, TestAccount> = {};
let groupId = 0;

const cookie = (who: string) => ({ name: "guildhall_session", value: accounts[who]?.sessionId ?? "" });

beforeAll(async () => {
  served = await startBrowserAppWithDatabase();
  const { database } = served;
  clock = served.clock;
  const group = await insertGroup(database.db, {
    slug: "reporters",
    name: "Reporters Working Group",
    chairs: ["Cleo Chair"],
    coChairs: [],
    boardLiaisons: ["Lou Liaison"],
    members: ["Mel Member"],
    charter: { membershipModel: "direct", reportingCadence: "monthly", status: "active" },
  });
  groupId = group.id;
  accounts = await createTestAccounts(
    // The last test travels months ahead: the sessions must outlive it.
    { db: database.db, clock, sessionDays: 730, scopes: ["read", "groups"] },
    [
      ["chair", group.people.get("Cleo Chair")],
      ["member", group.people.get("Mel Member")],
      ["outsider", null],
      ["board", null, { roles: ["board-member"] }],
    ],
  );
  // A membership change in October, for the draft.
  const [p] = await database.db
    .insert(schema.people)
    .values({ slug: "nia-new", name: "Nia New", createdAt: clock.now() })
    .returning();
  await database.db.insert(schema.rolePeriods).values({
    groupId,
    personId: p?.id ?? 0,
    role: "member",
    startedOn: "2026-10-05",
    reason: "vote",
    createdAt: clock.now(),
  });
});

afterAll(async () => {
  await served?.close();
});

const ids: Record<string, string> = {};

describe("reports", () => {
  it("the chair's form is pre-filled, a refusal keeps what was typed, and two reports are sent", async () => {
    const context = await noScriptContext(served.browser, served.base, cookie("chair").value);
    try {
      const page = await context.newPage();
      await page.goto(`${served.base}/groups/reporters/reports/new?period=2026-10-01`);
      const highlights = page.getByLabel("Highlights (3 to 5, one per line)");
      expect(await highlights.inputValue()).toContain("Welcomed Nia New.");
      await highlights.fill("Only one");
      await page.getByLabel("Challenges (optional)").fill("Time");
      await page.getByRole("button", { name: "Send the report" }).click();
      expect(await page.getByText("must have 3 to 5 highlights, one per line").count()).toBeGreaterThan(0);
      expect(await page.getByLabel("Challenges (optional)").inputValue()).toBe("Time");
      await page.getByLabel("Period").selectOption("2026-10-01");
      await page
        .getByLabel("Highlights (3 to 5, one per line)")
        .fill("Welcomed Nia\nShipped the guide\nRan a sprint");
      await page.getByLabel("Public (listed in the feed)").check();
      await page.getByRole("button", { name: "Send the report" }).click();
      expect(page.url()).toMatch(/\/reports\/\d+$/u);
      ids.public = page.url().split("/").pop() ?? "";
      await page.goto(`${served.base}/groups/reporters/reports/new?period=2026-11-01`);
      await page.getByLabel("Period").selectOption("2026-11-01");
      await page
        .getByLabel("Highlights (3 to 5, one per line)")
        .fill("Private one\nPrivate two\nPrivate three");
      await page.getByLabel("Board only (the Board, the group and site administrators)").check();
      await page.getByRole("button", { name: "Send the report" }).click();
      ids.board = page.url().split("/").pop() ?? "";
      expect(ids.board).toMatch(/^\d+$/u);
    } finally {
      await context.close();
    }
  });

  it("the Atom feed has the public report only (feedparser)", async () => {
    const xml = await (await fetch(`${served.base}/reports.atom`)).text();
    const out = execFileSync(
      "/usr/bin/python3",
      [
        "-c",
        "import sys, json, feedparser\nd = feedparser.parse(sys.stdin.read())\nprint(json.dumps({'bozo': d.bozo, 'version': d.version, 'titles': [e.title for e in d.entries], 'links': [e.link for e in d.entries]}))",
      ],
      { input: xml, encoding: "utf8" },
    );
    const parsed = JSON.parse(out) as { bozo: number; version: string; titles: string[]; links: string[] };
    expect(Boolean(parsed.bozo)).toBe(false);
    expect(parsed.version).toBe("atom10");
    expect(parsed.titles).toEqual(["Reporters Working Group: report for 2026-10"]);
    expect(parsed.links).toEqual([`${served.base}/reports/${ids.public}`]);
    expect(xml).not.toContain("Private one");
  });

  it("a Board-only report: the Board, the group's members and admins only, on pages and the API", async () => {
    const get = (path: string, who?: string) =>
      fetch(`${served.base}${path}`, {
        redirect: "manual",
        headers: who ? { cookie: `guildhall_session=${accounts[who]?.sessionId}` } : {},
      });
    for (const path of [`/reports/${ids.board}`, `/api/reports/${ids.board}`]) {
      expect((await get(path)).status, `${path} anonymous`).toBeOneOf([303, 401]);
      expect((await get(path, "outsider")).status, `${path} outsider`).toBe(403);
      for (const who of ["member", "chair", "board"])
        expect((await get(path, who)).status, `${path} ${who}`).toBe(200);
    }
    expect((await get(`/reports/${ids.public}`)).status).toBe(200);
    const listed = async (who?: string) =>
      (
        (await (await get("/api/groups/reporters/reports", who)).json()) as { reports: Array<{ id: number }> }
      ).reports.map((r) => String(r.id));
    expect(await listed()).toEqual([ids.public]);
    expect(await listed("outsider")).toEqual([ids.public]);
    expect((await listed("member")).sort()).toEqual([ids.public, ids.board].sort());
    const page = await (await get("/groups/reporters/reports", "outsider")).text();
    expect(page).not.toContain(`/reports/${ids.board}"`);
  });

  it("the same report sent 20 times at once is recorded once; the others are told it exists", async () => {
    const send = () =>
      fetch(`${served.base}/api/groups/reporters/reports`, {
        method: "POST",
        headers: { authorization: `Bearer ${accounts.chair?.token}`, "content-type": "application/json" },
        body: JSON.stringify({
          periodStart: "2026-11-01",
          visibility: "public",
          highlights: ["Met twice", "Drafted a guide", "Welcomed a member"],
        }),
      });
    const responses = await Promise.all(Array.from({ length: 20 }, send));
    const statuses = responses.map((r) => r.status).sort();
    // One of them records it, unless an earlier test already sent this period; never a 5xx.
    const created = statuses.filter((st) => st === 201).length;
    expect(created).toBeLessThanOrEqual(1);
    expect(statuses.filter((st) => st !== 201)).toEqual(Array(20 - created).fill(409));
    const [row] = await served.database.query<{ n: number }>(
      "select count(*)::int as n from group_reports where period_start = '2026-11-01'",
    );
    expect(row?.n).toBe(1);
  });

  it("reports due, overdue and defunct over time; the Board's decision clears the flag", async () => {
    // The group was tracked from the first sweep; months later, two months missed.
    const { sweepReports } = await import("./sweep-reports.ts");
    clock.set("2026-11-21T12:00:00Z");
    await sweepReports({ deps: { database: served.database, clock } });
    clock.set("2027-03-20T12:00:00Z");
    await sweepReports({ deps: { database: served.database, clock } });
    const due = (await (await fetch(`${served.base}/api/reports/due?group=reporters`)).json()) as {
      due: Array<{ period: string; state: string; defunct: boolean }>;
    };
    expect(due.due.map((d) => [d.period, d.state, d.defunct])).toEqual([
      ["2027-01", "missed", true],
      ["2027-02", "overdue", true],
    ]);
    const group = await (await fetch(`${served.base}/groups/reporters`)).text();
    expect(group).toContain("Flagged defunct");
    const board = await fetch(`${served.base}/board`, {
      headers: { cookie: `guildhall_session=${accounts.board?.sessionId}` },
    });
    expect(await board.text()).toContain("since 2027-03-15");
    const audits = [
      await auditPage(served.browser, `${served.base}/groups/reporters/reports`, {
        session: cookie("board"),
      }),
      await auditPage(served.browser, `${served.base}/groups/reporters/reports/new`, {
        session: cookie("chair"),
      }),
      await auditPage(served.browser, `${served.base}/reports/${ids.board}`, { session: cookie("member") }),
      await auditPage(served.browser, `${served.base}/board`, { session: cookie("board") }),
    ];
    for (const a of audits) {
      expect(a.status).toBe(200);
      expect(a.violations).toEqual([]);
    }
    const context = await noScriptContext(served.browser, served.base, cookie("board").value);
    try {
      const page = await context.newPage();
      await page.goto(`${served.base}/groups/reporters/reports`);
      await page.getByLabel("Exception granted (give the day it ends)").check();
      await page.getByLabel("Reason").fill("Chair on leave");
      await page.getByRole("button", { name: "Record the Board's decision" }).click();
      expect(await page.getByText("an exception needs the day it ends").count()).toBeGreaterThan(0);
      expect(await page.getByLabel("Reason").inputValue()).toBe("Chair on leave");
      await page.getByLabel("Exception ends on (UTC)").fill("2027-06-30");
      await page.getByRole("button", { name: "Record the Board's decision" }).click();
      expect(await page.getByText("exception until 2027-06-30").count()).toBe(1);
      expect(await page.getByText("Flagged defunct").count()).toBe(0);
    } finally {
      await context.close();
    }
    const audit = await served.database.db.select().from(schema.auditLog);
    expect(audit.filter((a) => a.action === "reporting.exception-granted")).toHaveLength(1);
  });
});
