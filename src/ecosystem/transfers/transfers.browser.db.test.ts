/** The transfer, roster and contact-log pages in Chromium with axe-core, signed out and in (with every form), and at phone width. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible } from "../../../test/browser-app.ts";
import { type BrowserCatalogue, startBrowserCatalogue } from "../../../test/browser-catalogue.ts";
import type { TestAccount } from "../../../test/factories/accounts.ts";
import { packageMaintainersChair } from "../../../test/factories/ecosystem.ts";
import { joinRoster } from "./join-roster.ts";
import { openTransfer } from "./open-transfer.ts";
import { recordContactAttempt } from "./record-contact-attempt.ts";

let served: BrowserCatalogue;
let member: TestAccount;
let pkg = "";
let transferId = 0;

beforeAll(async () => {
  served = await startBrowserCatalogue({ limit: 12 });
  const deps = { db: served.database.db, clock: served.clock };
  pkg = served.pypi.names[0] ?? "";
  member = await packageMaintainersChair(deps.db, deps.clock);
  const by = { userId: member.user.id, name: "PM Chair" };
  await joinRoster({ ...deps, capacity: 2, note: "Django Commons transfers", by });
  const t = await openTransfer({
    ...deps,
    name: pkg,
    fromKind: "jazzband",
    fromName: null,
    toKind: "django-commons",
    toName: null,
    addPypiOwners: ["a-rather-long-pypi-user-name-for-a-phone"],
    removePypiOwners: ["jazzband"],
    roadieUserId: null,
    by,
  });
  transferId = t.id;
  for (const [day, outcome] of [
    ["2026-09-01", "no-reply"],
    ["2026-09-20", "bounced"],
    ["2026-10-20", "no-reply"],
  ] as const) {
    await recordContactAttempt({
      ...deps,
      name: pkg,
      attemptedOn: day,
      channel: "email",
      detail: "maintainer-with-a-long-address@example.org",
      outcome,
      by,
    });
  }
}, 120_000);

afterAll(async () => {
  await served?.close();
});

const pages = () => [
  "/transfers",
  `/transfers/${transferId}`,
  `/packages/${pkg}/transfers`,
  `/packages/${pkg}/contact-log`,
  `/releases/6.2/tracker/${pkg}`,
];

describe("transfer pages in a browser", () => {
  it("have no axe-core violations, signed out and signed in (with every form)", async () => {
    const paths = pages();
    await expectAccessible(served.browser, served.base, {
      signedOut: paths,
      signedIn: { session: member.sessionId, paths },
    });
  }, 240_000);

  it("fit a 390-pixel phone without sideways scrolling, signed in", async () => {
    const context = await served.browser.newContext({ viewport: { width: 390, height: 800 } });
    await context.addCookies([{ name: "guildhall_session", value: member.sessionId, url: served.base }]);
    try {
      const page = await context.newPage();
      for (const p of pages()) {
        await page.goto(`${served.base}${p}`);
        const wide = (await page.evaluate("document.documentElement.scrollWidth")) as number;
        expect(wide, p).toBeLessThanOrEqual(390);
      }
      // The support request is shown once the process is exhausted.
      await page.goto(`${served.base}/packages/${pkg}/contact-log`);
      expect(await page.textContent("pre")).toContain(`PEP 541 request: ${pkg}`);
    } finally {
      await context.close();
    }
  });
});
