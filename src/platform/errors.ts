/** The closed set of error codes Guildhall raises; each maps to exactly one HTTP status below. */
export type ErrorCode =
  | "bad_request"
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "rate_limited"
  | "upstream"
  | "unavailable"
  | "internal";

/** HTTP status per error code: the one place errors become responses. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  upstream: 502,
  /** The database went away (restart, failover, a terminated connection) or timed out: retry. */
  unavailable: 503,
  internal: 500,
};

/** A field-level problem, so forms and CLI output can name exactly what is wrong. */
export interface FieldIssue {
  /** Dotted path of the field (or `file:line` for file input). */
  field: string;
  /** What is wrong with it, in plain words. */
  message: string;
  /**
   * When the value was ambiguous (a name several people share): the choices, sent back under the
   * field `field` (a form shows them as radio buttons beside the field).
   */
  choices?: { field: string; options: ReadonlyArray<{ value: string; label: string }> };
}

/** Options carried by every AppError. */
export interface AppErrorOptions {
  message: string;
  cause?: unknown;
  issues?: FieldIssue[];
  /** For rate_limited: seconds until the client may try again (sent as Retry-After). */
  retryAfterSeconds?: number;
}

/** The only error type business code throws; the cause is kept for logs, never shown to users. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.issues = options.issues ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** The HTTP status for this error. */
  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

/** True when `e` is an AppError (also across module copies). */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (e instanceof Error && e.name === "AppError" && "code" in e);
}

/** Turns a zod error into an AppError("validation") naming each field and problem. */
export function validationError(
  what: string,
  zodIssues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): AppError {
  const issues = zodIssues.map((i) => ({
    field: i.path.length ? i.path.map(String).join(".") : what,
    message: i.message,
  }));
  const first = issues[0];
  const summary = first ? `${first.field}: ${first.message}` : "invalid input";
  return new AppError("validation", { message: `Invalid ${what}: ${summary}`, issues });
}
