/**
 * Shared zod building blocks for every input Guildhall takes (HTTP routes, operations, the command
 * line): real calendar days, date-times, ids in range, slugs, visible text, emails, choices. Each
 * refuses what PostgreSQL or the rules downstream would choke on, with a message naming the
 * problem, so bad input is a 4xx with the field named and never a 500 or a silent roll-over.
 */
import { z } from "zod";

/** The largest id a PostgreSQL `integer` column holds (2^31 - 1). */
export const MAX_ID = 2_147_483_647;

/** Years accepted in days and date-times unless a field narrows them. */
export const YEAR_RANGE = { min: 1900, max: 2199 } as const;

// C0 controls, DEL and C1 controls; tab, line feed and carriage return are allowed in multi-line text only.
const CONTROL_SINGLE = /\p{Cc}/u;
const CONTROL_MULTI = /(?![\t\n\r])\p{Cc}/u;
// Half of a surrogate pair on its own cannot be written as UTF-8 (JSON's "\ud800" makes one).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Characters that take no space on screen: whitespace, zero-width and other format characters.
const INVISIBLE = /[\s\p{Cf}\p{Zs}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0\u180e]|\u034f/gu;

/** True when `text` has at least one character a reader can see. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, "").length > 0;
}

/** Why `text` is not acceptable text (or null when it is): UTF-8, controls, length. */
export function textProblem(text: string, options: { multiline?: boolean; max: number }): string | null {
  if (LONE_SURROGATE.test(text)) return "is not valid text (broken Unicode)";
  if (text.includes("\u0000")) return "must not contain NUL characters";
  if ((options.multiline ? CONTROL_MULTI : CONTROL_SINGLE).test(text)) {
    return options.multiline
      ? "must not contain control characters"
      : "must not contain control characters or line breaks";
  }
  if (text.length > options.max) return `must be at most ${options.max} characters`;
  return null;
}

/** Options of a text field. */
export interface TextOptions {
  /** Longest accepted length, in UTF-16 code units (default 200; 5,000 for multi-line text). */
  max?: number;
  /** Line breaks and tabs allowed (a textarea). */
  multiline?: boolean;
  /** The message when the field is empty or invisible (default "is required"). */
  required?: string;
}

/**
 * Required visible text, trimmed: valid Unicode, no NUL or control characters (line breaks only
 * when multi-line), not made only of spaces or zero-width characters, and not too long.
 */
export function text(options: TextOptions = {}) {
  const max = options.max ?? (options.multiline ? 5000 : 200);
  const required = options.required ?? "is required";
  return z
    .string({ error: (issue) => (issue.input === undefined ? required : "must be text") })
    .transform((raw, ctx) => {
      const problem = textProblem(raw, { multiline: options.multiline ?? false, max });
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      const trimmed = raw.trim();
      if (!hasVisibleText(trimmed)) {
        ctx.addIssue({ code: "custom", message: required });
        return z.NEVER;
      }
      return trimmed;
    });
}

/**
 * Optional text: absent, null or blank gives `null`; otherwise the same checks as `text()`
 * (a value made only of zero-width characters is refused rather than taken for blank).
 */
export function optionalText(options: Omit<TextOptions, "required"> = {}) {
  const max = options.max ?? (options.multiline ? 5000 : 200);
  return z
    .string({ message: "must be text" })
    .nullish()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === null) return null;
      const problem = textProblem(raw, { multiline: options.multiline ?? false, max });
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      const trimmed = raw.trim();
      if (trimmed === "") return null;
      if (!hasVisibleText(trimmed)) {
        ctx.addIssue({ code: "custom", message: "must be visible text, not only invisible characters" });
        return z.NEVER;
      }
      return trimmed;
    });
}

/** Parses a written day (YYYY-MM-DD) into its parts, or explains why it is not a real one. */
export function checkDay(
  value: string,
  years: { min: number; max: number } = YEAR_RANGE,
): { ok: true; year: number; month: number; day: number } | { ok: false; message: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return { ok: false, message: "must be a date written YYYY-MM-DD" };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return { ok: false, message: "is not a real date (no such month)" };
  const last = month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (day < 1 || day > last) return { ok: false, message: `is not a real date (${value} does not exist)` };
  if (year < years.min || year > years.max) {
    return { ok: false, message: `must be a date from ${years.min} to ${years.max}` };
  }
  return { ok: true, year, month, day };
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** A real calendar day written YYYY-MM-DD (`2026-02-30` is refused, not rolled to March). */
export function day(years: { min: number; max: number } = YEAR_RANGE) {
  return z
    .string({ message: "must be a date written YYYY-MM-DD" })
    .regex(/^\d{4}-\d{2}-\d{2}$/u, { message: "must be a date written YYYY-MM-DD" })
    .transform((value, ctx) => {
      const checked = checkDay(value, years);
      if (!checked.ok) {
        ctx.addIssue({ code: "custom", message: checked.message });
        return z.NEVER;
      }
      return value;
    })
    .meta({ format: "date", description: `A calendar day from ${years.min} to ${years.max}.` });
}

/** A blank form field ("") means absent: null, so the field's own checks do not run on it. */
export function blankAsNull(value: unknown): unknown {
  return value === "" ? null : value;
}

/** A real calendar day, YYYY-MM-DD, in the default year range. */
export const Day = day();

/** An optional day: absent, null or blank gives null. */
export const OptionalDay = z.preprocess(blankAsNull, Day.nullable().optional()).transform((v) => v ?? null);

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/iu;

/**
 * Parses an ISO 8601 date-time (`2026-12-01T12:00:00Z`, `2026-12-01T13:00+01:00`; a form's
 * `2026-12-01T12:00` without a zone is read as UTC) into a Date, or explains the problem.
 */
export function checkDateTime(
  value: string,
  years: { min: number; max: number } = YEAR_RANGE,
): { ok: true; at: Date } | { ok: false; message: string } {
  const m = DATE_TIME.exec(value);
  if (!m) return { ok: false, message: "must be a date and time such as 2026-12-01T12:00:00Z" };
  const dayPart = checkDay(m[1] ?? "", years);
  if (!dayPart.ok) return dayPart;
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = Number(m[4] ?? "0");
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, message: "is not a real time of day" };
  const zone = (m[6] ?? "Z").toUpperCase();
  let offsetMinutes = 0;
  if (zone !== "Z") {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 14 || zm > 59) return { ok: false, message: "has an impossible time zone offset" };
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (zh * 60 + zm);
  }
  const millis = Number(`0.${m[5] ?? "0"}`) * 1000;
  const utc =
    Date.UTC(dayPart.year, dayPart.month - 1, dayPart.day, hour, minute, second, Math.floor(millis)) -
    offsetMinutes * 60_000;
  return { ok: true, at: new Date(utc) };
}

