/** Flags of `guildhall worker` and `guildhall notifications list`, checked with zod when they run. */
import { z } from "zod";
import { intFlag } from "./platform/cli-flags.ts";
import { DELIVERY_STATUSES } from "./platform/db/schema/notifications.ts";

/** `worker` flags. */
export const WorkerFlags = z.object({
  concurrency: intFlag("--concurrency", 1, 256).default(16),
  workers: intFlag("--workers", 1, 64).optional(),
  list: z.boolean().optional(),
});

/** `notifications list` flags. */
export const ListFlags = z.object({
  status: z
    .enum(DELIVERY_STATUSES, { error: `--status must be one of ${DELIVERY_STATUSES.join(", ")}` })
    .optional(),
  limit: intFlag("--limit", 1, 10_000).default(100),
});

/** `notifications failed` flags. */
export const FailedFlags = z.object({ limit: intFlag("--limit", 1, 10_000).default(100) });

/** `notifications digest` flags. */
export const DigestFlags = z.object({
  day: z.iso.date({ error: "--day must be a date (YYYY-MM-DD)" }).optional(),
});

export { parseFlags } from "./platform/cli-flags.ts";
