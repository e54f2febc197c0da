import { z } from "zod";
import type { AuthConfig } from "../config.ts";
import { AppError, validationError } from "../errors.ts";
import type { HttpClient } from "../fetch.ts";

const TokenResponse = z.union([
  z.object({
    access_token: z.string().min(1),
    token_type: z.string().optional(),
    scope: z.string().optional(),
  }),
  z.object({ error: z.string(), error_description: z.string().optional() }),
]);

const UserResponse = z.object({
  id: z.number().int(),
  login: z.string().min(1),
  name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
});

const EmailsResponse = z.array(
  z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }).loose(),
);

/** The GitHub account behind an OAuth access token. */
export type GitHubUser = z.infer<typeof UserResponse>;
/** One of the GitHub account's email addresses. */
export type GitHubEmail = z.infer<typeof EmailsResponse>[number];

/** A small OAuth web-flow client for GitHub (or a server speaking its endpoints), over the one HTTP client. */
export interface GitHubClient {
  /** True when a client id and secret are configured. */
  enabled: boolean;
  /** Where to send the browser to ask the person for consent. */
  authorizeUrl(input: { state: string; redirectUri: string }): string;
  /** Trades the callback's code for an access token. */
  exchangeCode(input: { code: string; redirectUri: string }): Promise<string>;
  /** The user and their email addresses. */
  fetchUser(accessToken: string): Promise<{ user: GitHubUser; emails: GitHubEmail[] }>;
}

/** Creates the GitHub OAuth client from configuration. */
export function createGitHubClient(deps: {
  config: Pick<AuthConfig, "github">;
  http: HttpClient;
}): GitHubClient {
  const gh = deps.config.github;
  const requireCredentials = () => {
    if (!gh.clientId || !gh.clientSecret) {
      throw new AppError("bad_request", {
        message:
          "Sign-in with GitHub is not configured (GUILDHALL_GITHUB_CLIENT_ID and GUILDHALL_GITHUB_CLIENT_SECRET).",
      });
    }
    return { clientId: gh.clientId, clientSecret: gh.clientSecret };
  };
  const apiHeaders = (token: string) => ({
    authorization: `Bearer ${token}`,
    accept: "application/vnd.github+json",
    "x-github-api-version": "2022-11-28",
  });
  return {
    enabled: Boolean(gh.clientId && gh.clientSecret),
    authorizeUrl({ state, redirectUri }) {
      const { clientId } = requireCredentials();
      const url = new URL(`${gh.webUrl}/login/oauth/authorize`);
      url.searchParams.set("client_id", clientId);
      url.searchParams.set("redirect_uri", redirectUri);
      url.searchParams.set("scope", "read:user user:email");
      url.searchParams.set("state", state);
      url.searchParams.set("allow_signup", "false");
      return url.toString();
    },
    async exchangeCode({ code, redirectUri }) {
      const { clientId, clientSecret } = requireCredentials();
      const res = await deps.http.fetch(`${gh.webUrl}/login/oauth/access_token`, {
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          client_id: clientId,
          client_secret: clientSecret,
          code,
          redirect_uri: redirectUri,
        }).toString(),
        retries: 0,
      });
      const parsed = TokenResponse.safeParse(await res.json());
      if (!parsed.success) throw validationError("GitHub token response", parsed.error.issues);
      if ("error" in parsed.data) {
        throw new AppError("unauthenticated", {
          message: `GitHub refused the sign-in: ${parsed.data.error_description ?? parsed.data.error}`,
        });
      }
      return parsed.data.access_token;
    },
    async fetchUser(accessToken) {
      const userRes = await deps.http.fetch(`${gh.apiUrl}/user`, { headers: apiHeaders(accessToken) });
      const user = UserResponse.safeParse(await userRes.json());
      if (!user.success) throw validationError("GitHub /user response", user.error.issues);
      const emailRes = await deps.http.fetch(`${gh.apiUrl}/user/emails`, {
        headers: apiHeaders(accessToken),
        acceptStatus: [403, 404],
      });
      let emails: GitHubEmail[] = [];
      if (emailRes.ok) {
        const parsed = EmailsResponse.safeParse(await emailRes.json());
        if (!parsed.success) throw validationError("GitHub /user/emails response", parsed.error.issues);
        emails = parsed.data;
      } else await emailRes.body?.cancel();
      return { user: user.data, emails };
    },
  };
}
