/** The command line: the same rooms as the web app, driven from a terminal or a script. */
import { CommanderError } from "commander";
import { registerEcosystemCommands } from "./ecosystem/ecosystem.cli.ts";
import { registerGovernanceCommands } from "./governance/governance.cli.ts";
import { registerJobCommands } from "./jobs.cli.ts";
import { registerMarketingCommands } from "./marketing/marketing.cli.ts";
import {
  type CliContext,
  createProgram,
  errorLine,
  exitCodeFor,
  isSilentExit,
  usageErrorLine,
} from "./platform/cli.ts";
import type { Services } from "./platform/services.ts";

/**
 * Reads the configuration and opens the database: only for commands that need them. `owner`
 * describes this process in the embedded database's lock file.
 */
async function openServices(owner: string): Promise<Services> {
  const [{ loadConfig }, { createServices }] = await Promise.all([
    import("./platform/config.ts"),
    import("./platform/services.ts"),
  ]);
  return createServices(loadConfig(), {}, owner);
}

async function run(argv: string[]): Promise<number> {
  // A reader that stops early (`guildhall releases --json | head -1`) is not an error: the rest of
  // the output is dropped and the command still finishes (and closes the database) normally.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
  });
  let opened: Promise<Services> | undefined;
  const ctx: CliContext = {
    services: () => {
      opened ??= openServices(`the command "guildhall ${argv.slice(2).join(" ").slice(0, 120)}"`);
      return opened;
    },
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    isTTY: Boolean(process.stderr.isTTY),
  };
  const program = createProgram();
  registerGovernanceCommands(program, ctx);
  registerEcosystemCommands(program, ctx);
  registerMarketingCommands(program, ctx);
  registerJobCommands(program, ctx);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    const line =
      e instanceof CommanderError
        ? usageErrorLine(e, program, argv.slice(2))
        : isSilentExit(e)
          ? null
          : errorLine(e);
    if (line) process.stderr.write(`${line}\n`);
    return exitCodeFor(e);
  } finally {
    if (opened) await (await opened.catch(() => undefined))?.database.close();
  }
}

run(process.argv).then((code) => {
  process.exitCode = code;
});
