/**
 * `guildhall tracker set SERIES PACKAGE STATUS [--link URL] [--reason TEXT] [--json]`,
 * `guildhall tracker channel SERIES URL [--json]` and `guildhall tracker remind [--json]`.
 */
import type { Command } from "commander";
import { addJsonOption, type CliContext, type JsonFlag, printJsonLines } from "../../platform/cli.ts";
import { validationError } from "../../platform/errors.ts";

/** Adds the `tracker` commands. */
export function registerTrackerCommands(program: Command, ctx: CliContext): void {
  const tracker = program
    .command("tracker")
    .description("The compatibility tracker of each upcoming Django series.");

  addJsonOption(
    tracker
      .command("set")
      .description(
        "Set a package's status on an upcoming series' tracker: in-progress (needs --link), not-started, blocked (needs --reason). Ready comes from metadata only.",
      )
      .argument("<series>", "an upcoming Django series, e.g. 6.2")
      .argument("<package>", "the package's name")
      .argument("<status>", "in-progress | not-started | blocked")
      .option("--link <url>", "the pull request or issue of the work")
      .option("--reason <text>", "what blocks it")
      .option("--by <name>", "who sets it", "command line"),
  ).action(
    async (
      series: string,
      pkg: string,
      status: string,
      opts: JsonFlag & { link?: string; reason?: string; by: string },
    ) => {
      const [services, { SetEntrySchema }, { setTrackerEntry }, { getTrackerEntry }, { normalizeName }] =
        await Promise.all([
          ctx.services(),
          import("./entry-input.ts"),
          import("./set-tracker-entry.ts"),
          import("./get-tracker.ts"),
          import("../packages/normalize-name.ts"),
        ]);
      const parsed = SetEntrySchema.safeParse({ status, link: opts.link, reason: opts.reason });
      if (!parsed.success) throw validationError("tracker entry", parsed.error.issues);
      const db = services.database.db;
      const clock = services.clock;
      const name = normalizeName(pkg);
      const { series: found } = await getTrackerEntry({ db, clock, series, name });
      await setTrackerEntry({
        db,
        clock,
        series: found.series,
        name,
        ...parsed.data,
        by: { userId: null, name: opts.by },
      });
      const { row } = await getTrackerEntry({ db, clock, series: found.series, name });
      const url = `${services.config.baseUrl}/releases/${found.series}/tracker/${name}`;
      if (opts.json) {
        printJsonLines(ctx, [
          {
            series: found.series,
            package: name,
            status: row.decision.status,
            decidedBy: row.decision.decidedBy,
            why: row.decision.why,
            link: row.decision.link,
            reason: row.decision.reason,
            url,
          },
        ]);
      } else
        ctx.out(`${name} on Django ${found.series}: ${row.decision.status} (${row.decision.why}) ${url}`);
    },
  );

  addJsonOption(
    tracker
      .command("channel")
      .description(
        "Set the discussion channel of an upcoming series (a setting the Package Maintainers group edits).",
      )
      .argument("<series>", "an upcoming Django series")
      .argument("<url>", "the address of the discussion")
      .option("--by <name>", "who sets it", "command line"),
  ).action(async (series: string, url: string, opts: JsonFlag & { by: string }) => {
    const [services, { ChannelSchema }, { setSeriesChannel }] = await Promise.all([
      ctx.services(),
      import("./entry-input.ts"),
      import("./set-series-channel.ts"),
    ]);
    const parsed = ChannelSchema.safeParse({ url });
    if (!parsed.success) throw validationError("channel", parsed.error.issues);
    const saved = await setSeriesChannel({
      db: services.database.db,
      clock: services.clock,
      series,
      url: parsed.data.url,
      by: { userId: null, name: opts.by },
    });
    if (opts.json) printJsonLines(ctx, [{ series: saved.series, url: saved.url, setBy: saved.setByName }]);
    else ctx.out(`Django ${saved.series}'s discussion channel: ${saved.url}`);
  });

  addJsonOption(
    tracker
      .command("remind")
      .description(
        "Write today's alpha, beta and release candidate reminders to the outbox now (the daily job does this; each goes once).",
      ),
  ).action(async (opts: JsonFlag) => {
    const [services, { sendTrackerReminders }] = await Promise.all([
      ctx.services(),
      import("./send-tracker-reminders.ts"),
    ]);
    const r = await sendTrackerReminders({ db: services.database.db, clock: services.clock });
    if (opts.json) printJsonLines(ctx, [{ due: r.due, written: r.written }]);
    else if (r.due.length === 0) ctx.out("No alpha, beta or release candidate is due today.");
    else
      ctx.out(
        `${r.written} reminder(s) written for ${r.due.map((d) => `Django ${d.series} ${d.milestone} (${d.on})`).join(", ")}.`,
      );
  });
}
