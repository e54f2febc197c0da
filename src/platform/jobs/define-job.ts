/**
 * Job definitions: a name, a zod payload schema, a handler, a retry policy and an optional cron
 * schedule, declared beside the room code that does the work and exported through the room's door
 * (after Documenso's `defineJob`). The runtime (`runtime.ts`) knows nothing about what jobs do.
 */
import cronParser from "cron-parser";
import type { z } from "zod";
import { AppError } from "../errors.ts";
import type { Logger } from "../log.ts";

/** How a failed job is tried again (pg-boss's retry settings, per queue). */
export interface RetryPolicy {
  /** Further attempts after the first one fails (0: fail at once). */
  limit: number;
  /** Seconds before the next attempt. */
  delaySeconds: number;
  /** Double the delay after each failure (pg-boss adds jitter). */
  backoff: boolean;
}

/** When a recurring job runs: a cron expression (five fields, minutes) in a time zone. */
export interface JobSchedule<I> {
  cron: string;
  /** IANA time zone the cron expression is read in. */
  tz: string;
  /** The payload each scheduled run gets. */
  payload: I;
}

/** Sends jobs from inside a handler (a sweep that queues follow-up work). */
export interface JobSender {
  /** Queues one job after validating its payload; resolves to the job id (null when deduplicated). */
  send<S extends z.ZodType>(
    job: JobDefinition<S, never>,
    payload: z.input<S>,
    options?: SendOptions,
  ): Promise<string | null>;
}

/** Per-send options. */
export interface SendOptions {
  /** Jobs sharing a key are not queued twice while one waits (pg-boss singletonKey). */
  singletonKey?: string;
  /** Delay before the job may start. */
  startAfterSeconds?: number;
}

/** What a handler receives besides its payload. */
export interface JobContext<D> {
  /** The services this job's handler needs, supplied by the process that works it. */
  deps: D;
  job: { id: string; name: string /** 0 on the first attempt, 1 on the first retry... */; attempt: number };
  log: Logger;
  /** Queues further jobs. */
  jobs: JobSender;
  /** Limits outbound requests in flight across every job this process works. */
  outbound: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** A job definition; `S` is the payload schema, `D` the dependencies its handler needs. */
export interface JobDefinition<S extends z.ZodType = z.ZodType, D = unknown> {
  /** Queue name: `room.what-it-does`. */
  name: string;
  /** One line for `guildhall worker --list` and the logs. */
  description: string;
  schema: S;
  retry: RetryPolicy;
  /** A job still running after this long is failed (and retried); pg-boss expireInSeconds. */
  timeoutSeconds: number;
  /** Jobs of this kind worked at once per process, unless the process says otherwise. */
  workers: number;
  /** At most one waiting and one running job at a time (pg-boss "stately" queue policy): for sweeps. */
  singleton: boolean;
  schedule?: JobSchedule<z.input<S>>;
  /**
   * Validates `payload` and runs the handler; a payload the schema refuses throws
   * `JobPayloadError` without calling it. (Erased payload type, so lists of definitions type-check.)
   */
  run: (payload: unknown, context: JobContext<D>) => Promise<unknown>;
}

/** A payload refused by its job's schema: the job fails at once, with no retries. */
export class JobPayloadError extends AppError {
  constructor(jobName: string, issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>) {
    const listed = issues.map((i) => ({
      field: i.path.map(String).join(".") || "payload",
      message: i.message,
    }));
    const first = listed[0];
    super("validation", {
      message: `Job ${jobName}: payload refused: ${first ? `${first.field}: ${first.message}` : "invalid"}`,
      issues: listed,
    });
  }
}

const NAME = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;

/** Declares a job; checks the name and the cron expression at once, so a typo fails on start. */
export function defineJob<S extends z.ZodType, D>(definition: {
  name: string;
  description: string;
  schema: S;
  handler: (input: { payload: z.output<S> } & JobContext<D>) => Promise<unknown>;
  retry?: Partial<RetryPolicy>;
  timeoutSeconds?: number;
  workers?: number;
  singleton?: boolean;
  schedule?: { cron: string; tz?: string; payload: z.input<S> };
}): JobDefinition<S, D> {
  const { name, schema, handler } = definition;
  if (!NAME.test(name)) throw new Error(`job name "${name}" must look like room.what-it-does`);
  const schedule = definition.schedule
    ? {
        cron: definition.schedule.cron,
        tz: definition.schedule.tz ?? "UTC",
        payload: definition.schedule.payload,
      }
    : undefined;
  if (schedule) {
    try {
      cronParser.parseExpression(schedule.cron, { tz: schedule.tz });
    } catch (e) {
      throw new Error(`job ${name}: bad cron "${schedule.cron}": ${e instanceof Error ? e.message : e}`);
    }
    const checked = schema.safeParse(schedule.payload);
    if (!checked.success) throw new JobPayloadError(name, checked.error.issues);
  }
  return {
    name,
    description: definition.description,
    schema,
    retry: { limit: 2, delaySeconds: 10, backoff: true, ...definition.retry },
    timeoutSeconds: definition.timeoutSeconds ?? 15 * 60,
    workers: definition.workers ?? 1,
    singleton: definition.singleton ?? false,
    schedule,
    run: async (payload, context) => {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw new JobPayloadError(name, parsed.error.issues);
      return handler({ payload: parsed.data, ...context });
    },
  };
}

/** Parses `payload` for sending; throws the same refusal a worker would. */
export function checkPayload<S extends z.ZodType>(job: JobDefinition<S, never>, payload: unknown): void {
  const parsed = job.schema.safeParse(payload);
  if (!parsed.success) throw new JobPayloadError(job.name, parsed.error.issues);
}
