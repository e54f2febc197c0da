/**
 * Writes notifications into the outbox. Call it with the transaction of the change that causes
 * them: committed together, or (rolled back) never written, so never sent. The delivery job sends them.
 */
import { z } from "zod";
import { AppError, validationError } from "../../platform/errors.ts";
import {
  type Channel,
  type DbOrTx,
  insertNotifications,
  type NotificationRow,
} from "./notifications.repo.ts";
import type { NotificationTemplate } from "./template.ts";

/** Who a notification is for: a person (reached through their account), an account, or an address. */
export type Recipient = { personId: number } | { userId: number } | { address: string };

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
  const rows: NotificationRow[] = input.items.map((item, index) => {
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
    const r = to.data;
    return {
      kind: kind.data,
      templateId: input.template.id,
      // The data as given (it parsed): rendering parses it again, so defaults apply then too.
      data: item.data,
      recipientPersonId: "personId" in r ? r.personId : null,
      recipientUserId: "userId" in r ? r.userId : null,
      recipientAddress: "address" in r ? r.address.toLowerCase() : null,
      dedupeKey: key.data,
      cause: input.cause ?? null,
    };
  });
  if (rows.length === 0) return [];
  return insertNotifications(tx, { rows, channels: input.channels ?? ["email"], at: input.at });
}
