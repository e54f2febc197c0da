/**
 * The job runtime: works every given job definition on pg-boss and runs their schedules. It holds
 * no business rules; rooms hand it their definitions (through their doors) and the composition
 * root hands it the dependencies their handlers need.
 *
 * Schedules: on PostgreSQL they are pg-boss schedules (`boss.schedule`), whose cron monitor lets one
 * process per tick queue the job, so several servers and workers never run a sweep twice per tick.
 * On the embedded database (one process) an in-process scheduler reads the injected clock instead,
 * so tests move time and watch schedules fire.
 */
import pLimit from "p-limit";
import type { z } from "zod";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/client.ts";
import type { Logger } from "../log.ts";
import { dueTick } from "./cron.ts";
import {
  checkPayload,
  type JobContext,
  type JobDefinition,
  JobPayloadError,
  type JobSender,
  type SendOptions,
} from "./define-job.ts";
import { type JobQueue, type QueueSpec, startJobQueue } from "./queue.ts";

/** Who runs the schedules in a process. */
export type SchedulerKind = "pg-boss" | "clock" | "off";

/** A started runtime: send jobs, run due schedules (clock scheduler), stop. */
export interface JobRuntime extends JobSender {
  readonly scheduler: SchedulerKind;
  /** Queues many jobs of one kind at once (validated first; nothing is queued if one is refused). */
  insert<S extends z.ZodType>(
    job: JobDefinition<S, never>,
    payloads: ReadonlyArray<z.input<S>>,
  ): Promise<void>;
  /**
   * Clock scheduler: queues each scheduled job whose tick passed since the last check, once
   * however many ticks were missed; returns the names queued. Does nothing under pg-boss.
   */
  runDueSchedules(): Promise<string[]>;
  /** Jobs of this kind waiting, retrying or running. */
  pending(job: JobDefinition<z.ZodType, never>): Promise<number>;
  stop(): Promise<void>;
}

/** The schema pg-boss keeps its tables in. */
const BOSS_SCHEMA = "pgboss";

function queueSpec(job: JobDefinition<z.ZodType, never>): QueueSpec {
  return {
    name: job.name,
    policy: job.singleton ? "stately" : "standard",
    retryLimit: job.retry.limit,
    retryDelay: job.retry.delaySeconds,
    retryBackoff: job.retry.backoff,
    expireInSeconds: job.timeoutSeconds,
  };
}

