/**
 * `guildhall requests stalled [--private]` and `guildhall requests sweep`. Each action loads its
 * operation when it runs.
 */
import type { Command } from "commander";
import { addJsonOption, type CliContext, type JsonFlag, printJsonLines } from "../../platform/cli.ts";

/** Adds `guildhall requests ...`. */
export function registerRequestCommands(program: Command, ctx: CliContext): void {
  const requests = program
    .command("requests")
    .description("Requests between groups: what is stalled, the sweep.");
  addJsonOption(
    requests
      .command("stalled")
      .description("Requests waiting past their deadline or with no owner, oldest first, by group pair.")
      .option("--private", "include private requests (public ones only by default)"),
    "request",
  ).action(async (opts: JsonFlag & { private?: boolean }) => {
    const [services, { listVisibleRequests }] = await Promise.all([
      ctx.services(),
      import("./list-requests.ts"),
    ]);
    const deps = { database: services.database, clock: services.clock };
    const all = await listVisibleRequests({ deps, viewer: null, state: "stalled" });
    const shown = all
      .filter((r) => opts.private || r.visibility === "public")
      .sort((a, b) => a.pair.localeCompare(b.pair) || a.openedAt.localeCompare(b.openedAt));
    const lines = shown.map((r) => ({
      id: r.id,
      from: r.from.name,
      to: r.to.name,
      subject: r.title,
      deadline: r.deadline,
      daysWaiting: r.daysWaiting,
      owner: r.owner,
      stalled: r.stalled,
    }));
    if (opts.json) {
      printJsonLines(ctx, lines);
      return;
    }
    if (lines.length === 0) ctx.out("Nothing is stalled.");
    for (const l of lines) {
      ctx.out(
        `#${l.id}  ${l.from} → ${l.to}  "${l.subject}"  deadline ${l.deadline} (UTC)  ${l.daysWaiting} day(s) waiting  owner ${l.owner ?? "nobody"}`,
      );
    }
  });
  addJsonOption(
    requests
      .command("sweep")
      .description(
        "Record due reminders, lazy consensus, escalation steps and expiry of requests (safe to run again).",
      ),
  ).action(async (opts: JsonFlag) => {
    const [services, { sweepRequests }] = await Promise.all([ctx.services(), import("./sweep-requests.ts")]);
    const r = await sweepRequests({
      deps: { database: services.database, clock: services.clock, log: services.log },
    });
    if (opts.json) printJsonLines(ctx, [r]);
    else {
      const kinds = Object.entries(r.recorded).map(([k, n]) => `${n} ${k}`);
      ctx.out(
        `Request sweep of ${r.day}: ${kinds.length ? kinds.join(", ") : "nothing new"} (${r.notified} notification(s) queued).`,
      );
    }
  });
}
