/**
 * The marketing pages in Chromium: axe-core finds nothing on the matrix, the item list, an item in
 * review (with its review, edit, lock and revision forms), a diff and the strategy documents (an
 * approved one with a later draft), signed out and as the Chair; and each fits a 390-pixel phone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserAppWithDatabase,
  expectAccessible,
  pageWidths,
  startBrowserAppWithDatabase,
} from "../../test/browser-app.ts";
import { createTestAccount, type TestAccount } from "../../test/factories/accounts.ts";
import { insertMarketingGroups } from "../../test/factories/marketing.ts";
import { createItem } from "./items/create-item.ts";
import { approveStep, groupMemberFacts } from "./items/items.fixtures.ts";
import { moveItem } from "./items/move-item.ts";
import { saveItem } from "./items/save-item.ts";
import { submitItem } from "./items/submit-item.ts";
import { liveSteps } from "./marketing.repo.ts";

let served: BrowserAppWithDatabase;
let chair: TestAccount;
let inReview = 0;
let published = 0;
let strategy = 0;

beforeAll(async () => {
  served = await startBrowserAppWithDatabase();
  const { database, clock } = served;
  const g = await insertMarketingGroups(database.db);
  const account = (name: string) =>
    createTestAccount({
      db: database.db,
      clock,
      email: `${name.split(" ")[0]?.toLowerCase()}@example.org`,
      name,
      personId: g.people.get(name) ?? null,
      scopes: ["read", "groups"],
    });
  chair = await account("Mara Chair");
  const milo = await account("Milo Member");
  const by = { userId: milo.user.id, name: "Milo Member" };
  const deps = { db: database.db, clock };
  const fields = {
    title: "Django 6.1 is out",
    body: "# Released\n\nRead the [notes](https://docs.djangoproject.com/).\n\n![The Django pony](https://example.org/pony.png)",
    slug: "django-61",
    summary: "A new release.",
    authors: ["Milo Member"],
    tags: ["releases"],
    socialCardUrl: "https://example.org/card.png",
    socialCardAlt: "The release card",
  };
  inReview = (
    await createItem({
      ...deps,
      kind: "fundraising-page",
      network: null,
      fields: { ...fields, slug: null },
      by,
    })
  ).id;
  await saveItem({
    ...deps,
    itemId: inReview,
    baseRevision: 1,
    fields: { ...fields, slug: null, body: `${fields.body}\n\nA second paragraph.` },
    by,
  });
  await submitItem({ database, clock, itemId: inReview, by });
  published = (await createItem({ ...deps, kind: "blog-post", network: null, fields, by })).id;
  await submitItem({ database, clock, itemId: published, by });
  /** The Chair approves the item's first live step. */
  const approveAsChair = async (itemId: number) => {
    const [step] = await liveSteps(database.db, itemId);
    const reviewer = groupMemberFacts(chair.user.id, [g.marketing]);
    await approveStep(deps, {
      itemId,
      stepId: step?.id ?? 0,
      reviewer,
      by: { userId: chair.user.id, name: "Mara Chair" },
    });
  };
  await approveAsChair(published);
  await moveItem({ ...deps, itemId: published, move: "publish", at: null, by });
  strategy = (
    await createItem({
      ...deps,
      kind: "strategy-document",
      network: null,
      docType: "brand-guidelines",
      fields: { ...fields, slug: null, title: "Brand guidelines", body: "Use the green logo." },
      by,
    })
  ).id;
  await submitItem({ database, clock, itemId: strategy, by });
  await approveAsChair(strategy);
  await saveItem({
    ...deps,
    itemId: strategy,
    baseRevision: 1,
    fields: { ...fields, slug: null, title: "Brand guidelines", body: "Use the green or the purple logo." },
    by,
  });
}, 120_000);

afterAll(async () => {
  await served?.close();
});

describe("marketing pages in a browser", () => {
  it("have no axe-core violations, signed out and as the Chair (with every form)", async () => {
    const signedOut = ["/marketing/matrix", "/marketing/items", `/marketing/items/${published}`];
    const signedIn = [
      ...signedOut,
      `/marketing/items/${inReview}`,
      `/marketing/items/${inReview}/diff?from=1&to=2`,
      "/marketing/strategy",
      `/marketing/strategy/${strategy}`,
    ];
    await expectAccessible(served.browser, served.base, {
      signedOut,
      signedIn: { session: chair.sessionId, paths: signedIn },
    });
  }, 240_000);

  it("fit a 390-pixel phone without sideways scrolling", async () => {
    const paths = [
      "/marketing/matrix",
      "/marketing/items",
      `/marketing/items/${inReview}`,
      `/marketing/items/${inReview}/diff?from=1&to=2`,
      "/marketing/strategy",
      `/marketing/strategy/${strategy}`,
    ];
    const widths = await pageWidths(served.browser, served.base, paths, { session: chair.sessionId });
    expect(widths.map(([p]) => p)).toEqual(paths);
    for (const [p, wide] of widths) expect(wide, p).toBeLessThanOrEqual(390);
  });
});