/** A date-time written in ISO 8601 (never a bare number such as `1e15`), as a Date. */
export function dateTime(years: { min: number; max: number } = YEAR_RANGE) {
  return z
    .string({ message: "must be a date and time such as 2026-12-01T12:00:00Z" })
    .transform((raw, ctx) => {
      const checked = checkDateTime(raw.trim(), years);
      if (!checked.ok) {
        ctx.addIssue({ code: "custom", message: checked.message });
        return z.NEVER;
      }
      return checked.at;
    })
    .meta({
      format: "date-time",
      description: `An ISO 8601 date-time from ${years.min} to ${years.max}; without a zone it is read as UTC.`,
    });
}

/** An ISO 8601 date-time in the default year range, as a Date. */
export const DateTime = dateTime();

/** A whole number from `min` to `max`, written as digits (forms, paths) or sent as a JSON number. */
export function wholeNumber(options: { min: number; max: number; message?: string }) {
  const message = options.message ?? `must be a whole number from ${options.min} to ${options.max}`;
  return z.union([z.number(), z.string()], { message }).transform((raw, ctx) => {
    const value = typeof raw === "number" ? raw : /^\s*\d{1,16}\s*$/u.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < options.min || value > options.max) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return value;
  });
}

/** A database id: a whole number from 1 to 2^31 - 1. */
export const Id = wholeNumber({ min: 1, max: MAX_ID, message: `must be a whole number from 1 to ${MAX_ID}` });

/** An optional id: absent, null or blank gives null. */
export const OptionalId = z.preprocess(blankAsNull, Id.nullable().optional()).transform((v) => v ?? null);

/**
 * A slug as in URLs (`code-of-conduct`, `sarah-abderemane`, a package name): letters, digits and
 * `-`, `_`, `.`, `~`, starting with a letter or digit, at most 200 characters.
 */
export const Slug = z
  .string({ message: "must be a slug" })
  .max(200, { message: "must be at most 200 characters" })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._~-]*$/u, {
    message: "must be a slug: letters, digits, '-', '_', '.' or '~'",
  });

/** An email address, trimmed and lower-cased. */
export const Email = z
  .string({ message: "must be an email address such as ada@example.org" })
  .trim()
  .toLowerCase()
  .max(254, { message: "must be at most 254 characters" })
  .pipe(z.email({ message: "must be an email address such as ada@example.org" }));

/** One of a fixed set of values, with a message listing them. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { message: `must be one of ${values.join(", ")}` });
}

/** One of a fixed set, or absent/blank (undefined): a select whose first option is "default". */
export function optionalOneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess((v) => (v === "" ? undefined : v), oneOf(values).optional());
}

/** A checkbox or boolean flag: `true`/`1`/`on`/`yes` (or JSON true) is true; absent is false. */
export const Flag = z
  .union([z.boolean(), z.string()], { message: "must be true or false" })
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || typeof v === "boolean") return v ?? false;
    const s = v.trim().toLowerCase();
    if (["1", "true", "on", "yes"].includes(s)) return true;
    if (["", "0", "false", "off", "no"].includes(s)) return false;
    ctx.addIssue({ code: "custom", message: "must be true or false" });
    return z.NEVER;
  });

/**
 * An instant given as a Date (an operation called in code) or as an ISO 8601 date-time (HTTP,
 * the command line); either way a real one in the year range.
 */
export const Instant = z.union([
  z
    .date({ message: "must be a date and time such as 2026-12-01T12:00:00Z" })
    .refine(
      (d) =>
        !Number.isNaN(d.getTime()) &&
        d.getUTCFullYear() >= YEAR_RANGE.min &&
        d.getUTCFullYear() <= YEAR_RANGE.max,
      { message: `must be a date and time from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}` },
    ),
  DateTime,
]);
