import type { z } from "zod";
import { validationError } from "../../platform/errors.ts";

/** Parses `value` with `schema`, or throws AppError("validation") naming each bad field of `what`. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(what, parsed.error.issues);
  return parsed.data;
}
