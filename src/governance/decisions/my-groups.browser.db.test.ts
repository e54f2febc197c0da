/**
 * The applicant's journey in Chromium with JavaScript off: sign in with an emailed link, go from a
 * group's page to its application form, apply (saying a name, since the account has only its
 * email address), see the pending application and what happens next instead of a fresh form,
 * then follow "My groups" in the header and find the application there with its state. The
 * group's chair finds it under "what needs you". axe-core finds no WCAG 2.1 A/AA violation on /me.
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
import { type SmtpCapture, startSmtpCapture } from "../../../test/smtp-capture.ts";
import { schema } from "../../platform/db/index.ts";

let smtp: SmtpCapture;
let served: BrowserAppWithDatabase;
let chairSession = "";
let applicantSession = "";

beforeAll(async () => {
  smtp = await startSmtpCapture();
  served = await startBrowserAppWithDatabase({
    env: {
      GUILDHALL_SMTP_HOST: smtp.host,
      GUILDHALL_SMTP_PORT: String(smtp.port),
    },
  });
  const { database, clock } = served;
  const group = await insertGroup(database.db, {
    slug: "journeys",
    name: "Journeys Working Group",
    chairs: ["Cleo Chair"],
    coChairs: [],
    boardLiaisons: ["Lou Liaison"],
    members: ["Mel Member"],
    charter: { membershipModel: "direct", meetingCadence: "monthly" },
  });
  const chair = await createTestAccount({
    db: database.db,
    clock,
    email: "cleo@example.org",
    name: "Cleo Chair",
    personId: group.people.get("Cleo Chair") ?? null,
  });
  chairSession = chair.sessionId;
});

afterAll(async () => {
  await served?.close();
  await smtp?.close();
});

describe("applying, then My groups", () => {
  it("signs in, applies from the group page, sees the pending application, and finds it in My groups", async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${served.base}/sign-in`);
      await page.getByLabel("Email address").fill("ines.newcomer@example.org");
      const seen = smtp.messages.length;
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      const mail = await smtp.next(seen);
      const link = new RegExp(`${served.base}/sign-in/email/callback\\?token=[A-Za-z0-9_%-]+`).exec(
        mail.text,
      )?.[0];
      expect(link).toBeDefined();
      await page.goto(link ?? "");
      await page.getByRole("button", { name: "Sign in" }).click();
      // Every signed-in visitor has "My groups" in the header; the Board's page only for the Board.
      const nav = page.getByRole("navigation", { name: "Main" });
      expect(await nav.getByRole("link", { name: "My groups" }).getAttribute("href")).toBe("/me");
      expect(await nav.getByRole("link", { name: "Board" }).count()).toBe(0);

      await page.goto(`${served.base}/groups/journeys`);
      await page.getByRole("link", { name: /Apply to join Journeys Working Group/ }).click();
      expect(new URL(page.url()).pathname).toBe("/groups/journeys/decisions");
      const form = page.locator('form[action="/groups/journeys/apply"]');
      // The account knows only the email address, so the form asks for the name the group will see.
      expect(await form.getByLabel("Your name, as the group will see it").inputValue()).toBe("");
      await form.getByLabel("Your name, as the group will see it").fill("Inès Newcomer");
      await form.getByLabel("Why do you want to join?").fill("I organise the local meetup.");
      await form.getByLabel("Skills you bring").fill("events, writing");
      await form.getByLabel("Time you can give").fill("two hours a week");
      await form.getByRole("button", { name: "Apply" }).click();

      // The page now shows the pending application and what happens next, not a fresh form.
      expect(new URL(page.url()).pathname).toBe("/groups/journeys/decisions");
      const mine = page.locator("section", { has: page.getByRole("heading", { name: "Your application" }) });
      const text = (await mine.textContent()) ?? "";
      expect(text).toMatch(/#\d+, made 21 November 2026, 12:00 UTC/);
      expect(text).toContain("waiting for a decision");
      expect(text).toContain("No vote is open yet");
      expect(text).toContain("a vote of the group's members (50%+1)");
      expect(await page.locator('form[action="/groups/journeys/apply"]').count()).toBe(0);

      await nav.getByRole("link", { name: "My groups" }).click();
      expect(new URL(page.url()).pathname).toBe("/me");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("My groups");
      const applications = page.locator("section", {
        has: page.getByRole("heading", { name: "Your applications" }),
      });
      const listed = (await applications.textContent()) ?? "";
      expect(listed).toContain("Journeys Working Group");
      expect(listed).toContain("waiting for a decision");
      expect(
        await applications.getByRole("link", { name: "Journeys Working Group" }).getAttribute("href"),
      ).toBe("/groups/journeys/decisions");
      const cookies = await context.cookies();
      applicantSession = cookies.find((c) => c.name === "guildhall_session")?.value ?? "";
    } finally {
      await context.close();
    }
    const [applicant] = await served.database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, "ines.newcomer@example.org"));
    const [person] = await served.database.db
      .select()
      .from(schema.people)
      .where(eq(schema.people.id, applicant?.personId ?? 0));
    expect(person?.name).toBe("Inès Newcomer");
  });

  it("tells the group's chair the application needs them", async () => {
    const context = await noScriptContext(served.browser, served.base, chairSession);
    try {
      const page = await context.newPage();
      await page.goto(`${served.base}/me`);
      const needs = page.locator("section", { has: page.getByRole("heading", { name: "What needs you" }) });
      const link = needs.getByRole("link", { name: /Inès Newcomer's application to Journeys Working Group/ });
      expect(await link.getAttribute("href")).toBe("/groups/journeys/decisions#applications");
      const memberships =
        (await page
          .locator("section", { has: page.getByRole("heading", { name: "Your memberships" }) })
          .textContent()) ?? "";
      expect(memberships).toContain("Journeys Working Group: Chair");
      expect(memberships).toContain("Term end unknown: named in the charter");
    } finally {
      await context.close();
    }
  });

  it("has no WCAG 2.1 A/AA violation on My groups", async () => {
    for (const value of [applicantSession, chairSession]) {
      expect(value).not.toBe("");
      await expectAccessible(served.browser, served.base, {
        signedOut: [],
        signedIn: { session: value, paths: ["/me"] },
      });
    }
  });
});
