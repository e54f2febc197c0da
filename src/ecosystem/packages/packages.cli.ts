/** Command line of the package catalogue: `packages load-snapshot`, `packages sync`, and `worker`. */
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { z } from "zod";
import type { CliContext } from "../../platform/cli.ts";
import { validationError } from "../../platform/errors.ts";
import { createHttpClient } from "../../platform/fetch.ts";
import { startJobQueue } from "../../platform/jobs/queue.ts";
import type { Services } from "../../platform/services.ts";
import { type SyncProgress, syncPackages } from "../sync/sync-packages.ts";
import { formatSyncSummary } from "../sync/sync-summary.ts";
import { SYNC_QUEUE, startSyncWorkers } from "../sync/sync-worker.ts";
import { SYNC_COMMAND } from "./catalogue-provenance.ts";
import { loadSnapshot } from "./load-snapshot.ts";

const intFlag = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

const SyncFlags = z.object({
  index: z.url({ error: "--index must be an http(s) URL" }),
  concurrency: intFlag("--concurrency", 1, 256).default(16),
  workers: intFlag("--workers", 0, 64).default(2),
  batch: intFlag("--batch", 1, 5000).default(100),
  scope: z
    .enum(["auto", "listed", "catalogue"], { error: "--scope must be auto, listed or catalogue" })
    .default("auto"),
  userAgent: z.string().min(1, "--user-agent must not be empty").optional(),
  json: z.boolean().optional(),
});

const WorkerFlags = z.object({
  concurrency: intFlag("--concurrency", 1, 256).default(16),
  workers: intFlag("--workers", 1, 64).default(2),
});

function parseFlags<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const r = schema.safeParse(raw);
  if (!r.success) throw validationError("flags", r.error.issues);
  return r.data;
}

/** An HTTP client per user agent (the configured one when null). */
function httpFactory(services: Services) {
  const clients = new Map<string, Services["http"]>();
  return (userAgent: string | null) => {
    if (!userAgent) return services.http;
    let c = clients.get(userAgent);
    if (!c) {
      c = createHttpClient({ config: { http: { ...services.config.http, userAgent } }, log: services.log });
      clients.set(userAgent, c);
    }
    return c;
  };
}

/** Progress on a terminal as a bar, otherwise as a plain line every few seconds. */
function progressReporter(ctx: CliContext): { update(p: SyncProgress): void; stop(): void } {
  if (ctx.isTTY) {
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

/** Adds `packages load-snapshot`, `packages sync` and `worker`. */
export function registerPackagesCommands(program: Command, ctx: CliContext): void {
  const packages =
    program.commands.find((c) => c.name() === "packages") ??
    program.command("packages").description("The package catalogue: snapshots and PyPI sync.");

  packages
    .command("load-snapshot")
    .description("Load a catalogue snapshot (TSV: name, version, month, rank, summary; .gz allowed).")
    .argument("<file>", "snapshot file")
    .option(
      "--as-of <date>",
      "the date the snapshot's data is from, YYYY-MM or YYYY-MM-DD (default: from the file name)",
    )
    .option("--json", "print the summary as JSON")
    .action(async (file: string, opts: { json?: boolean; asOf?: string }) => {
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
      if (opts.json) ctx.out(JSON.stringify({ ...summary, problems: summary.problems }));
      else {
        ctx.out(
          `Loaded ${summary.loaded} projects from ${file} (${summary.lines} lines, ${summary.skipped} skipped) in ${(summary.durationMs / 1000).toFixed(1)} s`,
        );
        ctx.out(
          `Snapshot data as of ${summary.asOf ?? "an unknown date (give --as-of YYYY-MM)"}. Snapshots carry no classifiers, requirements or Requires-Python: their Django support stays unknown until ${SYNC_COMMAND}.`,
        );
      }
    });

  packages
    .command("sync")
    .description("Bring the catalogue in step with a PyPI-compatible index (changed serials only; resumes).")
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
    .option("--user-agent <s>", "User-Agent with contact details")
    .option("--json", "print the summary as JSON")
    .action(async (raw: Record<string, unknown>) => {
      const flags = parseFlags(SyncFlags, raw);
      const services = await ctx.services();
      const progress = progressReporter(ctx);
      try {
        const summary = await syncPackages({
          database: services.database,
          clock: services.clock,
          log: services.log,
          httpFor: httpFactory(services),
          indexUrl: flags.index,
          scope: flags.scope,
          userAgent: flags.userAgent ?? null,
          concurrency: flags.concurrency,
          workers: flags.workers,
          batchSize: flags.batch,
          onProgress: (p) => progress.update(p),
        });
        progress.stop();
        if (flags.json) ctx.out(JSON.stringify(summary));
        else for (const line of formatSyncSummary(summary)) ctx.out(line);
      } finally {
        progress.stop();
      }
    });

  program
    .command("worker")
    .description(
      "Work queued jobs (package sync chunks) until interrupted; several can share a run on PostgreSQL.",
    )
    .option("--concurrency <n>", "requests in flight (default 16)")
    .option("--workers <n>", "chunk workers in this process (default 2)")
    .action(async (raw: Record<string, unknown>) => {
      const flags = parseFlags(WorkerFlags, raw);
      const services = await ctx.services();
      const queue = await startJobQueue({
        database: services.database,
        log: services.log,
        queues: [SYNC_QUEUE],
      });
      const stop = await startSyncWorkers({
        queue,
        db: services.database.db,
        clock: services.clock,
        log: services.log,
        httpFor: httpFactory(services),
        workers: flags.workers,
        concurrency: flags.concurrency,
      });
      ctx.err(`worker ready (${services.database.driver}); press Ctrl-C to stop`);
      await new Promise<void>((resolve) => {
        const done = () => resolve();
        process.once("SIGINT", done);
        process.once("SIGTERM", done);
      });
      await stop();
      await queue.stop({ graceful: true, wait: true, timeout: 10_000 });
    });
}
