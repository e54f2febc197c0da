/**
 * Flag schemas for commands that check their options with zod. Kept apart from `cli.ts` so that
 * declaring commands stays cheap: a command's action imports this when it runs.
 */
import { z } from "zod";
import { validationError } from "./errors.ts";

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