/** Starts pg-boss with a queue per definition, works them and runs their schedules. */
export async function startJobRuntime<D>(input: {
  database: Database;
  clock: Clock;
  log: Logger;
  /** What the handlers get as `deps`. */
  deps: D;
  jobs: ReadonlyArray<JobDefinition<z.ZodType, D>>;
  /** Work every job (true, the default), none (false), or only the named ones. */
  work?: boolean | ReadonlyArray<string>;
  /** Jobs of a kind worked at once in this process, by job name (else the definition's `workers`). */
  workers?: Readonly<Record<string, number>>;
  /** auto (default): pg-boss on PostgreSQL, the injected clock on PGlite; or force one; off: none. */
  scheduler?: "auto" | SchedulerKind;
  /** Outbound requests in flight across all jobs of this process (default 16). */
  outboundConcurrency?: number;
  /** Seconds between a worker's polls for new jobs (default 2; pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** Milliseconds between the clock scheduler's checks (default 5000). */
  scheduleCheckMs?: number;
  /** Seconds between pg-boss's cron checks (1-45, default 30). */
  cronMonitorIntervalSeconds?: number;
  /** Run pg-boss maintenance (expiring stuck jobs); off for short-lived command-line runs. */
  supervise?: boolean;
}): Promise<JobRuntime> {
  const { database, clock, log } = input;
  const byName = new Map<string, JobDefinition<z.ZodType, D>>();
  for (const job of input.jobs) {
    if (byName.has(job.name)) throw new Error(`two job definitions are named ${job.name}`);
    byName.set(job.name, job);
  }
  const scheduled = input.jobs.filter((j) => j.schedule);
  const choice = input.scheduler ?? "auto";
  const scheduler: SchedulerKind =
    scheduled.length === 0
      ? "off"
      : choice === "auto"
        ? database.driver === "postgres"
          ? "pg-boss"
          : "clock"
        : choice;
  const boss: JobQueue = await startJobQueue({
    database,
    log,
    queues: input.jobs.map(queueSpec),
    supervise: input.supervise,
    schedule: scheduler === "pg-boss",
    cronMonitorIntervalSeconds: input.cronMonitorIntervalSeconds,
  });

  const sender: JobSender = {
    async send(job, payload, options?: SendOptions) {
      checkPayload(job, payload);
      return boss.send(job.name, payload as object, {
        ...(options?.singletonKey ? { singletonKey: options.singletonKey } : {}),
        ...(options?.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      });
    },
  };

  // Workers.
  const outbound = pLimit(Math.max(1, input.outboundConcurrency ?? 16));
  const working = input.work ?? true;
  const workerIds: string[] = [];
  for (const job of input.jobs) {
    const works = working === true || (Array.isArray(working) && working.includes(job.name));
    if (!works) continue;
    const count = Math.max(0, input.workers?.[job.name] ?? job.workers);
    for (let i = 0; i < count; i++) {
      const id = await boss.work<unknown>(
        job.name,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: input.pollingIntervalSeconds ?? 2 },
        async (batch) => {
          const [queued] = batch;
          if (!queued) return null;
          const context: JobContext<D> = {
            deps: input.deps,
            job: { id: queued.id, name: job.name, attempt: queued.retryCount },
            log: log.child({ job: job.name, jobId: queued.id }),
            jobs: sender,
            outbound: (fn) => outbound(fn),
          };
          try {
            return (await job.run(queued.data, context)) ?? null;
          } catch (e) {
            if (e instanceof JobPayloadError) {
              // Another attempt would read the same payload: fail now rather than after every retry.
              await database.query(
                `UPDATE ${BOSS_SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`,
                [job.name, queued.id],
              );
              log.error({ err: e, job: job.name, jobId: queued.id }, "job payload refused");
            } else {
              log.warn({ err: e, job: job.name, jobId: queued.id, attempt: queued.retryCount }, "job failed");
            }
            throw e;
          }
        },
      );
      workerIds.push(id);
    }
  }

  // Schedules.
  let timer: NodeJS.Timeout | undefined;
  const lastTick = new Map<string, Date>();
  if (scheduler === "pg-boss") {
    for (const job of scheduled) {
      if (!job.schedule) continue;
      await boss.schedule(job.name, job.schedule.cron, job.schedule.payload as object, {
        tz: job.schedule.tz,
      });
    }
    // A schedule whose definition is gone (renamed, removed) would keep queueing jobs nobody works.
    for (const s of await boss.getSchedules()) {
      if (!byName.get(s.name)?.schedule) await boss.unschedule(s.name);
    }
  } else if (scheduler === "clock") {
    const started = clock.now();
    for (const job of scheduled) lastTick.set(job.name, started);
  }
  let checking = false;
  const runDueSchedules = async (): Promise<string[]> => {
    if (scheduler !== "clock" || checking) return [];
    checking = true;
    try {
      const now = clock.now();
      const sent: string[] = [];
      for (const job of scheduled) {
        const schedule = job.schedule;
        const after = lastTick.get(job.name);
        if (!schedule || !after) continue;
        const tick = dueTick({ cron: schedule.cron, tz: schedule.tz, after, now });
        if (!tick) continue;
        lastTick.set(job.name, tick);
        await sender.send(job, schedule.payload);
        sent.push(job.name);
      }
      return sent;
    } finally {
      checking = false;
    }
  };
  if (scheduler === "clock") {
    timer = setInterval(() => {
      runDueSchedules().catch((err: unknown) => log.error({ err }, "scheduler check failed"));
    }, input.scheduleCheckMs ?? 5000);
    timer.unref();
  }
  log.debug({ jobs: [...byName.keys()], workers: workerIds.length, scheduler }, "job runtime started");

  return {
    scheduler,
    send: sender.send,
    async insert(job, payloads) {
      for (const p of payloads) checkPayload(job, p);
      const rows = payloads.map((data) => ({ name: job.name, data: data as object }));
      for (let i = 0; i < rows.length; i += 500) await boss.insert(rows.slice(i, i + 500));
    },
    runDueSchedules,
    pending: (job) => boss.getQueueSize(job.name, { before: "completed" }),
    async stop() {
      if (timer) clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
