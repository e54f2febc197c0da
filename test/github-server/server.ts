/**
 * A local server speaking GitHub's OAuth web flow (`/login/oauth/authorize`, `/login/oauth/access_token`)
 * and REST user endpoints (`/user`, `/user/emails`) in GitHub's formats, for sign-in tests.
 * The authorize endpoint approves at once as whichever user the test chose.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A GitHub account the server can sign in as. */
export interface FakeGitHubUser {
  id: number;
  login: string;
  name: string | null;
  emails: Array<{ email: string; primary: boolean; verified: boolean }>;
}

/** A repository the REST endpoints serve (`/repos/{owner}/{repo}`, its workflow runs and contents). */
export interface FakeRepository {
  archived: boolean;
  pushedAt: string;
  defaultBranch: string;
  openIssues: number;
  /** Paths that exist under `/contents/` (for example "SECURITY.md"). */
  files: string[];
  /** Completed workflow runs on the default branch, newest first. */
  runs: Array<{ conclusion: string; updatedAt: string }>;
}

/** The running server and what it saw. */
export interface GitHubServer {
  url: string;
  clientId: string;
  clientSecret: string;
  /** The user the next authorization approves as. */
  signInAs(user: FakeGitHubUser): void;
  /** Requests received, as "METHOD path". */
  requests: string[];
  /** Serves (or replaces) a repository at `owner/repo`. */
  setRepository(fullName: string, repo: FakeRepository): void;
  /** The personal access token the REST repository endpoints accept. */
  apiToken: string;
  /** Requests left in the rate-limit window (each answer but a 304 costs one, as on GitHub). */
  setRateLimit(remaining: number, limit?: number): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Starts the server on 127.0.0.1 and a free port. */
export async function startGitHubServer(): Promise<GitHubServer> {
  const clientId = "Iv1.test-client";
  const clientSecret = "test-client-secret";
  let current: FakeGitHubUser | null = null;
  const codes = new Map<string, { user: FakeGitHubUser; redirectUri: string }>();
  const tokens = new Map<string, FakeGitHubUser>();
  const requests: string[] = [];
  const repos = new Map<string, FakeRepository>();
  const apiToken = "ghp_test-repository-signals";
  let rate = { limit: 5000, remaining: 5000 };
  const resetAt = Math.floor(Date.now() / 1000) + 3600;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(`${req.method} ${url.pathname}`);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "GET" && url.pathname === "/login/oauth/authorize") {
      const redirectUri = url.searchParams.get("redirect_uri") ?? "";
      if (url.searchParams.get("client_id") !== clientId || !redirectUri || !current) {
        res.writeHead(404).end("Not Found");
        return;
      }
      const code = randomBytes(10).toString("hex");
      codes.set(code, { user: current, redirectUri });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (req.method === "POST" && url.pathname === "/login/oauth/access_token") {
      const form = new URLSearchParams(await readBody(req));
      const grant = codes.get(form.get("code") ?? "");
      // GitHub answers 200 with an error object for bad codes and credentials.
      if (form.get("client_id") !== clientId || form.get("client_secret") !== clientSecret) {
        json(200, {
          error: "incorrect_client_credentials",
          error_description: "The client_id and/or client_secret passed are incorrect.",
        });
        return;
      }
      if (!grant || grant.redirectUri !== form.get("redirect_uri")) {
        json(200, {
          error: "bad_verification_code",
          error_description: "The code passed is incorrect or expired.",
        });
        return;
      }
      codes.delete(form.get("code") ?? "");
      const token = `gho_${randomBytes(16).toString("hex")}`;
      tokens.set(token, grant.user);
      json(200, { access_token: token, token_type: "bearer", scope: "read:user,user:email" });
      return;
    }
    const auth = /^(?:Bearer|token) (\S+)$/.exec(req.headers.authorization ?? "");
    if (req.method === "GET" && url.pathname.startsWith("/repos/")) {
      if (auth?.[1] !== apiToken) {
        json(401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" });
        return;
      }
      const limitHeaders = () => ({
        "x-ratelimit-limit": String(rate.limit),
        "x-ratelimit-remaining": String(rate.remaining),
        "x-ratelimit-reset": String(resetAt),
        "x-ratelimit-resource": "core",
      });
      if (rate.remaining <= 0) {
        res.writeHead(403, { "content-type": "application/json; charset=utf-8", ...limitHeaders() });
        res.end(
          JSON.stringify({
            message: "API rate limit exceeded for user ID 1.",
            documentation_url: "https://docs.github.com/rest/rate-limit",
          }),
        );
        return;
      }
      const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
      const fullName = m ? `${m[1]}/${m[2]}` : "";
      const repo = repos.get(fullName);
      const rest = m?.[3] ?? "";
      let status = 404;
      let body: unknown = { message: "Not Found", documentation_url: "https://docs.github.com/rest" };
      if (repo && rest === "") {
        status = 200;
        body = {
          id: 1,
          full_name: fullName,
          archived: repo.archived,
          pushed_at: repo.pushedAt,
          default_branch: repo.defaultBranch,
          open_issues_count: repo.openIssues,
          private: false,
        };
      } else if (repo && rest === "/actions/runs") {
        const branch = url.searchParams.get("branch");
        const runs = branch === repo.defaultBranch ? repo.runs : [];
        const perPage = Number(url.searchParams.get("per_page") ?? 30);
        status = 200;
        body = {
          total_count: runs.length,
          workflow_runs: runs.slice(0, perPage).map((r, i) => ({
            id: i + 1,
            head_branch: branch,
            status: "completed",
            conclusion: r.conclusion,
            updated_at: r.updatedAt,
          })),
        };
      } else if (
        repo &&
        rest.startsWith("/contents/") &&
        repo.files.includes(rest.slice("/contents/".length))
      ) {
        status = 200;
        body = {
          type: "file",
          name: rest.split("/").pop(),
          path: rest.slice("/contents/".length),
          size: 120,
        };
      }
      const text = JSON.stringify(body);
      const etag = `W/"${createHash("sha1").update(`${status}${text}`).digest("hex")}"`;
      if (status === 200 && req.headers["if-none-match"] === etag) {
        res.writeHead(304, { etag, ...limitHeaders() }).end();
        return;
      }
      rate.remaining--;
      res.writeHead(status, {
        "content-type": "application/json; charset=utf-8",
        ...(status === 200 ? { etag } : {}),
        ...limitHeaders(),
      });
      res.end(text);
      return;
    }
    const user = auth?.[1] ? tokens.get(auth[1]) : undefined;
    if (req.method === "GET" && (url.pathname === "/user" || url.pathname === "/user/emails")) {
      if (!user) {
        json(401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" });
        return;
      }
      if (url.pathname === "/user") {
        json(200, {
          login: user.login,
          id: user.id,
          node_id: `U_${user.id}`,
          type: "User",
          name: user.name,
          email: user.emails.find((e) => e.primary)?.email ?? null,
        });
      } else {
        json(
          200,
          user.emails.map((e) => ({ ...e, visibility: e.primary ? "public" : null })),
        );
      }
      return;
    }
    json(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    clientId,
    clientSecret,
    signInAs: (u) => {
      current = u;
    },
    requests,
    apiToken,
    setRepository: (fullName, repo) => {
      repos.set(fullName, repo);
    },
    setRateLimit: (remaining, limit = 5000) => {
      rate = { limit, remaining };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
