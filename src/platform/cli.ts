import { Command, CommanderError } from "commander";
import { z } from "zod";
import { isAppError, validationError } from "./errors.ts";
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

/** A whole-number flag within bounds, read from commander's string (`--workers 2`). */
export function intFlag(name: string, min: number, max: number) {
  return z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);
}

/** Parses commander's options with `schema`, or throws a validation error naming the flag. */
export function parseFlags<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const r = schema.safeParse(raw);
  if (!r.success) throw validationError("flags", r.error.issues);
  return r.data;
}
