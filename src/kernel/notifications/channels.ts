/**
 * Delivery channels: where a claimed delivery goes and how (resolve a target, send, say whether a
 * failure is final). Email through the mailer; chat webhooks (Discord, Slack) through the one
 * outbound HTTP client, in each service's own payload format.
 */
import type { HttpClient } from "../../platform/fetch.ts";
import type { Mailer } from "../../platform/mail.ts";
import { smtpResponseCode } from "../../platform/mail.ts";
import { maskWebhookUrl } from "./inbox.repo.ts";
import type { Channel, ClaimedDelivery, WebhookProvider } from "./notifications.repo.ts";
import type { RenderedMessage } from "./template.ts";

/**
 * Where to send (and, when the address is a secret, the name recorded instead of it), or why
 * there is nowhere to.
 */
export type Resolution = { target: string; shown?: string } | { skip: string };

/** One channel's sender. */
export interface ChannelSender {
  resolve(delivery: ClaimedDelivery): Resolution;
  /** Sends once; throws on failure. `messageId` is the same on every attempt of the delivery. */
  send(input: {
    target: string;
    message: RenderedMessage;
    messageId: string;
    delivery: ClaimedDelivery;
  }): Promise<void>;
  /** True when a failure will not go away by trying again (a 5xx SMTP refusal). */
  isPermanent(error: unknown): boolean;
  /** How long the receiver asked us to wait before the next try (a 429's retry_after), if it did. */
  retryAfterMs?(error: unknown): number | null;
}

/** The email channel over the application's mailer. */
export function emailChannel(mailer: Mailer): ChannelSender {
  return {
    resolve(delivery) {
      if (!mailer.enabled) return { skip: "email is not configured (GUILDHALL_SMTP_HOST is not set)" };
      if (delivery.recipientAddress) return { target: delivery.recipientAddress };
      if (delivery.accountDisabled) return { skip: "the recipient's account is disabled" };
      if (delivery.accountEmail) return { target: delivery.accountEmail };
      return { skip: "no email address on record for the recipient" };
    },
    async send({ target, message, messageId }) {
      await mailer.send({
        to: target,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId,
      });
    },
    isPermanent(error) {
      const code = smtpResponseCode(error);
      return code !== undefined && code >= 500 && code < 600;
    },
  };
}

/** A webhook post that did not succeed, worded without the URL (it is a secret). */
export class WebhookError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "WebhookError";
  }
}

/** The JSON body of a post to `provider`'s incoming webhook. */
export function webhookPayload(provider: WebhookProvider, message: RenderedMessage): Record<string, unknown> {
  const link = /https?:\/\/\S+/.exec(message.text)?.[0];
  if (provider === "discord") {
    // Execute Webhook: `content` up to 2,000 characters, an embed's description up to 4,096;
    // `allowed_mentions.parse: []` so that no @everyone, role or user in the text pings anyone.
    return {
      content: message.subject.slice(0, 2000),
      embeds: [
        {
          title: message.subject.slice(0, 256),
          description: message.text.slice(0, 4096),
          ...(link ? { url: link } : {}),
        },
      ],
      allowed_mentions: { parse: [] },
    };
  }
  // Slack incoming webhook: `text` is the notification fallback, `blocks` the message shown.
  // mrkdwn would read `<...>` and `&` as markup, so they are escaped as Slack asks.
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return {
    text: esc(message.subject),
    blocks: [
      { type: "header", text: { type: "plain_text", text: message.subject.slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: esc(message.text).slice(0, 3000) } },
    ],
  };
}

/** Statuses returned to the webhook channel rather than thrown by the HTTP client. */
const ERROR_STATUSES = Array.from({ length: 200 }, (_, i) => 400 + i);

/** Words for a refusal by status, in the receiver's own terms where it gives them. */
function refusal(provider: WebhookProvider, status: number, body: string): string {
  const name = provider === "discord" ? "Discord" : "Slack";
  if (provider === "slack") {
    // Slack answers in plain text: `invalid_payload`, `no_service`, `channel_is_archived`, ...
    const code = /^[a-z_]+$/.test(body.trim()) ? body.trim() : "";
    return `${name} refused the post (${status}${code ? ` ${code}` : ""})`;
  }
  let detail = "";
  try {
    const j = JSON.parse(body) as { message?: unknown; code?: unknown };
    if (typeof j.message === "string") detail = ` ${j.message.slice(0, 200)}`;
    if (typeof j.code === "number") detail += ` (code ${j.code})`;
  } catch {
    // Not JSON: the status says enough.
  }
  return `${name} refused the post (${status}${detail ? `:${detail}` : ""})`;
}

/** How long a 429 asks us to wait: Discord's JSON `retry_after` (seconds), else the Retry-After header. */
function retryAfter(body: string, header: string | null): number | null {
  try {
    const j = JSON.parse(body) as { retry_after?: unknown };
    if (typeof j.retry_after === "number" && j.retry_after >= 0) return Math.ceil(j.retry_after * 1000);
  } catch {
    // Slack's 429 body is plain text; its header carries the wait.
  }
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  return null;
}

/** The chat webhook channel: posts through the application's only outbound HTTP client. */
export function webhookChannel(http: HttpClient | undefined): ChannelSender {
  return {
    resolve(delivery) {
      const w = delivery.webhook;
      if (!http) return { skip: "this process has no outbound HTTP client" };
      if (!w) return { skip: "the webhook was removed" };
      return { target: w.url, shown: `${w.provider} webhook of ${w.owner} (${maskWebhookUrl(w.url)})` };
    },
    async send({ target, message, delivery }) {
      if (!http) throw new WebhookError("no outbound HTTP client", true);
      await postWebhook(http, { provider: delivery.webhook?.provider ?? "discord", url: target, message });
    },
    isPermanent: (e) => e instanceof WebhookError && e.permanent,
    retryAfterMs: (e) => (e instanceof WebhookError ? e.retryAfterMs : null),
  };
}

/** Posts one message; throws a WebhookError that never carries the URL. */
export async function postWebhook(
  http: HttpClient,
  input: { provider: WebhookProvider; url: string; message: RenderedMessage },
): Promise<void> {
  const name = input.provider === "discord" ? "Discord" : "Slack";
  let res: Response;
  try {
    res = await http.fetch(input.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(webhookPayload(input.provider, input.message)),
      // The outbox retries with its own backoff; a retry here would hide a 429's wait.
      retries: 0,
      acceptStatus: ERROR_STATUSES,
    });
  } catch (e) {
    // The client's message names the URL; say what happened without it.
    const text = e instanceof Error ? e.message : String(e);
    const why = /timed out/.test(text) ? "timed out" : "could not be reached";
    throw new WebhookError(`${name} ${why}`, false);
  }
  const body = (await res.text().catch(() => "")).slice(0, 2000);
  if (res.ok) return;
  const words = refusal(input.provider, res.status, body);
  if (res.status === 429) {
    throw new WebhookError(`${words}: rate limited`, false, retryAfter(body, res.headers.get("retry-after")));
  }
  // 5xx may pass; a refused payload, a bad token or a removed channel will not.
  throw new WebhookError(words, res.status < 500);
}

/** The senders by channel name. */
export type ChannelSenders = Readonly<Record<Channel, ChannelSender>>;
