/**
 * What a failed database call means, for the one error-to-response mapping and for logs. Both
 * drivers (node-postgres, PGlite) raise PostgreSQL errors with a SQLSTATE `code`; drizzle wraps
 * them in a DrizzleQueryError whose message, like PGlite's error itself, carries the statement's
 * bound values. Nothing here lets those values out: a secret ballot's voter and choice are values.
 */
import { AppError, isAppError } from "../errors.ts";

/** The PostgreSQL error fields read here (pg's DatabaseError and PGlite's carry them). */
interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

/**
 * What each database constraint protects, in words fit for a 409. A violation of a constraint
 * not listed here still maps to a conflict, with a generic message.
 */
export const CONSTRAINT_MESSAGES: Record<string, string> = {
  board_meetings_one_per_day: "A Board meeting is already recorded on that day.",
  membership_applications_one_open:
    "This person already has an open application to this group; it must be decided or withdrawn first.",
  votes_one_open_per_question: "A vote on the same question is already open in this group.",
  role_periods_no_overlap:
    "This person already holds this role in this group for part of that period; periods of one role may not overlap.",
  group_reports_one_per_period:
    "This group has already sent its report for that period; a report cannot be sent twice.",
  vote_participation_once: "You have already voted in this vote; a ballot cannot be cast twice or changed.",
  maintainer_calls_one_open:
    "This package already has an open call for maintainers; fill or withdraw it before making another.",
  maintainer_offers_once: "You have already offered to help on this call.",
  group_proposals_one_per_slug:
    "There is already a proposal for a group with this slug; revise it, or withdraw it first.",
  charter_changes_one_pending:
    "A change to this charter is already waiting for the Board; it must be decided or withdrawn first.",
  group_shutdowns_one_open: "This group's shutdown has already started.",
  lifecycle_checklist_once: "This step of the checklist has already been recorded.",
};

/** SQLSTATEs (and classes) meaning the database went away or is refusing work for now. */
const UNAVAILABLE_CODES = new Set([
  "57P01", // admin_shutdown: pg_terminate_backend, a restart
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up, failing over
  "53300", // too_many_connections
  "55P03", // lock_not_available: lock_timeout
  "57014", // query_canceled: statement_timeout
  "40001", // serialization_failure
  "40P01", // deadlock_detected
]);

/** The database drivers' own messages (no SQLSTATE) for a connection lost or never made. */
const DRIVER_CONNECTION_LOST =
  /Connection terminated|has encountered a connection error|not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end|PGlite is closed/i;

/** Socket errors, which mean the database only when they come out of a statement. */
const SOCKET_LOST = /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND/;

/** The errors in `e`'s cause chain, outermost first (drizzle's wrapper, then the driver's error). */
export function causeChain(e: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = e;
  while (current !== undefined && current !== null && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    current = typeof current === "object" ? (current as { cause?: unknown }).cause : undefined;
  }
  return chain;
}

