/**
 * The request sweep as a scheduled job, hourly at :10 (so a deadline's end is acted on within the
 * hour). Idempotent: each event is recorded once per request, so a second run records nothing.
 */
import { z } from "zod";
import { deliverNotificationsJob } from "../../kernel/index.ts";
import { defineJob } from "../../platform/jobs/define-job.ts";
import type { RequestDeps } from "./deps.ts";
import { sweepRequests } from "./sweep-requests.ts";

const NoPayload = z.object({}).strict();

/** Records reminders, lazy consensus, escalation steps and expiry of requests, each once. */
export const sweepRequestsJob = defineJob<typeof NoPayload, RequestDeps>({
  name: "governance.sweep-requests",
  description: "Remind, apply lazy consensus, escalate and expire requests between groups, each step once.",
  schema: NoPayload,
  singleton: true,
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 30 * 60,
  schedule: { cron: "10 * * * *", payload: {} },
  handler: async ({ deps, jobs, log }) => {
    const result = await sweepRequests({ deps });
    if (Object.keys(result.recorded).length) log.info(result, "request sweep");
    if (result.notified) await jobs.send(deliverNotificationsJob, {});
    return result;
  },
});

/** Requests' job definitions. */
export const requestJobs = [sweepRequestsJob];
