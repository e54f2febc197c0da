import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage, type PageAudit } from "../../../test/accessibility.ts";
import { type BrowserApp, startBrowserApp } from "../../../test/browser-app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { type PypiServer, startPypiServer } from "../../../test/pypi-server/server.ts";
import { sharedData } from "../../../test/shared-data.ts";
import type { Database } from "../../platform/db/client.ts";
import { syncPackages } from "../sync/sync-packages.ts";
import { loadSnapshot } from "./load-snapshot.ts";

let database: Database;
let index: PypiServer;
let served: BrowserApp | undefined;
let browser: Browser;
let base = "";
let synced = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const made = await startBrowserApp(database);
  served = made;
  ({ browser, base } = made);
  const { services, clock } = made;
  await loadSnapshot({
    db: database.db,
    clock,
    file: sharedData("pypi-django-2026-11.tsv"),
  });
  index = await startPypiServer({ limit: 60 });
  await syncPackages({
    database,
    clock,
    log: services.log,
    httpFor: () => services.http,
    indexUrl: index.url,
    pollMs: 50,
  });
  synced = index.names.find((n) => n.startsWith("django-")) ?? index.names[0] ?? "";
});

afterAll(async () => {
  await served?.close();
  await index?.close();
  await database?.close();
});

const checkPage = (p: string): Promise<PageAudit> => auditPage(browser, `${base}${p}`);

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
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/packages`);
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
