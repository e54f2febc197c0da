import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { AppError } from "../errors.ts";
import type { AppEnv } from "../http/app.tsx";
import { cookieNames, cookieOptions } from "./cookies.ts";
import { CSRF_FIELD, CSRF_HEADER, csrfTokenFor, verifyCsrfToken } from "./csrf.ts";
import { newSecret } from "./secrets.ts";
import type { HttpAuth } from "./viewer.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The bearer token of the request, if it sent one. */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header("authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Establishes `viewer` (from a bearer token or the session cookie) and `csrfToken`, and refuses
 * state-changing requests that are not bearer-authenticated unless they carry the CSRF token
 * (form field `_csrf` or header `x-csrf-token`).
 */
export function authMiddleware(auth: HttpAuth): MiddlewareHandler<AppEnv> {
  const names = cookieNames(auth.cookieSecure);
  return async (c, next) => {
    const bearer = bearerToken(c);
    if (bearer !== undefined) {
      const viewer = await auth.authenticator.fromToken(bearer);
      if (!viewer) {
        c.header("www-authenticate", 'Bearer error="invalid_token"');
        throw new AppError("unauthenticated", {
          message: "The access token is unknown, expired or revoked.",
        });
      }
      c.set("viewer", viewer);
      c.set("csrfToken", "");
      await next();
      return;
    }
    const sessionId = getCookie(c, names.session);
    c.set("viewer", sessionId ? await auth.authenticator.fromSession(sessionId) : null);
    let csrfCookie = getCookie(c, names.csrf);
    const hadCsrfCookie = Boolean(csrfCookie);
    if (!csrfCookie) {
      csrfCookie = newSecret();
      setCookie(c, names.csrf, csrfCookie, cookieOptions(auth.cookieSecure));
    }
    c.set("csrfToken", csrfTokenFor(auth.secret, csrfCookie, sessionId));
    if (!SAFE_METHODS.has(c.req.method)) {
      const sent = c.req.header(CSRF_HEADER) ?? (await formField(c, CSRF_FIELD));
      if (!hadCsrfCookie || !sent || !verifyCsrfToken(auth.secret, csrfCookie, sessionId, sent)) {
        throw new AppError("forbidden", {
          message:
            "The form's security token is missing or out of date (CSRF check). Reload the page and try again.",
        });
      }
    }
    await next();
  };
}

async function formField(c: Context, name: string): Promise<string | undefined> {
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
    return undefined;
  }
  const body = await c.req.parseBody();
  const value = body[name];
  return typeof value === "string" ? value : undefined;
}
