/**
 * The outbox against a local SMTP server with injected failures: written with the causing change
 * or not at all, delivered exactly once however often sending fails, failed for good after the
 * last attempt, and rendered with absolute links.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase } from "../../../test/db.ts";
import { prng as seededRandom } from "../../../test/pypi-server/model.ts";
import {
  captureMailer,
  decodeQuotedPrintable,
  type SmtpCapture,
  startSmtpCapture,
} from "../../../test/smtp-capture.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { isAppError } from "../../platform/errors.ts";
import { type DeliveryRound, deliverNotifications, type NotificationDeps } from "./deliver-notifications.ts";
import type { DeliveryPolicy } from "./delivery-policy.ts";
import { claimDueDeliveries, listDeliveries } from "./notifications.repo.ts";
import { notify } from "./notify.ts";
import { defineTemplate, templateRegistry } from "./template.ts";

const { notifications, notificationDeliveries, people, users } = schema;

const hello = defineTemplate({
  id: "test.hello",
  data: z.object({ name: z.string(), slug: z.string() }),
  render: (d, t) => ({
    subject: `Hello ${d.name}`,
    text: `Hello ${d.name}, see ${t.url(`/groups/${d.slug}/decisions`)}`,
    html: `<p>Hello ${t.escapeHtml(d.name)}, see <a href="${t.url(`/groups/${d.slug}/decisions`)}">the group</a></p>`,
  }),
});

const BASE_URL = "https://guildhall.example/dsf";
const clock = new FixedClock("2026-03-01T12:00:00Z");
let database: Database;
const servers: SmtpCapture[] = [];

async function smtpDeps(smtp: SmtpCapture): Promise<NotificationDeps> {
  return {
    database,
    clock,
    config: { baseUrl: BASE_URL },
    mailer: captureMailer(smtp),
    notificationTemplates: templateRegistry([hello]),
  };
}

async function server(faults?: Parameters<typeof startSmtpCapture>[0]): Promise<SmtpCapture> {
  const s = await startSmtpCapture(faults);
  servers.push(s);
  return s;
}

const messageId = (raw: string) => /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? "";

async function write(prefix: string, count: number): Promise<string[]> {
  const addresses = Array.from({ length: count }, (_, i) => `${prefix}-${i}@example.org`);
  await notify(database.db, {
    kind: "test.hello",
    template: hello,
    at: clock.now(),
    items: addresses.map((address, i) => ({
      to: { address },
      data: { name: `${prefix} ${i}`, slug: prefix },
      dedupeKey: `${prefix}:${i}`,
    })),
  });
  return addresses;
}

/** Delivery rounds, two at a time, moving the clock past every backoff, until nothing is due. */
async function deliverAll(deps: NotificationDeps, policy?: DeliveryPolicy): Promise<DeliveryRound[]> {
  const rounds: DeliveryRound[] = [];
  for (let i = 0; i < 100; i++) {
    const pair = await Promise.all([
      deliverNotifications({ deps, policy, limit: 7 }),
      deliverNotifications({ deps, policy, limit: 7 }),
    ]);
    rounds.push(...pair);
    const left = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM notification_deliveries WHERE status IN ('pending', 'sending')",
    );
    if ((left[0]?.n ?? 0) === 0) return rounds;
    clock.advance(13 * 3_600_000);
  }
  throw new Error("deliveries never settled");
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await database?.close();
});

