/**
 * Writes notifications into the outbox. Call it with the transaction of the change that causes
 * them: committed together, or (rolled back) never written, so never sent. The delivery job sends them.
 *
 * A person's or account's notification always lands in their inbox; by email it goes at once, is
 * held for their daily digest, or not at all, as they chose for its kind. A chat webhook gets it
 * only when its owner chose that kind; an owner without a webhook gets nothing.
 */
import { z } from "zod";
import { AppError, validationError } from "../../platform/errors.ts";
import { emailModes, webhooksTaking } from "./inbox.repo.ts";
import {
  type Channel,
  type DbOrTx,
  insertNotifications,
  type NotificationRow,
} from "./notifications.repo.ts";
import type { NotificationTemplate } from "./template.ts";

/**
 * Who a notification is for: a person (reached through their account), an account, an address,
 * or the chat webhook a room set for an owner (`{ webhook: "group:12" }`).
 */
export type Recipient = { personId: number } | { userId: number } | { address: string } | { webhook: string };

const Key = z
  .string()
  .min(1, "must not be empty")
  .max(500, "must be at most 500 characters")
  .refine((k) => !k.includes("\u0000"), "must not contain a NUL character");
const Kind = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, "must look like subject.event (term.reminder)");
const RecipientSchema = z.union([
  z.object({ personId: z.number().int().positive() }).strict(),
  z.object({ userId: z.number().int().positive() }).strict(),
  z.object({ address: z.email("must be an email address") }).strict(),
  z.object({ webhook: z.string().regex(/^[a-z]+:[0-9a-z-]+$/, "must look like group:12") }).strict(),
]);

/** Writes one notification per item (one template and kind for the batch); returns the ids written. */
export async function notify<S extends z.ZodType>(
  tx: DbOrTx,
  input: {
    kind: string;
    template: NotificationTemplate<S>;
    items: ReadonlyArray<{ to: Recipient; data: z.input<S>; dedupeKey: string }>;
    at: Date;
    cause?: string;
    channels?: readonly Channel[];
  },
): Promise<number[]> {
  const kind = Kind.safeParse(input.kind);
  if (!kind.success) throw validationError("notification kind", kind.error.issues);
  const checked = input.items.map((item, index) => {
    const where = `notification ${index + 1}`;
    const to = RecipientSchema.safeParse(item.to);
    if (!to.success) throw validationError(`${where} recipient`, to.error.issues);
    const key = Key.safeParse(item.dedupeKey);
    if (!key.success) throw validationError(`${where} dedupe key`, key.error.issues);
    const data = input.template.data.safeParse(item.data);
    if (!data.success) throw validationError(`${where} data for ${input.template.id}`, data.error.issues);
    // PostgreSQL's jsonb refuses NUL; say so here rather than as a driver error mid-transaction.
    if (JSON.stringify(item.data).includes("\\u0000")) {
      throw new AppError("validation", {
        message: `Invalid ${where} data: a NUL character cannot be stored`,
        issues: [{ field: "data", message: "contains a NUL character" }],
      });
    }
    return { to: to.data, dedupeKey: key.data, data: item.data };
  });
  const channels = input.channels ?? ["email"];
  const personIds: number[] = [];
  const userIds: number[] = [];
  const owners: string[] = [];
  for (const { to } of checked) {
    if ("personId" in to) personIds.push(to.personId);
    else if ("userId" in to) userIds.push(to.userId);
    else if ("webhook" in to) owners.push(to.webhook);
  }
  const modes = channels.includes("email")
    ? await emailModes(tx, { kind: kind.data, personIds, userIds })
    : { byPerson: new Map(), byUser: new Map() };
  const webhooks = await webhooksTaking(tx, { owners, kind: kind.data });
  const rows: NotificationRow[] = [];
  for (const { to, dedupeKey, data } of checked) {
    const base = {
      kind: kind.data,
      templateId: input.template.id,
      // The data as given (it parsed): rendering parses it again, so defaults apply then too.
      data,
      recipientPersonId: null,
      recipientUserId: null,
      recipientAddress: null,
      recipientWebhookId: null,
      dedupeKey,
      cause: input.cause ?? null,
      channels,
      heldForDigest: false,
    };
    if ("webhook" in to) {
      const id = webhooks.get(to.webhook);
      if (id !== undefined) rows.push({ ...base, recipientWebhookId: id, channels: ["webhook"] });
      continue;
    }
    if ("address" in to) {
      rows.push({ ...base, recipientAddress: to.address.toLowerCase() });
      continue;
    }
    // No account yet: nothing to choose with, so email as before (skipped at delivery if no address).
    const mode =
      ("personId" in to ? modes.byPerson.get(to.personId) : modes.byUser.get(to.userId)) ?? "immediately";
    const kept = mode === "immediately" ? channels : channels.filter((c) => c !== "email");
    rows.push({
      ...base,
      ...("personId" in to ? { recipientPersonId: to.personId } : { recipientUserId: to.userId }),
      channels: kept,
      heldForDigest: mode === "digest" && channels.includes("email"),
    });
  }
  if (rows.length === 0) return [];
  return insertNotifications(tx, { rows, at: input.at });
}
