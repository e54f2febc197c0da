/**
 * The reporting sweep as a daily job (00:05 UTC): records the day's reminders, overdue, missed
 * and defunct events once each and asks for the reminders' delivery. Idempotent: a second run the
 * same day records nothing (events are unique by group, period and kind).
 */
import { z } from "zod";
import { deliverNotificationsJob } from "../../kernel/index.ts";
import { defineJob } from "../../platform/jobs/define-job.ts";
import type { ReportDeps } from "./deps.ts";
import { sweepReports } from "./sweep-reports.ts";

const NoPayload = z.object({}).strict();

/** Records the day's reporting events and writes the reminders to the outbox. */
export const sweepReportsJob = defineJob<typeof NoPayload, ReportDeps>({
  name: "governance.sweep-reports",
  description: "Record report reminders, overdue and missed reports and defunct flags, each once.",
  schema: NoPayload,
  singleton: true,
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 30 * 60,
  schedule: { cron: "5 0 * * *", payload: {} },
  handler: async ({ deps, jobs, log }) => {
    const result = await sweepReports({ deps });
    if (Object.keys(result.recorded).length) log.info(result, "report sweep");
    if (result.notified) await jobs.send(deliverNotificationsJob, {});
    return result;
  },
});

/** Reporting's job definitions. */
export const reportJobs = [sweepReportsJob];
