/** Flags of `packages sync`, checked with zod (loaded only when one of them runs). */
import { z } from "zod";
import { intFlag } from "../../platform/cli-flags.ts";

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

export { parseFlags } from "../../platform/cli-flags.ts";
