/**
 * `guildhall checkup PATH|METADATA_FILE... [--json] [--format text|json|markdown|sarif] [--fail-on error|warning]`.
 * Exit codes for CI: 0 nothing fails at the --fail-on level, 3 something does, 2 nothing to
 * check, 1 usage error or unreadable input. Reads files only; never opens the database.
 */
import type { Command, CommanderError } from "commander";
import { type CliContext, CliExit, packageVersion, printJsonLines } from "../../platform/cli.ts";
import { CHECKUP_FORMATS, type CheckupFormat } from "./checkup-formats.ts";

/** Exit codes of `guildhall checkup`. */
export const CHECKUP_EXIT = { pass: 0, usage: 1, nothing: 2, failures: 3 } as const;

async function docsBase(): Promise<string> {
  try {
    const { loadConfig } = await import("../../platform/config.ts");
    return loadConfig().baseUrl;
  } catch {
    return "http://127.0.0.1:3000";
  }
}

/** True for an existing calendar day written YYYY-MM-DD. */
function isRealDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Adds `checkup` to the command line. */
export function registerCheckupCommand(program: Command, ctx: CliContext): void {
  program
    .command("checkup")
    .description(
      "Check a package's source tree (pyproject.toml, setup.cfg, setup.py, CI, pre-commit, README, licence, SECURITY) or a METADATA/PKG-INFO file against Django's packaging practices.",
    )
    .argument("<paths...>", "source tree directories or core metadata files")
    .option("--json", "print JSON lines: one object per checked path (same as --format json)")
    .option("--format <format>", `output format: ${CHECKUP_FORMATS.join(", ")}`, "text")
    .option("--today <date>", "judge against the support policy of this day (YYYY-MM-DD; default: today)")
    .option("--fail-on <level>", "exit 3 when a rule fails at this level or worse: error or warning", "error")
    .addHelpText(
      "after",
      "\nExit codes: 0 no failure at the --fail-on level, 3 failures, 2 nothing to check, 1 usage error.\nRule documentation: /checkup/rules on the Guildhall site.",
    )
    .exitOverride((err: CommanderError) => {
      // Usage errors exit 1 here (2 means "nothing to check"); Commander has printed the message.
      if (err.exitCode === 0) throw err;
      throw new CliExit(CHECKUP_EXIT.usage);
    })
    .action(
      async (paths: string[], opts: { json?: boolean; format: string; failOn: string; today?: string }) => {
        const format = (opts.json ? "json" : opts.format) as CheckupFormat;
        if (!CHECKUP_FORMATS.includes(format))
          throw new CliExit(
            CHECKUP_EXIT.usage,
            `guildhall checkup: --format must be one of ${CHECKUP_FORMATS.join(", ")}, not "${opts.format}"`,
          );
        if (opts.failOn !== "error" && opts.failOn !== "warning")
          throw new CliExit(
            CHECKUP_EXIT.usage,
            `guildhall checkup: --fail-on must be error or warning, not "${opts.failOn}"`,
          );
        const failOn = opts.failOn;
        if (opts.today !== undefined && !isRealDay(opts.today))
          throw new CliExit(
            CHECKUP_EXIT.usage,
            `guildhall checkup: --today must be a date such as 2026-12-01, not "${opts.today}"`,
          );
        const [{ FixedClock, systemClock }, format_, { NothingToCheck, UnreadableFile }, { runCheckup }] =
          await Promise.all([
            import("../../platform/clock.ts"),
            import("./format.ts"),
            import("./read-source.ts"),
            import("./run-checkup.ts"),
          ]);
        const { failsAt, formatMarkdown, formatSarif, formatText, reportJson } = format_;
        const clock = opts.today ? new FixedClock(`${opts.today}T12:00:00Z`) : systemClock;
        const reports = [];
        for (const target of paths) {
          try {
            reports.push(await runCheckup({ target, clock }));
          } catch (e) {
            if (e instanceof NothingToCheck)
              throw new CliExit(CHECKUP_EXIT.nothing, `guildhall checkup: ${e.message}`);
            if (e instanceof UnreadableFile)
              throw new CliExit(CHECKUP_EXIT.usage, `guildhall checkup: ${e.message}`);
            throw e;
          }
        }
        const base = await docsBase();
        if (format === "json") printJsonLines(ctx, reports.map(reportJson));
        else if (format === "markdown") ctx.out(formatMarkdown(reports, base));
        else if (format === "sarif") printJsonLines(ctx, [formatSarif(reports, base, packageVersion())]);
        else ctx.out(reports.map(formatText).join("\n\n"));
        const failing = reports.some((r) => r.results.some((x) => failsAt(x.status, failOn)));
        if (failing) throw new CliExit(CHECKUP_EXIT.failures);
      },
    );
}
