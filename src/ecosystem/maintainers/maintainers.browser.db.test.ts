/** The new pages in Chromium with axe-core: calls for maintainers (signed out and in), dormant packages, the tracker. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserApp, expectAccessible, pageWidths, startBrowserApp } from "../../../test/browser-app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import type { TestAccount } from "../../../test/factories/accounts.ts";
import { packageMaintainersChair } from "../../../test/factories/ecosystem.ts";
import type { PypiServer } from "../../../test/pypi-server/server.ts";
import { syncedCatalogue } from "../../../test/synced-catalogue.ts";
import type { Database } from "../../platform/db/client.ts";
import { makeCall, offerHelp } from "./maintainer-calls.ts";

let database: Database;
let pypi: PypiServer;
let served: BrowserApp | undefined;
let browser: Browser;
let base = "";
let member: TestAccount;
let pkg = "";

beforeAll(async () => {
  database = await createTestDatabase();
  const made = await startBrowserApp(database);
  served = made;
  ({ browser, base } = made);
  ({ pypi } = await syncedCatalogue({ ...made, database, index: { limit: 20 } }));
  pkg = pypi.names[0] ?? "";
  member = await packageMaintainersChair(database.db, made.clock);
  const call = await makeCall({
    db: database.db,
    clock: made.clock,
    name: pkg,
    help: "Triage issues",
    skills: "Django",
    hoursPerWeek: 2,
    by: { userId: member.user.id, name: "PM Chair" },
  });
  await offerHelp({
    db: database.db,
    clock: made.clock,
    callId: call.id,
    pypiUser: "helper",
    message: "Happy to",
    by: { userId: member.user.id, name: "PM Chair" },
  });
}, 120_000);

afterAll(async () => {
  await served?.close();
  await pypi?.close();
  await database?.close();
});

describe("maintainers and tracker pages in a browser", () => {
  it("have no axe-core violations, signed out and signed in (with every form)", async () => {
    const pages = [
      "/maintainers-wanted",
      "/maintainers-wanted/dormant",
      `/packages/${pkg}/maintainers`,
      `/packages/${pkg}`,
      "/packages?wanted=1",
      "/releases/6.2/tracker",
      `/releases/6.2/tracker/${pkg}`,
    ];
    await expectAccessible(browser, base, {
      signedOut: pages,
      signedIn: { session: member.sessionId, paths: pages },
    });
  }, 240_000);

  it("fit a 390-pixel phone without sideways scrolling", async () => {
    const paths = ["/maintainers-wanted", "/releases/6.2/tracker", `/packages/${pkg}/maintainers`];
    const widths = await pageWidths(browser, base, paths);
    expect(widths.map(([p]) => p)).toEqual(paths);
    for (const [p, wide] of widths) expect(wide, p).toBeLessThanOrEqual(390);
  });
});
