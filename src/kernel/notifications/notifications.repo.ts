/** Queries of the notification outbox: writing, claiming due deliveries, recording outcomes. */
import { and, asc, desc, eq, inArray, lte, or, sql } from "drizzle-orm";
import { type Db, schema, type Tx } from "../../platform/db/index.ts";

const { notifications, notificationDeliveries, users, chatWebhooks } = schema;

/** A transaction or the database. */
export type DbOrTx = Db | Tx;

/** A notification row to write. */
export interface NotificationRow {
  kind: string;
  templateId: string;
  data: unknown;
  recipientPersonId: number | null;
  recipientUserId: number | null;
  recipientAddress: string | null;
  recipientWebhookId: number | null;
  dedupeKey: string;
  cause: string | null;
  /** The channels this row is delivered through (none: inbox only or held for the digest). */
  channels: readonly Channel[];
  heldForDigest: boolean;
}

/** Delivery channels. */
export type Channel = (typeof schema.NOTIFICATION_CHANNELS)[number];

const CHUNK = 1000;

/**
 * Inserts notifications (skipping dedupe keys already written) and a pending delivery per channel
 * each row names.
 * Each chunk is one statement with the rows as one JSON parameter: drizzle's bound parameters per
 * row cost more than the insert itself (as in the sync's saves).
 */
export async function insertNotifications(
  tx: DbOrTx,
  input: { rows: NotificationRow[]; at: Date },
): Promise<number[]> {
  const ids: number[] = [];
  const at = input.at.toISOString();
  for (let i = 0; i < input.rows.length; i += CHUNK) {
    const chunk = input.rows.slice(i, i + CHUNK).map((r) => ({
      kind: r.kind,
      template_id: r.templateId,
      data: r.data,
      recipient_person_id: r.recipientPersonId,
      recipient_user_id: r.recipientUserId,
      recipient_address: r.recipientAddress,
      recipient_webhook_id: r.recipientWebhookId,
      dedupe_key: r.dedupeKey,
      cause: r.cause,
      channels: r.channels,
      held_for_digest: r.heldForDigest,
    }));
    const result = await tx.execute(sql`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS n(kind text,
          template_id text, data jsonb, recipient_person_id integer, recipient_user_id integer,
          recipient_address text, recipient_webhook_id integer, dedupe_key text, cause text,
          channels jsonb, held_for_digest boolean)
      ), written AS (
        INSERT INTO ${notifications} (kind, template_id, data, recipient_person_id, recipient_user_id,
          recipient_address, recipient_webhook_id, dedupe_key, cause, held_for_digest, created_at)
        SELECT n.kind, n.template_id, n.data, n.recipient_person_id, n.recipient_user_id,
          n.recipient_address, n.recipient_webhook_id, n.dedupe_key, n.cause, n.held_for_digest,
          ${at}::timestamptz
        FROM input n
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING id, dedupe_key
      ), deliveries AS (
        INSERT INTO ${notificationDeliveries} (notification_id, channel, next_attempt_at, created_at)
        SELECT w.id, c.channel, ${at}::timestamptz, ${at}::timestamptz
        FROM written w JOIN input n ON n.dedupe_key = w.dedupe_key
          CROSS JOIN jsonb_array_elements_text(n.channels) AS c(channel)
      )
      SELECT id FROM written ORDER BY id`);
    // Both drivers return { rows } from execute().
    ids.push(...(result as unknown as { rows: Array<{ id: number }> }).rows.map((r) => Number(r.id)));
  }
  return ids;
}

/** A claimed delivery with what sending it needs. */
export interface ClaimedDelivery {
  id: number;
  notificationId: number;
  channel: Channel;
  attempts: number;
  attemptId: string;
  messageId: string | null;
  kind: string;
  templateId: string;
  data: unknown;
  recipientAddress: string | null;
  /** The account's address for person and account recipients (null when none or disabled). */
  accountEmail: string | null;
  accountDisabled: boolean;
  /** The chat webhook of a webhook recipient (null when it was removed meanwhile). */
  webhook: { id: number; owner: string; provider: WebhookProvider; url: string } | null;
}

/** Chat services with incoming webhooks. */
export type WebhookProvider = (typeof schema.WEBHOOK_PROVIDERS)[number];

/**
 * Claims up to `limit` deliveries due at `now` (pending and due, or sending with an expired lease)
 * for one attempt: `attemptId` marks the claim, and rows locked by another claimer are skipped.
 */
