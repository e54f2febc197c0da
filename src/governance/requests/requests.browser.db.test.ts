/**
 * Requests end to end in Chromium with JavaScript off: a member opens a request from the group's
 * page form (a refused submission keeps what was typed), lands on the new request's page, the
 * target's Chair acknowledges and answers it there; axe-core finds no WCAG 2.1 A/AA violation on
 * the form (also when refused), the request page, `/requests` and `/requests/stalled`.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage } from "../../../test/accessibility.ts";
import { type BrowserApp, startBrowserApp } from "../../../test/browser-app.ts";
import { noScriptContext } from "../../../test/browser-sessions.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createTestAccounts, type TestAccount } from "../../../test/factories/accounts.ts";
import { askersAndAnswerers } from "../../../test/factories/requests.ts";
import { type Database, schema } from "../../platform/db/index.ts";

let database: Database;
let served: BrowserApp | undefined;
let browser: Browser;
let base = "";
let accounts: Record<string, TestAccount> = {};
let requestId = "";

const cookie = (who: string) => ({ name: "guildhall_session", value: accounts[who]?.sessionId ?? "" });

beforeAll(async () => {
  database = await createTestDatabase();
  served = await startBrowserApp(database);
  ({ base, browser } = served);
  const { people } = await askersAndAnswerers(database.db);
  accounts = await createTestAccounts({ db: database.db, clock: served.clock, scopes: ["read", "groups"] }, [
    ["member", people.member],
    ["target", people.ansChair],
  ]);
});

afterAll(async () => {
  await served?.close();
  await database?.close();
});

/** Fills the form as a member would (today is 2026-11-21). */
async function fillForm(page: Page, title: string, deadline: string) {
  await page.getByLabel("To", { exact: true }).selectOption("group:answerers");
  await page.getByLabel("Kind of request").selectOption("decision");
  await page.getByLabel("Subject", { exact: true }).fill(title);
  await page.getByLabel("Link to what it is about (optional)").fill("https://example.org/plan");
  await page.getByLabel("An approval (approve, reject or ask for changes)").check();
  await page.getByLabel("Deadline: the last day to answer (UTC)").fill(deadline);
  await page.getByLabel("Private: the two sides only (and the Board once escalated)").check();
}

describe("request pages in a browser without JavaScript", () => {
  it("a member opens a request from the group's page; a refusal keeps what was typed", async () => {
    const context = await noScriptContext(browser, base, cookie("member").value);
    try {
      const page = await context.newPage();
      await page.goto(`${base}/groups/askers`);
      await page.getByRole("link", { name: "Requests to and from other groups" }).click();
      await page.getByRole("link", { name: "Open a request on its behalf" }).click();
      expect(new URL(page.url()).pathname).toBe("/groups/askers/requests/new");
      // Lazy consensus to a group that does not allow it: refused, everything typed still there.
      await fillForm(page, "Decide on the sprint venue", "2026-12-04");
      await page.getByLabel("Approved if nobody objects by the deadline (lazy consensus)").check();
      await page.getByRole("button", { name: "Open the request" }).click();
      expect(await page.getByText("does not take requests by lazy consensus").count()).toBeGreaterThan(0);
      expect(await page.getByLabel("Subject", { exact: true }).inputValue()).toBe(
        "Decide on the sprint venue",
      );
      expect(await page.getByLabel("Deadline: the last day to answer (UTC)").inputValue()).toBe("2026-12-04");
      expect(await page.getByLabel("To", { exact: true }).inputValue()).toBe("group:answerers");
      expect(
        await page.getByLabel("Private: the two sides only (and the Board once escalated)").isChecked(),
      ).toBe(true);
      await page.getByLabel("Approved if nobody objects by the deadline (lazy consensus)").uncheck();
      await page.getByRole("button", { name: "Open the request" }).click();
      expect(page.url()).toMatch(/\/requests\/\d+$/u);
      requestId = page.url().split("/").pop() ?? "";
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Decide on the sprint venue");
      const rows = await database.db.select().from(schema.groupRequests);
      expect(rows.map((r) => [r.title, r.kind, r.visibility, r.deadline])).toEqual([
        ["Decide on the sprint venue", "decision", "private", "2026-12-04"],
      ]);
    } finally {
      await context.close();
    }
  });

  it("the target's Chair acknowledges and answers it on its page; it shows on /requests by state", async () => {
    const context = await noScriptContext(browser, base, cookie("target").value);
    try {
      const page = await context.newPage();
      await page.goto(`${base}/requests`);
      await page.getByRole("link", { name: "Decide on the sprint venue" }).click();
      await page.getByRole("button", { name: "Acknowledge: we have seen it and are on it" }).click();
      expect(await page.getByText("acknowledged", { exact: true }).count()).toBe(1);
      await page.getByLabel("Approve", { exact: true }).check();
      await page.getByLabel("In words (optional)").fill("Fine by us");
      await page.getByRole("button", { name: "Send the answer" }).click();
      expect(await page.getByText("Fine by us").count()).toBe(1);
      await page.goto(`${base}/requests`);
      expect(await page.getByRole("link", { name: "Decide on the sprint venue" }).count()).toBe(0);
      await page.getByLabel("State").selectOption("answered");
      await page.getByRole("button", { name: "Show" }).click();
      expect(new URL(page.url()).search).toBe("?state=answered");
      expect(await page.getByRole("link", { name: "Decide on the sprint venue" }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("axe-core finds no violation on the form (also refused), the request, /requests and /requests/stalled", async () => {
    const audits = {
      form: await auditPage(browser, `${base}/groups/askers/requests/new`, { session: cookie("member") }),
      refused: await auditPage(browser, `${base}/groups/askers/requests/new`, {
        session: cookie("member"),
        before: async (page) => {
          await fillForm(page, "Refused one", "2026-12-10");
          await page.getByLabel("Approved if nobody objects by the deadline (lazy consensus)").check();
          await page.getByRole("button", { name: "Open the request" }).click();
        },
        after: async (page) => {
          expect(await page.getByText("There is a problem").count()).toBe(1);
        },
      }),
      request: await auditPage(browser, `${base}/requests/${requestId}`, { session: cookie("member") }),
      list: await auditPage(browser, `${base}/requests?state=all`, { session: cookie("member") }),
      anonymousList: await auditPage(browser, `${base}/requests`),
      stalled: await auditPage(browser, `${base}/requests/stalled`, { session: cookie("target") }),
      group: await auditPage(browser, `${base}/groups/askers/requests`, { session: cookie("member") }),
    };
    for (const [name, a] of Object.entries(audits)) {
      expect(a.status, name).toBe(200);
      expect(a.violations, name).toEqual([]);
    }
  });

  it("at a 390 px phone width the pages never scroll sideways", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    try {
      await context.addCookies([{ ...cookie("member"), url: base }]);
      const page = await context.newPage();
      for (const path of [
        "/groups/askers/requests/new",
        `/requests/${requestId}`,
        "/requests?state=all",
        "/requests/stalled",
        "/groups/askers/requests",
      ]) {
        await page.goto(`${base}${path}`);
        const width = await page.evaluate("document.documentElement.scrollWidth");
        expect(width, path).toBeLessThanOrEqual(390);
      }
    } finally {
      await context.close();
    }
  });
});
