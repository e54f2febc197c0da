/** Queries of the notification outbox: writing, claiming due deliveries, recording outcomes. */
import { and, asc, desc, eq, inArray, lte, or, sql } from "drizzle-orm";
import { type Db, schema, type Tx } from "../../platform/db/index.ts";

const { notifications, notificationDeliveries, users } = schema;

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
  dedupeKey: string;
  cause: string | null;
}

/** Delivery channels. */
export type Channel = (typeof schema.NOTIFICATION_CHANNELS)[number];

const CHUNK = 1000;

/** Inserts notifications (skipping dedupe keys already written) and a pending delivery per channel. */
export async function insertNotifications(
  tx: DbOrTx,
  input: { rows: NotificationRow[]; channels: readonly Channel[]; at: Date },
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < input.rows.length; i += CHUNK) {
    const written = await tx
      .insert(notifications)
      .values(input.rows.slice(i, i + CHUNK).map((r) => ({ ...r, createdAt: input.at })))
      .onConflictDoNothing({ target: notifications.dedupeKey })
      .returning({ id: notifications.id });
    const deliveries = written.flatMap((w) =>
      input.channels.map((channel) => ({
        notificationId: w.id,
        channel,
        nextAttemptAt: input.at,
        createdAt: input.at,
      })),
    );
    for (let j = 0; j < deliveries.length; j += CHUNK) {
      await tx.insert(notificationDeliveries).values(deliveries.slice(j, j + CHUNK));
    }
    ids.push(...written.map((w) => w.id));
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
}

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
    })
    .from(d)
    .innerJoin(notifications, eq(notifications.id, d.notificationId))
    .leftJoin(
      users,
      or(eq(users.id, notifications.recipientUserId), eq(users.personId, notifications.recipientPersonId)),
    )
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
  return rows.map(({ accountDisabledAt, attemptId, ...r }) => ({
    ...r,
    attemptId: attemptId ?? input.attemptId,
    accountDisabled: accountDisabledAt !== null,
  }));
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

/** Deliveries, newest attempt first, optionally of one status. */
export async function listDeliveries(
  db: Db,
  input: { status?: DeliveryListing["status"]; limit: number },
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
    .where(input.status ? eq(d.status, input.status) : undefined)
    .orderBy(desc(sql`coalesce(${d.lastAttemptAt}, ${d.createdAt})`), desc(d.id))
    .limit(input.limit);
}
