import type { Config } from "./config.ts";
import { AppError } from "./errors.ts";
import type { Logger } from "./log.ts";

/** Options of one outbound request. */
export interface FetchOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Per-attempt timeout; defaults to the configured one. */
  timeoutMs?: number;
  /** Extra attempts after the first on 429, 5xx, timeouts and network errors. */
  retries?: number;
  /** Statuses returned to the caller instead of retried or thrown (for example 304, 404). */
  acceptStatus?: number[];
  signal?: AbortSignal;
}

/** The outbound HTTP client's settings; built once from config. */
export interface HttpClient {
  /** Fetches with user agent, timeout, retries with backoff honouring Retry-After, and logging. */
  fetch(url: string, options?: FetchOptions): Promise<Response>;
}

/** Injectable sleep so tests of backoff do not wait in real time. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(t);
      reject(signal.reason);
    });
  });

/** Seconds or HTTP-date in Retry-After, as milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Exponential backoff with full jitter, capped. */
export function backoffMs(
  attempt: number,
  baseMs = 250,
  capMs = 10_000,
  random: () => number = Math.random,
): number {
  return Math.round(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

/** Creates the only outbound HTTP client of the application. */
export function createHttpClient(deps: {
  config: Pick<Config, "http">;
  log?: Logger;
  sleep?: Sleep;
  /** Longest Retry-After honoured; longer ones are capped. */
  maxRetryAfterMs?: number;
}): HttpClient {
  const sleep = deps.sleep ?? realSleep;
  const maxRetryAfter = deps.maxRetryAfterMs ?? 60_000;
  return {
    async fetch(url, options = {}) {
      const retries = options.retries ?? deps.config.http.retries;
      const timeoutMs = options.timeoutMs ?? deps.config.http.timeoutMs;
      let lastError: unknown;
      for (let attempt = 0; attempt <= retries; attempt++) {
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
        let waitMs: number | null = null;
        try {
          const res = await fetch(url, {
            method: options.method ?? "GET",
            headers: { "user-agent": deps.config.http.userAgent, ...options.headers },
            body: options.body,
            signal,
          });
          if (res.ok || options.acceptStatus?.includes(res.status)) return res;
          if (res.status === 429 || res.status >= 500) {
            waitMs = parseRetryAfter(res.headers.get("retry-after"));
            lastError = new AppError("upstream", { message: `${url} answered ${res.status}` });
            await res.body?.cancel();
          } else {
            await res.body?.cancel();
            throw new AppError("upstream", { message: `${url} answered ${res.status}` });
          }
        } catch (e) {
          if (e instanceof AppError) throw e;
          if (options.signal?.aborted) throw e;
          lastError = new AppError("upstream", {
            message: `${url}: ${timeout.aborted ? `timed out after ${timeoutMs} ms` : errorMessage(e)}`,
            cause: e,
          });
        }
        if (attempt === retries) break;
        const delay = waitMs === null ? backoffMs(attempt) : Math.min(waitMs, maxRetryAfter);
        deps.log?.debug({ url, attempt, delay }, "retrying request");
        await sleep(delay, options.signal);
      }
      throw lastError instanceof Error ? lastError : new AppError("upstream", { message: `${url} failed` });
    },
  };
}

function errorMessage(e: unknown): string {
  if (e instanceof Error) {
    const cause = e.cause instanceof Error ? `: ${e.cause.message}` : "";
    return `${e.message}${cause}`;
  }
  return String(e);
}

/** A client per User-Agent: `http` for null, others built once each (a run's own user agent). */
export type HttpClientFactory = (userAgent: string | null) => HttpClient;

/** Builds the per-User-Agent clients over the configured one. */
export function createHttpClientFactory(deps: {
  config: Pick<Config, "http">;
  log?: Logger;
  http: HttpClient;
}): HttpClientFactory {
  const clients = new Map<string, HttpClient>();
  return (userAgent) => {
    if (!userAgent) return deps.http;
    let client = clients.get(userAgent);
    if (!client) {
      client = createHttpClient({ config: { http: { ...deps.config.http, userAgent } }, log: deps.log });
      clients.set(userAgent, client);
    }
    return client;
  };
}
