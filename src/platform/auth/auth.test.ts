import { describe, expect, it } from "vitest";
import { FixedClock } from "../clock.ts";
import { loadConfig } from "../config.ts";
import { csrfTokenFor, verifyCsrfToken } from "./csrf.ts";
import { RateLimiter } from "./rate-limit.ts";
import { hashSecret, newSecret, safeEqual } from "./secrets.ts";

describe("secrets", () => {
  it("are 256-bit, prefixed on request, and stored as SHA-256 hex", () => {
    const s = newSecret("guildhall_pat_");
    expect(s).toMatch(/^guildhall_pat_[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(newSecret());
    expect(hashSecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
  });
});

describe("CSRF tokens", () => {
  it("fit one browser's cookies and one session, under one secret", () => {
    const t = csrfTokenFor("secret", "cookie-a", "session-1");
    expect(verifyCsrfToken("secret", "cookie-a", "session-1", t)).toBe(true);
    expect(verifyCsrfToken("secret", "cookie-b", "session-1", t)).toBe(false);
    expect(verifyCsrfToken("secret", "cookie-a", "session-2", t)).toBe(false);
    expect(verifyCsrfToken("secret", "cookie-a", undefined, t)).toBe(false);
    expect(verifyCsrfToken("other", "cookie-a", "session-1", t)).toBe(false);
  });
});

describe("rate limiter", () => {
  it("allows `limit` attempts per sliding window and says when to retry", () => {
    const clock = new FixedClock("2026-01-01T00:00:00Z");
    const limiter = new RateLimiter({ limit: 2, windowMs: 60_000, clock });
    expect(limiter.hit("a").ok).toBe(true);
    clock.advance(10_000);
    expect(limiter.hit("a").ok).toBe(true);
    const refused = limiter.hit("a");
    expect(refused).toEqual({ ok: false, retryAfterMs: 50_000 });
    expect(limiter.hit("b").ok).toBe(true);
    clock.advance(50_001);
    expect(limiter.hit("a").ok).toBe(true);
    expect(limiter.hit("a").ok).toBe(false);
  });
});

describe("auth configuration", () => {
  it("makes cookies Secure for an https base URL unless told otherwise", () => {
    expect(loadConfig({ GUILDHALL_BASE_URL: "https://guildhall.example" }).auth.cookieSecure).toBe(true);
    expect(loadConfig({ GUILDHALL_BASE_URL: "http://127.0.0.1:3000" }).auth.cookieSecure).toBe(false);
    expect(
      loadConfig({ GUILDHALL_BASE_URL: "https://x.example", GUILDHALL_COOKIE_SECURE: "false" }).auth
        .cookieSecure,
    ).toBe(false);
  });
  it("requires a session secret in production and names the variable", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/GUILDHALL_SESSION_SECRET/);
    expect(loadConfig({ NODE_ENV: "production", GUILDHALL_SESSION_SECRET: "s" }).auth.secret).toBe("s");
  });
  it("reads GitHub and SMTP settings, trimming trailing slashes", () => {
    const c = loadConfig({
      GUILDHALL_GITHUB_CLIENT_ID: "id",
      GUILDHALL_GITHUB_CLIENT_SECRET: "secret",
      GUILDHALL_GITHUB_URL: "http://127.0.0.1:9999/",
      GUILDHALL_SMTP_HOST: "127.0.0.1",
      GUILDHALL_SMTP_PORT: "2525",
    });
    expect(c.auth.github).toMatchObject({
      clientId: "id",
      webUrl: "http://127.0.0.1:9999",
      apiUrl: "https://api.github.com",
    });
    expect(c.mail).toMatchObject({ host: "127.0.0.1", port: 2525, secure: false });
    expect(() => loadConfig({ GUILDHALL_SMTP_PORT: "twenty-five" })).toThrow(/GUILDHALL_SMTP_PORT/);
  });
});
