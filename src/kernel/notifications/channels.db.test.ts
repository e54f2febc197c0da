/**
 * Chat webhooks, the inbox, per-kind preferences and the daily digest, against local servers that
 * speak the real formats (test/webhook-capture.ts for Discord and Slack, test/smtp-capture.ts for
 * email) with injected failures: every notification arrives exactly once in the end, a rolled-back
 * change sends nothing, and a webhook's URL appears in no delivery row, error or log line.
 */
import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase } from "../../../test/db.ts";
import { prng } from "../../../test/pypi-server/model.ts";
import { captureMailer, type SmtpCapture, startSmtpCapture } from "../../../test/smtp-capture.ts";
import {
  startWebhookCapture,
  type WebhookCapture,
  type WebhookFault,
} from "../../../test/webhook-capture.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { isAppError } from "../../platform/errors.ts";
import { createHttpClient } from "../../platform/fetch.ts";
import { createLogger } from "../../platform/log.ts";
import { webhookPayload } from "./channels.ts";
import { type DeliveryRound, deliverNotifications, type NotificationDeps } from "./deliver-notifications.ts";
import { digestTemplate } from "./digest.template.ts";
import { markAllInboxRead, markInboxRead } from "./mark-read.ts";
import { listDeliveries } from "./notifications.repo.ts";
import { notify } from "./notify.ts";
import { readInbox } from "./read-inbox.ts";
import { retryDelivery } from "./retry-delivery.ts";
import { saveWebhook, WEBHOOK_ADDRESSES, webhookUrlProblem } from "./save-webhook.ts";
import { sendDigests } from "./send-digests.ts";
import { setNotificationPreferences } from "./set-preferences.ts";
import { defineTemplate, templateRegistry } from "./template.ts";

const { people, users, notifications, notificationDeliveries } = schema;

const notice = defineTemplate({
  id: "test.notice",
  data: z.object({ n: z.number(), slug: z.string() }),
  render: (d, t) => ({
    subject: `Notice ${d.n} @everyone`,
    text: `Notice ${d.n} <b>&</b>\nSee ${t.url(`/groups/${d.slug}`)}`,
  }),
});
const TEMPLATES = templateRegistry([notice, digestTemplate]);
/** The inbox of the account `userId`, its links on `baseUrl` (https://g.example unless given). */
const inboxOf = (userId: number, options: { baseUrl?: string; unreadOnly?: boolean } = {}) =>
  readInbox({ db: database.db, templates: TEMPLATES, baseUrl: "https://g.example", userId, ...options });
const KINDS = [
  { kind: "test.notice", label: "Test notices" },
  { kind: "test.other", label: "Other notices" },
];

const clock = new FixedClock("2026-05-04T10:00:00Z");
let database: Database;
const logLines: string[] = [];
const log = createLogger(
  { env: "test", logLevel: "debug" },
  new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
);
const http = createHttpClient({
  config: { http: { userAgent: "guildhall-test", timeoutMs: 5000, retries: 2 } },
  log,
});
const servers: Array<{ close(): Promise<void> }> = [];
let counter = 0;

async function webhookServer(fault?: (n: number) => WebhookFault, retryAfterSeconds?: number) {
  const s = await startWebhookCapture({ fault, retryAfterSeconds });
  servers.push(s);
  return s;
}
async function smtpServer(faults?: Parameters<typeof startSmtpCapture>[0]) {
  const s = await startSmtpCapture(faults);
  servers.push(s);
  return s;
}
/** Local receivers accepted as the services' hosts. */
const local = (w: WebhookCapture) => ({
  discord: { ...WEBHOOK_ADDRESSES.discord, hosts: [w.host] },
  slack: { ...WEBHOOK_ADDRESSES.slack, hosts: [w.host] },
});
function deps(smtp: SmtpCapture | null): NotificationDeps {
  return {
    database,
    clock,
    log,
    config: { baseUrl: "https://guildhall.example" },
    mailer: smtp ? captureMailer(smtp) : { enabled: false, send: async () => {} },
    http,
    notificationTemplates: TEMPLATES,
  };
}

/** Delivery rounds, two at a time, moving the clock past every backoff, until nothing is due. */
async function deliverAll(d: NotificationDeps): Promise<DeliveryRound[]> {
  const rounds: DeliveryRound[] = [];
  for (let i = 0; i < 60; i++) {
    rounds.push(
      ...(await Promise.all([
        deliverNotifications({ deps: d, limit: 9 }),
        deliverNotifications({ deps: d, limit: 9 }),
      ])),
    );
    const [left] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM notification_deliveries WHERE status IN ('pending', 'sending')",
    );
    if ((left?.n ?? 0) === 0) return rounds;
    clock.advance(13 * 3_600_000);
  }
  throw new Error("deliveries never settled");
}

