/**
 * Refused forms in a real Chromium with JavaScript off: a vote opened with a closing time in the
 * past and a second application to the same group come back on the page holding the form, with
 * every typed value, the problem beside its field (aria-invalid, aria-describedby) and a summary
 * at the top linked to the field; never a bare error page. axe-core finds no violation on them.
 */
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../../../test/accessibility.ts";
import { type BrowserAppWithDatabase, startBrowserAppWithDatabase } from "../../../test/browser-app.ts";
import { contextWithSession, signInAccounts } from "../../../test/browser-sessions.ts";
import { FixedClock } from "../../platform/clock.ts";
import { schema } from "../../platform/db/index.ts";
import { makePeople, meetingGroup } from "./decisions.fixtures.ts";

let served: BrowserAppWithDatabase;
const clock = new FixedClock("2026-03-01T12:00:00Z");
let sessions = new Map<string, string>();

async function contextFor(name: string, javaScriptEnabled: boolean): Promise<BrowserContext> {
  return contextWithSession(served.browser, served.base, sessions.get(name), javaScriptEnabled);
}

beforeAll(async () => {
  served = await startBrowserAppWithDatabase({ clock });
  const { database } = served;
  const { ids: members } = await meetingGroup(
    database,
    { slug: "forms", name: "Form Group", termMonths: 12 },
    3,
  );
  const [applicant] = await makePeople(database, 1, "forms-applicant");
  sessions = await signInAccounts(database, clock, [
    ["chair", members[0] ?? 0],
    ["applicant", applicant ?? 0],
  ]);
});

afterAll(async () => {
  await served?.close();
});

describe("a refused form keeps what was typed", () => {
  it("re-shows the vote form with every value and the closing time's problem beside it", async () => {
    const context = await contextFor("chair", false);
    try {
      const page = await context.newPage();
      await page.goto(`${served.base}/groups/forms/decisions`);
      const form = page.locator('form[action="/groups/forms/votes"]');
      await form.getByLabel("Kind").selectOption("proposal");
      await form.getByLabel("Title (required for a proposal)").fill("Meet on Thursdays");
      await form.getByLabel("Closes (UTC, within 28 days)").fill("2026-02-01T10:00");
      await form.getByLabel("Ballot").selectOption("secret");
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/groups/forms/votes")),
        form.getByRole("button", { name: "Open vote" }).click(),
      ]);
      expect(response.status()).toBe(422);
      // The page holding the form, not an error page: the same heading and every other section.
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
        "Form Group: membership decisions",
      );
      expect(await page.title()).toMatch(/^Error: /);
      const again = page.locator('form[action="/groups/forms/votes"]');
      expect(await again.getByLabel("Kind").inputValue()).toBe("proposal");
      expect(await again.getByLabel("Title (required for a proposal)").inputValue()).toBe(
        "Meet on Thursdays",
      );
      expect(await again.getByLabel("Closes (UTC, within 28 days)").inputValue()).toBe("2026-02-01T10:00");
      expect(await again.getByLabel("Ballot").inputValue()).toBe("secret");
      // The problem beside the field, tied to it, and once more in the summary at the top, linked.
      const closes = again.getByLabel("Closes (UTC, within 28 days)");
      expect(await closes.getAttribute("aria-invalid")).toBe("true");
      const describedBy = (await closes.getAttribute("aria-describedby")) ?? "";
      const beside = await page.locator(`[id="${describedBy}"]`).textContent();
      expect(beside).toMatch(/must be in the future/);
      const summary = page.getByRole("alert");
      expect(await summary.getByRole("heading").textContent()).toBe("There is a problem");
      const link = summary.getByRole("link");
      expect(await link.textContent()).toMatch(/^Closes \(UTC, within 28 days\): .*must be in the future/);
      expect(await link.getAttribute("href")).toBe(`#${await closes.getAttribute("id")}`);
      const text = (await page.locator("main").textContent()) ?? "";
      expect(text.split("must be in the future").length - 1).toBe(2);
      // The other forms on the page are untouched by this refusal.
      const apply = page.locator('form[action="/groups/forms/leave"]');
      expect(await apply.locator("[aria-invalid]").count()).toBe(0);
      // Following the summary's link moves to the field (no script needed).
      await link.click();
      expect(new URL(page.url()).hash).toBe(`#${await closes.getAttribute("id")}`);
      expect(await served.database.db.select().from(schema.votes)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("re-shows the application form after a refusal the operation raises (applying twice), values kept", async () => {
    const context = await contextFor("applicant", false);
    try {
      // Two tabs hold the form; once the first has applied, the page shows the application
      // instead of a form, so the second application comes from the tab opened before.
      const first = await context.newPage();
      const stale = await context.newPage();
      const apply = async (page: typeof first) => {
        const form = page.locator('form[action="/groups/forms/apply"]');
        await form.getByLabel("Why do you want to join?").fill("I run the local meetup.\nAnd I write docs.");
        await form.getByLabel("Skills you bring").fill("writing, events");
        await form.getByLabel("Time you can give").fill("two hours a week");
        await form.getByRole("button", { name: "Apply" }).click();
      };
      await first.goto(`${served.base}/groups/forms/decisions`);
      await stale.goto(`${served.base}/groups/forms/decisions`);
      await apply(first);
      expect(await first.getByRole("status").first().textContent()).toMatch(
        /Your application #\d+ was received/,
      );
      expect(await first.locator('form[action="/groups/forms/apply"]').count()).toBe(0);
      await apply(stale);
      const page = stale;
      const form = page.locator('form[action="/groups/forms/apply"]');
      expect(new URL(page.url()).pathname).toBe("/groups/forms/apply");
      expect(await page.getByRole("alert").textContent()).toMatch(/There is a problem.*is still open/);
      expect(await form.getByLabel("Why do you want to join?").inputValue()).toBe(
        "I run the local meetup.\nAnd I write docs.",
      );
      expect(await form.getByLabel("Skills you bring").inputValue()).toBe("writing, events");
      expect(await form.getByLabel("Time you can give").inputValue()).toBe("two hours a week");
      // The refused page also shows the application that is still open.
      expect(await page.getByRole("heading", { name: "Your application" }).count()).toBe(1);
      expect((await served.database.db.select().from(schema.membershipApplications)).length).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("has no WCAG 2.1 A/AA violation on a refused form", async () => {
    const context = await contextFor("chair", true);
    try {
      const page = await context.newPage();
      await page.goto(`${served.base}/groups/forms/decisions`);
      const form = page.locator('form[action="/groups/forms/votes"]');
      await form.getByLabel("Closes (UTC, within 28 days)").fill("2026-02-01T10:00");
      await form.getByRole("button", { name: "Open vote" }).click();
      await page.getByText("There is a problem").waitFor();
      const { violations } = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
