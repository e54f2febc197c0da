import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage, type PageAudit } from "../../../test/accessibility.ts";
import { type BrowserCatalogue, startBrowserCatalogue } from "../../../test/browser-catalogue.ts";

let served: BrowserCatalogue;
let synced = "";

beforeAll(async () => {
  served = await startBrowserCatalogue({ limit: 60 });
  const { pypi } = served;
  synced = pypi.names.find((n) => n.startsWith("django-")) ?? pypi.names[0] ?? "";
});

afterAll(async () => {
  await served?.close();
});

const checkPage = (p: string): Promise<PageAudit> => auditPage(served.browser, `${served.base}${p}`);

describe("package pages in a browser", () => {
  it("have no axe-core violations (list, filtered list, project page with chart)", async () => {
    for (const p of [
      "/packages",
      "/packages?django=5.2&python=3.12&released=1y&page=2",
      `/packages/${synced}`,
      // A project only the snapshot knows: the "not synced yet" note instead of verdicts.
      "/packages/django-cms",
    ]) {
      const result = await checkPage(p);
      expect(result.status, p).toBe(200);
      expect(result.passes, p).toBeGreaterThan(10);
      expect(result.violations, p).toEqual([]);
    }
  });

  it("filter with the plain GET form when JavaScript is off", async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${served.base}/packages`);
      await page.getByLabel("Name contains").fill("rest-framework");
      await page.getByLabel("Order by").selectOption("name");
      await page.getByRole("button", { name: "Show packages" }).click();
      await page.waitForURL(/q=rest-framework/);
      const names = await page.locator("main table tbody th a").allTextContents();
      expect(names.length).toBeGreaterThan(5);
      for (const n of names) expect(n).toContain("rest-framework");
      expect([...names].sort()).toEqual(names);
      await page.getByRole("link", { name: names[0] ?? "" }).click();
      await expect(page.locator("h1").textContent()).resolves.toBe(names[0]);
    } finally {
      await context.close();
    }
  });
});
