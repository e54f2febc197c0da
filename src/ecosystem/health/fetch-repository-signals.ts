/**
 * Reads repository signals from GitHub's REST API through the one outbound client: the repository
 * (archived, last push, default branch, open issues), the latest completed workflow run on the
 * default branch, and whether a SECURITY policy exists. Conditional requests with the stored
 * ETags (a 304 costs no rate limit when authenticated); the run stops before the rate limit runs
 * out and says when it resets. Needs GUILDHALL_GITHUB_TOKEN.
 */
import { z } from "zod";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { HttpClient } from "../../platform/fetch.ts";
import { githubRepoOf } from "./github-repo.ts";
import { type RepositoryRow, reposToFetch, saveRepositoryRow } from "./repositories.repo.ts";

const RepoSchema = z.object({
  full_name: z.string(),
  archived: z.boolean(),
  pushed_at: z.string().nullable(),
  default_branch: z.string(),
  open_issues_count: z.number().int(),
});
const RunsSchema = z.object({
  workflow_runs: z.array(z.object({ conclusion: z.string().nullable(), updated_at: z.string() })),
});

/** Paths GitHub shows as a repository's security policy, in its order, then the owner's .github repository. */
const SECURITY_PATHS = ["SECURITY.md", ".github/SECURITY.md", "docs/SECURITY.md"];

/** Stopped for GitHub's rate limit; `resetAt` is when it refills. */
class RateLimited extends Error {
  constructor(readonly resetAt: Date | null) {
    super("GitHub rate limit reached");
  }
}

/** What a run did. */
export interface RepositorySignalsSummary {
  considered: number;
  fetched: number;
  notModified: number;
  notFound: number;
  errors: number;
  /** Requests sent to GitHub. */
  requests: number;
  /** Set when the run stopped for the rate limit: the rest wait for the next run. */
  stoppedForRateLimit: { resetAt: string | null; left: number } | null;
  rateRemaining: number | null;
}

/** The row of a repository that could not be read: every signal unknown. */
function unreadRow(
  name: string,
  repo: string,
  status: "not_found" | "error",
  error: string | null,
  now: Date,
): RepositoryRow {
  return {
    name,
    repo,
    status,
    error,
    archived: null,
    pushedAt: null,
    defaultBranch: null,
    openIssues: null,
    securityPolicy: null,
    ciConclusion: null,
    ciRunAt: null,
    etags: {},
    fetchedAt: now,
  };
}

