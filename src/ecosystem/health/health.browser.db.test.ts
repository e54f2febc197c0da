/**
 * Health, checkup and review pages in a real browser: axe-core (WCAG 2.0/2.1 A and AA) finds
 * nothing, and the pages fit a phone's width.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage } from "../../../test/accessibility.ts";
import { type BrowserApp, pageWidths, startBrowserApp } from "../../../test/browser-app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import type { PypiServer } from "../../../test/pypi-server/server.ts";
import { syncedCatalogue } from "../../../test/synced-catalogue.ts";
import type { Database } from "../../platform/db/client.ts";
import { takeReview } from "../reviews/take-review.ts";

let database: Database;
let index: PypiServer;
let served: BrowserApp | undefined;
let browser: Browser;
let base = "";
let synced = "";
const reviewIds: number[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const made = await startBrowserApp(database);
  served = made;
  ({ browser, base } = made);
  const { services, clock } = made;
  ({ pypi: index } = await syncedCatalogue({ database, services, clock, index: { limit: 60 } }));
  synced = index.names.find((n) => n.startsWith("django-")) ?? index.names[0] ?? "";
  reviewIds.push((await takeReview({ db: database.db, clock, by: "test", top: 50 })).id);
  clock.advance(7 * 86_400_000);
  reviewIds.push((await takeReview({ db: database.db, clock, by: "test", top: 50 })).id);
});

afterAll(async () => {
  await served?.close();
  await index?.close();
  await database?.close();
});

describe("health, checkup and review pages in a browser", () => {
  it("have no axe-core violations", async () => {
    const [a, b] = reviewIds;
    for (const p of [
      `/packages/${synced}`,
      "/packages?sort=health&health=fair",
      "/health/rules",
      "/health/rules/maintenance.current-django",
      "/health/no-security-contact",
      "/checkup",
      "/checkup/rules/django-naming",
      `/packages/${synced}/checkup`,
      "/reviews",
      `/reviews/${b}`,
      `/reviews/${b}/since/${a}`,
    ]) {
      const result = await auditPage(browser, `${base}${p}`);
      expect(result.status, p).toBe(200);
      expect(result.passes, p).toBeGreaterThan(5);
      expect(result.violations, p).toEqual([]);
    }
  });

  it("fit a phone: no page scrolls sideways at 375 pixels", async () => {
    const paths = [`/packages/${synced}`, `/reviews/${reviewIds[1]}`, "/checkup", "/health/rules"];
    expect(await pageWidths(browser, base, paths, { width: 375 })).toEqual(paths.map((p) => [p, 375]));
  });
});