function sqlState(e: unknown): string | undefined {
  const code = typeof e === "object" && e !== null ? (e as DriverError).code : undefined;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * The AppError a database failure stands for, or undefined when `e` is not one: a unique or
 * exclusion violation is a `conflict` (409) naming what it protects; a lost connection, a
 * server shutting down, a lock or statement timeout is `unavailable` (503, try again). The
 * original error is kept as the cause, for the (redacted) log.
 */
export function databaseAppError(e: unknown): AppError | undefined {
  const chain = causeChain(e);
  // A mail server or an index refusing a connection is not the database going away.
  const fromStatement = chain.some((link) => typeof (link as { query?: unknown } | null)?.query === "string");
  for (const link of chain) {
    const code = sqlState(link);
    if (code === "23505" || code === "23P01") {
      const constraint = (link as DriverError).constraint;
      const known = typeof constraint === "string" ? CONSTRAINT_MESSAGES[constraint] : undefined;
      return new AppError("conflict", {
        message: known ?? "This conflicts with a record that already exists.",
        cause: e,
      });
    }
    if (code !== undefined && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) {
      return unavailable(e);
    }
    const message = link instanceof Error ? link.message : undefined;
    if (code === undefined && message !== undefined) {
      if (DRIVER_CONNECTION_LOST.test(message)) return unavailable(e);
      if (fromStatement && SOCKET_LOST.test(`${message} ${String((link as { code?: unknown }).code)}`)) {
        return unavailable(e);
      }
    }
  }
  return undefined;
}

function unavailable(cause: unknown): AppError {
  return new AppError("unavailable", {
    message: "The database is unavailable or busy for a moment; nothing was changed. Try again shortly.",
    cause,
    retryAfterSeconds: 2,
  });
}

/**
 * One line saying what failed in the database, without values ("database error P0001: ..."), or
 * undefined when `e` did not come from a statement.
 */
export function databaseFailureLine(e: unknown): string | undefined {
  const chain = causeChain(e);
  const driver = [...chain].reverse().find((link) => sqlState(link) !== undefined);
  const statement = chain.some((link) => typeof (link as { query?: unknown } | null)?.query === "string");
  if (!driver && !statement) return undefined;
  const innermost = driver ?? chain[chain.length - 1];
  const code = sqlState(innermost);
  const message = innermost instanceof Error ? redactMessage(innermost.message, code) : "unknown failure";
  const text = message.replace(/\nparams: \[redacted\]$/, "").replace(/\s*\n\s*/g, " ");
  return `database error${code ? ` ${code}` : ""}: ${text}`;
}

/** Fields of an error that are safe to log: names and codes, never values. */
const SAFE_FIELDS = ["code", "severity", "constraint", "table", "column", "schema", "routine"] as const;

/**
 * A database-aware, value-free description of an error and its causes, for logs: the statement's
 * text but not its parameters (drizzle's "params:" line, PGlite's `params`), and no `detail`
 * (PostgreSQL puts key values there: "Key (vote_id, person_id)=(3, 7) already exists").
 */
export function redactError(e: unknown): Record<string, unknown> {
  const chain = causeChain(e);
  const describe = (link: unknown, i: number): Record<string, unknown> => {
    if (!(link instanceof Error) && (typeof link !== "object" || link === null)) {
      return { type: typeof link };
    }
    const err = link as Error & Record<string, unknown>;
    const message = String(err.message ?? "");
    const out: Record<string, unknown> = {
      type: err.constructor?.name ?? "Error",
      // Drizzle's message repeats the statement (logged once, as `query`) before its values.
      message:
        typeof err.query === "string" && message.startsWith("Failed query: ")
          ? "Failed query"
          : redactMessage(message, sqlState(err)),
    };
    if (typeof err.stack === "string") out.stack = redactStack(err.stack, String(err.message ?? ""));
    for (const f of SAFE_FIELDS) if (typeof err[f] === "string") out[f] = err[f];
    if (typeof err.query === "string") out.query = err.query;
    if (Array.isArray(err.params)) out.params = `[${err.params.length} redacted]`;
    if (Array.isArray(err.issues)) out.issues = err.issues;
    const next = chain[i + 1];
    if (next !== undefined) out.cause = describe(next, i + 1);
    return out;
  };
  return chain.length ? describe(chain[0], 0) : { type: "undefined" };
}

/** An error message without bound values: drizzle's trailing "params: ..." and class-22 input echoes. */
export function redactMessage(message: string, code?: string): string {
  let m = message.replace(/\nparams: [\s\S]*$/, "\nparams: [redacted]");
  // Data exceptions ("invalid input syntax for type integer: "abc"") quote the value given.
  if (code?.startsWith("22")) m = m.replace(/"[^"]*"/g, "[redacted]");
  return m;
}

function redactStack(stack: string, message: string): string {
  // A stack starts with "Name: message"; the message part may span lines (drizzle's params line).
  const at = stack.indexOf(message);
  const frames = at >= 0 ? stack.slice(at + message.length) : stack.replace(/^[\s\S]*?(?=\n\s+at )/, "");
  return frames.replace(/^\n/, "").replace(/\nparams: [^\n]*/, "");
}

/** Any thrown value as an AppError: itself, the database failure it stands for, or `internal`. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  return (
    databaseAppError(e) ??
    new AppError("internal", { message: "Something went wrong on our side.", cause: e })
  );
}
