/**
 * The whole application served for a browser test: a server on a free local port whose address is
 * the configured base URL (so links in pages and mail point at it), the app built over the test's
 * database, and Chromium. `close()` stops the browser and the server; the test closes its database.
 */
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import type { Hono } from "hono";
import type { Browser } from "playwright-core";
import { expect } from "vitest";
import type { FixedClock } from "../src/platform/clock.ts";
import type { Database } from "../src/platform/db/index.ts";
import type { AppEnv } from "../src/platform/http/app.tsx";
import type { Services } from "../src/platform/services.ts";
import { auditPage, launchChromium } from "./accessibility.ts";
import { createTestApplication } from "./app.ts";
import { createTestDatabase } from "./db.ts";

/** A served application and the browser that visits it. */
export interface BrowserApp {
  base: string;
  app: Hono<AppEnv>;
  services: Services;
  clock: FixedClock;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Serves the application over `database` with `env` (GUILDHALL_BASE_URL is the server's own
 * address, proxies are not trusted) and launches Chromium.
 */
export async function startBrowserApp(
  database: Database,
  options: { env?: Record<string, string>; clock?: FixedClock } = {},
): Promise<BrowserApp> {
  let handler: (req: Request) => Response | Promise<Response> = () =>
    new Response("starting", { status: 503 });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: (req) => handler(req), port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stopServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
  try {
    const built = await createTestApplication(
      database,
      { GUILDHALL_BASE_URL: base, GUILDHALL_TRUST_PROXY: "false", ...options.env },
      options.clock,
    );
    handler = built.app.fetch;
    const browser = await launchChromium();
    return {
      base,
      ...built,
      browser,
      close: async () => {
        await browser.close();
        await stopServer();
      },
    };
  } catch (error) {
    await stopServer();
    throw error;
  }
}

/** A served application over a test database of its own, which `close()` closes too. */
export interface BrowserAppWithDatabase extends BrowserApp {
  database: Database;
}

/** Opens a fresh test database and serves the application over it as startBrowserApp does; `close()` also closes the database. */
export async function startBrowserAppWithDatabase(
  options: Parameters<typeof startBrowserApp>[1] = {},
): Promise<BrowserAppWithDatabase> {
  const database = await createTestDatabase();
  try {
    const served = await startBrowserApp(database, options);
    return {
      ...served,
      database,
      close: async () => {
        await served.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * How wide each page is (the document's scroll width) in a new browser context `width` pixels wide
 * (390, a phone, unless given), signed in with the session id `session` when given: [path, width]
 * for each of `paths`, in order. A page that fits is no wider than the viewport.
 */
export async function pageWidths(
  browser: Browser,
  base: string,
  paths: readonly string[],
  options: { width?: number; session?: string; javaScriptEnabled?: boolean } = {},
): Promise<Array<[path: string, width: number]>> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 390, height: 800 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  try {
    if (options.session)
      await context.addCookies([{ name: "guildhall_session", value: options.session, url: base }]);
    const page = await context.newPage();
    const widths: Array<[string, number]> = [];
    for (const p of paths) {
      await page.goto(`${base}${p}`);
      widths.push([p, (await page.evaluate("document.documentElement.scrollWidth")) as number]);
    }
    return widths;
  } finally {
    await context.close();
  }
}

/**
 * Audits each of `paths` with axe-core, signed out and then, for `signedIn` (a session id and its
 * paths), signed in, and expects every page to answer 200 with no violation, axe having really run
 * its rules (more than five passes: the smallest page passes about ten).
 */
export async function expectAccessible(
  browser: Browser,
  base: string,
  pages: { signedOut: readonly string[]; signedIn?: { session: string; paths: readonly string[] } },
): Promise<void> {
  const visits: Array<[path: string, session: string | undefined]> = [
    ...pages.signedOut.map((p): [string, undefined] => [p, undefined]),
    ...(pages.signedIn?.paths ?? []).map((p): [string, string] => [p, pages.signedIn?.session ?? ""]),
  ];
  for (const [p, session] of visits) {
    const result = await auditPage(
      browser,
      `${base}${p}`,
      session ? { session: { name: "guildhall_session", value: session } } : {},
    );
    expect(result.status, p).toBe(200);
    expect(result.passes, p).toBeGreaterThan(5);
    expect(result.violations, `${p} ${session ? "signed in" : "signed out"}`).toEqual([]);
  }
}
