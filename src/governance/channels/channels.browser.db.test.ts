/**
 * The notification pages in a real Chromium with JavaScript off: a chair sets the group's Discord
 * webhook (shown masked from then on, the URL in no page, audit entry or API answer), a meeting
 * scheduled afterwards lands in the member's inbox with the unread count in the header, the member
 * marks it read and changes a choice; an administrator sees a failed delivery and sends it again.
 * axe-core finds no violations and every page fits a 390-px phone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage } from "../../../test/accessibility.ts";
import { type BrowserAppWithDatabase, startBrowserAppWithDatabase } from "../../../test/browser-app.ts";
import { signInAccounts } from "../../../test/browser-sessions.ts";
import { notify } from "../../kernel/index.ts";
import { FixedClock } from "../../platform/clock.ts";
import { schema } from "../../platform/db/index.ts";
import { grantFoundationRole, makePeople, meetingGroup } from "../decisions/decisions.fixtures.ts";
import { CLI_DECISION_ACTOR } from "../decisions/decisions.repo.ts";
import { meetingNoticeTemplate } from "../meetings/meeting-notice.template.ts";
import { scheduleMeeting } from "../meetings/schedule-meeting.ts";

let served: BrowserAppWithDatabase;
let groupId = 0;
let failedId = 0;
const clock = new FixedClock("2026-03-01T12:00:00Z");
let sessions = new Map<string, string>();
const SECRET = "BrowserSecretToken-abc123";
const URL_SET = `https://discord.com/api/webhooks/123456789/${SECRET}`;

async function pageAs(who: string, options: { width?: number } = {}) {
  const context = await served.browser.newContext({
    javaScriptEnabled: false,
    ...(options.width ? { viewport: { width: options.width, height: 844 } } : {}),
  });
  const value = sessions.get(who);
  if (value) await context.addCookies([{ name: "guildhall_session", value, url: served.base }]);
  return { context, page: await context.newPage() };
}

beforeAll(async () => {
  served = await startBrowserAppWithDatabase({ clock });
  const { database } = served;
  const { group, chair, member } = await meetingGroup(database, { slug: "chatty", name: "Chatty Group" });
  groupId = group.id;
  const [admin = 0] = await makePeople(database, 1, "chatty");
  await grantFoundationRole(database, [admin], "site-admin");
  sessions = await signInAccounts(database, clock, [
    ["chair", chair],
    ["member", member],
    ["admin", admin],
  ]);
  // A delivery given up for good, for the administrators' page.
  const [id] = await notify(database.db, {
    kind: "meeting.scheduled",
    template: meetingNoticeTemplate,
    at: clock.now(),
    items: [
      {
        to: { address: "gone@example.org" },
        dedupeKey: "browser:failed",
        data: {
          event: "scheduled",
          groupName: "Chatty Group",
          groupSlug: "chatty",
          meetingId: 1,
          title: "Old meeting",
          when: "2026-02-01 18:00 UTC (UTC+00:00)",
          durationMinutes: 60,
          link: null,
        },
      },
    ],
  });
  const [d] = await database.db
    .update(schema.notificationDeliveries)
    .set({
      status: "failed",
      attempts: 8,
      target: "gone@example.org",
      lastError: "550 No such user here",
      lastAttemptAt: clock.now(),
    })
    .returning();
  failedId = d?.id ?? 0;
  expect(id).toBeGreaterThan(0);
});

afterAll(async () => {
  await served?.close();
});

describe("without JavaScript", () => {
  it("a chair sets the webhook; from then on it is masked everywhere", async () => {
    const { context, page } = await pageAs("chair");
    try {
      await page.goto(`${served.base}/groups/chatty/channels`);
      expect(await page.textContent("main")).toContain("No webhook is set");
      await page.getByLabel("Webhook address").fill("https://evil.example/api/webhooks/1/x");
      await page.getByRole("button", { name: "Save the webhook" }).click();
      const field = page.getByLabel("Webhook address");
      expect(await field.getAttribute("aria-invalid")).toBe("true");
      expect(await page.textContent("main")).toContain("must be a Discord incoming-webhook address");
      await field.fill(URL_SET);
      await page.getByLabel("A meeting of your group is cancelled").uncheck();
      await page.getByRole("button", { name: "Save the webhook" }).click();
      await page.waitForURL(/channels\?saved=1$/);
      const html = await page.content();
      expect(html).toContain("https://discord.com/…c123");
      expect(html).not.toContain(SECRET);
      expect(await page.getByLabel("A meeting of your group is cancelled").isChecked()).toBe(false);
      expect(await page.getByLabel("A meeting of your group is scheduled").isChecked()).toBe(true);
    } finally {
      await context.close();
    }
    const [stored] = await served.database.db.select().from(schema.chatWebhooks);
    expect(stored?.url).toBe(URL_SET);
    // Every kind is chosen until the Chair unticks one: here the cancellations.
    expect(stored?.kinds).toEqual([
      "meeting.scheduled",
      "meeting.changed",
      "report.reminder",
      "report.defunct",
      "term.ending",
    ]);
    const audit = JSON.stringify(await served.database.db.select().from(schema.auditLog));
    expect(audit).toContain("group.webhook-set");
    expect(audit).not.toContain(SECRET);
  });

  it("the member is not shown the settings page", async () => {
    const { context, page } = await pageAs("member");
    try {
      const res = await page.goto(`${served.base}/groups/chatty/channels`);
      expect(res?.status()).toBe(403);
      expect(await page.content()).not.toContain("discord.com");
    } finally {
      await context.close();
    }
  });

  it("a scheduled meeting reaches the member's inbox and the group's channel; marking read clears the count", async () => {
    await scheduleMeeting({
      deps: { database: served.database, clock },
      actor: CLI_DECISION_ACTOR,
      input: {
        groupId,
        title: "Spring meeting",
        date: "2026-03-20",
        time: "18:00",
        timeZone: "Europe/Berlin",
      },
    });
    const webhookRows = await served.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM notifications WHERE recipient_webhook_id IS NOT NULL",
    );
    expect(webhookRows[0]?.n).toBe(1);
    const { context, page } = await pageAs("member");
    try {
      await page.goto(`${served.base}/groups/chatty`);
      expect(await page.getByRole("link", { name: "Inbox (1 unread)" }).count()).toBe(1);
      await page.goto(`${served.base}/inbox`);
      expect(await page.textContent("main")).toContain("Chatty Group: meeting scheduled: Spring meeting");
      await page
        .getByRole("button", { name: "Mark read: Chatty Group: meeting scheduled: Spring meeting" })
        .click();
      await page.waitForURL(/\/inbox$/);
      expect(await page.textContent("main")).toContain("Nothing unread.");
      expect(await page.getByRole("link", { name: "Inbox", exact: true }).count()).toBe(1);
      await page.goto(`${served.base}/account/notifications`);
      await page.getByLabel("A meeting of your group is scheduled").selectOption("digest");
      await page.getByRole("button", { name: "Save choices" }).click();
      await page.waitForURL(/saved=1$/);
      expect(await page.getByLabel("A meeting of your group is scheduled").inputValue()).toBe("digest");
    } finally {
      await context.close();
    }
  });

  it("an administrator sees the failed delivery, masked, and sends it again", async () => {
    const { context, page } = await pageAs("admin");
    try {
      await page.goto(`${served.base}/admin/notifications`);
      const text = (await page.textContent("main")) ?? "";
      expect(text).toContain("g…@example.org");
      expect(text).not.toContain("gone@example.org");
      expect(text).toContain("550 No such user here");
      await page.getByRole("button", { name: `Send delivery ${failedId} again` }).click();
      await page.waitForURL(/\/admin\/notifications$/);
      expect(await page.textContent("main")).toContain("No failed deliveries.");
    } finally {
      await context.close();
    }
  });
});

describe("accessibility (axe-core, WCAG 2.1 AA) and the phone width", () => {
  const cases: Array<[string, string]> = [
    ["chair", "/groups/chatty/channels"],
    ["member", "/inbox"],
    ["member", "/account/notifications"],
    ["admin", "/admin/notifications"],
  ];
  for (const [who, path] of cases) {
    it(`${path} seen by the ${who} has no violations and fits 390 px`, async () => {
      const value = sessions.get(who);
      const result = await auditPage(served.browser, `${served.base}${path}`, {
        session: value ? { name: "guildhall_session", value } : undefined,
      });
      expect(result.status).toBe(200);
      expect(result.violations).toEqual([]);
      const { context, page } = await pageAs(who, { width: 390 });
      try {
        await page.goto(`${served.base}${path}`);
        const width = (await page.evaluate("document.documentElement.scrollWidth")) as number;
        expect(width).toBeLessThanOrEqual(390);
      } finally {
        await context.close();
      }
    });
  }
});
