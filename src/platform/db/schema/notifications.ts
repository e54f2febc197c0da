import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import {
  columnOneOf,
  createdAtColumn,
  idColumn,
  ownedBy,
  refersTo,
  timestamptz,
  updatedAtColumn,
} from "./columns.ts";
import { people } from "./governance.ts";

/**
 * Channels a delivery may go through: email, or a group's chat webhook (Discord or Slack). The
 * in-site inbox is no delivery: it reads the notifications addressed to the viewer.
 */
export const NOTIFICATION_CHANNELS = ["email", "webhook"] as const;

/** Chat services whose incoming webhooks Guildhall posts to. */
export const WEBHOOK_PROVIDERS = ["discord", "slack"] as const;

/** How a person wants one kind of notification by email: at once, in the daily digest, or not at all. */
export const NOTIFICATION_MODES = ["immediately", "digest", "off"] as const;

/**
 * A chat channel's incoming webhook, owned by something a room names (`group:12`). The URL is a
 * secret (whoever has it may post): it is read only by the delivery job and shown masked.
 */
export const chatWebhooks = pgTable(
  "chat_webhooks",
  {
    id: idColumn(),
    /** Who it belongs to, as the owning room names it (`group:<id>`). */
    owner: text("owner").notNull(),
    provider: text("provider", { enum: WEBHOOK_PROVIDERS }).notNull(),
    url: text("url").notNull(),
    /** The notification kinds posted to it (`meeting.scheduled`, ...). */
    kinds: jsonb("kinds").$type<string[]>().notNull(),
    setByUserId: refersTo("set_by_user_id", () => users.id),
    setAt: timestamptz("set_at").notNull(),
  },
  (t) => [
    uniqueIndex("chat_webhooks_owner").on(t.owner),
    check("chat_webhooks_provider", columnOneOf(t.provider, WEBHOOK_PROVIDERS)),
  ],
);

/** A person's choice for one notification kind (no row: immediately). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: ownedBy("user_id", () => users.id),
    kind: text("kind").notNull(),
    mode: text("mode", { enum: NOTIFICATION_MODES }).notNull(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex("notification_preferences_once").on(t.userId, t.kind),
    check("notification_preferences_mode", columnOneOf(t.mode, NOTIFICATION_MODES)),
  ],
);

/** Where a delivery stands. */
export const DELIVERY_STATUSES = ["pending", "sending", "sent", "failed", "skipped"] as const;

/**
 * The outbox: one row per thing to tell one recipient, written in the transaction of the change
 * that causes it (so a rolled-back change tells no one). Rendering waits for delivery, so links
 * follow the base URL configured then.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: idColumn(),
    /** What it is about (`term.reminder`): the unit of per-person preferences. */
    kind: text("kind").notNull(),
    /** The template that renders it, and the data it was written with (checked by the template's schema). */
    templateId: text("template_id").notNull(),
    data: jsonb("data").notNull(),
    /** Exactly one recipient: a person (through their account), an account, or a bare address. */
    recipientPersonId: integer("recipient_person_id").references(() => people.id, { onDelete: "cascade" }),
    recipientUserId: integer("recipient_user_id").references(() => users.id, { onDelete: "cascade" }),
    recipientAddress: text("recipient_address"),
    /** Or a chat webhook (a group's channel). */
    recipientWebhookId: integer("recipient_webhook_id").references(() => chatWebhooks.id, {
      onDelete: "cascade",
    }),
    /** Held for the recipient's daily digest instead of an email of its own. */
    heldForDigest: boolean("held_for_digest").notNull().default(false),
    /** When the recipient marked it read in their inbox. */
    readAt: timestamptz("read_at"),
    /** Writing the same key twice adds nothing: writers name the event (`term-reminder:12:2026-03-20:7`). */
    dedupeKey: text("dedupe_key").notNull(),
    /** The operation that wrote it, as in the audit log (`term-sweep:2026-03-01`). */
    cause: text("cause"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("notifications_dedupe").on(t.dedupeKey),
    index("notifications_person").on(t.recipientPersonId, t.createdAt),
    index("notifications_user").on(t.recipientUserId, t.createdAt),
    // The header's unread count on every page: only unread rows are in these.
    index("notifications_person_unread").on(t.recipientPersonId).where(sql`${t.readAt} is null`),
    index("notifications_user_unread").on(t.recipientUserId).where(sql`${t.readAt} is null`),
    index("notifications_digest").on(t.createdAt).where(sql`${t.heldForDigest}`),
    check(
      "notifications_one_recipient",
      sql`num_nonnulls(${t.recipientPersonId}, ${t.recipientUserId}, ${t.recipientAddress}, ${t.recipientWebhookId}) = 1`,
    ),
  ],
);

/**
 * One delivery of a notification through one channel, tried by the delivery job until sent,
 * skipped (nowhere to send it) or failed (kept for site admins after the last attempt).
 */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: idColumn(),
    notificationId: ownedBy("notification_id", () => notifications.id),
    channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    /** Where it went (the email address used; a webhook's masked name, never its URL), once resolved. */
    target: text("target"),
    attempts: integer("attempts").notNull().default(0),
    /** Not tried before this time (backoff after a failure). */
    nextAttemptAt: timestamptz("next_attempt_at").notNull(),
    /** While `sending`: the claim's expiry; a claim older than this is taken over by another run. */
    leaseUntil: timestamptz("lease_until"),
    /** The current claim; only its holder may record the outcome. */
    attemptId: text("attempt_id"),
    /** The Message-ID every attempt of this delivery carries, so a duplicate is recognisable. */
    messageId: text("message_id"),
    lastError: text("last_error"),
    lastAttemptAt: timestamptz("last_attempt_at"),
    sentAt: timestamptz("sent_at"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("notification_deliveries_once").on(t.notificationId, t.channel),
    index("notification_deliveries_due")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index("notification_deliveries_failed").on(t.lastAttemptAt).where(sql`${t.status} = 'failed'`),
    check("notification_deliveries_channel", columnOneOf(t.channel, NOTIFICATION_CHANNELS)),
    check("notification_deliveries_status", columnOneOf(t.status, DELIVERY_STATUSES)),
    check("notification_deliveries_attempts", sql`${t.attempts} >= 0`),
  ],
);
