/**
 * Delivers what the outbox holds: claims due deliveries, renders each with its template and the
 * configured base URL, sends it through its channel and records the outcome.
 *
 * Idempotence: a delivery is claimed (status `sending`, a fresh attempt id, a lease) in one
 * transaction, sent, then marked `sent` in another, only by the claim that sent it; a delivery
 * marked sent is never claimed again, so retried jobs and parallel workers send it once. The one
 * at-least-once window: the receiving server accepted the message but the process died (or the
 * database was unreachable) before the mark committed. The lease then expires and the message is
 * sent again, with the same Message-ID, so the duplicate is recognisable. The mark is a one-row
 * update made right after the send and retried a few times to keep that window short.
 */
import { randomUUID } from "node:crypto";
import pLimit from "p-limit";
import type { Clock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import type { HttpClient } from "../../platform/fetch.ts";
import type { Logger } from "../../platform/log.ts";
import type { Mailer } from "../../platform/mail.ts";
import { type ChannelSenders, emailChannel, webhookChannel } from "./channels.ts";
import { afterFailure, DEFAULT_DELIVERY_POLICY, type DeliveryPolicy } from "./delivery-policy.ts";
import {
  type AttemptOutcome,
  type ClaimedDelivery,
  claimDueDeliveries,
  recordOutcome,
} from "./notifications.repo.ts";
import { renderNotification, type TemplateRegistry } from "./template.ts";

/** What delivering needs from the platform and the composition root. */
export interface NotificationDeps {
  database: Database;
  clock: Clock;
  log?: Logger;
  config: { baseUrl: string };
  mailer: Mailer;
  /** The outbound HTTP client (chat webhooks); the application always has one. */
  http?: HttpClient;
  /** Every room's templates. */
  notificationTemplates: TemplateRegistry;
}

/** What one round did. */
export interface DeliveryRound {
  claimed: number;
  sent: number;
  skipped: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  /** Failed for good (kept, with the last error, for site admins). */
  failed: number;
  /** Attempts whose claim was taken over before they could record their outcome. */
  lost: number;
}

/** The Message-ID of a delivery: the same on every attempt. */
export function messageIdFor(delivery: { id: number; channel: string }, baseUrl: string): string {
  let host = "guildhall.invalid";
  try {
    host = new URL(baseUrl).hostname || host;
  } catch {
    // An unreadable base URL is refused by configuration; keep a valid id regardless.
  }
  return `<notification-delivery-${delivery.id}.${delivery.channel}@${host}>`;
}

const MARK_TRIES = 3;

/** An error and its cause in one line (the SMTP server's reply is in the cause). */
function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? e.cause.message : undefined;
  return cause && cause !== e.message ? `${e.message} ${cause}` : e.message;
}

