/** The command line: the same rooms as the web app, driven from a terminal or a script. */
import { registerEcosystemCommands } from "./ecosystem/index.ts";
import { registerGovernanceCommands } from "./governance/index.ts";
import { type CliContext, createProgram, errorLine, exitCodeFor, isSilentExit } from "./platform/cli.ts";
import { loadConfig } from "./platform/config.ts";
import { createServices, type Services } from "./platform/services.ts";

async function run(argv: string[]): Promise<number> {
  let opened: Promise<Services> | undefined;
  const ctx: CliContext = {
    services: () => {
      opened ??= createServices(loadConfig());
      return opened;
    },
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    isTTY: Boolean(process.stderr.isTTY),
  };
  const program = createProgram();
  registerGovernanceCommands(program, ctx);
  registerEcosystemCommands(program, ctx);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    const code = exitCodeFor(e);
    // Commander has already printed usage errors and help output.
    if (!isSilentExit(e)) process.stderr.write(`${errorLine(e)}\n`);
    return code;
  } finally {
    if (opened) await (await opened.catch(() => undefined))?.database.close();
  }
}

run(process.argv).then((code) => {
  process.exitCode = code;
});
