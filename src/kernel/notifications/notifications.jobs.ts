/** The outbox's jobs: deliver due notifications every minute, and write the daily digests. */
import { z } from "zod";
import { defineJob } from "../../platform/jobs/define-job.ts";
import { deliverDueNotifications, type NotificationDeps } from "./deliver-notifications.ts";
import { previousDay, sendDigests } from "./send-digests.ts";

const Payload = z.object({ limit: z.number().int().min(1).max(1000).default(100) });

/** Delivers due notifications in rounds of `limit` until none is left (at most 20 rounds a run). */
export const deliverNotificationsJob = defineJob<typeof Payload, NotificationDeps>({
  name: "kernel.deliver-notifications",
  description:
    "Send due notifications from the outbox (email, chat webhooks), retrying failed deliveries with backoff.",
  schema: Payload,
  // Deliveries keep their own attempts and backoff; a retry of the job only resumes the round.
  retry: { limit: 2, delaySeconds: 30, backoff: false },
  singleton: true,
  timeoutSeconds: 30 * 60,
  schedule: { cron: "* * * * *", payload: {} },
  handler: async ({ payload, deps }) => deliverDueNotifications({ deps, limit: payload.limit }),
});

const DigestPayload = z.object({ day: z.iso.date().optional() });

/** Writes yesterday's (UTC) digest emails into the outbox; the delivery job sends them. */
export const notificationDigestJob = defineJob<typeof DigestPayload, NotificationDeps>({
  name: "kernel.notification-digest",
  description: "Write each person's daily digest email of the previous day (UTC), once per person and day.",
  schema: DigestPayload,
  // Each digest has its own outbox key, so a retried run writes nothing twice.
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  singleton: true,
  timeoutSeconds: 10 * 60,
  schedule: { cron: "0 6 * * *", payload: {} },
  handler: async ({ payload, deps }) =>
    sendDigests({ deps, day: payload.day ?? previousDay(deps.clock.now()) }),
});

/** The kernel's job definitions. */
export const kernelJobs = [deliverNotificationsJob, notificationDigestJob];
