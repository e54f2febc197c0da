/**
 * Sign-in and account pages in Chromium: the whole email sign-in, claim and token flow with
 * JavaScript disabled, and axe-core (WCAG 2.0/2.1 A and AA) on every page of accounts.
 */
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage } from "../../../test/accessibility.ts";
import { type BrowserApp, startBrowserApp } from "../../../test/browser-app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { insertGroup } from "../../../test/factories/governance.ts";
import { type GitHubServer, startGitHubServer } from "../../../test/github-server/server.ts";
import { type SmtpCapture, startSmtpCapture } from "../../../test/smtp-capture.ts";
import { CLI_ACTOR, createToken, createUser, grantFoundationRole, startSession } from "../../kernel/index.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { claimPerson } from "./claim-person.ts";

let database: Database;
let served: BrowserApp | undefined;
let smtp: SmtpCapture;
let gh: GitHubServer;
let browser: Browser;
let base = "";
let adminSession = "";

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpCapture();
  gh = await startGitHubServer();
  served = await startBrowserApp(database, {
    env: {
      GUILDHALL_SMTP_HOST: smtp.host,
      GUILDHALL_SMTP_PORT: String(smtp.port),
      GUILDHALL_GITHUB_CLIENT_ID: gh.clientId,
      GUILDHALL_GITHUB_CLIENT_SECRET: gh.clientSecret,
      GUILDHALL_GITHUB_URL: gh.url,
      GUILDHALL_GITHUB_API_URL: gh.url,
    },
  });
  ({ base, browser } = served);

  const db = database.db;
  const now = served.clock.now();
  await insertGroup(db, { slug: "website", chairs: ["Wren Chair"], members: ["Mo Member", "Pat Person"] });
  const admin = await createUser({ db, now, by: CLI_ACTOR, email: "admin@example.org", name: "Ada Admin" });
  await grantFoundationRole({
    db,
    now,
    by: CLI_ACTOR,
    userId: admin.id,
    role: "site-admin",
    startedOn: "2026-01-01",
  });
  await grantFoundationRole({
    db,
    now,
    by: CLI_ACTOR,
    userId: admin.id,
    role: "board-member",
    startedOn: "2024-01-01",
    endedOn: "2026-01-01",
    termEndsOn: "2025-12-31",
  });
  await createToken({
    db,
    now,
    by: CLI_ACTOR,
    userId: admin.id,
    name: "release bot",
    scopes: ["read"],
    expiresInDays: 30,
  });
  const claimant = await createUser({ db, now, by: CLI_ACTOR, email: "pat@example.org", name: "Pat" });
  await claimPerson({ db, now, userId: claimant.id, personSlug: "pat-person", note: "I chair nothing yet" });
  ({ sessionId: adminSession } = await startSession({ db, userId: admin.id, method: "email", now, days: 1 }));
});

afterAll(async () => {
  await served?.close();
  await smtp?.close();
  await gh?.close();
  await database?.close();
});

