/**
 * Queries of what people see and choose about notifications: their inbox (the notifications
 * addressed to them or to their person), their per-kind preferences, the chat webhooks rooms set,
 * and the items a daily digest gathers.
 */
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { type Db, schema } from "../../platform/db/index.ts";
import type { DbOrTx, WebhookProvider } from "./notifications.repo.ts";

const { notifications, notificationPreferences, chatWebhooks, users } = schema;

/** A person's choice for one kind. */
export type NotificationMode = (typeof schema.NOTIFICATION_MODES)[number];

/** The kind of the digest email itself: it is sent, never put in an inbox or held for a digest. */
export const DIGEST_KIND = "notification.digest";

/** Whose inbox: the account and the charter person it is linked to (if any). */
export interface InboxOwner {
  userId: number;
  personId: number | null;
}

function addressedTo(owner: InboxOwner): SQL {
  const mine =
    owner.personId === null
      ? eq(notifications.recipientUserId, owner.userId)
      : or(
          eq(notifications.recipientUserId, owner.userId),
          eq(notifications.recipientPersonId, owner.personId),
        );
  return and(mine, sql`${notifications.kind} <> ${DIGEST_KIND}`) as SQL;
}

/** The account's person, to reach notifications addressed to it. */
export async function inboxOwnerOf(db: DbOrTx, userId: number): Promise<InboxOwner> {
  const [row] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, userId));
  return { userId, personId: row?.personId ?? null };
}

/** Unread notifications of one owner: one count over two partial indexes (every page's header). */
export async function unreadCount(db: DbOrTx, owner: InboxOwner): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(addressedTo(owner), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** One inbox entry (rendered by the caller with the notification's template). */
export interface InboxRow {
  id: number;
  kind: string;
  templateId: string;
  data: unknown;
  createdAt: Date;
  readAt: Date | null;
}

/** The newest notifications of one owner, unread or all. */
export async function inboxRows(
  db: DbOrTx,
  input: { owner: InboxOwner; limit: number; unreadOnly?: boolean },
): Promise<InboxRow[]> {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      templateId: notifications.templateId,
      data: notifications.data,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(and(addressedTo(input.owner), input.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit);
}

/** Marks one of the owner's notifications read; false when it is not theirs (or does not exist). */
export async function markRead(db: DbOrTx, input: { owner: InboxOwner; id: number; at: Date }) {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${input.at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, input.id), addressedTo(input.owner)))
    .returning({ id: notifications.id });
  return rows.length === 1;
}

/** Marks every unread notification of the owner read; how many. */
export async function markAllRead(db: DbOrTx, input: { owner: InboxOwner; at: Date }): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: input.at })
    .where(and(addressedTo(input.owner), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The account's stored choices (kinds without a row are sent immediately). */
export async function preferencesOf(db: DbOrTx, userId: number): Promise<Map<string, NotificationMode>> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, mode: notificationPreferences.mode })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return new Map(rows.map((r) => [r.kind, r.mode]));
}

/** Sets the account's choice for each given kind. */
export async function savePreferences(
  db: DbOrTx,
  input: { userId: number; modes: ReadonlyArray<{ kind: string; mode: NotificationMode }>; at: Date },
): Promise<void> {
  if (input.modes.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(
      input.modes.map((m) => ({ userId: input.userId, kind: m.kind, mode: m.mode, updatedAt: input.at })),
    )
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { mode: sql`excluded.mode`, updatedAt: sql`excluded.updated_at` },
    });
}

/** The accounts behind person and account recipients, with their choice for `kind`. */
export async function emailModes(
  db: DbOrTx,
  input: { kind: string; personIds: readonly number[]; userIds: readonly number[] },
): Promise<{ byPerson: Map<number, NotificationMode>; byUser: Map<number, NotificationMode> }> {
  const byPerson = new Map<number, NotificationMode>();
  const byUser = new Map<number, NotificationMode>();
  if (input.personIds.length === 0 && input.userIds.length === 0) return { byPerson, byUser };
  const rows = await db
    .select({ userId: users.id, personId: users.personId, mode: notificationPreferences.mode })
    .from(users)
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, input.kind)),
    )
    .where(
      or(
        input.userIds.length ? inArray(users.id, [...input.userIds]) : undefined,
        input.personIds.length ? inArray(users.personId, [...input.personIds]) : undefined,
      ),
    );
  for (const r of rows) {
    const mode = r.mode ?? "immediately";
    byUser.set(r.userId, mode);
    if (r.personId !== null) byPerson.set(r.personId, mode);
  }
  return { byPerson, byUser };
}

