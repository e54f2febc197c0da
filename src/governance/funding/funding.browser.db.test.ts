/**
 * Funding in Chromium with JavaScript off: a member asks on the group's form (a bad amount is
 * refused beside its field, with the typed text kept), a Board member outside the group opens the
 * Board's vote for a smaller amount, the vote passes, the member records spending with its
 * receipt. The pages fit a 390-px phone and axe-core finds no WCAG 2.1 A/AA violation on them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage } from "../../../test/accessibility.ts";
import { type BrowserAppWithDatabase, startBrowserAppWithDatabase } from "../../../test/browser-app.ts";
import { noScriptContext } from "../../../test/browser-sessions.ts";
import { createTestAccounts, type TestAccount } from "../../../test/factories/accounts.ts";
import { insertGroup, insertPerson } from "../../../test/factories/governance.ts";
import type { FixedClock } from "../../platform/clock.ts";
import { castBallot } from "../decisions/cast-ballot.ts";
import { grantFoundationRole, personActor } from "../decisions/decisions.fixtures.ts";

let served: BrowserAppWithDatabase;
let clock: FixedClock;
let accounts: Record<string, TestAccount> = {};
const people: Record<string, number> = {};
const cookie = (who: string) => ({ name: "guildhall_session", value: accounts[who]?.sessionId ?? "" });
let requestId = "";

beforeAll(async () => {
  served = await startBrowserAppWithDatabase();
  const { database } = served;
  clock = served.clock;
  const group = await insertGroup(database.db, {
    slug: "sprints",
    name: "Sprints Working Group",
    chairs: ["Sam Chair"],
    coChairs: [],
    boardLiaisons: [],
    members: ["Mo Member"],
  });
  people.member = group.people.get("Mo Member") ?? 0;
  for (const key of ["board1", "board2"])
    people[key] = (await insertPerson(database.db, { name: `Bo ${key}` })).id;
  await grantFoundationRole(database, [people.board1 ?? 0, people.board2 ?? 0], "board-member");
  accounts = await createTestAccounts({ db: database.db, clock }, [
    ["member", people.member],
    ["board1", people.board1],
  ]);
});

afterAll(async () => {
  await served?.close();
});

describe("funding without JavaScript", () => {
  it("a member asks, the Board approves a smaller amount by its vote, the member records spending", async () => {
    const member = await noScriptContext(served.browser, served.base, cookie("member").value);
    try {
      const page = await member.newPage();
      await page.goto(`${served.base}/groups/sprints/funding`);
      await page.getByRole("link", { name: "Ask for funding" }).click();
      await page.getByLabel("What for").selectOption("events");
      await page.getByLabel("Description").fill("Venue for the spring sprint");
      await page.getByLabel("Amount").fill("800.123");
      await page.getByLabel("Currency").fill("EUR");
      await page.getByLabel("Period starts").fill("2027-03-01");
      await page.getByLabel("Period ends").fill("2027-03-03");
      await page.getByRole("button", { name: "Ask the Board" }).click();
      const amount = page.getByLabel("Amount");
      await expect(amount.getAttribute("aria-invalid")).resolves.toBe("true");
      expect(await amount.inputValue()).toBe("800.123");
      expect(await page.getByText("EUR has 2 decimal places at most").count()).toBeGreaterThan(0);
      await amount.fill("800");
      await page.getByRole("button", { name: "Ask the Board" }).click();
      expect(page.url()).toMatch(/\/funding\/\d+$/);
      requestId = page.url().split("/").pop() ?? "";
      expect(await page.getByText("EUR 800.00").count()).toBeGreaterThan(0);
      expect(await page.getByRole("button", { name: "Open the Board's vote" }).count()).toBe(0);
    } finally {
      await member.close();
    }
    const board = await noScriptContext(served.browser, served.base, cookie("board1").value);
    let voteId = 0;
    try {
      const page = await board.newPage();
      await page.goto(`${served.base}/funding/${requestId}`);
      await page.getByLabel("Vote closes (UTC)").fill("2026-11-28T12:00");
      await page.getByLabel("Amount to approve (EUR)").fill("650");
      await page.getByRole("button", { name: "Open the Board's vote" }).click();
      expect(page.url()).toMatch(/\/votes\/\d+$/);
      voteId = Number(page.url().split("/").pop());
    } finally {
      await board.close();
    }
    for (const key of ["board1", "board2"]) {
      await castBallot({
        deps: { database: served.database, clock },
        actor: personActor(people[key] ?? 0),
        input: { voteId, choice: "yes" },
      });
    }
    const again = await noScriptContext(served.browser, served.base, cookie("member").value);
    try {
      const page = await again.newPage();
      await page.goto(`${served.base}/funding/${requestId}`);
      expect(await page.getByText("EUR 650.00").count()).toBeGreaterThan(0);
      await page.getByLabel("Amount", { exact: true }).fill("120.50");
      await page.getByLabel("Spent on").fill("2026-11-20");
      await page.getByLabel("What was paid").fill("Deposit");
      await page.getByLabel("Link to the receipt").fill("https://receipts.example.org/deposit.pdf");
      await page.getByRole("button", { name: "Record spending" }).click();
      expect(page.url()).toMatch(new RegExp(`/funding/${requestId}$`));
      expect(await page.getByRole("link", { name: "receipt" }).getAttribute("href")).toBe(
        "https://receipts.example.org/deposit.pdf",
      );
      expect(await page.getByText("EUR 120.50 of EUR 650.00").count()).toBe(1);
    } finally {
      await again.close();
    }
  });

  it("the funding pages fit a phone and have no axe-core violations", async () => {
    const fits = async (page: import("playwright-core").Page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      const overflow = (await page.evaluate(
        "document.documentElement.scrollWidth - window.innerWidth",
      )) as number;
      expect(overflow).toBeLessThanOrEqual(0);
    };
    const audits = [
      await auditPage(served.browser, `${served.base}/funding`, { session: cookie("board1"), after: fits }),
      await auditPage(served.browser, `${served.base}/groups/sprints/funding`, {
        session: cookie("member"),
        after: fits,
      }),
      await auditPage(served.browser, `${served.base}/groups/sprints/funding/new`, {
        session: cookie("member"),
        after: fits,
      }),
      await auditPage(served.browser, `${served.base}/funding/${requestId}`, {
        session: cookie("member"),
        after: fits,
      }),
      await auditPage(served.browser, `${served.base}/funding/${requestId}`, {
        session: cookie("board1"),
        after: fits,
      }),
    ];
    for (const a of audits) {
      expect(a.status).toBe(200);
      expect(a.violations).toEqual([]);
      expect(a.passes).toBeGreaterThan(5);
    }
  });
});
