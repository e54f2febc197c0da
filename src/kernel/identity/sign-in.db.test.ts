import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { TestBrowser } from "../../../test/browser.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { type GitHubServer, startGitHubServer } from "../../../test/github-server/server.ts";
import { type SmtpCapture, startSmtpCapture } from "../../../test/smtp-capture.ts";
import type { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";

let database: Database;
let smtp: SmtpCapture;
let gh: GitHubServer;
let app: Hono<AppEnv>;
let clock: FixedClock;
let ipCounter = 0;

const browser = () => new TestBrowser((p, i) => app.request(p, i), `198.51.100.${++ipCounter}`);

/** Requests a link for `email` and returns the link's path and query from the received message. */
async function requestLink(b: TestBrowser, email: string): Promise<string> {
  const seen = smtp.messages.length;
  const res = await b.submit("/sign-in/email", { email });
  expect(res.status).toBe(200);
  expect(await res.text()).toContain("Check your email");
  const mail = await smtp.next(seen);
  expect(mail.to).toEqual([email.toLowerCase()]);
  const link = /http:\/\/guildhall\.test(\/sign-in\/email\/callback\?token=[A-Za-z0-9_%-]+)/.exec(mail.text);
  if (!link?.[1]) throw new Error(`no link in the message:\n${mail.text}`);
  return link[1];
}

/** Follows an emailed link and presses the "Sign in" button. */
async function followLink(b: TestBrowser, path: string): Promise<Response> {
  const { res, html } = await b.page(path);
  expect(res.status).toBe(200);
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? "";
  return b.submit("/sign-in/email/callback", { token, next: "/account" }, { csrf: TestBrowser.csrfIn(html) });
}

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpCapture();
  gh = await startGitHubServer();
  ({ app, clock } = await createTestApplication(database, {
    GUILDHALL_SMTP_HOST: smtp.host,
    GUILDHALL_SMTP_PORT: String(smtp.port),
    GUILDHALL_MAIL_FROM: "Guildhall <noreply@guildhall.test>",
    GUILDHALL_GITHUB_CLIENT_ID: gh.clientId,
    GUILDHALL_GITHUB_CLIENT_SECRET: gh.clientSecret,
    GUILDHALL_GITHUB_URL: gh.url,
    GUILDHALL_GITHUB_API_URL: gh.url,
    GUILDHALL_SIGN_IN_LIMIT_PER_IP: "6",
    GUILDHALL_SIGN_IN_LIMIT_PER_EMAIL: "3",
  }));
});

afterAll(async () => {
  await smtp?.close();
  await gh?.close();
  await database?.close();
});

