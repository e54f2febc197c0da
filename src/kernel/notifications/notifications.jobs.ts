/** The outbox's job: delivers due notifications every minute, and when a room asks it to. */
import { z } from "zod";
import { defineJob } from "../../platform/jobs/define-job.ts";
import { deliverDueNotifications, type NotificationDeps } from "./deliver-notifications.ts";

const Payload = z.object({ limit: z.number().int().min(1).max(1000).default(100) });

/** Delivers due notifications in rounds of `limit` until none is left (at most 20 rounds a run). */
export const deliverNotificationsJob = defineJob<typeof Payload, NotificationDeps>({
  name: "kernel.deliver-notifications",
  description: "Send due notifications from the outbox (email), retrying failed deliveries with backoff.",
  schema: Payload,
  // Deliveries keep their own attempts and backoff; a retry of the job only resumes the round.
  retry: { limit: 2, delaySeconds: 30, backoff: false },
  singleton: true,
  timeoutSeconds: 30 * 60,
  schedule: { cron: "* * * * *", payload: {} },
  handler: async ({ payload, deps }) => deliverDueNotifications({ deps, limit: payload.limit }),
});

/** The kernel's job definitions. */
export const kernelJobs = [deliverNotificationsJob];
