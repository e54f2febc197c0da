/**
 * Setting and removing a group's chat webhook (the route lets only its Chairs and site
 * administrators). The audit log records that it was set, the service and the kinds: never the URL.
 */
import {
  type AuditActor,
  appendAudit,
  type NotificationKindInfo,
  removeWebhook,
  saveWebhook,
  type WebhookProvider,
} from "../../kernel/index.ts";
import type { Database } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { MEETING_NOTIFICATION_KINDS } from "../meetings/meeting-notice.template.ts";
import { REPORT_CHANNEL_KINDS } from "../reports/report-reminder.template.ts";
import { groupOwner } from "./group-owner.ts";

export { groupOwner };

/** The kinds a group's channel may get: meetings, reports coming due or missed, terms ending. */
export const GROUP_CHANNEL_KINDS: readonly NotificationKindInfo[] = [
  ...MEETING_NOTIFICATION_KINDS,
  ...REPORT_CHANNEL_KINDS,
  { kind: "term.ending", label: "A member's term in the group is ending" },
];

/** Saves the group's webhook: a new URL, or (URL left empty) only the service and kinds. */
export async function setGroupWebhook(input: {
  database: Database;
  now: Date;
  by: AuditActor;
  groupId: number;
  provider: WebhookProvider;
  url: string | null;
  kinds: readonly string[];
  /** Accepted webhook addresses (tests point them at a local receiver). */
  addresses?: Parameters<typeof saveWebhook>[1]["addresses"];
}): Promise<void> {
  const known = new Set(GROUP_CHANNEL_KINDS.map((k) => k.kind));
  const unknown = input.kinds.filter((k) => !known.has(k));
  if (unknown.length) {
    throw new AppError("validation", {
      message: `Not a kind a group's channel gets: ${unknown.join(", ")}`,
      issues: [{ field: "kinds", message: `unknown: ${unknown.join(", ")}` }],
    });
  }
  await input.database.db.transaction(async (tx) => {
    await saveWebhook(tx, {
      owner: groupOwner(input.groupId),
      provider: input.provider,
      url: input.url ?? undefined,
      kinds: input.kinds,
      userId: input.by.userId,
      now: input.now,
      addresses: input.addresses,
    });
    await appendAudit(tx, {
      by: input.by,
      at: input.now,
      action: "group.webhook-set",
      subjectType: "group",
      subjectId: input.groupId,
      after: { provider: input.provider, kinds: input.kinds, urlChanged: input.url !== null },
    });
  });
}

/** Removes the group's webhook (its undelivered posts go with it). */
export async function removeGroupWebhook(input: {
  database: Database;
  now: Date;
  by: AuditActor;
  groupId: number;
}): Promise<void> {
  await input.database.db.transaction(async (tx) => {
    const removed = await removeWebhook(tx, groupOwner(input.groupId));
    if (!removed) throw new AppError("not_found", { message: "This group has no chat webhook." });
    await appendAudit(tx, {
      by: input.by,
      at: input.now,
      action: "group.webhook-removed",
      subjectType: "group",
      subjectId: input.groupId,
    });
  });
}