describe("sign-in with an emailed link, over real SMTP", () => {
  it("sends the link, signs in once, keeps only a hash of the session, and signs out", async () => {
    const b = browser();
    const signIn = await b.page("/sign-in");
    expect(signIn.html).toContain('action="/sign-in/email"');
    expect(signIn.html).toContain("Sign in with GitHub");

    const path = await requestLink(b, "Grace@Example.org");
    const mail = smtp.messages.at(-1);
    expect(mail?.from).toBe("noreply@guildhall.test");
    expect(mail?.raw).toMatch(/^Subject: Your Guildhall sign-in link/m);

    const done = await followLink(b, path);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/account");
    const sessionLine = b.setCookieLines.find((l) => l.startsWith("guildhall_session="));
    expect(sessionLine).toMatch(/HttpOnly/);
    expect(sessionLine).toMatch(/SameSite=Lax/);
    expect(sessionLine).not.toMatch(/Secure/);

    const account = await b.page("/account");
    expect(account.res.status).toBe(200);
    expect(account.html).toContain("Signed in as");
    expect(account.html).toContain("grace@example.org");

    const cookie = b.cookies.get("guildhall_session") ?? "";
    const stored = await database.db.select().from(schema.sessions);
    expect(stored.map((s) => s.idHash)).toContain(createHash("sha256").update(cookie).digest("hex"));
    expect(stored.map((s) => s.idHash)).not.toContain(cookie);

    // The link works once.
    expect((await b.page(path)).res.status).toBe(404);
    const token = new URL(path, "http://x").searchParams.get("token") ?? "";
    const again = await b.submit("/sign-in/email/callback", { token }, { csrf: await b.csrf("/account") });
    expect(again.status).toBe(401);

    const out = await b.submit("/sign-out", {}, { csrf: await b.csrf("/account") });
    expect(out.status).toBe(303);
    const after = await b.request("/account");
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toBe("/sign-in?next=%2Faccount");
    // The old cookie value no longer works even if replayed.
    const replay = new TestBrowser((p, i) => app.request(p, i));
    replay.cookies.set("guildhall_session", cookie);
    expect((await replay.request("/api/account")).status).toBe(401);
  });

  it("refuses an expired link", async () => {
    const b = browser();
    const path = await requestLink(b, "late@example.org");
    clock.advance(16 * 60_000);
    expect((await b.page(path)).res.status).toBe(404);
  });

  it("answers a malformed address with the form and a message, sending nothing", async () => {
    const b = browser();
    const seen = smtp.messages.length;
    const res = await b.submit("/sign-in/email", { email: "not-an-address" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("must be an email address");
    expect(smtp.messages.length).toBe(seen);
  });
});

describe("sign-in with GitHub against a local server speaking GitHub's OAuth and user endpoints", () => {
  async function githubSignIn(b: TestBrowser): Promise<Response> {
    const start = await b.request("/auth/github?next=/account");
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get("location") ?? "");
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${gh.url}/login/oauth/authorize`);
    expect(authorize.searchParams.get("client_id")).toBe(gh.clientId);
    expect(authorize.searchParams.get("redirect_uri")).toBe("http://guildhall.test/auth/github/callback");
    const consent = await fetch(authorize, { redirect: "manual" });
    expect(consent.status).toBe(302);
    const callback = new URL(consent.headers.get("location") ?? "");
    return b.request(`${callback.pathname}${callback.search}`);
  }

  it("creates the account on first sign-in and finds it by GitHub id afterwards", async () => {
    gh.signInAs({
      id: 4242,
      login: "octo-ada",
      name: "Ada Octo",
      emails: [{ email: "ada.octo@example.org", primary: true, verified: true }],
    });
    const b = browser();
    const done = await githubSignIn(b);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/account");
    const account = await b.page("/account");
    expect(account.html).toContain("octo-ada");
    expect(gh.requests).toEqual(
      expect.arrayContaining(["POST /login/oauth/access_token", "GET /user", "GET /user/emails"]),
    );

    const again = browser();
    expect((await githubSignIn(again)).status).toBe(303);
    const rows = await database.db.select().from(schema.users).where(eq(schema.users.githubId, "4242"));
    expect(rows).toHaveLength(1);
  });

  it("links a GitHub sign-in to the account already holding its verified email", async () => {
    const b = browser();
    await followLink(b, await requestLink(b, "linus@example.org"));
    gh.signInAs({
      id: 777,
      login: "linus-gh",
      name: null,
      emails: [
        { email: "unverified@example.org", primary: false, verified: false },
        { email: "linus@example.org", primary: true, verified: true },
      ],
    });
    const other = browser();
    expect((await githubSignIn(other)).status).toBe(303);
    const rows = await database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.email, "linus@example.org"));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.githubLogin).toBe("linus-gh");
  });

  it("refuses a callback whose state does not match the browser's", async () => {
    const b = browser();
    await b.request("/auth/github");
    const res = await b.request("/auth/github/callback?code=whatever&state=forged");
    expect(res.status).toBe(400);
    expect(b.cookies.has("guildhall_session")).toBe(false);
  });

  it("refuses a code GitHub does not know", async () => {
    const b = browser();
    const start = await b.request("/auth/github");
    const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
    const res = await b.request(`/auth/github/callback?code=bogus&state=${state}`);
    expect(res.status).toBe(401);
    expect(b.cookies.has("guildhall_session")).toBe(false);
  });
});

/** `next` values that must never take a visitor off the site or break the redirect. */
const HOSTILE_NEXT = [
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/account\r\nSet-Cookie: guildhall_session=forged",
  "/%0d%0aSet-Cookie:%20x=1",
  "https:evil.example",
  "https://evil.example/",
  "http://guildhall.test@evil.example/",
  "//guildhall.test@evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/.//evil.example",
  "/..//evil.example",
  " //evil.example",
  "\u0000/evil.example",
  "/x\u0000y",
  "evil.example",
  "",
  "/".repeat(5000),
];

/** True when a browser following `location` stays on this site. */
function staysOnSite(location: string | null): boolean {
  if (location === null) return false;
  // Browsers drop tabs and newlines and read backslashes as slashes before resolving a Location.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (/[\u0000-\u001f\u007f\\]/.test(location)) return false;
  return (
    new URL(location.replace(/[\t\n\r]/g, ""), "http://guildhall.test/").origin === "http://guildhall.test"
  );
}

async function freshLink(email: string): Promise<string> {
  const token = `link-${email}`;
  await database.db.insert(schema.signInLinks).values({
    tokenHash: createHash("sha256").update(token).digest("hex"),
    email,
    createdAt: clock.now(),
    expiresAt: new Date(clock.now().getTime() + 600_000),
  });
  return token;
}

describe("where a visitor goes after signing in (next)", () => {
  it("the emailed link keeps next, and the visitor lands there", async () => {
    const b = browser();
    const seen = smtp.messages.length;
    const res = await b.submit("/sign-in/email", {
      email: "nextkeeper@example.org",
      next: "/votes/12?from=mail",
    });
    expect(res.status).toBe(200);
    const mail = await smtp.next(seen);
    const link = /http:\/\/guildhall\.test(\/sign-in\/email\/callback\?\S+)/.exec(mail.text)?.[1] ?? "";
    expect(new URL(link, "http://x").searchParams.get("next")).toBe("/votes/12?from=mail");
    const { html } = await b.page(link);
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const next = /name="next" value="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(next).toBe("/votes/12?from=mail");
    const done = await b.submit(
      "/sign-in/email/callback",
      { token, next },
      { csrf: TestBrowser.csrfIn(html) },
    );
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/votes/12?from=mail");
  });

  it("refuses every hostile next on the email callback (form and link) and the GitHub flow", async () => {
    let sent = 0;
    const failures: string[] = [];
    for (const [i, value] of HOSTILE_NEXT.entries()) {
      // The confirmation page carries only a checked next.
      const b = browser();
      const token = await freshLink(`hostile-${i}@example.org`);
      const page = await b.page(`/sign-in/email/callback?token=${token}&next=${encodeURIComponent(value)}`);
      sent++;
      const carried = /name="next" value="([^"]*)"/.exec(page.html)?.[1] ?? "";
      if (page.res.status !== 200 || !staysOnSite(carried))
        failures.push(`page ${JSON.stringify(value)}: ${carried}`);
      // The form's POST with the hostile value: the session starts and the redirect stays on the site.
      const done = await b.submit(
        "/sign-in/email/callback",
        { token, next: value },
        { csrf: TestBrowser.csrfIn(page.html) },
      );
      sent++;
      if (done.status !== 303 || !staysOnSite(done.headers.get("location"))) {
        failures.push(`email ${JSON.stringify(value)}: ${done.status} ${done.headers.get("location")}`);
      }
      if (!b.cookies.has("guildhall_session")) failures.push(`email ${JSON.stringify(value)}: not signed in`);
      // GitHub: next rides in a cookie through GitHub and back.
      gh.signInAs({
        id: 9000 + i,
        login: `hostile-${i}`,
        name: null,
        emails: [{ email: `hostile-gh-${i}@example.org`, primary: true, verified: true }],
      });
      const g = browser();
      const start = await g.request(`/auth/github?next=${encodeURIComponent(value)}`);
      sent++;
      const consent = await fetch(start.headers.get("location") ?? "", { redirect: "manual" });
      const callback = new URL(consent.headers.get("location") ?? "");
      const back = await g.request(`${callback.pathname}${callback.search}`);
      sent++;
      if (back.status !== 303 || !staysOnSite(back.headers.get("location"))) {
        failures.push(`github ${JSON.stringify(value)}: ${back.status} ${back.headers.get("location")}`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBe(HOSTILE_NEXT.length * 4);
  });
});

describe("CSRF protection", () => {
  it("refuses state-changing forms without the right token and changes nothing", async () => {
    const b = browser();
    const seen = smtp.messages.length;
    await b.page("/sign-in");
    expect((await b.submit("/sign-in/email", { email: "x@example.org" }, { csrf: false })).status).toBe(403);
    expect((await b.submit("/sign-in/email", { email: "x@example.org" }, { csrf: "forged" })).status).toBe(
      403,
    );
    // A token taken from another browser does not fit this one's cookies.
    const other = browser();
    const foreign = await other.csrf();
    expect((await b.submit("/sign-in/email", { email: "x@example.org" }, { csrf: foreign })).status).toBe(
      403,
    );
    expect(smtp.messages.length).toBe(seen);

    await followLink(b, await requestLink(b, "csrf@example.org"));
    const before = await database.db.select().from(schema.accessTokens);
    const res = await b.submit(
      "/account/tokens",
      { name: "x", scopes: "read", expiresInDays: "5" },
      { csrf: false },
    );
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("CSRF");
    // The token of the anonymous page no longer fits once signed in (the session changed).
    const ok = await b.submit(
      "/account/tokens",
      { name: "x", scopes: "read", expiresInDays: "5" },
      { csrf: await b.csrf("/account") },
    );
    expect(ok.status).toBe(201);
    expect((await database.db.select().from(schema.accessTokens)).length).toBe(before.length + 1);
    // A cookie-authenticated JSON request needs the header.
    const api = await b.request("/api/account/tokens", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "y", scopes: ["read"], expiresInDays: 5 }),
    });
    expect(api.status).toBe(403);
  });
});

describe("rate limiting of sign-in attempts", () => {
  it("limits per email address across client addresses, with Retry-After, and recovers after the window", async () => {
    for (let i = 0; i < 3; i++) {
      expect((await browser().submit("/sign-in/email", { email: "flood@example.org" })).status).toBe(200);
    }
    const limited = await browser().submit("/sign-in/email", { email: "FLOOD@example.org" });
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    clock.advance(retry * 1000 + 1000);
    expect((await browser().submit("/sign-in/email", { email: "flood@example.org" })).status).toBe(200);
  });

  it("limits per client address across email addresses and GitHub attempts", async () => {
    const b = browser();
    let lastStatus = 0;
    let attempts = 0;
    while (attempts < 20) {
      attempts++;
      lastStatus = (await b.submit("/sign-in/email", { email: `n${attempts}@example.org` })).status;
      if (lastStatus !== 200) break;
    }
    expect(lastStatus).toBe(429);
    expect(attempts).toBe(7);
    expect((await b.request("/auth/github")).status).toBe(429);
    // Another address is not affected.
    expect((await browser().submit("/sign-in/email", { email: "fine@example.org" })).status).toBe(200);
  });
});

describe("cookies on an https site", () => {
  it("marks cookies Secure and uses the __Host- prefix", async () => {
    const secure = await createTestApplication(database, { GUILDHALL_BASE_URL: "https://guildhall.example" });
    const res = await secure.app.request("/sign-in");
    const line = res.headers.getSetCookie().find((l) => l.startsWith("__Host-guildhall_csrf="));
    expect(line).toMatch(/Secure/);
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(line).toMatch(/Path=\//);
  });
});
