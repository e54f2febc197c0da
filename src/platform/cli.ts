import { Command, CommanderError } from "commander";
import { databaseAppError, databaseFailureLine, redactMessage } from "./db/errors.ts";
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

/** A command failure with the exit code to use; AppErrors exit 1, usage errors 2. */
export function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  return 1;
}

/**
 * One clear line for any error: the AppError's message (with the first field), what a database
 * failure means (a conflict, the database unavailable), or the error text without any statement
 * parameters (they may be a secret ballot's voter and choice).
 */
export function errorLine(e: unknown): string {
  const known = isAppError(e) ? e : databaseAppError(e);
  if (known) {
    const extra = known.issues.length > 1 ? ` (and ${known.issues.length - 1} more problem(s))` : "";
    return `guildhall: ${known.message}${extra}`;
  }
  const database = databaseFailureLine(e);
  if (database) return `guildhall: ${database}`;
  if (e instanceof Error) return `guildhall: ${redactMessage(e.message)}`;
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
