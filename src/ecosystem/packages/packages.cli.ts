/**
 * Command line of the package catalogue: `packages load-snapshot` and `packages sync` (`guildhall worker`
 * is in src/jobs.cli.ts). Each action loads what it runs (the sync, the flag schemas) when it runs.
 */
import type { Command } from "commander";
import { addJsonOption, type CliContext, type JsonFlag, printJsonLines } from "../../platform/cli.ts";
import type { SyncProgress } from "../sync/sync-packages.ts";

/** Progress on a terminal as a bar, otherwise as a plain line every few seconds. */
async function progressReporter(ctx: CliContext): Promise<{ update(p: SyncProgress): void; stop(): void }> {
  if (ctx.isTTY) {
    const { SingleBar } = await import("cli-progress");
    const bar = new SingleBar({
      format: "sync {bar} {percentage}% | {value}/{total} projects | errors {errors}",
      stream: process.stderr,
      hideCursor: true,
    });
    let started = false;
    return {
      update(p) {
        if (!started) {
          bar.start(p.total, p.done, { errors: 0 });
          started = true;
        }
        bar.update(p.done, { errors: p.states["error"] ?? 0 });
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  let lastDone = -1;
  return {
    update(p) {
      const now = Date.now();
      if ((now - last >= 2000 && p.done !== lastDone) || (p.done === p.total && p.done !== lastDone)) {
        ctx.err(`sync run ${p.runId}: ${p.done}/${p.total} projects (errors ${p.states["error"] ?? 0})`);
        last = now;
        lastDone = p.done;
      }
    },
    stop() {},
  };
}

/** Adds `packages load-snapshot` and `packages sync`. */
export function registerPackagesCommands(program: Command, ctx: CliContext): void {
  const packages =
    program.commands.find((c) => c.name() === "packages") ??
    program.command("packages").description("The package catalogue: snapshots and PyPI sync.");

  addJsonOption(
    packages
      .command("load-snapshot")
      .description("Load a catalogue snapshot (TSV: name, version, month, rank, summary; .gz allowed).")
      .argument("<file>", "snapshot file")
      .option(
        "--as-of <date>",
        "the date the snapshot's data is from, YYYY-MM or YYYY-MM-DD (default: from the file name)",
      ),
  ).action(async (file: string, opts: JsonFlag & { asOf?: string }) => {
    const [{ loadSnapshot }, { SYNC_COMMAND }] = await Promise.all([
      import("./load-snapshot.ts"),
      import("./catalogue-provenance.ts"),
    ]);
    const services = await ctx.services();
    let lastReport = 0;
    const summary = await loadSnapshot({
      db: services.database.db,
      clock: services.clock,
      file,
      asOf: opts.asOf,
      onProblem: (p) => ctx.err(`${file}:${p.line}: ${p.message} (skipped)`),
      onProgress: (n) => {
        if (n - lastReport >= 10_000) {
          ctx.err(`loaded ${n} rows`);
          lastReport = n;
        }
      },
    });
    if (opts.json) printJsonLines(ctx, [summary]);
    else {
      ctx.out(
        `Loaded ${summary.loaded} projects from ${file} (${summary.lines} lines, ${summary.skipped} skipped) in ${(summary.durationMs / 1000).toFixed(1)} s`,
      );
      ctx.out(
        `Snapshot data as of ${summary.asOf ?? "an unknown date (give --as-of YYYY-MM)"}. Snapshots carry no classifiers, requirements or Requires-Python: their Django support stays unknown until ${SYNC_COMMAND}.`,
      );
    }
  });

  addJsonOption(
    packages
      .command("sync")
      .description(
        "Bring the catalogue in step with a PyPI-compatible index (changed serials only; resumes).",
      )
      .requiredOption("--index <url>", "index base URL, e.g. https://pypi.org")
      .option("--concurrency <n>", "requests in flight (default 16)")
      .option(
        "--workers <n>",
        "chunk workers in this process; 0 leaves the work to `guildhall worker` (default 2)",
      )
      .option("--batch <n>", "projects saved per transaction (default 100)")
      .option(
        "--scope <scope>",
        "listed: every project the index lists; catalogue: catalogued projects and new Django-named ones; auto: listed on an empty catalogue, else catalogue (default auto)",
      )
      .option("--user-agent <s>", "User-Agent with contact details"),
  ).action(async (raw: Record<string, unknown>) => {
    const [{ parseFlags, SyncFlags }, { syncPackages }, { formatSyncSummary }] = await Promise.all([
      import("./packages.flags.ts"),
      import("../sync/sync-packages.ts"),
      import("../sync/sync-summary.ts"),
    ]);
    const flags = parseFlags(SyncFlags, raw);
    const services = await ctx.services();
    const { createHttpClientFactory } = await import("../../platform/fetch.ts");
    const httpFor = createHttpClientFactory(services);
    const progress = await progressReporter(ctx);
    try {
      const summary = await syncPackages({
        database: services.database,
        clock: services.clock,
        log: services.log,
        httpFor,
        indexUrl: flags.index,
        scope: flags.scope,
        userAgent: flags.userAgent ?? null,
        concurrency: flags.concurrency,
        workers: flags.workers,
        batchSize: flags.batch,
        onProgress: (p) => progress.update(p),
      });
      progress.stop();
      if (flags.json) printJsonLines(ctx, [summary]);
      else for (const line of formatSyncSummary(summary)) ctx.out(line);
    } finally {
      progress.stop();
    }
  });
}
