/**
 * Shared command-line plumbing: the root command, output (text, or JSON lines with --json), flag
 * parsing with one-line errors, and exit codes (0 success, 1 failure, 2 usage).
 *
 * Keep this file and every `*.cli.ts` cheap to import: declaring the commands must not load an
 * operation, a database driver or a validation library, or `guildhall --help` gets slow. Actions
 * import what they run (`const { importCharters } = await import("./import-charters.ts")`);
 * `src/cli.test.ts` fails when a static import reaches a package other than commander.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { databaseAppError, databaseFailureLine, redactMessage } from "./db/errors.ts";
import { AppError, isAppError } from "./errors.ts";
import { projectPath } from "./paths.ts";
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

/** Options every command that prints a result accepts. */
export interface JsonFlag {
  json?: boolean;
}

/** Prints one compact JSON value per line (JSON lines): what `--json` means for every command. */
export function printJsonLines(ctx: CliContext, values: readonly unknown[]): void {
  for (const v of values) ctx.out(JSON.stringify(v));
}

/**
 * Adds `--json` with the one wording all commands use. `each` names what one line is about when
 * the command reports on several things ("file", "series"); without it the command prints one object.
 */
export function addJsonOption(command: Command, each?: string): Command {
  return command.option(
    "--json",
    each ? `print JSON lines: one object per ${each}` : "print the result as one JSON object on one line",
  );
}

/** Pads the columns of a text table (two spaces apart, no trailing blanks). */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** How a list command shows its rows to people: a table, or a sentence when there are none. */
export interface ListTable<T> {
  empty: string;
  header: string[];
  row(item: T): string[];
}

/** Prints a list the one way every list command does: JSON lines with --json, else a table. */
export function printList<T>(
  ctx: CliContext,
  opts: JsonFlag,
  items: readonly T[],
  table: ListTable<T>,
): void {
  if (opts.json) printJsonLines(ctx, items);
  else if (items.length === 0) ctx.out(table.empty);
  else
    ctx.out(
      formatTable(
        table.header,
        items.map((i) => table.row(i)),
      ),
    );
}

/** The largest id a database row can have (PostgreSQL `integer`). */
const MAX_ID = 2 ** 31 - 1;

/** Reads a whole number flag or argument in [min, max]; `name` is how the user wrote it ("--top", "ID"). */
export function parseWholeNumber(value: string, name: string, range: { min: number; max: number }): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max) {
    const problem = `expected a whole number from ${range.min} to ${range.max}`;
    throw new AppError("validation", {
      message: `Invalid ${name}: ${problem}, got "${value}"`,
      issues: [{ field: name, message: problem }],
    });
  }
  return n;
}

/** Reads the id of a stored row (a positive integer the database can hold). */
export function parseId(value: string, name = "ID"): number {
  return parseWholeNumber(value, name, { min: 1, max: MAX_ID });
}

/** Reads a flag that must be one of `choices`. */
export function parseChoice<T extends string>(value: string, name: string, choices: readonly T[]): T {
  const found = choices.find((c) => c === value);
  if (found === undefined) {
    throw new AppError("validation", {
      message: `Invalid ${name} "${value}": expected one of ${choices.join(", ")}`,
      issues: [{ field: name, message: `expected one of ${choices.join(", ")}` }],
    });
  }
  return found;
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
  if (e instanceof Error)
    return `guildhall: ${redactMessage(e.message)
      .replace(/^error: /, "")
      .replace(/\s*\n\s*/g, " ")}`;
  return `guildhall: ${String(e)}`;
}

/** The names of the commands `argv` (without node and script) goes down, for "run ... --help". */
export function commandPath(program: Command, args: readonly string[]): string[] {
  const names = [program.name()];
  let current = program;
  for (const arg of args) {
    if (arg.startsWith("-")) continue;
    const next = current.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (!next) break;
    names.push(next.name());
    current = next;
  }
  return names;
}

/**
 * The line printed for a usage error: what commander found wrong, and where the usage is.
 * Help and --version (exit 0) and a bare command group (its help) print nothing more.
 */
export function usageErrorLine(e: CommanderError, program: Command, args: readonly string[]): string | null {
  if (e.exitCode === 0 || e.code === "commander.help") return null;
  return `${errorLine(e)} (run "${commandPath(program, args).join(" ")} --help" for usage)`;
}

/** The package's version, from package.json. */
export function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(projectPath("package.json"), "utf8"));
  const version = typeof pkg === "object" && pkg !== null && "version" in pkg ? pkg.version : undefined;
  return typeof version === "string" ? version : "unknown";
}

/** Creates the root command with consistent help, version and error behaviour. */
export function createProgram(): Command {
  const program = new Command("guildhall");
  program
    .description("Guildhall: DSF working groups, teams and the Django package ecosystem.")
    .version(packageVersion(), "-V, --version", "print the version")
    .configureHelp({ sortSubcommands: true })
    // Usage errors are printed by the caller as one line (usageErrorLine), not by commander.
    .configureOutput({ outputError: () => {} })
    .exitOverride();
  return program;
}