async function account(name: string): Promise<{ userId: number; personId: number }> {
  const slug = `${name.toLowerCase().replace(/ /g, "-")}-${++counter}`;
  const [person] = await database.db
    .insert(people)
    .values({ slug, name, createdAt: clock.now() })
    .returning({ id: people.id });
  const [user] = await database.db
    .insert(users)
    .values({ name, email: `${slug}@example.org`, personId: person?.id ?? null, createdAt: clock.now() })
    .returning({ id: users.id });
  return { userId: user?.id ?? 0, personId: person?.id ?? 0 };
}

async function webhook(
  owner: string,
  w: WebhookCapture,
  provider: "discord" | "slack",
  url: string,
  kinds = ["test.notice"],
) {
  await saveWebhook(database.db, {
    owner,
    provider,
    url,
    kinds,
    userId: null,
    now: clock.now(),
    addresses: local(w),
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await database?.close();
});

describe("webhook payloads", () => {
  it("Discord gets content and an embed with nobody pinged; Slack gets text and blocks, escaped", () => {
    const message = { subject: "Hi @everyone", text: "a <b> & c\nhttps://guildhall.example/x" };
    const d = webhookPayload("discord", message);
    expect(d).toMatchObject({
      content: "Hi @everyone",
      allowed_mentions: { parse: [] },
      embeds: [{ title: "Hi @everyone", url: "https://guildhall.example/x" }],
    });
    const s = webhookPayload("slack", message);
    expect(s.text).toBe("Hi @everyone");
    expect(JSON.stringify(s.blocks)).toContain("a &lt;b&gt; &amp; c");
  });

  it("only the services' own https addresses are accepted", () => {
    expect(webhookUrlProblem("discord", "https://discord.com/api/webhooks/123/abc-DEF")).toBeNull();
    expect(webhookUrlProblem("slack", "https://hooks.slack.com/services/T1/B2/xyz")).toBeNull();
    expect(webhookUrlProblem("discord", "https://evil.example/api/webhooks/123/abc")).toMatch(/Discord/);
    expect(webhookUrlProblem("slack", "http://hooks.slack.com/services/T1/B2/xyz")).toMatch(/https/);
    expect(webhookUrlProblem("discord", "https://hooks.slack.com/services/T1/B2/xyz")).toMatch(/Discord/);
    expect(webhookUrlProblem("slack", "not a url")).toMatch(/full address/);
  });
});

describe("chat webhooks", () => {
  it("with Discord, Slack and SMTP failing about half the time, every notification arrives exactly once", async () => {
    const random = prng(7);
    const faults: WebhookFault[] = ["rate-limit", "server-error"];
    const w = await webhookServer(
      () => (random() < 0.5 ? (faults[Math.floor(random() * 2)] ?? null) : null),
      0.01,
    );
    const smtp = await smtpServer({ rejectRate: 0.5, random: prng(11) });
    await webhook("group:1", w, "discord", w.discordUrl());
    await webhook("group:2", w, "slack", w.slackUrl());
    const people = await Promise.all([account("Ann"), account("Bob")]);
    const items = Array.from({ length: 12 }, (_, i) => [
      { to: { webhook: "group:1" }, dedupeKey: `w1:${i}`, data: { n: i, slug: "one" } },
      { to: { webhook: "group:2" }, dedupeKey: `w2:${i}`, data: { n: i, slug: "two" } },
      ...people.map((p) => ({
        to: { personId: p.personId },
        dedupeKey: `p${p.personId}:${i}`,
        data: { n: i, slug: "p" },
      })),
    ]).flat();
    await notify(database.db, { kind: "test.notice", template: notice, at: clock.now(), items });
    await deliverAll(deps(smtp));

    const discord = w.posts.filter((p) => p.service === "discord").map((p) => p.body.content);
    const slack = w.posts.filter((p) => p.service === "slack").map((p) => p.body.text);
    const expected = Array.from({ length: 12 }, (_, i) => `Notice ${i} @everyone`);
    expect([...discord].sort()).toEqual([...expected].sort());
    expect([...slack].sort()).toEqual([...expected].sort());
    expect(w.requests).toBeGreaterThan(24); // failures were injected and retried
    for (const p of w.posts.filter((x) => x.service === "discord")) {
      expect(p.body.allowed_mentions).toEqual({ parse: [] });
    }
    expect(smtp.messages).toHaveLength(24);
    const perAddress = new Map<string, number>();
    for (const m of smtp.messages) for (const to of m.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    expect([...perAddress.values()]).toEqual([12, 12]);
    const states = await database.query<{ status: string; n: number }>(
      "SELECT status, count(*)::int AS n FROM notification_deliveries GROUP BY status",
    );
    expect(states).toEqual([{ status: "sent", n: 48 }]);
  });

  it("a kind the channel does not take, or an owner without a webhook, writes nothing for it", async () => {
    const w = await webhookServer();
    await webhook("group:3", w, "slack", w.slackUrl("T3/B3/x"), ["test.other"]);
    const ids = await notify(database.db, {
      kind: "test.notice",
      template: notice,
      at: clock.now(),
      items: [
        { to: { webhook: "group:3" }, dedupeKey: "skip:3", data: { n: 1, slug: "x" } },
        { to: { webhook: "group:999" }, dedupeKey: "skip:999", data: { n: 1, slug: "x" } },
      ],
    });
    expect(ids).toEqual([]);
  });

  it("a notification written in a rolled-back transaction is never posted", async () => {
    const w = await webhookServer();
    await webhook("group:4", w, "discord", w.discordUrl("4444", "rolled"));
    const failing = database.db.transaction(async (tx) => {
      await notify(tx, {
        kind: "test.notice",
        template: notice,
        at: clock.now(),
        items: [{ to: { webhook: "group:4" }, dedupeKey: "rolled:4", data: { n: 4, slug: "x" } }],
      });
      throw new Error("the change fails after the notification was written");
    });
    await expect(failing).rejects.toThrow(/change fails/);
    await deliverAll(deps(null));
    expect(w.posts).toEqual([]);
    expect(
      await database.db.select().from(notifications).where(eq(notifications.dedupeKey, "rolled:4")),
    ).toEqual([]);
  });

  it("a removed webhook fails for good at once, in words, with the URL nowhere; a retry sends it", async () => {
    const w = await webhookServer();
    const secret = "SECRET-TOKEN-5555";
    const url = w.discordUrl("5555", secret);
    await webhook("group:5", w, "discord", url);
    w.remove(url);
    logLines.length = 0;
    await notify(database.db, {
      kind: "test.notice",
      template: notice,
      at: clock.now(),
      items: [{ to: { webhook: "group:5" }, dedupeKey: "gone:5", data: { n: 5, slug: "x" } }],
    });
    const round = await deliverNotifications({ deps: deps(null) });
    expect(round.failed).toBe(1);
    const [failed] = (await listDeliveries(database.db, { status: "failed", limit: 10 })).filter(
      (d) => d.kind === "test.notice" && d.attempts === 1,
    );
    expect(failed?.lastError).toBe("Discord refused the post (404: Unknown Webhook (code 10015))");
    expect(failed?.target).toMatch(/^discord webhook of group:5 \(http:\/\/127\.0\.0\.1:\d+\/…5555\)$/);
    const rows = JSON.stringify(await database.db.select().from(notificationDeliveries));
    expect(rows).not.toContain(secret);
    expect(logLines.join("")).toContain("delivery failed");
    expect(logLines.join("")).not.toContain(secret);

    // An administrator fixes the channel and sends it again.
    await webhook("group:5", w, "discord", w.discordUrl("5556", "new-token"));
    await retryDelivery({
      db: database.db,
      id: failed?.id ?? 0,
      now: clock.now(),
      by: { userId: null, label: "test" },
    });
    await expect(
      retryDelivery({
        db: database.db,
        id: failed?.id ?? 0,
        now: clock.now(),
        by: { userId: null, label: "test" },
      }),
    ).rejects.toSatisfy((e) => isAppError(e) && e.code === "conflict");
    await deliverAll(deps(null));
    expect(w.posts.map((p) => p.path)).toEqual(["/api/webhooks/5556/new-token"]);
  });

  it("a 429 waits at least the retry_after Discord asked for", async () => {
    let first = true;
    const w = await webhookServer(() => {
      const f = first ? "rate-limit" : null;
      first = false;
      return f;
    }, 600);
    await webhook("group:6", w, "discord", w.discordUrl("6666", "t"));
    await notify(database.db, {
      kind: "test.notice",
      template: notice,
      at: clock.now(),
      items: [{ to: { webhook: "group:6" }, dedupeKey: "limit:6", data: { n: 6, slug: "x" } }],
    });
    const before = clock.now().getTime();
    await deliverNotifications({ deps: deps(null) });
    const [row] = (await listDeliveries(database.db, { status: "pending", limit: 50 })).filter(
      (d) => d.kind === "test.notice",
    );
    expect(row?.lastError).toMatch(/rate limited/);
    expect((row?.nextAttemptAt.getTime() ?? 0) - before).toBeGreaterThanOrEqual(600_000);
    await deliverAll(deps(null));
    expect(w.posts).toHaveLength(1);
  });
});

describe("inbox and preferences", () => {
  it("every notification to a person lands in their inbox; off and digest keep it out of email", async () => {
    const smtp = await smtpServer();
    const ann = await account("Inbox Ann");
    const bob = await account("Inbox Bob");
    await setNotificationPreferences({
      db: database.db,
      userId: ann.userId,
      kinds: KINDS,
      modes: { "test.notice": "off", "test.other": "digest" },
      now: clock.now(),
    });
    await expect(
      setNotificationPreferences({
        db: database.db,
        userId: ann.userId,
        kinds: KINDS,
        modes: { "x.y": "off" },
        now: clock.now(),
      }),
    ).rejects.toSatisfy((e) => isAppError(e) && e.code === "validation" && e.issues?.[0]?.field === "x.y");
    for (const kind of ["test.notice", "test.other"]) {
      await notify(database.db, {
        kind,
        template: notice,
        at: clock.now(),
        items: [ann, bob].map((p) => ({
          to: { personId: p.personId },
          dedupeKey: `inbox:${kind}:${p.personId}`,
          data: { n: 1, slug: "g" },
        })),
      });
    }
    await deliverAll(deps(smtp));
    const bobAddress = (await database.db.select().from(users).where(eq(users.id, bob.userId)))[0]?.email;
    expect(smtp.messages.map((m) => m.to)).toEqual([[bobAddress], [bobAddress]]);

    const inbox = await inboxOf(ann.userId);
    expect(inbox.unread).toBe(2);
    expect(inbox.items.map((i) => i.subject)).toEqual(["Notice 1 @everyone", "Notice 1 @everyone"]);
    expect(inbox.items[0]?.link).toBe("https://g.example/groups/g");
    const first = inbox.items[0]?.id ?? 0;
    await markInboxRead({ db: database.db, userId: ann.userId, id: first, now: clock.now() });
    // Someone else's notification is not found for Bob.
    await expect(
      markInboxRead({ db: database.db, userId: bob.userId, id: first, now: clock.now() }),
    ).rejects.toSatisfy((e) => isAppError(e) && e.code === "not_found");
    const after = await inboxOf(ann.userId);
    expect(after.unread).toBe(1);
    expect(await markAllInboxRead({ db: database.db, userId: ann.userId, now: clock.now() })).toBe(1);
    const none = await inboxOf(ann.userId, { baseUrl: "x:", unreadOnly: true });
    expect(none).toEqual({ unread: 0, items: [] });
  });

  it("the daily digest is one email per person and day, however often and wherever it runs", async () => {
    const smtp = await smtpServer({ rejectRate: 0.5, random: prng(3) });
    const carol = await account("Digest Carol");
    await setNotificationPreferences({
      db: database.db,
      userId: carol.userId,
      kinds: KINDS,
      modes: { "test.notice": "digest" },
      now: clock.now(),
    });
    clock.set("2026-05-10T08:00:00Z");
    for (const n of [1, 2, 3]) {
      await notify(database.db, {
        kind: "test.notice",
        template: notice,
        at: clock.now(),
        items: [{ to: { userId: carol.userId }, dedupeKey: `digest-item:${n}`, data: { n, slug: "d" } }],
      });
      clock.advance(3_600_000);
    }
    clock.set("2026-05-11T06:00:00Z");
    const d = deps(smtp);
    // Two processes at once, then a retry.
    const runs = await Promise.allSettled([
      sendDigests({ deps: d, day: "2026-05-10" }),
      sendDigests({ deps: d, day: "2026-05-10" }),
    ]);
    const again = await sendDigests({ deps: d, day: "2026-05-10" });
    const written = runs.map((r) => (r.status === "fulfilled" ? r.value.written : 0));
    expect(written.reduce((a, b) => a + b, 0) + again.written).toBe(1);
    await deliverAll(d);
    const mine = smtp.messages.filter((m) => m.to.some((t) => t.startsWith("digest-carol")));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.raw).toMatch(/Subject: Guildhall: 3 notifications of 2026-05-10/);
    for (const n of [1, 2, 3]) expect(mine[0]?.text).toContain(`Notice ${n} @everyone`);
    // The next day has nothing for Carol.
    expect((await sendDigests({ deps: d, day: "2026-05-11" })).written).toBe(0);
    // The digest is mail, not an inbox entry.
    const inbox = await inboxOf(carol.userId, { baseUrl: "https://g" });
    expect(inbox.items).toHaveLength(3);
  });
});
