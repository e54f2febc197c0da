/**
 * Turnover in Chromium with JavaScript off: a member who owns an open action item leaves; My
 * groups asks them for a hand-over note, which they write on the hand-over page (an empty note is
 * refused beside its field); the Chair finds the item under "What needs you", reads the note and
 * gives the item a new owner. axe-core finds no WCAG 2.1 A/AA violation on either page.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserAppWithDatabase,
  expectAccessible,
  startBrowserAppWithDatabase,
} from "../../../test/browser-app.ts";
import { noScriptContext } from "../../../test/browser-sessions.ts";
import { createTestAccount } from "../../../test/factories/accounts.ts";
import { insertGroup } from "../../../test/factories/governance.ts";
import { schema } from "../../platform/db/index.ts";
import { meetingWithActionItems } from "./turnover.fixtures.ts";

let served: BrowserAppWithDatabase;
let chairSession = "";
let leaverSession = "";
let handoverId = 0;
let itemId = 0;

beforeAll(async () => {
  served = await startBrowserAppWithDatabase();
  const { database, clock, app } = served;
  const group = await insertGroup(database.db, {
    slug: "handing",
    name: "Handing Working Group",
    chairs: ["Cleo Chair"],
    coChairs: [],
    boardLiaisons: ["Lou Liaison"],
    members: ["Mel Member", "Max Member"],
    charter: { membershipModel: "direct", meetingCadence: "monthly" },
  });
  const chair = await createTestAccount({
    db: database.db,
    clock: clock,
    email: "cleo@example.org",
    name: "Cleo Chair",
    personId: group.people.get("Cleo Chair") ?? null,
  });
  chairSession = chair.sessionId;
  const mel = group.people.get("Mel Member") ?? 0;
  const leaver = await createTestAccount({
    db: database.db,
    clock: clock,
    email: "mel@example.org",
    name: "Mel Member",
    personId: mel,
    scopes: ["read", "groups"],
  });
  leaverSession = leaver.sessionId;
  const now = clock.now();
  const [item] = await meetingWithActionItems(
    database,
    { groupId: group.id, uid: "handing@test", title: "Monthly", startsAt: now, createdAt: now },
    [{ title: "Book the sprint venue", ownerPersonId: mel, dueOn: "2027-01-15" }],
  );
  itemId = item?.id ?? 0;
  const left = await app.request("/api/groups/handing/leave", {
    method: "POST",
    headers: { authorization: `Bearer ${leaver.token}`, "content-type": "application/json" },
    body: "{}",
  });
  expect(left.status).toBe(200);
  const [h] = await database.db.select().from(schema.handovers).where(eq(schema.handovers.personId, mel));
  handoverId = h?.id ?? 0;
});

afterAll(async () => {
  await served?.close();
});

describe("handing over after leaving", () => {
  it("the leaver is asked for a note in My groups, and writes it (an empty one is refused)", async () => {
    const context = await noScriptContext(served.browser, served.base, leaverSession);
    try {
      const page = await context.newPage();
      await page.goto(`${served.base}/me`);
      const needs = page.locator("section", { has: page.getByRole("heading", { name: "What needs you" }) });
      await needs.getByRole("link", { name: "Write your hand-over note for Handing Working Group" }).click();
      expect(new URL(page.url()).pathname).toBe(`/handovers/${handoverId}`);
      expect(await page.getByRole("main").textContent()).toContain("Book the sprint venue");
      const note = page.getByLabel("What is in flight, and who to talk to");
      await note.fill("   ");
      await page.getByRole("button", { name: "Save the note" }).click();
      expect(await note.getAttribute("aria-invalid")).toBe("true");
      await note.fill("The venue holds a date until Friday; ask Max, who has the contact.");
      await page.getByRole("button", { name: "Save the note" }).click();
      expect(await page.getByRole("status").textContent()).toContain("Your note is saved");
      expect(await page.getByRole("main").textContent()).toContain("ask Max, who has the contact");
    } finally {
      await context.close();
    }
  });

  it("has no WCAG 2.1 A/AA violation on the hand-over pages, forms included", async () => {
    await expectAccessible(served.browser, served.base, {
      signedOut: [],
      signedIn: { session: leaverSession, paths: [`/handovers/${handoverId}`] },
    });
    await expectAccessible(served.browser, served.base, {
      signedOut: [],
      signedIn: { session: chairSession, paths: ["/groups/handing/handovers", `/handovers/${handoverId}`] },
    });
  });
  it("the Chair finds the item in My groups, reads the note and gives it a new owner", async () => {
    const context = await noScriptContext(served.browser, served.base, chairSession);
    try {
      const page = await context.newPage();
      await page.goto(`${served.base}/groups/handing`);
      expect(await page.getByRole("link", { name: "One open item needs a new owner" }).count()).toBe(1);
      await page.goto(`${served.base}/me`);
      const needs = page.locator("section", { has: page.getByRole("heading", { name: "What needs you" }) });
      await needs.getByRole("link", { name: "One item needs a new owner in Handing Working Group" }).click();
      expect(new URL(page.url()).pathname).toBe("/groups/handing/handovers");
      expect(await page.getByRole("main").textContent()).toContain("ask Max, who has the contact");
      await page.getByLabel("New owner of “Book the sprint venue”").selectOption({ label: "Max Member" });
      await page.getByRole("button", { name: "Give it a new owner: Book the sprint venue" }).click();
      expect(await page.getByRole("status").textContent()).toContain("new owner");
      expect(await page.getByRole("main").textContent()).toContain("Nothing needs a new owner.");
      const [item] = await served.database.db
        .select()
        .from(schema.meetingActionItems)
        .where(eq(schema.meetingActionItems.id, itemId));
      const [max] = await served.database.db
        .select()
        .from(schema.people)
        .where(eq(schema.people.name, "Max Member"));
      expect(item?.ownerPersonId).toBe(max?.id);
    } finally {
      await context.close();
    }
  });
});
