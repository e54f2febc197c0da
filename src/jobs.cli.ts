/** `guildhall worker` (every room's jobs and schedules) and `guildhall notifications ...`. */
import type { Command } from "commander";
import { type CliContext, printJsonLines } from "./platform/cli.ts";

/** Delivery states, for help text (the schema's list is checked when the command runs). */
const STATUS_HELP = "pending, sending, sent, failed, skipped";

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
      const [{ parseFlags, WorkerFlags }, { ALL_JOBS, startAppJobs }] = await Promise.all([
        import("./jobs.flags.ts"),
        import("./jobs.ts"),
      ]);
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
    .option("--status <status>", `only deliveries in this state (${STATUS_HELP})`)
    .option("--limit <n>", "at most this many (default 100)")
    .action(async (raw: Record<string, unknown>) => {
      const [{ parseFlags, ListFlags }, { listDeliveries }] = await Promise.all([
        import("./jobs.flags.ts"),
        import("./kernel/index.ts"),
      ]);
      const flags = parseFlags(ListFlags, raw);
      const { database } = await ctx.services();
      printJsonLines(ctx, await listDeliveries(database.db, { status: flags.status, limit: flags.limit }));
    });
  notifications
    .command("deliver")
    .description("Send due notifications now (what the delivery job does every minute) and print the counts.")
    .action(async () => {
      const [{ appJobDeps }, { deliverDueNotifications }] = await Promise.all([
        import("./jobs.ts"),
        import("./kernel/index.ts"),
      ]);
      const services = await ctx.services();
      const result = await deliverDueNotifications({ deps: appJobDeps(services), limit: 100 });
      printJsonLines(ctx, [result]);
    });
}
