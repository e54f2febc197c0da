/**
 * `guildhall reports due [--on DATE] [--group SLUG]`, `guildhall reports sweep` and
 * `guildhall reports annual --group SLUG --year YYYY`. Each action
 * loads its operation when it runs.
 */
import type { Command } from "commander";
import { addJsonOption, type CliContext, type JsonFlag, printJsonLines } from "../../platform/cli.ts";
import { AppError } from "../../platform/errors.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** Adds `guildhall reports ...`. */
export function registerReportCommands(program: Command, ctx: CliContext): void {
  const reports = program
    .command("reports")
    .description("Group reports to the Board: due dates and reminders.");
  addJsonOption(
    reports
      .command("due")
      .description(
        "Each reporting group's latest periods: due date, state (due, overdue, submitted, missed) and the defunct flag.",
      )
      .option("--on <date>", "as of this day, YYYY-MM-DD (default: today, UTC)")
      .option("--group <slug>", "only this group"),
    "group and period",
  ).action(async (opts: JsonFlag & { on?: string; group?: string }) => {
    const [services, { groupReporting }] = await Promise.all([
      ctx.services(),
      import("./reporting-status.ts"),
    ]);
    const today = services.clock.now().toISOString().slice(0, 10);
    const on = opts.on ?? today;
    if (!DAY.test(on) || Number.isNaN(Date.parse(`${on}T00:00:00Z`))) {
      throw new AppError("validation", { message: `--on must be a day as YYYY-MM-DD, not "${on}"` });
    }
    const rows = await groupReporting({ db: services.database.db, day: on, today, slug: opts.group });
    if (opts.group && rows.length === 0)
      throw new AppError("not_found", { message: `No group "${opts.group}".` });
    const lines = rows.flatMap((r) =>
      r.periods.map((p) => ({
        group: p.group,
        period: p.period,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        dueOn: p.dueOn,
        state: p.state,
        defunct: p.defunct,
      })),
    );
    for (const r of rows) {
      if (r.schedule.kind === "unscheduled" && opts.group)
        ctx.err(`${r.group.slug}: no due dates (${r.schedule.reason}).`);
    }
    if (opts.json) {
      printJsonLines(ctx, lines);
      return;
    }
    if (lines.length === 0) ctx.out("No report is due.");
    for (const l of lines) {
      ctx.out(`${l.group}  ${l.period}  due ${l.dueOn} (UTC)  ${l.state}${l.defunct ? "  DEFUNCT" : ""}`);
    }
  });
  addJsonOption(
    reports
      .command("sweep")
      .description(
        "Record today's report reminders, overdue and missed reports and defunct flags (safe to run again).",
      ),
  ).action(async (opts: JsonFlag) => {
    const [services, { sweepReports }] = await Promise.all([ctx.services(), import("./sweep-reports.ts")]);
    const r = await sweepReports({
      deps: { database: services.database, clock: services.clock, log: services.log },
    });
    if (opts.json) printJsonLines(ctx, [r]);
    else {
      const kinds = Object.entries(r.recorded).map(([k, n]) => `${n} ${k}`);
      ctx.out(
        `Report sweep of ${r.day}: ${r.tracked} group(s) tracked; ${kinds.length ? kinds.join(", ") : "nothing new"} (${r.notified} notification(s) queued).`,
      );
    }
  });
  addJsonOption(
    reports
      .command("annual")
      .description(
        "A group's annual report: reports sent, meetings held, votes closed, membership changes, requests answered, missed periods (markdown).",
      )
      .requiredOption("--group <slug>", "the group")
      .requiredOption("--year <yyyy>", "the calendar year (UTC)")
      .option("--public", "only what the public sees (no Board-only reports, private notes or vote details)"),
    "section",
  ).action(async (opts: JsonFlag & { group: string; year: string; public?: boolean }) => {
    if (!/^\d{4}$/u.test(opts.year)) {
      throw new AppError("validation", { message: `--year must be a year as YYYY, not "${opts.year}"` });
    }
    const [services, { getAnnualReport, FULL_ACCESS, PUBLIC_ACCESS }, { annualMarkdown }] = await Promise.all(
      [ctx.services(), import("./get-annual-report.ts"), import("./annual-report.ts")],
    );
    const report = await getAnnualReport({
      db: services.database.db,
      slug: opts.group,
      year: Number(opts.year),
      today: services.clock.now().toISOString().slice(0, 10),
      access: opts.public ? PUBLIC_ACCESS : FULL_ACCESS,
    });
    if (opts.json) {
      printJsonLines(
        ctx,
        report.sections.map((s) => ({
          group: report.group.slug,
          year: report.year,
          asOf: report.asOf,
          ...s,
        })),
      );
      return;
    }
    ctx.out(annualMarkdown(report, services.config.baseUrl).trimEnd());
  });
}
