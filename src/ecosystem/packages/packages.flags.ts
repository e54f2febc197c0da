/** Flags of `packages sync` and `worker`, checked with zod (loaded only when one of them runs). */
import { z } from "zod";
import { validationError } from "../../platform/errors.ts";

const intFlag = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

/** `packages sync` flags, with their defaults. */
export const SyncFlags = z.object({
  index: z.url({ error: "--index must be an http(s) URL" }),
  concurrency: intFlag("--concurrency", 1, 256).default(16),
  workers: intFlag("--workers", 0, 64).default(2),
  batch: intFlag("--batch", 1, 5000).default(100),
  scope: z
    .enum(["auto", "listed", "catalogue"], { error: "--scope must be auto, listed or catalogue" })
    .default("auto"),
  userAgent: z.string().min(1, "--user-agent must not be empty").optional(),
  json: z.boolean().optional(),
});

/** `worker` flags, with their defaults. */
export const WorkerFlags = z.object({
  concurrency: intFlag("--concurrency", 1, 256).default(16),
  workers: intFlag("--workers", 1, 64).default(2),
});

/** Checks raw commander options against a schema; a bad flag is a validation error naming it. */
export function parseFlags<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const r = schema.safeParse(raw);
  if (!r.success) throw validationError("flags", r.error.issues);
  return r.data;
}
