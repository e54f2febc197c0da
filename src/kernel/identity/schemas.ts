import { z } from "zod";
import { Day, Email, optionalText } from "../../platform/validation.ts";
import { FOUNDATION_ROLES, TOKEN_SCOPES } from "./actor.ts";

/** An email address, trimmed and lower-cased (the shared building block). */
export const EmailSchema = Email;

/** A real calendar day, YYYY-MM-DD, in the sane year range (the shared building block). */
export const DaySchema = Day;

/** A foundation role name. */
export const FoundationRoleSchema = z.enum(FOUNDATION_ROLES, {
  message: `must be one of ${FOUNDATION_ROLES.join(", ")}`,
});

/** A token scope list: at least one known scope, no repeats. */
export const ScopesSchema = z
  .array(z.enum(TOKEN_SCOPES, { message: `must be one of ${TOKEN_SCOPES.join(", ")}` }), {
    message: "must be a list of scopes",
  })
  .max(TOKEN_SCOPES.length * 2, { message: "lists too many scopes" })
  .min(1, { message: "choose at least one scope" })
  .transform((s) => [...new Set(s)]);

/** Parses with a zod schema or throws AppError("validation") naming the field. */
export { parseOrThrow } from "./parse.ts";

/**
 * The checks every grant of a dated role makes: it ends (and its term ends) after it starts. Applied
 * to a zod object with `startedOn`, `endedOn` and optionally `termEndsOn`.
 */
export function refinePeriod<
  S extends z.ZodType<{ startedOn: string; endedOn: string | null; termEndsOn?: string | null }>,
>(schema: S) {
  return schema
    .refine((v) => v.endedOn === null || v.endedOn > v.startedOn, {
      message: "must be after the start date",
      path: ["endedOn"],
    })
    .refine((v) => v.termEndsOn === undefined || v.termEndsOn === null || v.termEndsOn > v.startedOn, {
      message: "must be after the start date",
      path: ["termEndsOn"],
    });
}

/** The fields of every grant of a dated role: its days, the reason and the decision behind it. */
export const PeriodGrantFields = {
  startedOn: DaySchema,
  endedOn: DaySchema.nullable(),
  termEndsOn: DaySchema.nullable(),
  reason: optionalText({ max: 2000 }).transform((v) => v ?? ""),
  decisionRef: optionalText({ max: 500 }),
};
