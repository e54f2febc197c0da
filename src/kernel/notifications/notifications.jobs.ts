/** The outbox's job: delivers due notifications every minute, and when a room asks it to. */
import { z } from "zod";
import { defineJob } from "../../platform/jobs/define-job.ts";
import { type DeliveryRound, deliverNotifications, type NotificationDeps } from "./deliver-notifications.ts";

/** Rounds per run at most, so one run cannot hold a worker forever; the next tick takes the rest. */
const MAX_ROUNDS = 20;

const Payload = z.object({ limit: z.number().int().min(1).max(1000).default(100) });

/** Delivers due notifications in rounds of `limit` until none is left (or MAX_ROUNDS). */
export const deliverNotificationsJob = defineJob<typeof Payload, NotificationDeps>({
  name: "kernel.deliver-notifications",
  description: "Send due notifications from the outbox (email), retrying failed deliveries with backoff.",
  schema: Payload,
  // Deliveries keep their own attempts and backoff; a retry of the job only resumes the round.
  retry: { limit: 2, delaySeconds: 30, backoff: false },
  singleton: true,
  timeoutSeconds: 30 * 60,
  schedule: { cron: "* * * * *", payload: {} },
  handler: async ({ payload, deps }) => {
    const total: DeliveryRound = { claimed: 0, sent: 0, skipped: 0, retrying: 0, failed: 0, lost: 0 };
    for (let i = 0; i < MAX_ROUNDS; i++) {
      const round = await deliverNotifications({ deps, limit: payload.limit });
      for (const k of Object.keys(total) as Array<keyof DeliveryRound>) total[k] += round[k];
      if (round.claimed < payload.limit) break;
    }
    return total;
  },
});

/** The kernel's job definitions. */
export const kernelJobs = [deliverNotificationsJob];
