import { z } from "zod";
import { Day, Email } from "../../platform/validation.ts";
import { FOUNDATION_ROLES, GROUP_ROLES, TOKEN_SCOPES } from "../policy/policy.ts";

/** An email address, trimmed and lower-cased (the shared building block). */
export const EmailSchema = Email;

/** A real calendar day, YYYY-MM-DD, in the sane year range (the shared building block). */
export const DaySchema = Day;

/** A foundation role name. */
export const FoundationRoleSchema = z.enum(FOUNDATION_ROLES, {
  message: `must be one of ${FOUNDATION_ROLES.join(", ")}`,
});

/** A group role name. */
export const GroupRoleSchema = z.enum(GROUP_ROLES, { message: `must be one of ${GROUP_ROLES.join(", ")}` });

/** A token scope list: at least one known scope, no repeats. */
export const ScopesSchema = z
  .array(z.enum(TOKEN_SCOPES, { message: `must be one of ${TOKEN_SCOPES.join(", ")}` }), {
    message: "must be a list of scopes",
  })
  .max(TOKEN_SCOPES.length * 2, { message: "lists too many scopes" })
  .min(1, { message: "choose at least one scope" })
  .transform((s) => [...new Set(s)]);

/** The calendar day (UTC) of an instant. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Parses with a zod schema or throws AppError("validation") naming the field. */
export { parseOrThrow } from "./parse.ts";