/** A chat webhook as everyone but the delivery job sees it: no URL, only its masked form. */
export interface WebhookSetting {
  id: number;
  owner: string;
  provider: WebhookProvider;
  /** `https://discord.com/api/webhooks/…7f3a`: the host and the last four characters. */
  masked: string;
  kinds: string[];
  setAt: Date;
  setByUserId: number | null;
}

/** The URL masked: scheme and host, then the last four characters of the rest. */
export function maskWebhookUrl(url: string): string {
  try {
    const u = new URL(url);
    const rest = `${u.pathname}${u.search}`;
    return `${u.protocol}//${u.host}/…${rest.length > 8 ? rest.slice(-4) : ""}`;
  } catch {
    return "(unreadable address)";
  }
}

/** The webhook of one owner, masked. */
export async function webhookOf(db: DbOrTx, owner: string): Promise<WebhookSetting | null> {
  const [row] = await db.select().from(chatWebhooks).where(eq(chatWebhooks.owner, owner));
  if (!row) return null;
  return {
    id: row.id,
    owner: row.owner,
    provider: row.provider,
    masked: maskWebhookUrl(row.url),
    kinds: row.kinds,
    setAt: row.setAt,
    setByUserId: row.setByUserId,
  };
}

/**
 * Sets the owner's webhook. `url` undefined keeps the stored one (changing only the kinds); a
 * new URL replaces it.
 */
export async function upsertWebhook(
  db: DbOrTx,
  input: {
    owner: string;
    provider: WebhookProvider;
    url: string | undefined;
    kinds: string[];
    userId: number | null;
    at: Date;
  },
): Promise<boolean> {
  if (input.url === undefined) {
    const rows = await db
      .update(chatWebhooks)
      .set({ provider: input.provider, kinds: input.kinds, setByUserId: input.userId, setAt: input.at })
      .where(eq(chatWebhooks.owner, input.owner))
      .returning({ id: chatWebhooks.id });
    return rows.length === 1;
  }
  await db
    .insert(chatWebhooks)
    .values({
      owner: input.owner,
      provider: input.provider,
      url: input.url,
      kinds: input.kinds,
      setByUserId: input.userId,
      setAt: input.at,
    })
    .onConflictDoUpdate({
      target: chatWebhooks.owner,
      set: {
        provider: input.provider,
        url: input.url,
        kinds: input.kinds,
        setByUserId: input.userId,
        setAt: input.at,
      },
    });
  return true;
}

/**
 * Removes the owner's webhook; its undelivered posts go with it (cascade), as nobody may read
 * them anywhere else. True when there was one.
 */
export async function deleteWebhook(db: DbOrTx, owner: string): Promise<boolean> {
  const rows = await db
    .delete(chatWebhooks)
    .where(eq(chatWebhooks.owner, owner))
    .returning({ id: chatWebhooks.id });
  return rows.length === 1;
}

/** The webhooks of these owners that take `kind`, by owner. */
export async function webhooksTaking(
  db: DbOrTx,
  input: { owners: readonly string[]; kind: string },
): Promise<Map<string, number>> {
  if (input.owners.length === 0) return new Map();
  const rows = await db
    .select({ id: chatWebhooks.id, owner: chatWebhooks.owner })
    .from(chatWebhooks)
    .where(
      and(
        inArray(chatWebhooks.owner, [...input.owners]),
        sql`${chatWebhooks.kinds} @> ${JSON.stringify([input.kind])}::jsonb`,
      ),
    );
  return new Map(rows.map((r) => [r.owner, r.id]));
}

/** One notification held for a digest. */
export interface DigestItem {
  id: number;
  userId: number;
  kind: string;
  templateId: string;
  data: unknown;
  createdAt: Date;
}

/** Everything held for digests and written in [from, to), with the account it goes to, oldest first. */
export async function heldForDigest(db: Db, input: { from: Date; to: Date }): Promise<DigestItem[]> {
  return db
    .select({
      id: notifications.id,
      userId: users.id,
      kind: notifications.kind,
      templateId: notifications.templateId,
      data: notifications.data,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .innerJoin(
      users,
      or(eq(users.id, notifications.recipientUserId), eq(users.personId, notifications.recipientPersonId)),
    )
    .where(
      and(
        eq(notifications.heldForDigest, true),
        gte(notifications.createdAt, input.from),
        lt(notifications.createdAt, input.to),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.id), asc(notifications.createdAt), asc(notifications.id));
}
