/** The tracker's daily job (00:20 UTC): milestone reminders to subscribers, each once. */
import { z } from "zod";
import { deliverNotificationsJob } from "../../kernel/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { defineJob } from "../../platform/jobs/define-job.ts";
import { sendTrackerReminders } from "./send-tracker-reminders.ts";

const NoPayload = z.object({}).strict();

/** What the reminder job needs. */
export interface TrackerJobDeps {
  database: Database;
  clock: Clock;
}

/** Writes the day's alpha, beta and release candidate reminders to the outbox and asks for delivery. */
export const trackerRemindersJob = defineJob<typeof NoPayload, TrackerJobDeps>({
  name: "ecosystem.tracker-reminders",
  description:
    "Remind subscribers of what their packages miss at each upcoming Django alpha, beta and RC, once.",
  schema: NoPayload,
  singleton: true,
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 30 * 60,
  schedule: { cron: "20 0 * * *", payload: {} },
  handler: async ({ deps, jobs, log }) => {
    const result = await sendTrackerReminders({ db: deps.database.db, clock: deps.clock });
    if (result.written) {
      log.info({ written: result.written }, "tracker reminders");
      await jobs.send(deliverNotificationsJob, {});
    }
    return { written: result.written, due: result.due.length };
  },
});
