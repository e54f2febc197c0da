/** `guildhall releases [--json]` and `guildhall releases record SERIES MILESTONE DATE`. */
import type { Command } from "commander";
import type { CliContext } from "../../platform/cli.ts";
import { describeMilestoneDate, isoDay, MILESTONE_KINDS, type Milestone, seriesPhase } from "./calendar.ts";
import { loadReleaseCalendar } from "./load-release-calendar.ts";
import { recordMilestone } from "./record-milestone.ts";
import { seriesJson } from "./releases.routes.tsx";
import { recordCommand, seriesAnchor } from "./releases.views.tsx";
import { removeMilestone } from "./remove-milestone.ts";

/** Where the change shows: the series' row on the calendar page. */
function calendarLink(baseUrl: string, series: string): string {
  return `See it in the calendar: ${baseUrl}/releases#${seriesAnchor(series)}`;
}

/** A milestone in the table: its date (`*` when projected), or `not recorded`. */
function cell(m: Milestone): string {
  if (m.date === null) return "not recorded";
  return `${m.date}${m.status === "projected" ? "*" : ""}`;
}

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
    .description(
      "The Django release calendar: milestones of every series from 4.2 on (* = projected, ? = not yet announced).",
    )
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
        s.pythonStatus === "announced" ? `${s.python[0] ?? ""}-${s.python.at(-1) ?? ""}` : "?",
        ...MILESTONE_KINDS.map((k) => cell(s.milestones[k])),
      ]);
      ctx.out(formatTable(header, rows));
      ctx.out("");
      ctx.out(`* projected from the release policy, not announced (today is ${today}).`);
      ctx.out("? Python versions not yet announced.");
      const unrecorded = calendar.flatMap((s) =>
        MILESTONE_KINDS.filter((k) => s.milestones[k].status === "not-recorded").map(
          (k) => `${s.series} ${k}`,
        ),
      );
      if (unrecorded.length) {
        ctx.out(
          `not recorded: past dates with no announced date recorded (${unrecorded.join(", ")}); record one with: ${recordCommand(unrecorded[0]?.split(" ")[0] ?? "6.1", unrecorded[0]?.split(" ")[1] ?? "alpha")}`,
        );
      }
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
      ctx.out(calendarLink(services.config.baseUrl, row.series));
    });

  releases
    .command("remove")
    .description(
      "Remove a recorded milestone date; the calendar falls back to the announced or projected one.",
    )
    .argument("<series>", "Django series, e.g. 6.2 or 2028")
    .argument("<milestone>", MILESTONE_KINDS.join(" | "))
    .option("--by <name>", "who removes it", "command line")
    .option("--note <text>", "why it is removed")
    .action(async (series: string, milestone: string, opts: { by: string; note?: string }) => {
      const services = await ctx.services();
      const row = await removeMilestone({
        db: services.database.db,
        clock: services.clock,
        series,
        milestone,
        removedBy: opts.by,
        note: opts.note,
      });
      const calendar = await loadReleaseCalendar({ db: services.database.db, now: services.clock.now() });
      const m = calendar.find((s) => s.series === row.series)?.milestones[row.milestone];
      ctx.out(
        `Removed the recorded ${row.milestone} of Django ${row.series}; the calendar now shows ${m ? describeMilestoneDate(m) : "no date"}.`,
      );
      ctx.out(calendarLink(services.config.baseUrl, row.series));
    });
}
