/**
 * Health, checkup and review pages in a real browser: axe-core (WCAG 2.0/2.1 A and AA) finds
 * nothing, and the pages fit a phone's width.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, pageWidths } from "../../../test/browser-app.ts";
import { type BrowserCatalogue, startBrowserCatalogue } from "../../../test/browser-catalogue.ts";
import { takeReview } from "../reviews/take-review.ts";

let served: BrowserCatalogue;
let synced = "";
const reviewIds: number[] = [];

beforeAll(async () => {
  served = await startBrowserCatalogue({ limit: 60 });
  const { database, clock, pypi } = served;
  synced = pypi.names.find((n) => n.startsWith("django-")) ?? pypi.names[0] ?? "";
  reviewIds.push((await takeReview({ db: database.db, clock, by: "test", top: 50 })).id);
  clock.advance(7 * 86_400_000);
  reviewIds.push((await takeReview({ db: database.db, clock, by: "test", top: 50 })).id);
});

afterAll(async () => {
  await served?.close();
});

describe("health, checkup and review pages in a browser", () => {
  it("have no axe-core violations", async () => {
    const [a, b] = reviewIds;
    const pages = [
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
    ];
    await expectAccessible(served.browser, served.base, { signedOut: pages });
  });

  it("fit a phone: no page scrolls sideways at 375 pixels", async () => {
    const paths = [`/packages/${synced}`, `/reviews/${reviewIds[1]}`, "/checkup", "/health/rules"];
    expect(await pageWidths(served.browser, served.base, paths, { width: 375 })).toEqual(
      paths.map((p) => [p, 375]),
    );
  });
});
