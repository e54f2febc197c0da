/** `guildhall releases [--json]` and `guildhall releases record SERIES MILESTONE DATE [--json]`. */
import type { Command } from "commander";
import {
  addJsonOption,
  type CliContext,
  formatTable,
  type JsonFlag,
  printJsonLines,
} from "../../platform/cli.ts";
import { isoDay, MILESTONE_KINDS, seriesPhase } from "./calendar.ts";

const SHORT: Record<string, string> = {
  alpha: "alpha",
  beta: "beta",
  rc: "rc",
  final: "final",
  "end-mainstream": "mainstream ends",
  "end-extended": "extended ends",
};

/** Adds `releases` (calendar table or JSON lines) and `releases record` to the command line. */
export function registerReleasesCommands(program: Command, ctx: CliContext): void {
  const releases = addJsonOption(
    program
      .command("releases")
      .description("The Django release calendar: milestones of every series from 4.2 on (* = projected)."),
    "series (with today's date, which its phase is computed for)",
  ).action(async (opts: JsonFlag) => {
    const [services, { loadReleaseCalendar }, { seriesJson }] = await Promise.all([
      ctx.services(),
      import("./load-release-calendar.ts"),
      import("./series-json.ts"),
    ]);
    const now = services.clock.now();
    const today = isoDay(now);
    const calendar = await loadReleaseCalendar({ db: services.database.db, now });
    if (opts.json) {
      printJsonLines(
        ctx,
        calendar.map((s) => ({ today, ...seriesJson(s, today) })),
      );
      return;
    }
    const header = ["series", "status", "python", ...MILESTONE_KINDS.map((k) => SHORT[k] ?? k)];
    const rows = calendar.map((s) => [
      `${s.series}${s.lts ? " LTS" : ""}`,
      seriesPhase(s, today),
      `${s.python[0] ?? ""}-${s.python.at(-1) ?? ""}${s.pythonStatus === "projected" ? "*" : ""}`,
      ...MILESTONE_KINDS.map(
        (k) => `${s.milestones[k].date}${s.milestones[k].status === "projected" ? "*" : ""}`,
      ),
    ]);
    ctx.out(formatTable(header, rows));
    ctx.out(`\n* projected from the release policy, not announced (today is ${today}).`);
  });

  addJsonOption(
    releases
      .command("record")
      .description(`Record an announced milestone date (milestones: ${MILESTONE_KINDS.join(", ")}).`)
      .argument("<series>", "Django series, e.g. 6.2 or 2028")
      .argument("<milestone>", MILESTONE_KINDS.join(" | "))
      .argument("<date>", "YYYY-MM-DD")
      .option("--by <name>", "who records it", "command line")
      .option("--note <text>", "where the date comes from"),
  ).action(
    async (
      series: string,
      milestone: string,
      date: string,
      opts: JsonFlag & { by: string; note?: string },
    ) => {
      const [services, { recordMilestone }] = await Promise.all([
        ctx.services(),
        import("./record-milestone.ts"),
      ]);
      const row = await recordMilestone({
        db: services.database.db,
        clock: services.clock,
        series,
        milestone,
        date,
        recordedBy: opts.by,
        note: opts.note,
      });
      if (opts.json) printJsonLines(ctx, [row]);
      else ctx.out(`Recorded Django ${row.series} ${row.milestone} on ${row.date} (announced).`);
    },
  );
}
