/**
 * The sync's job: chunks of a run's pending projects are jobs, so one process or several
 * (`guildhall worker`, or servers, on PostgreSQL) share a run. A chunk worked twice is harmless:
 * only items still pending are fetched.
 */
import { z } from "zod";
import type { Clock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import type { HttpClientFactory } from "../../platform/fetch.ts";
import { defineJob } from "../../platform/jobs/define-job.ts";
import type { JobRuntime } from "../../platform/jobs/runtime.ts";
import { processSyncChunk } from "./process-sync-chunk.ts";

/** Projects per job. */
export const CHUNK_SIZE = 250;

/** What working a chunk needs. */
export interface SyncJobDeps {
  database: Database;
  clock: Clock;
  /** The HTTP client for a run's user agent (null: the configured one). */
  httpFor: HttpClientFactory;
}

const SyncChunk = z.object({
  runId: z.number().int().positive(),
  indexUrl: z.url({ protocol: /^https?$/ }),
  names: z.array(z.string().min(1).max(400)).min(1).max(CHUNK_SIZE),
  /** User-Agent the run was started with, so every worker identifies itself the same way. */
  userAgent: z.string().min(1).nullable(),
  /** Results per write transaction. */
  batchSize: z.number().int().min(1).max(5000).optional(),
});

/** The data of one chunk job. */
export type SyncChunkJob = z.infer<typeof SyncChunk>;

/** Fetches and saves one chunk of a run's pending projects. */
export const syncChunkJob = defineJob<typeof SyncChunk, SyncJobDeps>({
  name: "ecosystem.sync-chunk",
  description: "Fetch and save one chunk of a package sync run's pending projects.",
  schema: SyncChunk,
  retry: { limit: 5, delaySeconds: 1, backoff: false },
  timeoutSeconds: 1800,
  workers: 2,
  handler: async ({ payload, deps, outbound }) => {
    const processed = await processSyncChunk({
      db: deps.database.db,
      http: deps.httpFor(payload.userAgent),
      clock: deps.clock,
      indexUrl: payload.indexUrl,
      runId: payload.runId,
      names: payload.names,
      limit: outbound,
      batchSize: payload.batchSize,
    });
    return { processed };
  },
});

/** Queues the given names of a run as chunk jobs; returns how many jobs. */
export async function enqueueSyncChunks(input: {
  runtime: JobRuntime;
  runId: number;
  indexUrl: string;
  names: string[];
  userAgent: string | null;
  batchSize?: number;
}): Promise<number> {
  const payloads: SyncChunkJob[] = [];
  for (let i = 0; i < input.names.length; i += CHUNK_SIZE) {
    payloads.push({
      runId: input.runId,
      indexUrl: input.indexUrl,
      names: input.names.slice(i, i + CHUNK_SIZE),
      userAgent: input.userAgent,
      ...(input.batchSize ? { batchSize: input.batchSize } : {}),
    });
  }
  await input.runtime.insert(syncChunkJob, payloads);
  return payloads.length;
}