/** Claims up to `limit` due deliveries and tries each once. */
export async function deliverNotifications(input: {
  deps: NotificationDeps;
  limit?: number;
  /** Sends in flight at once. */
  concurrency?: number;
  policy?: DeliveryPolicy;
  /** Replaces the channel senders (tests of failure handling). */
  channels?: ChannelSenders;
}): Promise<DeliveryRound> {
  const { database, clock, config, notificationTemplates } = input.deps;
  const log = input.deps.log;
  const policy = input.policy ?? DEFAULT_DELIVERY_POLICY;
  const channels: ChannelSenders = input.channels ?? {
    email: emailChannel(input.deps.mailer),
    webhook: webhookChannel(input.deps.http),
  };
  const now = clock.now();
  const attemptId = randomUUID();
  const claimed = await claimDueDeliveries(database.db, {
    now,
    limit: input.limit ?? 100,
    attemptId,
    leaseUntil: new Date(now.getTime() + policy.leaseSeconds * 1000),
  });
  const round: DeliveryRound = {
    claimed: claimed.length,
    sent: 0,
    skipped: 0,
    retrying: 0,
    failed: 0,
    lost: 0,
  };

  const record = async (delivery: ClaimedDelivery, outcome: AttemptOutcome) => {
    for (let i = 1; ; i++) {
      try {
        const kept = await recordOutcome(database.db, {
          id: delivery.id,
          attemptId: delivery.attemptId,
          outcome,
        });
        if (!kept) {
          round.lost++;
          log?.warn({ deliveryId: delivery.id, outcome: outcome.status }, "delivery claim was taken over");
          return;
        }
        if (outcome.status === "sent") round.sent++;
        else if (outcome.status === "skipped") round.skipped++;
        else if (outcome.status === "pending") round.retrying++;
        else round.failed++;
        return;
      } catch (e) {
        if (i >= MARK_TRIES) throw e;
        await new Promise((r) => setTimeout(r, 100 * i));
      }
    }
  };

  const attempt = async (delivery: ClaimedDelivery) => {
    const at = () => clock.now();
    const fail = (
      error: string,
      permanent: boolean,
      target: string | null,
      waitMs: number | null = null,
    ): AttemptOutcome => {
      const next = afterFailure({ attempts: delivery.attempts, permanent, now: at(), policy });
      if (next.status === "failed") return { status: "failed", at: at(), error, target };
      // A receiver that asked for a longer wait (429 retry_after) gets it.
      const asked = waitMs === null ? 0 : at().getTime() + waitMs;
      const nextAttemptAt = new Date(Math.max(next.nextAttemptAt.getTime(), asked));
      return { status: "pending", at: at(), nextAttemptAt, error, target };
    };
    const channel = channels[delivery.channel];
    const template = notificationTemplates.get(delivery.templateId);
    if (!template) return record(delivery, fail(`no template named ${delivery.templateId}`, true, null));
    let message: ReturnType<typeof renderNotification>;
    try {
      message = renderNotification({ template, data: delivery.data, baseUrl: config.baseUrl });
    } catch (e) {
      return record(delivery, fail(`cannot render ${delivery.templateId}: ${String(e)}`, true, null));
    }
    const resolution = channel.resolve(delivery);
    if ("skip" in resolution)
      return record(delivery, { status: "skipped", at: at(), reason: resolution.skip });
    const messageId = delivery.messageId ?? messageIdFor(delivery, config.baseUrl);
    // What is recorded and logged: a secret address (a webhook URL) only in its masked form.
    const shown = resolution.shown ?? resolution.target;
    try {
      await channel.send({ target: resolution.target, message, messageId, delivery });
    } catch (e) {
      const reason = errorText(e);
      const outcome = fail(reason, channel.isPermanent(e), shown, channel.retryAfterMs?.(e) ?? null);
      log?.warn(
        { err: e, deliveryId: delivery.id, attempt: delivery.attempts, next: outcome.status },
        "delivery failed",
      );
      return record(delivery, outcome);
    }
    return record(delivery, { status: "sent", at: at(), target: shown, messageId });
  };

  const limit = pLimit(Math.max(1, input.concurrency ?? 4));
  await Promise.all(claimed.map((d) => limit(() => attempt(d))));
  return round;
}

/** Rounds per call at most, so one run cannot hold a worker forever; the next run takes the rest. */
const MAX_ROUNDS = 20;

/** Delivers due notifications in rounds of `limit` until a round finds fewer (or MAX_ROUNDS); totals. */
export async function deliverDueNotifications(input: {
  deps: NotificationDeps;
  limit: number;
}): Promise<DeliveryRound> {
  const total: DeliveryRound = { claimed: 0, sent: 0, skipped: 0, retrying: 0, failed: 0, lost: 0 };
  for (let i = 0; i < MAX_ROUNDS; i++) {
    const round = await deliverNotifications({ deps: input.deps, limit: input.limit });
    for (const k of Object.keys(total) as Array<keyof DeliveryRound>) total[k] += round[k];
    if (round.claimed < input.limit) break;
  }
  return total;
}
