/** Runs command-line commands against test services, collecting what they print and what they throw. */
import type { Command } from "commander";
import { type CliContext, createProgram } from "../src/platform/cli.ts";
import type { Services } from "../src/platform/services.ts";

/** Builds a program with the given commands, runs `args`, and returns the output lines joined and any error. */
export async function runCommands(
  services: Services,
  register: ReadonlyArray<(program: Command, ctx: CliContext) => void>,
  args: string[],
): Promise<{ out: string; error: unknown }> {
  const lines: string[] = [];
  const ctx: CliContext = {
    services: async () => services,
    out: (t) => lines.push(t),
    err: () => {},
    isTTY: false,
  };
  const program = createProgram();
  program.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  for (const r of register) r(program, ctx);
  let error: unknown = null;
  await program.parseAsync(["node", "guildhall", ...args]).catch((e: unknown) => {
    error = e;
  });
  return { out: lines.join("\n"), error };
}
