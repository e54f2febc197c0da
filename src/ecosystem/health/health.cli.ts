/**
 * `guildhall packages health NAME`, `guildhall packages repo-signals` and
 * `guildhall packages backfill-declarations`.
 */
import type { Command } from "commander";
import { addJsonOption, type CliContext, parseWholeNumber, printJsonLines } from "../../platform/cli.ts";
import { AppError } from "../../platform/errors.ts";

function packagesCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === "packages") ??
    program.command("packages").description("The Django package catalogue.")
  );
}

/** Adds the health commands under `packages`. */
export function registerHealthCommands(program: Command, ctx: CliContext): void {
  const packages = packagesCommand(program);
  const healthCommand = packages
    .command("health")
    .description(
      "A package's health: sub-scores, the rules and evidence behind them, labels, and where to report a vulnerability.",
    )
    .argument("<name>", "package name (any spelling)");
  addJsonOption(healthCommand).action(async (name: string, opts: { json?: boolean }) => {
    const { getPackageHealth } = await import("./get-package-health.ts");
    const services = await ctx.services();
    const { health, route } = await getPackageHealth({
      db: services.database.db,
      clock: services.clock,
      name,
    });
    if (opts.json) {
      printJsonLines(ctx, [{ ...health, reportVulnerability: route }]);
      return;
    }
    ctx.out(
      `${health.name}: ${health.total === null ? "no total" : `${health.total} of 100 (${health.bucket})`}; ${health.totalNote}`,
    );
    for (const l of health.labels) ctx.out(`  label ${l.id}: ${l.evidence.join("; ")}`);
    for (const s of health.subScores) {
      ctx.out(`${s.title}: ${s.score === null ? "unknown" : s.score} (weight ${s.weight})`);
      for (const r of s.rules)
        ctx.out(
          `  ${r.status.padEnd(8)} ${r.id.padEnd(34)} ${r.points === null ? "-" : `${r.points}/${r.max}`}  ${r.message}`,
        );
    }
    ctx.out(`Report a vulnerability: ${route.text}${route.href ? ` ${route.href}` : ""}`);
  });

  packages
    .command("repo-signals")
    .description(
      "Fetch repository signals (archived, last push, default-branch CI, security policy, open issues) from GitHub's REST API; needs GUILDHALL_GITHUB_TOKEN.",
    )
    .option("--limit <n>", "repositories to read this run (never fetched first, then the oldest)", "500")
    .option("--json", "print the result as one JSON object on one line")
    .action(async (opts: { limit: string; json?: boolean }) => {
      const limit = parseWholeNumber(opts.limit, "--limit", { min: 1, max: 100_000 });
      const { fetchRepositorySignals } = await import("./fetch-repository-signals.ts");
      const services = await ctx.services();
      const summary = await fetchRepositorySignals({
        db: services.database.db,
        http: services.http,
        clock: services.clock,
        config: services.config.repositorySignals,
        limit,
      });
      if (opts.json) printJsonLines(ctx, [summary]);
      else {
        ctx.out(
          `${summary.considered} repositories: ${summary.fetched} fetched, ${summary.notModified} unchanged (304), ${summary.notFound} not found, ${summary.errors} errors; ${summary.requests} requests, ${summary.rateRemaining ?? "unknown"} left in the rate limit`,
        );
        if (summary.stoppedForRateLimit)
          ctx.out(
            `stopped for GitHub's rate limit (resets ${summary.stoppedForRateLimit.resetAt ?? "at an unknown time"}); ${summary.stoppedForRateLimit.left} repositories wait for the next run`,
          );
      }
    });

  packages
    .command("backfill-declarations")
    .description(
      "Read what the top packages' older releases declared (per-version JSON API), for time to support in reviews.",
    )
    .requiredOption("--index <url>", "the index, e.g. https://pypi.org")
    .option("--top <n>", "packages by download rank", "200")
    .option("--since <date>", "releases uploaded on or after this day", "2023-01-01")
    .option("--concurrency <n>", "requests at once", "8")
    .option("--json", "print the result as one JSON object on one line")
    .action(
      async (opts: { index: string; top: string; since: string; concurrency: string; json?: boolean }) => {
        const top = parseWholeNumber(opts.top, "--top", { min: 1, max: 15_000 });
        const concurrency = parseWholeNumber(opts.concurrency, "--concurrency", { min: 1, max: 64 });
        const since = new Date(`${opts.since}T00:00:00Z`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.since) || Number.isNaN(since.getTime()))
          throw new AppError("validation", {
            message: `Invalid --since: must be a date such as 2023-01-01, got "${opts.since}"`,
          });
        if (!/^https?:\/\//.test(opts.index))
          throw new AppError("validation", {
            message: `Invalid --index: must be an http(s) URL, got "${opts.index}"`,
          });
        const { backfillDeclarations } = await import("../reviews/backfill-declarations.ts");
        const services = await ctx.services();
        const s = await backfillDeclarations({
          db: services.database.db,
          http: services.http,
          clock: services.clock,
          indexUrl: opts.index,
          top,
          since,
          concurrency,
        });
        if (opts.json) printJsonLines(ctx, [s]);
        else {
          ctx.out(
            `${s.packages} packages, ${s.releases} releases without declarations: ${s.recorded} recorded, ${s.failed.length} failed`,
          );
          for (const f of s.failed.slice(0, 20)) ctx.out(`  ${f.name} ${f.version}: ${f.message}`);
        }
      },
    );
}