export async function claimDueDeliveries(
  db: Db,
  input: { now: Date; limit: number; attemptId: string; leaseUntil: Date },
): Promise<ClaimedDelivery[]> {
  const d = notificationDeliveries;
  const claimed = await db.transaction(async (tx) => {
    const due = tx
      .select({ id: d.id })
      .from(d)
      .where(
        or(
          and(eq(d.status, "pending"), lte(d.nextAttemptAt, input.now)),
          and(eq(d.status, "sending"), lte(d.leaseUntil, input.now)),
        ),
      )
      .orderBy(asc(d.nextAttemptAt), asc(d.id))
      .limit(input.limit)
      .for("update", { skipLocked: true });
    return tx
      .update(d)
      .set({
        status: "sending",
        attempts: sql`${d.attempts} + 1`,
        attemptId: input.attemptId,
        leaseUntil: input.leaseUntil,
        lastAttemptAt: input.now,
      })
      .where(inArray(d.id, due))
      .returning({ id: d.id });
  });
  if (claimed.length === 0) return [];
  const rows = await db
    .select({
      id: d.id,
      notificationId: d.notificationId,
      channel: d.channel,
      attempts: d.attempts,
      attemptId: d.attemptId,
      messageId: d.messageId,
      kind: notifications.kind,
      templateId: notifications.templateId,
      data: notifications.data,
      recipientAddress: notifications.recipientAddress,
      accountEmail: users.email,
      accountDisabledAt: users.disabledAt,
      webhookId: chatWebhooks.id,
      webhookOwner: chatWebhooks.owner,
      webhookProvider: chatWebhooks.provider,
      webhookUrl: chatWebhooks.url,
    })
    .from(d)
    .innerJoin(notifications, eq(notifications.id, d.notificationId))
    .leftJoin(
      users,
      or(eq(users.id, notifications.recipientUserId), eq(users.personId, notifications.recipientPersonId)),
    )
    .leftJoin(chatWebhooks, eq(chatWebhooks.id, notifications.recipientWebhookId))
    .where(
      and(
        inArray(
          d.id,
          claimed.map((c) => c.id),
        ),
        eq(d.attemptId, input.attemptId),
      ),
    )
    .orderBy(asc(d.id));
  return rows.map(
    ({ accountDisabledAt, attemptId, webhookId, webhookOwner, webhookProvider, webhookUrl, ...r }) => ({
      ...r,
      attemptId: attemptId ?? input.attemptId,
      accountDisabled: accountDisabledAt !== null,
      webhook:
        webhookId !== null && webhookOwner !== null && webhookProvider !== null && webhookUrl !== null
          ? { id: webhookId, owner: webhookOwner, provider: webhookProvider, url: webhookUrl }
          : null,
    }),
  );
}

/** The outcome of one attempt, recorded only while the attempt still holds its claim. */
export type AttemptOutcome =
  | { status: "sent"; at: Date; target: string; messageId: string | null }
  | { status: "skipped"; at: Date; reason: string }
  | { status: "pending"; at: Date; nextAttemptAt: Date; error: string; target: string | null }
  | { status: "failed"; at: Date; error: string; target: string | null };

/** Records an attempt's outcome; false when the claim was taken over meanwhile (nothing written). */
export async function recordOutcome(
  db: Db,
  input: { id: number; attemptId: string; outcome: AttemptOutcome },
): Promise<boolean> {
  const d = notificationDeliveries;
  const o = input.outcome;
  const common = { status: o.status, leaseUntil: null };
  const set =
    o.status === "sent"
      ? { ...common, sentAt: o.at, target: o.target, messageId: o.messageId, lastError: null }
      : o.status === "skipped"
        ? { ...common, lastError: o.reason }
        : o.status === "pending"
          ? { ...common, nextAttemptAt: o.nextAttemptAt, lastError: o.error, target: o.target }
          : { ...common, lastError: o.error, target: o.target };
  const rows = await db
    .update(d)
    .set(set)
    .where(and(eq(d.id, input.id), eq(d.attemptId, input.attemptId), eq(d.status, "sending")))
    .returning({ id: d.id });
  return rows.length === 1;
}

/** A delivery as listed for admins and the command line. */
export interface DeliveryListing {
  id: number;
  notificationId: number;
  kind: string;
  channel: Channel;
  status: (typeof schema.DELIVERY_STATUSES)[number];
  target: string | null;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  createdAt: Date;
}

/** Deliveries, newest attempt first, optionally of one status (or one delivery by id). */
export async function listDeliveries(
  db: DbOrTx,
  input: { status?: DeliveryListing["status"]; limit: number; id?: number },
): Promise<DeliveryListing[]> {
  const d = notificationDeliveries;
  return db
    .select({
      id: d.id,
      notificationId: d.notificationId,
      kind: notifications.kind,
      channel: d.channel,
      status: d.status,
      target: d.target,
      attempts: d.attempts,
      lastError: d.lastError,
      lastAttemptAt: d.lastAttemptAt,
      nextAttemptAt: d.nextAttemptAt,
      sentAt: d.sentAt,
      createdAt: d.createdAt,
    })
    .from(d)
    .innerJoin(notifications, eq(notifications.id, d.notificationId))
    .where(
      and(
        input.status ? eq(d.status, input.status) : undefined,
        input.id !== undefined ? eq(d.id, input.id) : undefined,
      ),
    )
    .orderBy(desc(sql`coalesce(${d.lastAttemptAt}, ${d.createdAt})`), desc(d.id))
    .limit(input.limit);
}

/**
 * Puts a failed delivery back in the queue for one more round of attempts (an administrator's
 * retry): pending, due now, attempts from zero. False when it is not (or no longer) failed.
 */
export async function requeueFailed(db: DbOrTx, input: { id: number; now: Date }): Promise<boolean> {
  const d = notificationDeliveries;
  const rows = await db
    .update(d)
    .set({ status: "pending", attempts: 0, nextAttemptAt: input.now, leaseUntil: null, attemptId: null })
    .where(and(eq(d.id, input.id), eq(d.status, "failed")))
    .returning({ id: d.id });
  return rows.length === 1;
}
