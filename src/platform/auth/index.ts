/** Authentication infrastructure: secrets, cookies, CSRF, rate limiting, the GitHub client, middleware. */
export { cookieNames, cookieOptions } from "./cookies.ts";
export { CSRF_FIELD, CSRF_HEADER, csrfTokenFor, verifyCsrfToken } from "./csrf.ts";
export { createGitHubClient, type GitHubClient, type GitHubEmail, type GitHubUser } from "./github.ts";
export { authMiddleware, bearerToken } from "./middleware.ts";
export { RateLimiter, type RateLimitResult } from "./rate-limit.ts";
export { hashSecret, hmac, newSecret, safeEqual } from "./secrets.ts";
export type { Authenticator, HttpAuth, Viewer } from "./viewer.ts";
