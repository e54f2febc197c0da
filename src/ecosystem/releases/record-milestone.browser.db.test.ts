/**
 * The site admin's side of /releases in Chromium: the record form, the list of recorded dates
 * with their remove buttons, and the confirmation after a removal, all without axe-core
 * violations and working with JavaScript off.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage } from "../../../test/accessibility.ts";
import { type BrowserAppWithDatabase, startBrowserAppWithDatabase } from "../../../test/browser-app.ts";
import { createTestAccount } from "../../../test/factories/accounts.ts";
import * as eco from "../../../test/factories/ecosystem.ts";

let served: BrowserAppWithDatabase;
let session = "";

beforeAll(async () => {
  served = await startBrowserAppWithDatabase();
  const { database, clock } = served;
  ({ sessionId: session } = await createTestAccount({
    db: database.db,
    clock,
    email: "admin@example.org",
    admin: true,
  }));
  await eco.announceMilestone({ db: database.db, clock }, "6.1", "alpha", "2026-05-20", {
    recordedBy: "Admin",
    note: "https://www.djangoproject.com/weblog/",
  });
});

afterAll(async () => {
  await served?.close();
});

describe("recording and removing milestone dates in Chromium", () => {
  it("/releases as a site admin has no WCAG 2.0/2.1 A/AA violations", async () => {
    const result = await auditPage(served.browser, `${served.base}/releases`, {
      session: { name: "guildhall_session", value: session },
    });
    expect(result.status).toBe(200);
    expect(result.violations, JSON.stringify(result.violations, null, 1)).toEqual([]);
  });

  it("removes a recorded date with JavaScript off and lands on the changed row", async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    try {
      await context.addCookies([{ name: "guildhall_session", value: session, url: served.base }]);
      const page = await context.newPage();
      await page.goto(`${served.base}/releases`);
      await page.getByLabel("Why remove it").fill("recorded from the wrong post");
      await page.getByRole("button", { name: "Remove the recorded alpha of Django 6.1" }).click();
      await page.waitForURL(/removed=6\.1&milestone=alpha#series-6\.1$/);
      const status = await page.getByRole("status").first().textContent();
      expect(status).toContain("Removed the recorded date: the alpha of Django 6.1 is now not recorded.");
      await page.getByRole("link", { name: "See Django 6.1 in the calendar" }).click();
      expect(page.url()).toMatch(/#series-6\.1$/);
      const audit = await auditPage(served.browser, page.url(), {
        session: { name: "guildhall_session", value: session },
      });
      expect(audit.violations, JSON.stringify(audit.violations, null, 1)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
