/** `guildhall releases [--json]` and `guildhall releases record SERIES MILESTONE DATE`. */
import type { Command } from "commander";
import type { CliContext } from "../../platform/cli.ts";
import { isoDay, MILESTONE_KINDS, seriesPhase } from "./calendar.ts";
import { loadReleaseCalendar } from "./load-release-calendar.ts";
import { recordMilestone } from "./record-milestone.ts";
import { seriesJson } from "./releases.routes.tsx";

const SHORT: Record<string, string> = {
  alpha: "alpha",
  beta: "beta",
  rc: "rc",
  final: "final",
  "end-mainstream": "mainstream ends",
  "end-extended": "extended ends",
};

/** Pads the columns of a text table. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Adds `releases` (calendar table or JSON) and `releases record` to the command line. */
export function registerReleasesCommands(program: Command, ctx: CliContext): void {
  const releases = program
    .command("releases")
    .description("The Django release calendar: milestones of every series from 4.2 on (* = projected).")
    .option("--json", "print the calendar as JSON")
    .action(async (opts: { json?: boolean }) => {
      const services = await ctx.services();
      const now = services.clock.now();
      const today = isoDay(now);
      const calendar = await loadReleaseCalendar({ db: services.database.db, now });
      if (opts.json) {
        ctx.out(JSON.stringify({ today, series: calendar.map((s) => seriesJson(s, today)) }, null, 2));
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

  releases
    .command("record")
    .description(`Record an announced milestone date (milestones: ${MILESTONE_KINDS.join(", ")}).`)
    .argument("<series>", "Django series, e.g. 6.2 or 2028")
    .argument("<milestone>", MILESTONE_KINDS.join(" | "))
    .argument("<date>", "YYYY-MM-DD")
    .option("--by <name>", "who records it", "command line")
    .option("--note <text>", "where the date comes from")
    .action(async (series: string, milestone: string, date: string, opts: { by: string; note?: string }) => {
      const services = await ctx.services();
      const row = await recordMilestone({
        db: services.database.db,
        clock: services.clock,
        series,
        milestone,
        date,
        recordedBy: opts.by,
        note: opts.note,
      });
      ctx.out(`Recorded Django ${row.series} ${row.milestone} on ${row.date} (announced).`);
    });
}
