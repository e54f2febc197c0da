/**
 * `guildhall maintainers wanted [--json]` and `guildhall maintainers call PACKAGE --needed TEXT
 * --skills TEXT --hours N [--mentee] [--json]`: calls for maintainers from the command line (an
 * operator, trusted as the Package Maintainers group).
 */
import type { Command } from "commander";
import {
  addJsonOption,
  type CliContext,
  formatTable,
  type JsonFlag,
  printJsonLines,
} from "../../platform/cli.ts";
import { validationError } from "../../platform/errors.ts";

/** Adds `maintainers wanted` and `maintainers call`. */
export function registerMaintainersCommands(program: Command, ctx: CliContext): void {
  const maintainers = program.command("maintainers").description("Calls for maintainers on Django packages.");

  addJsonOption(
    maintainers.command("wanted").description("Open calls for maintainers, newest first."),
    "open call",
  ).action(async (opts: JsonFlag) => {
    const [services, { openCalls }] = await Promise.all([ctx.services(), import("./maintainers.repo.ts")]);
    const calls = await openCalls(services.database.db);
    if (opts.json) {
      for (const c of calls) {
        printJsonLines(ctx, [
          {
            id: c.id,
            package: c.packageName,
            help: c.help,
            skills: c.skills,
            hoursPerWeek: c.hoursPerWeek,
            suitsMentee: c.suitsMentee,
            openedAt: c.openedAt.toISOString(),
          },
        ]);
      }
      return;
    }
    if (calls.length === 0) {
      ctx.out("No call for maintainers is open.");
      return;
    }
    ctx.out(
      formatTable(
        ["id", "package", "hours/week", "mentee", "help"],
        calls.map((c) => [
          String(c.id),
          c.packageName,
          String(c.hoursPerWeek),
          c.suitsMentee ? "yes" : "",
          c.help,
        ]),
      ),
    );
  });

  addJsonOption(
    maintainers
      .command("call")
      .description("Make a call for maintainers on a package (one open call per package).")
      .argument("<package>", "the package's name")
      .requiredOption("--needed <text>", "what help is needed")
      .requiredOption("--skills <text>", "skills that would help")
      .requiredOption("--hours <n>", "hours a week, 1 to 80")
      .option("--mentee", "the work suits a mentee (links mentoring programmes)")
      .option("--by <name>", "who makes the call", "command line"),
  ).action(
    async (
      pkg: string,
      opts: JsonFlag & { needed: string; skills: string; hours: string; mentee?: boolean; by: string },
    ) => {
      const [services, { MakeCallSchema }, { makeCall }, { normalizeName }] = await Promise.all([
        ctx.services(),
        import("./call-input.ts"),
        import("./maintainer-calls.ts"),
        import("../packages/normalize-name.ts"),
      ]);
      const parsed = MakeCallSchema.safeParse({
        help: opts.needed,
        skills: opts.skills,
        hoursPerWeek: opts.hours,
        suitsMentee: opts.mentee ?? false,
      });
      if (!parsed.success) throw validationError("call", parsed.error.issues);
      const call = await makeCall({
        db: services.database.db,
        clock: services.clock,
        name: normalizeName(pkg),
        ...parsed.data,
        by: { userId: null, name: opts.by },
      });
      const url = `${services.config.baseUrl}/packages/${call.packageName}/maintainers`;
      if (opts.json) {
        printJsonLines(ctx, [
          {
            id: call.id,
            package: call.packageName,
            state: call.state,
            hoursPerWeek: call.hoursPerWeek,
            suitsMentee: call.suitsMentee,
            url,
          },
        ]);
      } else ctx.out(`Call ${call.id} for maintainers on ${call.packageName} is open: ${url}`);
    },
  );
}