/** Fetches signals for up to `limit` packages with a GitHub repository, those never or least recently fetched first. */
export async function fetchRepositorySignals(input: {
  db: Db;
  http: HttpClient;
  clock: Clock;
  config: { token: string | undefined; apiUrl: string };
  limit: number;
  /** Stop when fewer requests than this remain in the rate-limit window. */
  reserve?: number;
}): Promise<RepositorySignalsSummary> {
  const token = input.config.token;
  if (!token)
    throw new AppError("bad_request", {
      message: "Repository signals need a GitHub token: set GUILDHALL_GITHUB_TOKEN.",
    });
  const reserve = input.reserve ?? 50;
  const summary: RepositorySignalsSummary = {
    considered: 0,
    fetched: 0,
    notModified: 0,
    notFound: 0,
    errors: 0,
    requests: 0,
    stoppedForRateLimit: null,
    rateRemaining: null,
  };
  const candidates = (await reposToFetch(input.db, input.limit * 3))
    .flatMap((c) => {
      const repo = githubRepoOf(c.projectUrls);
      return repo ? [{ ...c, repo }] : [];
    })
    .slice(0, input.limit);
  const headers = {
    accept: "application/vnd.github+json",
    authorization: `Bearer ${token}`,
    "x-github-api-version": "2022-11-28",
  };

  let lastReset: Date | null = null;
  const get = async (path: string, etag: string | undefined) => {
    if (summary.rateRemaining !== null && summary.rateRemaining <= reserve) throw new RateLimited(lastReset);
    summary.requests++;
    const res = await input.http.fetch(`${input.config.apiUrl}${path}`, {
      headers: etag ? { ...headers, "if-none-match": etag } : headers,
      acceptStatus: [304, 403, 404, 429],
    });
    const remaining = res.headers.get("x-ratelimit-remaining");
    if (remaining !== null) summary.rateRemaining = Number(remaining);
    const reset = res.headers.get("x-ratelimit-reset");
    const resetAt = reset ? new Date(Number(reset) * 1000) : null;
    if ((res.status === 403 || res.status === 429) && (remaining === "0" || res.headers.has("retry-after"))) {
      await res.body?.cancel();
      throw new RateLimited(resetAt);
    }
    if (res.status === 403) {
      await res.body?.cancel();
      throw new AppError("upstream", { message: `${path}: GitHub answered 403` });
    }
    if (resetAt) lastReset = resetAt;
    if (res.status !== 200) {
      await res.body?.cancel();
      return { status: res.status, etag: res.headers.get("etag"), body: null };
    }
    return { status: res.status, etag: res.headers.get("etag"), body: await res.text() };
  };

  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as (typeof candidates)[number];
    summary.considered++;
    const previous = c.stored;
    const etags: Record<string, string> = previous?.repo === c.repo ? { ...previous.etags } : {};
    const now = input.clock.now();
    try {
      const repoRes = await get(`/repos/${c.repo}`, etags.repo);
      if (repoRes.status === 404) {
        summary.notFound++;
        await saveRepositoryRow(input.db, unreadRow(c.name, c.repo, "not_found", null, now));
        continue;
      }
      let row: RepositoryRow;
      if (repoRes.status === 304 && previous) row = { ...previous, etags };
      else {
        const parsed = RepoSchema.parse(JSON.parse(repoRes.body ?? "null"));
        if (repoRes.etag) etags.repo = repoRes.etag;
        row = {
          name: c.name,
          repo: c.repo,
          status: "ok",
          error: null,
          archived: parsed.archived,
          pushedAt: parsed.pushed_at ? new Date(parsed.pushed_at) : null,
          defaultBranch: parsed.default_branch,
          openIssues: parsed.open_issues_count,
          securityPolicy: previous?.repo === c.repo ? previous.securityPolicy : null,
          ciConclusion: previous?.repo === c.repo ? previous.ciConclusion : null,
          ciRunAt: previous?.repo === c.repo ? previous.ciRunAt : null,
          etags,
          fetchedAt: now,
        };
      }
      const branch = encodeURIComponent(row.defaultBranch ?? "main");
      const runs = await get(
        `/repos/${c.repo}/actions/runs?branch=${branch}&status=completed&per_page=1`,
        etags.runs,
      );
      if (runs.status === 200) {
        const r = RunsSchema.parse(JSON.parse(runs.body ?? "null")).workflow_runs[0];
        row.ciConclusion = r?.conclusion ?? null;
        row.ciRunAt = r ? new Date(r.updated_at) : null;
        if (runs.etag) etags.runs = runs.etag;
      } else if (runs.status === 404) {
        row.ciConclusion = null;
        row.ciRunAt = null;
      }
      let policy: boolean | null = false;
      const owner = c.repo.split("/")[0] as string;
      for (const [key, path] of [
        ...SECURITY_PATHS.map((p) => [`security:${p}`, `/repos/${c.repo}/contents/${p}`]),
        ["security:owner", `/repos/${owner}/.github/contents/SECURITY.md`],
      ] as const) {
        const res = await get(path, etags[key]);
        if (res.etag) etags[key] = res.etag;
        if (res.status === 200 || (res.status === 304 && previous?.securityPolicy)) {
          policy = true;
          break;
        }
        if (res.status !== 404 && res.status !== 304) policy = null;
      }
      row.securityPolicy = policy;
      row.fetchedAt = now;
      row.etags = etags;
      await saveRepositoryRow(input.db, row);
      if (repoRes.status === 304) summary.notModified++;
      else summary.fetched++;
    } catch (e) {
      if (e instanceof RateLimited) {
        summary.stoppedForRateLimit = {
          resetAt: e.resetAt?.toISOString() ?? null,
          left: candidates.length - i,
        };
        break;
      }
      summary.errors++;
      await saveRepositoryRow(
        input.db,
        unreadRow(c.name, c.repo, "error", e instanceof Error ? e.message : String(e), now),
      );
    }
  }
  return summary;
}
