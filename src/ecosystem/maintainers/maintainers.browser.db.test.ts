/** The new pages in Chromium with axe-core: calls for maintainers (signed out and in), dormant packages, the tracker. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, pageWidths } from "../../../test/browser-app.ts";
import { type BrowserCatalogue, startBrowserCatalogue } from "../../../test/browser-catalogue.ts";
import type { TestAccount } from "../../../test/factories/accounts.ts";
import { packageMaintainersChair } from "../../../test/factories/ecosystem.ts";
import { makeCall, offerHelp } from "./maintainer-calls.ts";

let served: BrowserCatalogue;
let member: TestAccount;
let pkg = "";

beforeAll(async () => {
  served = await startBrowserCatalogue({ limit: 20 });
  const { database, clock } = served;
  pkg = served.pypi.names[0] ?? "";
  member = await packageMaintainersChair(database.db, clock);
  const call = await makeCall({
    db: database.db,
    clock,
    name: pkg,
    help: "Triage issues",
    skills: "Django",
    hoursPerWeek: 2,
    by: { userId: member.user.id, name: "PM Chair" },
  });
  await offerHelp({
    db: database.db,
    clock,
    callId: call.id,
    pypiUser: "helper",
    message: "Happy to",
    by: { userId: member.user.id, name: "PM Chair" },
  });
}, 120_000);

afterAll(async () => {
  await served?.close();
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
    await expectAccessible(served.browser, served.base, {
      signedOut: pages,
      signedIn: { session: member.sessionId, paths: pages },
    });
  }, 240_000);

  it("fit a 390-pixel phone without sideways scrolling", async () => {
    const paths = ["/maintainers-wanted", "/releases/6.2/tracker", `/packages/${pkg}/maintainers`];
    const widths = await pageWidths(served.browser, served.base, paths);
    expect(widths.map(([p]) => p)).toEqual(paths);
    for (const [p, wide] of widths) expect(wide, p).toBeLessThanOrEqual(390);
  });
});
