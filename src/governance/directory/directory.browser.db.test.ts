/**
 * The directory pages in a real browser: axe-core (WCAG 2.0/2.1 A and AA) on every page type, and
 * the filter form used with JavaScript disabled. One Chromium for the whole file.
 */
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage, axeViolations, launchChromium, type PageAudit } from "../../../test/accessibility.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { insertEvent, seedRealisticRegistry } from "../../../test/factories/governance.ts";
import { createGovernanceTestApp } from "../../../test/governance-app.ts";
import type { Database } from "../../platform/db/index.ts";

let database: Database;
let server: ServerType;
let browser: Browser;
let base = "";
let personSlug = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const seeded = await seedRealisticRegistry(database.db);
  const website = seeded.find((g) => g.slug === "website");
  if (!website) throw new Error("seed lacks website");
  const [firstName, firstId] = [...website.people.entries()][0] ?? ["", 0];
  personSlug = firstName.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  await insertEvent(database.db, {
    groupId: website.id,
    kind: "left",
    personId: firstId,
    occurredAt: "2025-01-01T00:00:00Z",
    commitSha: "f".repeat(40),
  });
  const { app } = await createGovernanceTestApp(database);
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await database?.close();
});

const checkPage = (path: string): Promise<PageAudit> => auditPage(browser, `${base}${path}`);

describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  const pages: Array<[string, number]> = [
    ["/groups", 200],
    ["/groups?kind=team&status=active", 200],
    ["/groups/website", 200],
    ["/groups/dceu", 200],
    ["/groups/translations", 200],
    ["/people", 200],
    ["/groups/does-not-exist", 404],
  ];
  for (const [path, status] of pages) {
    it(`${path} has no violations`, async () => {
      const result = await checkPage(path);
      expect(result.status).toBe(status);
      expect(result.passes).toBeGreaterThan(10);
      expect(result.violations).toEqual([]);
    });
  }

  it("reports violations when a page has them (control for the harness)", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/groups`);
      // An input without a label: axe must report it.
      await page.addScriptTag({
        content:
          "document.querySelector('main').append(Object.assign(document.createElement('input'), { type: 'text' }));",
      });
      const result = await axeViolations(page);
      expect(result.violations.map((v) => v.id)).toContain("label");
    } finally {
      await context.close();
    }
  });

  it("a person page has no violations", async () => {
    const result = await checkPage(`/people/${personSlug}`);
    expect(result.status).toBe(200);
    expect(result.violations).toEqual([]);
  });
});

describe("without JavaScript", () => {
  it("filters the directory with the plain GET form", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/groups`);
      expect(await page.locator("main table tbody tr").count()).toBe(17);
      await page.getByLabel("Kind").selectOption("team");
      await page.getByLabel("Status").selectOption("active");
      await page.getByRole("button", { name: "Filter" }).click();
      await page.waitForURL(/kind=team/);
      expect(new URL(page.url()).searchParams.get("status")).toBe("active");
      const rows = page.locator("main table tbody tr th a");
      expect((await rows.allTextContents()).sort()).toEqual([
        "mergers Team",
        "operations Team",
        "releasers Team",
        "triage and review Team",
      ]);
      expect(await page.getByLabel("Kind").inputValue()).toBe("team");
      await page.getByRole("link", { name: "Clear filters" }).click();
      await page.waitForURL(`${base}/groups`);
      expect(await page.locator("main table tbody tr").count()).toBe(17);
      await page.getByRole("link", { name: "website Working Group" }).click();
      await expect(page.locator("h1").textContent()).resolves.toBe("website Working Group");
      expect(await page.locator("#members ~ .table-scroll table tbody tr").count()).toBe(16);
    } finally {
      await context.close();
    }
  });
});