describe("writing notifications", () => {
  it("a notification written in a rolled-back transaction is never sent", async () => {
    const smtp = await server();
    const deps = await smtpDeps(smtp);
    const [person] = await database.db
      .insert(people)
      .values({ slug: "rolled-back", name: "Rolled Back", createdAt: clock.now() })
      .returning({ id: people.id });
    const failing = database.db.transaction(async (tx) => {
      await tx
        .update(people)
        .set({ name: "Renamed" })
        .where(eq(people.id, person?.id ?? 0));
      await notify(tx, {
        kind: "test.hello",
        template: hello,
        at: clock.now(),
        items: [
          { to: { address: "never@example.org" }, data: { name: "never", slug: "x" }, dedupeKey: "never" },
        ],
      });
      throw new Error("the change fails after the notification was written");
    });
    await expect(failing).rejects.toThrow(/change fails/);
    await write("kept", 1);
    await deliverAll(deps);
    expect(smtp.messages.map((m) => m.to)).toEqual([["kept-0@example.org"]]);
    const written = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.dedupeKey, "never"));
    expect(written).toEqual([]);
    const [still] = await database.db
      .select()
      .from(people)
      .where(eq(people.id, person?.id ?? 0));
    expect(still?.name).toBe("Rolled Back");
  });

  it("writes a dedupe key once, and refuses bad recipients, data and keys without writing", async () => {
    const item = {
      to: { address: "once@example.org" },
      data: { name: "once", slug: "x" },
      dedupeKey: "once:1",
    };
    const args = { kind: "test.hello", template: hello, at: clock.now() };
    expect(await notify(database.db, { ...args, items: [item] })).toHaveLength(1);
    expect(await notify(database.db, { ...args, items: [item] })).toEqual([]);
    const refusals = [
      { ...item, dedupeKey: "bad:1", to: { address: "not an address" } },
      {
        ...item,
        dedupeKey: "bad:2",
        data: { name: 3, slug: "x" } as unknown as { name: string; slug: string },
      },
      { ...item, dedupeKey: "bad:3", data: { name: "nul\u0000byte", slug: "x" } },
      { ...item, dedupeKey: "" },
      { ...item, dedupeKey: "bad:4", to: { personId: -1 } },
    ];
    for (const bad of refusals) {
      const e = await notify(database.db, { ...args, items: [item, bad] }).catch((x: unknown) => x);
      expect(isAppError(e) && e.code).toBe("validation");
    }
    await expect(notify(database.db, { ...args, kind: "Hello There", items: [item] })).rejects.toThrow(
      /kind/,
    );
    const rows = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM notifications WHERE dedupe_key LIKE 'bad:%' OR dedupe_key = ''",
    );
    expect(rows[0]?.n).toBe(0);
  });
});

