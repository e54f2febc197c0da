import { hmac, safeEqual } from "./secrets.ts";

/** Name of the form field carrying the CSRF token. */
export const CSRF_FIELD = "_csrf";
/** Name of the request header carrying the CSRF token (cookie-authenticated JSON requests). */
export const CSRF_HEADER = "x-csrf-token";

/**
 * The CSRF token for a browser: an HMAC of its random CSRF cookie and its session cookie, so a
 * token stops working when the session changes and cannot be forged without the server's secret.
 */
export function csrfTokenFor(secret: string, csrfCookie: string, sessionCookie: string | undefined): string {
  return hmac(secret, `csrf|${csrfCookie}|${sessionCookie ?? ""}`);
}

/** True when `token` is the CSRF token of this browser. */
export function verifyCsrfToken(
  secret: string,
  csrfCookie: string,
  sessionCookie: string | undefined,
  token: string,
): boolean {
  return safeEqual(csrfTokenFor(secret, csrfCookie, sessionCookie), token);
}
