/**
 * The sync's job queue: chunks of a run's pending projects are jobs, so one process or several
 * (`guildhall worker` on PostgreSQL) share a run. A chunk worked twice is harmless: only items
 * still pending are fetched.
 */
import pLimit from "p-limit";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import type { HttpClient } from "../../platform/fetch.ts";
import type { JobQueue, QueuedJob } from "../../platform/jobs/queue.ts";
import type { Logger } from "../../platform/log.ts";
import { processSyncChunk } from "./process-sync-chunk.ts";

/** Name of the queue holding sync chunks. */
export const SYNC_QUEUE = "packages-sync-chunk";

/** Projects per job. */
export const CHUNK_SIZE = 250;

/** The data of one chunk job. */
export interface SyncChunkJob {
  runId: number;
  indexUrl: string;
  names: string[];
  /** User-Agent the run was started with, so every worker identifies itself the same way. */
  userAgent: string | null;
}

/** Sends the given names of a run as chunk jobs. */
export async function enqueueSyncChunks(input: {
  queue: JobQueue;
  runId: number;
  indexUrl: string;
  names: string[];
  userAgent: string | null;
}): Promise<number> {
  const jobs = [];
  for (let i = 0; i < input.names.length; i += CHUNK_SIZE) {
    const data: SyncChunkJob = {
      runId: input.runId,
      indexUrl: input.indexUrl,
      names: input.names.slice(i, i + CHUNK_SIZE),
      userAgent: input.userAgent,
    };
    jobs.push({ name: SYNC_QUEUE, data, expireInSeconds: 1800, retryLimit: 5, retryDelay: 1 });
  }
  for (let i = 0; i < jobs.length; i += 500) await input.queue.insert(jobs.slice(i, i + 500));
  return jobs.length;
}

/** Registers `workers` chunk-working loops on the queue; returns a function that stops them. */
export async function startSyncWorkers(input: {
  queue: JobQueue;
  db: Db;
  clock: Clock;
  log: Logger;
  /** The HTTP client to use for a run's user agent. */
  httpFor: (userAgent: string | null) => HttpClient;
  workers: number;
  /** Requests in flight in this process, across its workers. */
  concurrency: number;
  batchSize?: number;
}): Promise<() => Promise<void>> {
  const limit = pLimit(Math.max(1, input.concurrency));
  const ids: string[] = [];
  for (let i = 0; i < input.workers; i++) {
    const id = await input.queue.work<SyncChunkJob>(
      SYNC_QUEUE,
      { pollingIntervalSeconds: 0.5, batchSize: 1 },
      async (jobs: QueuedJob<SyncChunkJob>[]) => {
        for (const job of jobs) {
          await processSyncChunk({
            db: input.db,
            http: input.httpFor(job.data.userAgent),
            clock: input.clock,
            indexUrl: job.data.indexUrl,
            runId: job.data.runId,
            names: job.data.names,
            limit,
            batchSize: input.batchSize,
          });
        }
      },
    );
    ids.push(id);
  }
  input.log.debug({ workers: ids.length }, "sync workers started");
  return async () => {
    for (const id of ids) await input.queue.offWork({ id });
  };
}
