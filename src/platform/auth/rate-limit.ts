import type { Clock } from "../clock.ts";

/** The outcome of counting one attempt. */
export type RateLimitResult = { ok: true } | { ok: false; retryAfterMs: number };

/** Sliding-window counter of attempts per key (client address, email), kept in memory. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private sweeps = 0;

  constructor(private readonly options: { limit: number; windowMs: number; clock: Clock }) {}

  /** Counts an attempt for `key`; refuses it (without counting) once `limit` attempts fall in the window. */
  hit(key: string): RateLimitResult {
    const now = this.options.clock.now().getTime();
    const since = now - this.options.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.options.limit) {
      const oldest = recent[0] ?? now;
      this.hits.set(key, recent);
      return { ok: false, retryAfterMs: Math.max(1000, oldest + this.options.windowMs - now) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (++this.sweeps % 1000 === 0) this.sweep(since);
    return { ok: true };
  }

  /** Forgets keys with no attempt in the window, so memory stays bounded. */
  private sweep(since: number): void {
    for (const [key, times] of this.hits) {
      if (!times.some((t) => t > since)) this.hits.delete(key);
    }
  }
}