describe("delivering", () => {
  it("with SMTP failing half the time, every notification is delivered exactly once in the end", async () => {
    const smtp = await server({ rejectRate: 0.5, random: seededRandom(7) });
    const deps = await smtpDeps(smtp);
    const addresses = await write("half", 40);
    const rounds = await deliverAll(deps, { maxAttempts: 40, backoffMinutes: [1, 60], leaseSeconds: 120 });
    const received = smtp.messages.flatMap((m) => m.to).filter((a) => a.startsWith("half-"));
    expect(received.sort()).toEqual([...addresses].sort());
    expect(rounds.reduce((n, r) => n + r.retrying, 0)).toBeGreaterThan(10);
    const states = await database.query<{ status: string; n: number; max: number }>(
      `SELECT d.status, count(*)::int AS n, max(d.attempts)::int AS max FROM notification_deliveries d
       JOIN notifications n ON n.id = d.notification_id WHERE n.dedupe_key LIKE 'half:%' GROUP BY d.status`,
    );
    expect(states.map((s) => [s.status, s.n])).toEqual([["sent", 40]]);
    expect(states[0]?.max).toBeGreaterThan(2);
  }, 60_000);

  it("links are absolute from the configured base URL, in text and HTML", async () => {
    const smtp = await server();
    await write("links", 1);
    await deliverAll(await smtpDeps(smtp));
    const raw = decodeQuotedPrintable(smtp.messages[0]?.raw ?? "");
    expect(raw).toMatch(/^Subject: Hello links 0/m);
    expect(raw).toMatch(/text\/plain[\s\S]*see https:\/\/guildhall\.example\/dsf\/groups\/links\/decisions/);
    expect(raw).toContain('<a href="https://guildhall.example/dsf/groups/links/decisions">');
    expect(raw).not.toMatch(/[\s"]\/groups\/links/);
    expect(messageId(raw)).toMatch(/^<notification-delivery-\d+\.email@guildhall\.example>$/);
  });

  it("keeps line breaks in the data from adding mail headers", async () => {
    const smtp = await server();
    await notify(database.db, {
      kind: "test.hello",
      template: hello,
      at: clock.now(),
      items: [
        {
          to: { address: "headers@example.org" },
          data: { name: "Eve\r\nBcc: evil@example.org", slug: "x" },
          dedupeKey: "headers:1",
        },
      ],
    });
    await deliverAll(await smtpDeps(smtp));
    expect(smtp.messages.map((m) => m.to)).toEqual([["headers@example.org"]]);
    const head = smtp.messages[0]?.raw.split("\r\n\r\n")[0] ?? "";
    expect(head).not.toMatch(/^Bcc:/im);
  });

  it("marks a delivery failed after a permanent refusal or its last attempt, and keeps it for admins", async () => {
    const policy = { maxAttempts: 3, backoffMinutes: [1], leaseSeconds: 120 };
    // A refused address fails at once.
    const smtp = await server({ refuse: ["gone-0@example.org"] });
    await write("gone", 1);
    await deliverAll(await smtpDeps(smtp), policy);
    // A server that always says "later": failed after the third attempt.
    const down = await server({ rejectRate: 1 });
    await write("down", 1);
    const rounds = await deliverAll(await smtpDeps(down), policy);
    expect(rounds.reduce((n, r) => n + r.retrying, 0)).toBe(2);
    expect(down.messages).toEqual([]);
    const failed = await listDeliveries(database.db, { status: "failed", limit: 10 });
    expect(failed.find((f) => f.target === "gone-0@example.org")).toMatchObject({ attempts: 1 });
    expect(failed.find((f) => f.target === "gone-0@example.org")?.lastError).toMatch(/550 No such user/);
    expect(failed.find((f) => f.target === "down-0@example.org")).toMatchObject({ attempts: 3 });
    expect(failed.find((f) => f.target === "down-0@example.org")?.lastError).toMatch(/451 Try again later/);
  });

  it("retries through a server that keeps a message but loses its reply; the duplicate keeps its Message-ID", async () => {
    const smtp = await server({ keepThenRejectRate: 0.5, random: seededRandom(11) });
    const addresses = await write("lost-reply", 20);
    await deliverAll(await smtpDeps(smtp), { maxAttempts: 40, backoffMinutes: [1], leaseSeconds: 120 });
    const byAddress = new Map<string, Set<string>>();
    for (const m of smtp.messages) {
      for (const to of m.to) byAddress.set(to, (byAddress.get(to) ?? new Set()).add(messageId(m.raw)));
    }
    expect([...byAddress.keys()].sort()).toEqual([...addresses].sort());
    // Duplicates exist (the documented at-least-once window) but each address saw one Message-ID.
    expect(smtp.messages.length).toBeGreaterThan(addresses.length);
    for (const ids of byAddress.values()) expect(ids.size).toBe(1);
  }, 60_000);

  it("takes over a claim whose sender died before recording the outcome, once its lease expired", async () => {
    const smtp = await server();
    const deps = await smtpDeps(smtp);
    await write("crashed", 1);
    const claimed = await claimDueDeliveries(database.db, {
      now: clock.now(),
      limit: 10,
      attemptId: "died-mid-send",
      leaseUntil: new Date(clock.now().getTime() + 120_000),
    });
    expect(claimed.map((c) => c.recipientAddress)).toEqual(["crashed-0@example.org"]);
    expect((await deliverNotifications({ deps })).claimed).toBe(0);
    clock.advance(121_000);
    expect(await deliverNotifications({ deps })).toMatchObject({ claimed: 1, sent: 1 });
    const [row] = await database.db
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.id, claimed[0]?.id ?? 0));
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("skips a person with no address or a disabled account, and resolves a person's account address", async () => {
    const smtp = await server();
    const made = await database.db
      .insert(people)
      .values([
        { slug: "no-account", name: "No Account", createdAt: clock.now() },
        { slug: "has-account", name: "Has Account", createdAt: clock.now() },
        { slug: "disabled", name: "Disabled", createdAt: clock.now() },
      ])
      .returning({ id: people.id, slug: people.slug });
    const id = (slug: string) => made.find((p) => p.slug === slug)?.id ?? 0;
    await database.db.insert(users).values([
      { email: "has-account@example.org", name: "Has", personId: id("has-account"), createdAt: clock.now() },
      {
        email: "disabled@example.org",
        name: "Dis",
        personId: id("disabled"),
        createdAt: clock.now(),
        disabledAt: clock.now(),
      },
    ]);
    await notify(database.db, {
      kind: "test.hello",
      template: hello,
      at: clock.now(),
      items: ["no-account", "has-account", "disabled"].map((key) => ({
        to: { personId: id(key) },
        data: { name: key, slug: key },
        dedupeKey: `person:${key}`,
      })),
    });
    const rounds = await deliverAll(await smtpDeps(smtp));
    expect(rounds.reduce((n, r) => n + r.skipped, 0)).toBe(2);
    expect(smtp.messages.map((m) => m.to)).toEqual([["has-account@example.org"]]);
    const skipped = await listDeliveries(database.db, { status: "skipped", limit: 10 });
    expect(skipped.map((s) => s.lastError).sort()).toEqual([
      "no email address on record for the recipient",
      "the recipient's account is disabled",
    ]);
  });
});
