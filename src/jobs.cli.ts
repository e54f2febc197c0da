/** `guildhall worker` (every room's jobs and schedules) and `guildhall notifications ...`. */
import type { Command } from "commander";
import {
  addJsonOption,
  type CliContext,
  type JsonFlag,
  parseWholeNumber,
  printJsonLines,
  printList,
} from "./platform/cli.ts";

/** Delivery states, for help text (the schema's list is checked when the command runs). */
const STATUS_HELP = "pending, sending, sent, failed, skipped";

/** Adds `worker` and `notifications list|deliver|failed|retry|digest`. */
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
  addJsonOption(
    notifications
      .command("failed")
      .description(
        "List deliveries given up after their last attempt: what, to whom (masked), attempts and the last error.",
      )
      .option("--limit <n>", "at most this many (default 100)"),
    "failed delivery",
  ).action(async (raw: Record<string, unknown> & JsonFlag) => {
    const [{ parseFlags, FailedFlags }, { listDeliveries, maskTarget }] = await Promise.all([
      import("./jobs.flags.ts"),
      import("./kernel/index.ts"),
    ]);
    const flags = parseFlags(FailedFlags, raw);
    const { database } = await ctx.services();
    const rows = (await listDeliveries(database.db, { status: "failed", limit: flags.limit })).map((d) => ({
      id: d.id,
      notificationId: d.notificationId,
      kind: d.kind,
      channel: d.channel,
      to: maskTarget(d.target),
      attempts: d.attempts,
      lastError: d.lastError,
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    }));
    printList(ctx, raw, rows, {
      empty: "No failed deliveries.",
      header: ["ID", "KIND", "CHANNEL", "TO", "ATTEMPTS", "LAST ERROR"],
      row: (d) => [String(d.id), d.kind, d.channel, d.to, String(d.attempts), d.lastError ?? ""],
    });
  });
  addJsonOption(
    notifications
      .command("retry")
      .argument("<id>", "the failed delivery's id (from `notifications failed`)")
      .description(
        "Send a failed delivery again: a new round of attempts, starting with the next delivery run.",
      ),
  ).action(async (id: string, opts: JsonFlag) => {
    const deliveryId = parseWholeNumber(id, "ID", { min: 1, max: 2 ** 31 - 1 });
    const [{ retryDelivery }] = await Promise.all([import("./kernel/index.ts")]);
    const { database, clock } = await ctx.services();
    await retryDelivery({
      db: database.db,
      id: deliveryId,
      now: clock.now(),
      by: { userId: null, label: "cli" },
    });
    if (opts.json) printJsonLines(ctx, [{ id: deliveryId, status: "pending" }]);
    else ctx.out(`Delivery ${deliveryId} is queued again.`);
  });
  addJsonOption(
    notifications
      .command("digest")
      .description(
        "Write the daily digest emails of one day now (what the 06:00 UTC job does for the day before); each person's digest is written once.",
      )
      .option("--day <YYYY-MM-DD>", "the day (UTC) whose notifications are gathered (default: yesterday)"),
  ).action(async (raw: Record<string, unknown> & JsonFlag) => {
    const [{ parseFlags, DigestFlags }, { appJobDeps }, { previousDay, sendDigests }] = await Promise.all([
      import("./jobs.flags.ts"),
      import("./jobs.ts"),
      import("./kernel/index.ts"),
    ]);
    const flags = parseFlags(DigestFlags, raw);
    const services = await ctx.services();
    const result = await sendDigests({
      deps: appJobDeps(services),
      day: flags.day ?? previousDay(services.clock.now()),
    });
    if (raw.json) printJsonLines(ctx, [result]);
    else
      ctx.out(
        `${result.written} digest(s) written for ${result.day} (${result.items} item(s), ${result.accounts} account(s)).`,
      );
  });
}
