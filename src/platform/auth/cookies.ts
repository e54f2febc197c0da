import type { CookieOptions } from "hono/utils/cookie";

/** Cookie names; `__Host-` (Secure, Path=/, no Domain) when cookies are secure. */
export function cookieNames(secure: boolean): { session: string; csrf: string; oauthState: string } {
  const p = secure ? "__Host-" : "";
  return { session: `${p}guildhall_session`, csrf: `${p}guildhall_csrf`, oauthState: `${p}guildhall_oauth` };
}

/** HttpOnly, SameSite=Lax, Path=/, Secure when configured. */
export function cookieOptions(secure: boolean, maxAgeSeconds?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure,
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}
