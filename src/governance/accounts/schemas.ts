import { z } from "zod";
import { FOUNDATION_ROLES, GROUP_ROLES, TOKEN_SCOPES } from "../policy/policy.ts";

/** An email address, trimmed and lower-cased. */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "must be an email address such as ada@example.org" }));

/** A calendar day, YYYY-MM-DD. */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date written YYYY-MM-DD" })
  .refine(
    (s) => {
      const t = Date.parse(`${s}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
    },
    { message: "is not a real date" },
  );

/** A foundation role name. */
export const FoundationRoleSchema = z.enum(FOUNDATION_ROLES, {
  message: `must be one of ${FOUNDATION_ROLES.join(", ")}`,
});

/** A group role name. */
export const GroupRoleSchema = z.enum(GROUP_ROLES, { message: `must be one of ${GROUP_ROLES.join(", ")}` });

/** A token scope list: at least one known scope, no repeats. */
export const ScopesSchema = z
  .array(z.enum(TOKEN_SCOPES, { message: `must be one of ${TOKEN_SCOPES.join(", ")}` }))
  .min(1, { message: "choose at least one scope" })
  .transform((s) => [...new Set(s)]);

/** The calendar day (UTC) of an instant. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Parses with a zod schema or throws AppError("validation") naming the field. */
export { parseOrThrow } from "./parse.ts";
