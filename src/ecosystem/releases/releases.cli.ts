/**
 * `guildhall releases [--json]`, `guildhall releases record SERIES MILESTONE DATE [--json]` and
 * `guildhall releases remove SERIES MILESTONE [--json]`.
 */
import type { Command } from "commander";
import {
  addJsonOption,
  type CliContext,
  formatTable,
  type JsonFlag,
  printJsonLines,
} from "../../platform/cli.ts";
import { describeMilestoneDate, isoDay, MILESTONE_KINDS, type Milestone, seriesPhase } from "./calendar.ts";
import { recordCommand, seriesAnchor } from "./release-links.ts";

const SHORT: Record<string, string> = {
  alpha: "alpha",
  beta: "beta",
  rc: "rc",
  final: "final",
  "end-mainstream": "mainstream ends",
  "end-extended": "extended ends",
};

/** Where the change shows: the series' row on the calendar page. */
function calendarLink(baseUrl: string, series: string): string {
  return `See it in the calendar: ${baseUrl}/releases#${seriesAnchor(series)}`;
}

/** A milestone in the table: its date (`*` when projected), or `not recorded`. */
function cell(m: Milestone): string {
  if (m.date === null) return "not recorded";
  return `${m.date}${m.status === "projected" ? "*" : ""}`;
}

/** Adds `releases`, `releases record` and `releases remove`. */
export function registerReleasesCommands(program: Command, ctx: CliContext): void {
  const releases = addJsonOption(
    program
      .command("releases")
      .description(
        "The Django release calendar: milestones of every series from 4.2 on (* = projected, ? = not yet announced).",
      ),
    "series (with today's date, which its phase is computed for)",
  ).action(async (opts: JsonFlag) => {
    const [services, { loadReleaseCalendar }, { seriesJson }] = await Promise.all([
      ctx.services(),
      import("./load-release-calendar.ts"),
      import("./releases.presenters.ts"),
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
      s.pythonStatus === "announced" ? `${s.python[0] ?? ""}-${s.python.at(-1) ?? ""}` : "?",
      ...MILESTONE_KINDS.map((k) => cell(s.milestones[k])),
    ]);
    ctx.out(formatTable(header, rows));
    ctx.out("");
    ctx.out(`* projected from the release policy, not announced (today is ${today}).`);
    ctx.out("? Python versions not yet announced.");
    const unrecorded = calendar.flatMap((s) =>
      MILESTONE_KINDS.filter((k) => s.milestones[k].status === "not-recorded").map((k) => ({
        series: s.series,
        kind: k,
      })),
    );
    const first = unrecorded[0];
    if (first) {
      ctx.out(
        `not recorded: past dates with no announced date recorded (${unrecorded.map((u) => `${u.series} ${u.kind}`).join(", ")}); record one with: ${recordCommand(first.series, first.kind)}`,
      );
    }
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
      else {
        ctx.out(`Recorded Django ${row.series} ${row.milestone} on ${row.date} (announced).`);
        ctx.out(calendarLink(services.config.baseUrl, row.series));
      }
    },
  );

  addJsonOption(
    releases
      .command("remove")
      .description(
        "Remove a recorded milestone date; the calendar falls back to the announced or projected one.",
      )
      .argument("<series>", "Django series, e.g. 6.2 or 2028")
      .argument("<milestone>", MILESTONE_KINDS.join(" | "))
      .option("--by <name>", "who removes it", "command line")
      .option("--note <text>", "why it is removed"),
  ).action(async (series: string, milestone: string, opts: JsonFlag & { by: string; note?: string }) => {
    const [services, { removeMilestone }, { loadReleaseCalendar }] = await Promise.all([
      ctx.services(),
      import("./remove-milestone.ts"),
      import("./load-release-calendar.ts"),
    ]);
    const row = await removeMilestone({
      db: services.database.db,
      clock: services.clock,
      series,
      milestone,
      removedBy: opts.by,
      note: opts.note,
    });
    if (opts.json) {
      printJsonLines(ctx, [row]);
      return;
    }
    const calendar = await loadReleaseCalendar({ db: services.database.db, now: services.clock.now() });
    const m = calendar.find((s) => s.series === row.series)?.milestones[row.milestone];
    ctx.out(
      `Removed the recorded ${row.milestone} of Django ${row.series}; the calendar now shows ${m ? describeMilestoneDate(m) : "no date"}.`,
    );
    ctx.out(calendarLink(services.config.baseUrl, row.series));
  });
}
