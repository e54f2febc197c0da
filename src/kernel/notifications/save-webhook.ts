/**
 * Setting a chat webhook: the URL must be the service's own incoming-webhook address (https, its
 * host), so the secret is never sent anywhere else and the server posts nowhere a visitor chose.
 */
import { z } from "zod";
import { validationError } from "../../platform/errors.ts";
import { deleteWebhook, upsertWebhook } from "./inbox.repo.ts";
import type { DbOrTx, WebhookProvider } from "./notifications.repo.ts";

/** Where each service's incoming webhooks live. */
export const WEBHOOK_ADDRESSES: Readonly<
  Record<WebhookProvider, { hosts: readonly string[]; path: RegExp }>
> = {
  discord: {
    hosts: ["discord.com", "discordapp.com", "canary.discord.com", "ptb.discord.com"],
    path: /^\/api(\/v\d+)?\/webhooks\/\d+\/[\w-]+\/?$/,
  },
  slack: { hosts: ["hooks.slack.com"], path: /^\/services\/[\w/]+$/ },
};

/** Checks `url` against the provider's address; returns the problem, or null. */
export function webhookUrlProblem(
  provider: WebhookProvider,
  url: string,
  addresses: typeof WEBHOOK_ADDRESSES = WEBHOOK_ADDRESSES,
): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "must be a full address (https://...)";
  }
  const rule = addresses[provider];
  const name = provider === "discord" ? "Discord" : "Slack";
  const example =
    provider === "discord"
      ? "https://discord.com/api/webhooks/<id>/<token>"
      : "https://hooks.slack.com/services/...";
  if (!rule.hosts.includes(u.host) || !rule.path.test(u.pathname) || u.username || u.password) {
    return `must be a ${name} incoming-webhook address (${example})`;
  }
  if (
    u.protocol !== "https:" &&
    !(u.protocol === "http:" && /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(u.host))
  ) {
    return "must use https";
  }
  return null;
}

const Kinds = z.array(z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/)).max(50);

/** Saves the owner's webhook (a new URL, or only new kinds when `url` is omitted). */
export async function saveWebhook(
  tx: DbOrTx,
  input: {
    owner: string;
    provider: WebhookProvider;
    url?: string;
    kinds: readonly string[];
    userId: number | null;
    now: Date;
    addresses?: typeof WEBHOOK_ADDRESSES;
  },
): Promise<void> {
  const url = input.url?.trim() || undefined;
  if (url !== undefined) {
    const problem = webhookUrlProblem(input.provider, url, input.addresses);
    if (problem) throw validationError("webhook", [{ path: ["url"], message: problem }]);
  }
  const kinds = Kinds.safeParse([...input.kinds]);
  if (!kinds.success) throw validationError("webhook", [{ path: ["kinds"], message: "unknown kinds" }]);
  const saved = await upsertWebhook(tx, {
    owner: input.owner,
    provider: input.provider,
    url,
    kinds: kinds.data,
    userId: input.userId,
    at: input.now,
  });
  if (!saved)
    throw validationError("webhook", [{ path: ["url"], message: "is required (no webhook is set yet)" }]);
}

/** Removes the owner's webhook; true when there was one. */
export async function removeWebhook(tx: DbOrTx, owner: string): Promise<boolean> {
  return deleteWebhook(tx, owner);
}
