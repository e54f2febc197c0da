/** The whole application (every room, auth middleware) over a test database, with a fixed clock. */
import type { Hono } from "hono";
import { createApplication } from "../src/app.ts";
import { FixedClock } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import type { Database } from "../src/platform/db/index.ts";
import type { AppEnv } from "../src/platform/http/app.tsx";
import { createServices, type Services } from "../src/platform/services.ts";

/** Builds services (config from `env`, NODE_ENV=test, a known session secret) and the full app. */
export async function createTestApplication(
  database: Database,
  env: Record<string, string> = {},
  clock: FixedClock = new FixedClock("2026-11-21T12:00:00Z"),
): Promise<{ app: Hono<AppEnv>; services: Services; clock: FixedClock }> {
  const config = loadConfig({
    NODE_ENV: "test",
    GUILDHALL_SESSION_SECRET: "test-session-secret",
    GUILDHALL_BASE_URL: "http://guildhall.test",
    GUILDHALL_HTTP_RETRIES: "0",
    GUILDHALL_TRUST_PROXY: "true",
    ...env,
  });
  const services = await createServices(config, { database, clock });
  return { app: createApplication(services), services, clock };
}

/** Anything that answers a Request like a Hono app's `request`. */
interface Requestable {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

/**
 * A request to `app` carrying the access token `token` as `Authorization: Bearer` (no header when
 * there is none): `init.method` (GET unless given), with `init.json` as a JSON body when given.
 */
export function bearerRequest(
  app: Requestable,
  token: string | null | undefined,
  path: string,
  init: { method?: string; json?: unknown } = {},
): Response | Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  return app.request(path, {
    method: init.method ?? "GET",
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}
