import { Command, CommanderError } from "commander";
import { isAppError } from "./errors.ts";
import type { Services } from "./services.ts";

/** What a room's command-line commands receive. */
export interface CliContext {
  /** Opens the database and services on first use (commands that only read files never open it). */
  services(): Promise<Services>;
  /** Standard output, one call per line or block. */
  out(text: string): void;
  /** Standard error, for progress and warnings. */
  err(text: string): void;
  /** True when stderr is a terminal (progress bars) rather than a pipe (plain lines). */
  isTTY: boolean;
}

/** Prints one JSON value per line (JSON lines). */
export function printJsonLines(ctx: CliContext, values: unknown[]): void {
  for (const v of values) ctx.out(JSON.stringify(v));
}

/**
 * Ends a command with a chosen exit code (a checker's "failures found" or "nothing to check");
 * a non-empty message is printed as the one-line error, an empty one prints nothing.
 */
export class CliExit extends Error {
  readonly exitCode: number;
  constructor(exitCode: number, message = "") {
    super(message);
    this.name = "CliExit";
    this.exitCode = exitCode;
  }
}

/** True when the error needs no line of its own (Commander printed it, or a silent CliExit). */
export function isSilentExit(e: unknown): boolean {
  return e instanceof Error && (e.name === "CommanderError" || (e.name === "CliExit" && e.message === ""));
}

/** A command failure with the exit code to use; AppErrors exit 1, usage errors 2, CliExit its own. */
export function exitCodeFor(e: unknown): number {
  if (e instanceof CliExit) return e.exitCode;
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  return 1;
}

/** One clear line for any error: the AppError's message (with the first field), or the error text. */
export function errorLine(e: unknown): string {
  if (isAppError(e)) {
    const extra = e.issues.length > 1 ? ` (and ${e.issues.length - 1} more problem(s))` : "";
    return `guildhall: ${e.message}${extra}`;
  }
  if (e instanceof Error) return `guildhall: ${e.message}`;
  return `guildhall: ${String(e)}`;
}

/** Creates the root command with consistent help and error behaviour. */
export function createProgram(): Command {
  const program = new Command("guildhall");
  program
    .description("Guildhall: DSF working groups, teams and the Django package ecosystem.")
    .showHelpAfterError("(run with --help for usage)")
    .configureHelp({ sortSubcommands: true })
    .exitOverride();
  return program;
}
