/** `guildhall worker` (every room's jobs and schedules) and `guildhall notifications ...`. */
import type { Command } from "commander";
import { z } from "zod";
import { ALL_JOBS, appJobDeps, startAppJobs } from "./jobs.ts";
import { deliverDueNotifications, listDeliveries } from "./kernel/index.ts";
import { type CliContext, intFlag, parseFlags, printJsonLines } from "./platform/cli.ts";
import { schema } from "./platform/db/index.ts";

const WorkerFlags = z.object({
  concurrency: intFlag("--concurrency", 1, 256).default(16),
  workers: intFlag("--workers", 1, 64).optional(),
  list: z.boolean().optional(),
});

const ListFlags = z.object({
  status: z
    .enum(schema.DELIVERY_STATUSES, {
      error: `--status must be one of ${schema.DELIVERY_STATUSES.join(", ")}`,
    })
    .optional(),
  limit: intFlag("--limit", 1, 10_000).default(100),
});

/** Adds `worker` and `notifications list|deliver`. */
export function registerJobCommands(program: Command, ctx: CliContext): void {
  program
    .command("worker")
    .description(
      "Work every room's queued jobs and run their schedules until interrupted; several workers and servers can share one PostgreSQL database.",
    )
    .option("--concurrency <n>", "outbound requests in flight across this process's jobs (default 16)")
    .option("--workers <n>", "jobs of each kind worked at once (default: each job's own, 2 for sync chunks)")
    .option("--list", "print the job definitions as JSON lines and exit")
    .action(async (raw: Record<string, unknown>) => {
      const flags = parseFlags(WorkerFlags, raw);
      if (flags.list) {
        printJsonLines(
          ctx,
          ALL_JOBS.map((j) => ({
            name: j.name,
            description: j.description,
            schedule: j.schedule ? { cron: j.schedule.cron, tz: j.schedule.tz } : null,
            retry: j.retry,
            timeoutSeconds: j.timeoutSeconds,
            workers: j.workers,
            singleton: j.singleton,
          })),
        );
        return;
      }
      const services = await ctx.services();
      const runtime = await startAppJobs(services, {
        workers: flags.workers,
        outboundConcurrency: flags.concurrency,
      });
      ctx.err(
        `worker ready (${services.database.driver}; schedules: ${runtime.scheduler}); press Ctrl-C to stop`,
      );
      await new Promise<void>((resolve) => {
        const done = () => resolve();
        process.once("SIGINT", done);
        process.once("SIGTERM", done);
      });
      await runtime.stop();
    });

  const notifications = program
    .command("notifications")
    .description("The notification outbox: what was sent, what waits, what failed.");
  notifications
    .command("list")
    .description("List deliveries as JSON lines, latest attempt first (failed ones keep their last error).")
    .option("--status <status>", `only deliveries in this state (${schema.DELIVERY_STATUSES.join(", ")})`)
    .option("--limit <n>", "at most this many (default 100)")
    .action(async (raw: Record<string, unknown>) => {
      const flags = parseFlags(ListFlags, raw);
      const { database } = await ctx.services();
      printJsonLines(ctx, await listDeliveries(database.db, { status: flags.status, limit: flags.limit }));
    });
  notifications
    .command("deliver")
    .description("Send due notifications now (what the delivery job does every minute) and print the counts.")
    .action(async () => {
      const services = await ctx.services();
      const result = await deliverDueNotifications({ deps: appJobDeps(services), limit: 100 });
      ctx.out(JSON.stringify(result));
    });
}
