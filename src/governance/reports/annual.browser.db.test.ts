/**
 * The annual report page and the Board's meeting form in Chromium with JavaScript off: the Board
 * records a meeting day on /board and the agenda says it covers what came since; axe-core finds
 * no WCAG 2.1 A/AA violation on the annual report (anonymous and Board) and /board; at 390 px
 * wide neither page scrolls sideways.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage } from "../../../test/accessibility.ts";
import { type BrowserApp, startBrowserApp } from "../../../test/browser-app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createTestAccount } from "../../../test/factories/accounts.ts";
import { insertGroup } from "../../../test/factories/governance.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";

let database: Database;
let served: BrowserApp | undefined;
let browser: Browser;
let base = "";
let boardSession = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const clock = new FixedClock("2026-12-03T12:00:00Z");
  served = await startBrowserApp(database, { clock });
  ({ base, browser } = served);
  const group = await insertGroup(database.db, {
    slug: "chronicle",
    name: "Chronicle Working Group with a rather long name for a phone",
    charter: { reportingCadence: "quarterly", membershipModel: "direct" },
  });
  await database.db.insert(schema.groupReports).values({
    groupId: group.id,
    periodStart: "2026-07-01",
    periodEnd: "2026-09-30",
    cadence: "quarterly",
    visibility: "public",
    highlights: [
      "Published a very long highlight that has to wrap on a narrow phone screen without scrolling.",
      "Second.",
      "Third.",
    ],
    asks: [],
    submittedAt: new Date("2026-11-20T10:00:00Z"),
  });
  await database.db.insert(schema.meetings).values({
    groupId: group.id,
    uid: "chronicle-1",
    title: "Quarterly planning",
    startsAt: new Date("2026-10-06T15:00:00Z"),
    durationMinutes: 60,
    timeZone: "UTC",
    publicNotes: "We planned.",
    notesPublishedAt: new Date("2026-10-07T00:00:00Z"),
    createdAt: clock.now(),
    updatedAt: clock.now(),
  });
  const board = await createTestAccount({
    db: database.db,
    clock,
    email: "board@example.org",
    name: "Bea Board",
    roles: ["board-member"],
    scopes: ["read", "groups"],
  });
  boardSession = board.sessionId;
});

afterAll(async () => {
  await served?.close();
  await database?.close();
});

const session = () => ({ name: "guildhall_session", value: boardSession });

describe("annual reports and Board meeting days in a browser", () => {
  it("the Board records a meeting day without JavaScript; the agenda covers what came since", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      await context.addCookies([{ ...session(), url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}/board`);
      expect(await page.getByText("in the last 31 days (no Board meeting recorded)").count()).toBeGreaterThan(
        0,
      );
      // The date field's max stops a future day in the browser; the server refuses an http address.
      expect(await page.getByLabel("Day the Board met (UTC)").getAttribute("max")).toBe("2026-12-03");
      await page.getByLabel("Day the Board met (UTC)").fill("2026-11-19");
      await page.getByLabel("Minutes (https:// address, optional)").fill("http://example.org/minutes");
      await page.getByRole("button", { name: "Record the Board meeting" }).click();
      expect(await page.getByText("must be an https:// address").count()).toBeGreaterThan(0);
      expect(await page.getByLabel("Minutes (https:// address, optional)").inputValue()).toBe(
        "http://example.org/minutes",
      );
      await page.getByLabel("Day the Board met (UTC)").fill("2026-11-19");
      await page.getByLabel("Minutes (https:// address, optional)").fill("https://example.org/minutes/11-19");
      await page.getByRole("button", { name: "Record the Board meeting" }).click();
      expect(new URL(page.url()).pathname).toBe("/board");
      expect(
        await page
          .getByRole("heading", { name: "Reports received since the Board meeting of 2026-11-19" })
          .count(),
      ).toBe(1);
      expect(await page.getByText("recorded by Bea Board").count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("axe finds nothing on the annual report and /board, and neither scrolls sideways at 390 px", async () => {
    const audits = [
      await auditPage(browser, `${base}/groups/chronicle/annual/2026`),
      await auditPage(browser, `${base}/groups/chronicle/annual/2026`, { session: session() }),
      await auditPage(browser, `${base}/board`, { session: session() }),
    ];
    for (const a of audits) {
      expect(a.status).toBe(200);
      expect(a.violations).toEqual([]);
    }
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 800 },
    });
    try {
      await context.addCookies([{ ...session(), url: base }]);
      const page = await context.newPage();
      for (const path of ["/groups/chronicle/annual/2026", "/board"]) {
        await page.goto(`${base}${path}`);
        const width = (await page.evaluate("document.documentElement.scrollWidth")) as number;
        expect(width, path).toBeLessThanOrEqual(390);
      }
    } finally {
      await context.close();
    }
  });
});
