/**
 * The release calendar and readiness pages in a real browser (Debian's Chromium): axe-core finds no
 * WCAG 2.0/2.1 A or AA violation, and the readiness form works with JavaScript disabled.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage, launchChromium } from "../../../test/accessibility.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { type LocalServer, serveLocally } from "../../../test/serve.ts";
import { FixedClock } from "../../platform/clock.ts";
import { loadConfig } from "../../platform/config.ts";
import type { Database } from "../../platform/db/index.ts";
import { packages } from "../../platform/db/schema.ts";
import { createHttpApp } from "../../platform/http/app.tsx";
import { createServices } from "../../platform/services.ts";
import { createReadinessRouter } from "../compat/readiness.routes.tsx";
import { createReleasesRouter } from "./releases.routes.tsx";

let database: Database;
let server: LocalServer | undefined;
let browser: Browser;
let base = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const services = await createServices(loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), {
    database,
    clock: new FixedClock("2026-11-21T12:00:00Z"),
  });
  const synced = new Date("2026-11-20T00:00:00Z");
  await database.db.insert(packages).values(
    [
      { name: "djangorestframework", classifiers: ["Framework :: Django :: 6.1"], requiresDist: [] },
      { name: "django-pinned", classifiers: ["Framework :: Django :: 6.2"], requiresDist: ["Django<6.2"] },
      { name: "django-open", classifiers: ["Framework :: Django"], requiresDist: ["Django>=4.2"] },
      { name: "django-bare", classifiers: [], requiresDist: [] },
    ].map((p, i) => ({
      ...p,
      displayName: p.name,
      latestVersion: "1.0",
      downloadRank: i + 1,
      // Three synced, one known only from a snapshot: both kinds of row are on the pages.
      source: i < 3 ? ("index" as const) : ("snapshot" as const),
      syncedAt: i < 3 ? synced : null,
    })),
  );
  const app = createHttpApp({
    log: services.log,
    routers: [createReleasesRouter(services), createReadinessRouter(services)],
  });
  server = await serveLocally(app);
  base = server.base;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.close();
});

describe("release and readiness pages in Chromium", () => {
  for (const path of ["/releases", "/releases/support", "/readiness", "/readiness/6.2?top=4"]) {
    it(`${path} has no WCAG 2.0/2.1 A/AA violations`, async () => {
      let chartName: string | null = "";
      const result = await auditPage(browser, `${base}${path}`, {
        after: async (page) => {
          if (path === "/releases" || path.startsWith("/readiness/"))
            chartName = await page.locator('svg[role="img"]').first().getAttribute("aria-labelledby");
        },
      });
      expect(result.status).toBe(200);
      expect(result.violations, JSON.stringify(result.violations, null, 1)).toEqual([]);
      expect(result.passes).toBeGreaterThan(5);
      // The chart is announced as an image with a name.
      if (path === "/releases" || path.startsWith("/readiness/"))
        expect(chartName).toMatch(/-title .*-desc$/);
    });
  }

  it("the readiness form works without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/readiness/6.2`);
      await page.getByLabel("Top packages by downloads").fill("2");
      await page.getByRole("button", { name: "Show" }).click();
      await page.waitForURL(/top=2/);
      const rows = await page.locator("table tbody tr").count();
      expect(rows).toBe(2);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Django 6.2");
    } finally {
      await context.close();
    }
  });
});
