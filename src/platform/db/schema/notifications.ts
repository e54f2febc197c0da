import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { createdAtColumn, idColumn, ownedBy } from "./columns.ts";
import { people } from "./governance.ts";

/** Channels a delivery may go through; webhooks and the in-site inbox join this list when built. */
export const NOTIFICATION_CHANNELS = ["email"] as const;

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
    /** Writing the same key twice adds nothing: writers name the event (`term-reminder:12:2026-03-20:7`). */
    dedupeKey: text("dedupe_key").notNull(),
    /** The operation that wrote it, as in the audit log (`term-sweep:2026-03-01`). */
    cause: text("cause"),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("notifications_dedupe").on(t.dedupeKey),
    index("notifications_person").on(t.recipientPersonId),
    index("notifications_user").on(t.recipientUserId),
    check(
      "notifications_one_recipient",
      sql`num_nonnulls(${t.recipientPersonId}, ${t.recipientUserId}, ${t.recipientAddress}) = 1`,
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
    /** Where it went (the email address used), once resolved. */
    target: text("target"),
    attempts: integer("attempts").notNull().default(0),
    /** Not tried before this time (backoff after a failure). */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    /** While `sending`: the claim's expiry; a claim older than this is taken over by another run. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /** The current claim; only its holder may record the outcome. */
    attemptId: text("attempt_id"),
    /** The Message-ID every attempt of this delivery carries, so a duplicate is recognisable. */
    messageId: text("message_id"),
    lastError: text("last_error"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("notification_deliveries_once").on(t.notificationId, t.channel),
    index("notification_deliveries_due")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index("notification_deliveries_failed").on(t.lastAttemptAt).where(sql`${t.status} = 'failed'`),
    check("notification_deliveries_channel", sql`${t.channel} in ('email')`),
    check(
      "notification_deliveries_status",
      sql`${t.status} in ('pending', 'sending', 'sent', 'failed', 'skipped')`,
    ),
    check("notification_deliveries_attempts", sql`${t.attempts} >= 0`),
  ],
);
