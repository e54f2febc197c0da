/**
 * `packages sync`: keeps the catalogue in step with an index. Plans (or resumes) a run, puts its
 * pending projects on the job queue, works them with this process's workers (and any
 * `guildhall worker` processes on PostgreSQL), waits until no item is pending, and summarises.
 */
import type { Clock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { HttpClientFactory } from "../../platform/fetch.ts";
import { type JobRuntime, startJobRuntime } from "../../platform/jobs/runtime.ts";
import type { Logger } from "../../platform/log.ts";
import { planSyncRun } from "./plan-sync-run.ts";
import { finishRun, itemStateCounts, pendingNames, problemCounts } from "./sync.repo.ts";
import type { ScopeChoice } from "./sync-scope.ts";
import { buildSyncSummary, type SyncSummary } from "./sync-summary.ts";
import { enqueueSyncChunks, syncChunkJob } from "./sync-worker.ts";

/** How long a run may make no progress before its queue is checked for lost jobs. */
const STALL_MS = 60_000;

/** Progress of a run, reported while it works. */
export interface SyncProgress {
  runId: number;
  done: number;
  total: number;
  states: Record<string, number>;
}

/** Runs one sync to completion and returns its summary. */
export async function syncPackages(input: {
  database: Database;
  clock: Clock;
  log: Logger;
  /** Client for a user agent (null = the configured one). */
  httpFor: HttpClientFactory;
  indexUrl: string;
  /** Which listed projects to work on; `auto` (the default) is `listed` on an empty catalogue, else `catalogue`. */
  scope?: ScopeChoice;
  userAgent?: string | null;
  /** Requests in flight in this process. */
  concurrency?: number;
  /** Chunk-working loops in this process; 0 leaves the work to `guildhall worker` processes. */
  workers?: number;
  /** Results per write transaction. */
  batchSize?: number;
  onProgress?: (p: SyncProgress) => void;
  /** Milliseconds between progress checks. */
  pollMs?: number;
  /** An already started job runtime that knows the sync job (otherwise one is started and stopped here). */
  runtime?: JobRuntime;
}): Promise<SyncSummary> {
  const { database, clock } = input;
  const db = database.db;
  const indexUrl = input.indexUrl.replace(/\/+$/, "");
  const userAgent = input.userAgent ?? null;
  if ((input.workers ?? 1) === 0 && database.driver === "pglite") {
    throw new AppError("validation", {
      message:
        "Invalid flags: --workers: 0 leaves the run to other processes, which needs PostgreSQL (DATABASE_URL)",
      issues: [{ field: "--workers", message: "0 needs PostgreSQL" }],
    });
  }
  const started = performance.now();
  const plan = await planSyncRun({ db, http: input.httpFor(userAgent), clock, indexUrl, scope: input.scope });
  const workers = input.workers ?? 1;
  // This process's workers share `concurrency` requests in flight across their chunks.
  const runtime =
    input.runtime ??
    (await startJobRuntime({
      database,
      clock,
      log: input.log,
      deps: { database, clock, httpFor: input.httpFor },
      jobs: [syncChunkJob],
      work: workers > 0,
      workers: { [syncChunkJob.name]: workers },
      outboundConcurrency: input.concurrency ?? 16,
      pollingIntervalSeconds: 0.5,
      scheduler: "off",
      supervise: false,
    }));
  const enqueue = async () =>
    enqueueSyncChunks({
      runtime,
      runId: plan.runId,
      indexUrl,
      names: await pendingNames(db, plan.runId),
      userAgent,
      batchSize: input.batchSize,
    });
  try {
    await enqueue();
    const pollMs = input.pollMs ?? 500;
    let lastLeft = -1;
    let stalledSince = performance.now();
    for (;;) {
      const states = await itemStateCounts(db, plan.runId);
      const total = Object.values(states).reduce((a, b) => a + b, 0);
      const left = states["pending"] ?? 0;
      input.onProgress?.({ runId: plan.runId, done: total - left, total, states });
      if (left === 0) break;
      if (left !== lastLeft) {
        lastLeft = left;
        stalledSince = performance.now();
      } else if (performance.now() - stalledSince > STALL_MS && (await runtime.pending(syncChunkJob)) === 0) {
        // Jobs were lost (failed past their retries, or deleted): queue what is still pending again.
        input.log.warn(
          { runId: plan.runId, left },
          "no sync jobs left for pending projects; queueing them again",
        );
        await enqueue();
        stalledSince = performance.now();
      }
      await new Promise((r) => setTimeout(r, pollMs));
    }
  } finally {
    if (!input.runtime) await runtime.stop();
  }
  const summary = buildSyncSummary({
    runId: plan.runId,
    indexUrl,
    resumed: plan.resumed,
    listed: plan.listed,
    queued: plan.queued,
    scope: plan.scope,
    outOfScope: plan.outOfScope,
    delisted: plan.delisted,
    relisted: plan.relisted,
    states: await itemStateCounts(db, plan.runId),
    problems: await problemCounts(db, plan.runId),
    durationMs: performance.now() - started,
  });
  await finishRun(db, plan.runId, clock.now(), summary);
  return summary;
}