describe("without JavaScript", () => {
  it("signs in with an emailed link, claims a person, creates and revokes a token, signs out", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/sign-in`);
      await page.getByLabel("Email address").fill("mo@example.org");
      const seen = smtp.messages.length;
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Check your email");

      const mail = await smtp.next(seen);
      const link = new RegExp(`${base}/sign-in/email/callback\\?token=[A-Za-z0-9_%-]+`).exec(mail.text)?.[0];
      expect(link).toBeDefined();
      await page.goto(link ?? "");
      await page.getByRole("button", { name: "Sign in" }).click();
      expect(new URL(page.url()).pathname).toBe("/account");
      expect(await page.textContent("header")).toContain("Signed in as");

      await page.getByLabel("Person", { exact: true }).selectOption("mo-member");
      await page.getByRole("button", { name: "Claim" }).click();
      expect(await page.textContent("main")).toContain(
        "Your claim to be Mo Member is waiting for an administrator.",
      );

      await page.getByLabel("Name", { exact: true }).fill("laptop script");
      await page.getByLabel(/^votes/).check();
      await page.getByRole("button", { name: "Create token" }).click();
      const token = await page.getByLabel("Token", { exact: true }).inputValue();
      expect(token).toMatch(/^guildhall_pat_/);
      const res = await fetch(`${base}/api/account`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);

      await page.getByRole("button", { name: "Revoke token laptop script" }).click();
      expect(await page.textContent("main")).toContain("revoked");
      const after = await fetch(`${base}/api/account`, { headers: { authorization: `Bearer ${token}` } });
      expect(after.status).toBe(401);

      await page.getByRole("button", { name: "Sign out" }).click();
      expect(await page.textContent("header")).toContain("Sign in");
      await page.goto(`${base}/account`);
      expect(new URL(page.url()).pathname).toBe("/sign-in");
    } finally {
      await context.close();
    }
  });

  it("signs in with GitHub through the OAuth redirects", async () => {
    gh.signInAs({
      id: 99,
      login: "octo-walker",
      name: "Octo Walker",
      emails: [{ email: "octo@example.org", primary: true, verified: true }],
    });
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/sign-in`);
      await page.getByRole("link", { name: "Sign in with GitHub" }).click();
      expect(new URL(page.url()).pathname).toBe("/account");
      expect(await page.textContent("header")).toContain("Octo Walker");
      expect(await page.textContent("main")).toContain("octo-walker");
    } finally {
      await context.close();
    }
  });

  it("lets an administrator confirm a claim", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      await context.addCookies([{ name: "guildhall_session", value: adminSession, url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}/admin/claims`);
      await page.getByRole("button", { name: "Confirm Pat is Pat Person" }).click();
      expect(new URL(page.url()).pathname).toBe("/admin/claims");
      expect(await page.textContent("main")).not.toContain("Pat Person");
      const [pat] = await database.db
        .select()
        .from(schema.users)
        .where(eq(schema.users.email, "pat@example.org"));
      expect(pat?.personId).not.toBeNull();
    } finally {
      await context.close();
    }
  });
});

describe("foundation roles without JavaScript", () => {
  it("lets an administrator grant a role and end it", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      await context.addCookies([{ name: "guildhall_session", value: adminSession, url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}/admin/roles`);
      await page.getByLabel(/^Who/).fill("pat@example.org");
      await page.getByLabel("Role", { exact: true }).last().selectOption("fellow");
      await page.getByLabel(/^Start date/).fill("2026-02-01");
      await page.getByLabel("Reason", { exact: true }).last().fill("named a Fellow");
      await page.getByRole("button", { name: "Grant role" }).click();
      expect(new URL(page.url()).pathname).toBe("/admin/roles");
      expect(await page.getByRole("status").textContent()).toBe("Granted: Fellow to Pat from 2026-02-01.");
      await page.getByRole("button", { name: "End Fellow of Pat <pat@example.org>" }).click();
      expect(await page.getByRole("status").textContent()).toBe("Ended: Fellow of Pat on 2026-11-21.");
    } finally {
      await context.close();
    }
  });
});

describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  async function check(path: string, act?: (page: Page) => Promise<void>, signedIn = false) {
    const session = signedIn ? { name: "guildhall_session", value: adminSession } : undefined;
    return (await auditPage(browser, `${base}${path}`, { session, before: act })).violations;
  }

  it("/sign-in", async () => {
    expect(await check("/sign-in")).toEqual([]);
  });
  it("the check-your-email page", async () => {
    const violations = await check("/sign-in", async (page) => {
      await page.getByLabel("Email address").fill("axe@example.org");
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    });
    expect(violations).toEqual([]);
  });
  it("the sign-in form with an error", async () => {
    const violations = await check("/sign-in", async (page) => {
      await page.getByLabel("Email address").evaluate((el) => el.setAttribute("type", "text"));
      await page.getByLabel("Email address").fill("nope");
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    });
    expect(violations).toEqual([]);
  });
  it("the finish-signing-in page", async () => {
    const seen = smtp.messages.length;
    await check("/sign-in", async (page) => {
      await page.getByLabel("Email address").fill("confirm@example.org");
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    });
    const mail = await smtp.next(seen);
    const link = /\/sign-in\/email\/callback\?token=[A-Za-z0-9_%-]+/.exec(mail.text)?.[0] ?? "";
    expect(await check(link)).toEqual([]);
  });
  it("an expired link's error page", async () => {
    expect(await check("/sign-in/email/callback?token=expired")).toEqual([]);
  });
  it("/account with roles, tokens and a new token", async () => {
    expect(await check("/account", undefined, true)).toEqual([]);
    const violations = await check(
      "/account",
      async (page) => {
        await page.getByLabel("Name", { exact: true }).fill("axe token");
        await page.getByRole("button", { name: "Create token" }).click();
      },
      true,
    );
    expect(violations).toEqual([]);
  });
  it("/admin/claims", async () => {
    expect(await check("/admin/claims", undefined, true)).toEqual([]);
  });
  it("/admin/roles, and with a field in error", async () => {
    expect(await check("/admin/roles", undefined, true)).toEqual([]);
    const violations = await check(
      "/admin/roles",
      async (page) => {
        await page.getByLabel(/^Who/).fill("nobody@example.org");
        await page.getByLabel(/^End date/).fill("2020-01-01");
        await page.getByRole("button", { name: "Grant role" }).click();
        await page.getByText("There is a problem").waitFor();
      },
      true,
    );
    expect(violations).toEqual([]);
  });
});
