/**
 * The editorial calendar and campaign pages in Chromium: axe-core finds nothing on the month and
 * week views (signed out, and as the Chair with drafts and the campaign filter), the campaign
 * tracker and a campaign with its form; at 390 pixels the month grid becomes a list of the days
 * that have items, and no page scrolls sideways.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserAppWithDatabase,
  expectAccessible,
  startBrowserAppWithDatabase,
} from "../../test/browser-app.ts";
import { createTestAccount, type TestAccount } from "../../test/factories/accounts.ts";
import { insertMarketingGroups, itemFields } from "../../test/factories/marketing.ts";
import { planItem } from "./campaigns/plan-item.ts";
import { createCampaign } from "./campaigns/save-campaign.ts";
import { createItem } from "./items/create-item.ts";

let served: BrowserAppWithDatabase;
let chair: TestAccount;
let campaign = 0;

beforeAll(async () => {
  served = await startBrowserAppWithDatabase();
  const { database, clock } = served;
  const g = await insertMarketingGroups(database.db);
  chair = await createTestAccount({
    db: database.db,
    clock,
    email: "mara@example.org",
    name: "Mara Chair",
    personId: g.people.get("Mara Chair") ?? null,
    scopes: ["read", "groups"],
  });
  const by = { userId: chair.user.id, name: "Mara Chair" };
  const deps = { db: database.db, clock };
  campaign = (
    await createCampaign({
      ...deps,
      fields: {
        name: "Thanksgiving fundraiser with a long name",
        goal: "Raise money.",
        startsOn: "2026-11-01",
        endsOn: "2026-11-30",
        owner: null,
      },
      by,
    })
  ).id;
  for (const [title, day] of [
    ["A fundraising page with a rather long title that has to wrap on a phone", "2026-11-24"],
    ["A second fundraising page the same day", "2026-11-24"],
    ["Docs for the sprint", "2026-11-26"],
  ] as const) {
    const kind = title.startsWith("Docs") ? "docs-contribution" : "fundraising-page";
    const { id } = await createItem({
      ...deps,
      kind,
      network: null,
      fields: itemFields(title, { body: "Body." }),
      by,
    });
    await planItem({ ...deps, itemId: id, campaignId: campaign, plannedOn: day, by });
  }
}, 120_000);

afterAll(async () => {
  await served?.close();
});

const MONTH = "/marketing/calendar?view=month&date=2026-11-21";
const WEEK = "/marketing/calendar?view=week&date=2026-11-24";

describe("calendar pages in a browser", () => {
  it("have no axe-core violations, signed out and as the Chair", async () => {
    const signedOut = [MONTH, WEEK];
    const signedIn = [...signedOut, "/marketing/campaigns", `/marketing/campaigns/${campaign}`];
    await expectAccessible(served.browser, served.base, {
      signedOut,
      signedIn: { session: chair.sessionId, paths: signedIn },
    });
  }, 240_000);

  it("turn the month grid into a list on a phone, and never scroll sideways", async () => {
    for (const width of [390, 1280]) {
      const context = await served.browser.newContext({ viewport: { width, height: 800 } });
      try {
        await context.addCookies([{ name: "guildhall_session", value: chair.sessionId, url: served.base }]);
        const page = await context.newPage();
        for (const p of [MONTH, WEEK, "/marketing/campaigns", `/marketing/campaigns/${campaign}`]) {
          await page.goto(`${served.base}${p}`);
          const wide = (await page.evaluate("document.documentElement.scrollWidth")) as number;
          expect(wide, `${p} at ${width}`).toBeLessThanOrEqual(width);
        }
        await page.goto(`${served.base}${MONTH}`);
        const layout = (await page.evaluate(`(() => {
          const cells = [...document.querySelectorAll('.month-grid td')];
          const shown = cells.filter((td) => getComputedStyle(td).display !== 'none');
          return { cells: cells.length, shown: shown.length, display: getComputedStyle(cells[0]).display,
            clash: document.querySelectorAll('.month-grid li.clash').length };
        })()`)) as { cells: number; shown: number; display: string; clash: number };
        expect(layout.cells).toBe(42); // six weeks: 26 October to 6 December
        expect(layout.clash).toBe(2);
        if (width === 390) {
          // Only the two days with items remain, one under the other.
          expect(layout.shown).toBe(2);
        } else {
          expect(layout.shown).toBe(42);
          expect(layout.display).toBe("table-cell");
        }
      } finally {
        await context.close();
      }
    }
  }, 120_000);
});
