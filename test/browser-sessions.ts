/**
 * Signed-in visitors for browser tests: an account (optionally linked to a person) with an email
 * session, and a Chromium context carrying its cookie. The CSP is bypassed only so tests can
 * inject axe-core; the pages themselves run no inline script.
 */
import type { Browser, BrowserContext } from "playwright-core";
import { startSession } from "../src/kernel/index.ts";
import type { Clock } from "../src/platform/clock.ts";
import { type Database, schema } from "../src/platform/db/index.ts";

/** Creates the account `<name>@example.org` and a 30-day email session; returns the session id. */
export async function signInAccount(
  database: Database,
  clock: Clock,
  personId: number | null,
  name: string,
): Promise<string> {
  const [user] = await database.db
    .insert(schema.users)
    .values({ email: `${name}@example.org`, name, personId, createdAt: clock.now() })
    .returning();
  if (!user) throw new Error("no user");
  const { sessionId } = await startSession({
    db: database.db,
    userId: user.id,
    method: "email",
    now: clock.now(),
    days: 30,
  });
  return sessionId;
}

/** A browser context for `base`, signed in with `sessionId` when one is given. */
export async function contextWithSession(
  browser: Browser,
  base: string,
  sessionId: string | undefined,
  javaScriptEnabled = true,
): Promise<BrowserContext> {
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled });
  if (sessionId) await context.addCookies([{ name: "guildhall_session", value: sessionId, url: base }]);
  return context;
}

/** Signs in an account for each visitor, in order (as `signInAccount` does): their session ids by name. */
export async function signInAccounts(
  database: Database,
  clock: Clock,
  visitors: ReadonlyArray<readonly [name: string, personId: number | null]>,
): Promise<Map<string, string>> {
  const sessions = new Map<string, string>();
  for (const [name, personId] of visitors)
    sessions.set(name, await signInAccount(database, clock, personId, name));
  return sessions;
}

/** A context for `base` with JavaScript off, signed in with `sessionId`; the site's CSP stays in force. */
export async function noScriptContext(
  browser: Browser,
  base: string,
  sessionId: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    await context.addCookies([{ name: "guildhall_session", value: sessionId, url: base }]);
    return context;
  } catch (error) {
    await context.close();
    throw error;
  }
}
