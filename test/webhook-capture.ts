/**
 * A local receiver for chat incoming webhooks that answers as Discord and Slack do, with injected
 * failures, and keeps every post it accepted.
 *
 * Discord (Execute Webhook, `POST /api/webhooks/{id}/{token}`): 204 with no body (200 and the
 * message with `?wait=true`); 400 `{"message": "Cannot send an empty message", "code": 50006}`;
 * 404 `{"message": "Unknown Webhook", "code": 10015}`; 429 `{"message": "You are being rate
 * limited.", "retry_after": 1.5, "global": false}` with a Retry-After header.
 * Slack (`POST /services/T…/B…/…`): 200 `ok`; errors in plain text: 400 `invalid_payload`, 404
 * `no_service`, 410 `channel_is_archived`, 429 (Retry-After), 500 `rollup_error`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One accepted post. */
export interface ReceivedPost {
  service: "discord" | "slack";
  path: string;
  body: Record<string, unknown>;
}

/** Per request: a failure to answer with instead of accepting, or null to accept. */
export type WebhookFault = "rate-limit" | "server-error" | "gone" | null;

/** Injected failures and the webhooks that exist. */
export interface WebhookFaults {
  /** Decides each request's fault (seeded in tests, so runs repeat). */
  fault?: (request: number) => WebhookFault;
  /** Seconds Discord's 429 asks to wait (`retry_after`). */
  retryAfterSeconds?: number;
}

/** The running receiver. */
export interface WebhookCapture {
  /** `http://127.0.0.1:port` */
  origin: string;
  host: string;
  posts: ReceivedPost[];
  /** Requests answered, accepted or not. */
  requests: number;
  /** A Discord webhook URL on this receiver. */
  discordUrl(id?: string, token?: string): string;
  /** A Slack webhook URL on this receiver. */
  slackUrl(path?: string): string;
  /** Webhook addresses (by path) answered "unknown" from now on. */
  remove(url: string): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function plain(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(body);
}

/** Starts a receiver on loopback. */
export async function startWebhookCapture(faults: WebhookFaults = {}): Promise<WebhookCapture> {
  const posts: ReceivedPost[] = [];
  const removed = new Set<string>();
  let requests = 0;
  const server = createServer(async (req, res) => {
    const n = requests++;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readBody(req);
    const discord = /^\/api\/webhooks\/\d+\/[\w-]+$/.test(url.pathname);
    const slack = /^\/services\/[\w/]+$/.test(url.pathname);
    if (req.method !== "POST" || (!discord && !slack)) return plain(res, 404, "not found");
    const fault = faults.fault?.(n) ?? null;
    const retryAfter = faults.retryAfterSeconds ?? 1.5;
    if (discord) {
      if (removed.has(url.pathname) || fault === "gone") {
        return json(res, 404, { message: "Unknown Webhook", code: 10015 });
      }
      if (fault === "rate-limit") {
        return json(
          res,
          429,
          { message: "You are being rate limited.", retry_after: retryAfter, global: false },
          { "retry-after": String(Math.ceil(retryAfter)) },
        );
      }
      if (fault === "server-error") return json(res, 502, { message: "502: Bad Gateway", code: 0 });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return json(res, 400, { message: "The request body contains invalid JSON.", code: 50109 });
      }
      const content = typeof body.content === "string" ? body.content : "";
      const embeds = Array.isArray(body.embeds) ? body.embeds : [];
      if (!content && embeds.length === 0)
        return json(res, 400, { message: "Cannot send an empty message", code: 50006 });
      if (content.length > 2000 || embeds.length > 10) {
        return json(res, 400, { message: "Invalid Form Body", code: 50035 });
      }
      posts.push({ service: "discord", path: url.pathname, body });
      if (url.searchParams.get("wait") === "true") return json(res, 200, { id: String(1e17 + n), content });
      res.writeHead(204);
      return res.end();
    }
    if (removed.has(url.pathname)) return plain(res, 404, "no_service");
    if (fault === "gone") return plain(res, 410, "channel_is_archived");
    if (fault === "rate-limit")
      return plain(res, 429, "rate_limited", { "retry-after": String(Math.ceil(retryAfter)) });
    if (fault === "server-error") return plain(res, 500, "rollup_error");
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return plain(res, 400, "invalid_payload");
    }
    if (typeof body.text !== "string" && !Array.isArray(body.blocks)) return plain(res, 400, "no_text");
    if (body.blocks !== undefined && !Array.isArray(body.blocks)) return plain(res, 400, "invalid_blocks");
    posts.push({ service: "slack", path: url.pathname, body });
    return plain(res, 200, "ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    host: `127.0.0.1:${port}`,
    posts,
    get requests() {
      return requests;
    },
    discordUrl: (id = "112233445566778899", token = "tok3n-SECRET-discord") =>
      `${origin}/api/webhooks/${id}/${token}`,
    slackUrl: (path = "T0001/B0001/SECRETslackToken") => `${origin}/services/${path}`,
    remove: (u) => removed.add(new URL(u).pathname),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
