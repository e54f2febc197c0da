/**
 * Every room's jobs and what their handlers get, composed once: the server runs them in-process
 * and `guildhall worker` runs them on their own (several workers and servers on PostgreSQL).
 */
import { ecosystemJobs, ecosystemTemplates, type SyncJobDeps } from "./ecosystem/index.ts";
import { type DecisionDeps, governanceJobs, governanceTemplates } from "./governance/index.ts";
import { kernelJobs, kernelTemplates, type NotificationDeps, templateRegistry } from "./kernel/index.ts";
import { marketingJobs } from "./marketing/index.ts";
import { createHttpClientFactory } from "./platform/fetch.ts";
import { type JobRuntime, startJobRuntime } from "./platform/jobs/runtime.ts";
import { createMailer } from "./platform/mail.ts";
import type { Services } from "./platform/services.ts";

/** The dependencies every handler may ask for: the services plus mail, clients and templates. */
export type AppJobDeps = Services & NotificationDeps & SyncJobDeps & DecisionDeps;

/** Every room's job definitions. */
export const ALL_JOBS = [...kernelJobs, ...governanceJobs, ...ecosystemJobs, ...marketingJobs];

/** Every room's notification templates. */
export const ALL_TEMPLATES = [...kernelTemplates, ...governanceTemplates, ...ecosystemTemplates];

/** Builds the handlers' dependencies from the services. */
export function appJobDeps(services: Services, overrides: Partial<AppJobDeps> = {}): AppJobDeps {
  return {
    ...services,
    mailer: createMailer(services.config.mail),
    httpFor: createHttpClientFactory(services),
    notificationTemplates: templateRegistry(ALL_TEMPLATES),
    ...overrides,
  };
}

/** Starts the job runtime over every room's jobs (work and schedules). */
export function startAppJobs(
  services: Services,
  options: {
    /** Jobs of each kind worked at once (singleton sweeps keep one); default: each job's own. */
    workers?: number;
    /** Outbound requests in flight across this process's jobs (default 16). */
    outboundConcurrency?: number;
    deps?: Partial<AppJobDeps>;
    /** Overrides for tests: who runs schedules, how often it checks, how often workers poll. */
    scheduler?: "auto" | "pg-boss" | "clock" | "off";
    scheduleCheckMs?: number;
    pollingIntervalSeconds?: number;
  } = {},
): Promise<JobRuntime> {
  const workers = options.workers;
  return startJobRuntime<AppJobDeps>({
    database: services.database,
    clock: services.clock,
    log: services.log,
    deps: appJobDeps(services, options.deps),
    jobs: ALL_JOBS,
    workers:
      workers === undefined
        ? undefined
        : Object.fromEntries(ALL_JOBS.filter((j) => !j.singleton).map((j) => [j.name, workers])),
    outboundConcurrency: options.outboundConcurrency,
    scheduler: options.scheduler,
    scheduleCheckMs: options.scheduleCheckMs,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
  });
}
