/**
 * The lifecycle in Chromium with JavaScript off: an author drafts a proposal from the template,
 * sees the completeness check field by field, revises it and marks it ready; a Board member opens
 * the Board's vote; the Chair changes the group's channels (applied directly) and an unchanged
 * submission is refused with the text kept. axe-core finds no WCAG 2.1 A/AA violation on the
 * lifecycle pages.
 */
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage } from "../../../test/accessibility.ts";
import { type BrowserApp, startBrowserApp } from "../../../test/browser-app.ts";
import { noScriptContext } from "../../../test/browser-sessions.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createTestAccounts, type TestAccount } from "../../../test/factories/accounts.ts";
import { insertGroup, insertPerson } from "../../../test/factories/governance.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { parseCharter } from "../charter/parse-charter.ts";

let database: Database;
let served: BrowserApp | undefined;
let browser: Browser;
let base = "";
let accounts: Record<string, TestAccount> = {};
const cookie = (who: string) => ({ name: "guildhall_session", value: accounts[who]?.sessionId ?? "" });
const ids: Record<string, string> = {};

const COMPLETE = [
  "# Translators Working Group",
  "## Scope of responsibilities",
  "Translates the documentation.",
  "## Membership",
  "- Chair: Ann Example\n- Co-Chair: Bob Example\n- Board Liaison: Cy Example\n- Other members:\n  - Di Example",
  "## Future membership",
  "Direct membership: the group votes to approve new members and elects its own Chair and Co-Chair.",
  "## Budget",
  "No allocated budget.",
  "## Comms",
  "- A mailing list",
  "## Reporting",
  "The group reports quarterly.",
].join("\n\n");

beforeAll(async () => {
  database = await createTestDatabase();
  served = await startBrowserApp(database);
  const built = served;
  ({ base, browser } = served);
  const clock = built.clock;
  const group = await insertGroup(database.db, {
    slug: "stewards",
    name: "Stewards Working Group",
    chairs: ["Cleo Chair"],
    coChairs: [],
    boardLiaisons: ["Lou Liaison"],
    members: ["Mel Member"],
  });
  // The stored charter as the renderer and the parser agree on it (plain names).
  const charter = parseCharter({
    markdown: COMPLETE.replace("Translators", "Stewards"),
    slug: "stewards",
    status: "active",
  });
  await database.db.update(schema.groups).set({ charter }).where(eq(schema.groups.id, group.id));
  accounts = await createTestAccounts({ db: database.db, clock }, [
    ["author", null],
    ["chair", group.people.get("Cleo Chair")],
    ["board", (await insertPerson(database.db, { name: "Bea Board" })).id, { roles: ["board-member"] }],
  ]);
});

afterAll(async () => {
  await served?.close();
  await database?.close();
});

describe("the lifecycle without JavaScript", () => {
  it("a proposal is drafted from the template, checked field by field, revised, marked ready and put to the Board", async () => {
    const context = await noScriptContext(browser, base, cookie("author").value);
    try {
      const page = await context.newPage();
      await page.goto(`${base}/proposals/new`);
      await page.getByLabel("Name", { exact: true }).fill("Translators Working Group");
      await page.getByLabel("Charter file name").fill("translators");
      await page.getByRole("button", { name: "Save the draft" }).click();
      expect(page.url()).toMatch(/\/proposals\/\d+$/);
      ids.proposal = page.url().split("/").pop() ?? "";
      const check = page.getByRole("table", { name: /still lacks/ });
      expect(await check.getByText("boardLiaison", { exact: true }).count()).toBe(1);
      expect(await check.locator("tbody tr").count()).toBeGreaterThan(8);
      expect(await page.getByRole("button", { name: "Mark ready for review" }).count()).toBe(0);
      await page.getByLabel("Charter (markdown)").fill(COMPLETE);
      await page.getByLabel("What changed").fill("Filled in every field.");
      await page.getByRole("button", { name: "Save a new revision" }).click();
      expect(await page.getByText("Revision 2,").count()).toBe(1);
      await page.getByRole("button", { name: "Mark ready for review" }).click();
      expect(await page.locator("strong", { hasText: "ready for review" }).count()).toBe(1);
    } finally {
      await context.close();
    }
    const board = await noScriptContext(browser, base, cookie("board").value);
    try {
      const page = await board.newPage();
      await page.goto(`${base}/proposals/${ids.proposal}`);
      await page.getByLabel("Vote closes (UTC)").fill("2026-11-28T12:00");
      await page.getByRole("button", { name: "Open the Board's vote" }).click();
      expect(page.url()).toMatch(/\/votes\/\d+$/);
      expect(await page.getByText("Approve the Translators Working Group").count()).toBeGreaterThan(0);
    } finally {
      await board.close();
    }
  });

  it("the Chair's channel change applies directly; an unchanged text is refused and kept", async () => {
    const context = await noScriptContext(browser, base, cookie("chair").value);
    try {
      const page = await context.newPage();
      await page.goto(`${base}/groups/stewards/lifecycle`);
      await page.getByRole("button", { name: "Submit the change" }).click();
      expect(await page.getByText("nothing changed").count()).toBeGreaterThan(0);
      const field = page.getByLabel("Charter after the change (markdown)");
      await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");
      const text = await field.inputValue();
      await field.fill(text.replace("A mailing list", "A mailing list and a Discord channel"));
      await page.getByRole("button", { name: "Submit the change" }).click();
      expect(page.url()).toMatch(/\/charter-changes\/\d+$/);
      ids.change = page.url().split("/").pop() ?? "";
      expect(await page.getByText("applies directly").count()).toBeGreaterThan(0);
      const diff = await (await fetch(`${base}/charter-changes/${ids.change}/charter.diff`)).text();
      expect(diff).toContain("+- A mailing list and a Discord channel");
    } finally {
      await context.close();
    }
  });

  it("the lifecycle pages have no axe-core violations", async () => {
    const audits = [
      await auditPage(browser, `${base}/proposals`),
      await auditPage(browser, `${base}/proposals/new`, { session: cookie("author") }),
      await auditPage(browser, `${base}/proposals/${ids.proposal}`, { session: cookie("author") }),
      await auditPage(browser, `${base}/proposals/${ids.proposal}`, { session: cookie("board") }),
      await auditPage(browser, `${base}/groups/stewards/lifecycle`, { session: cookie("chair") }),
      await auditPage(browser, `${base}/groups/stewards/lifecycle`, { session: cookie("board") }),
      await auditPage(browser, `${base}/charter-changes/${ids.change}`),
    ];
    for (const a of audits) {
      expect(a.status).toBe(200);
      expect(a.violations).toEqual([]);
      expect(a.passes).toBeGreaterThan(5);
    }
  });
});
