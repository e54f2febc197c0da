/**
 * The recurring side of decisions, as job definitions: close votes whose time has come (every
 * minute) and the term sweep (hourly). Both operations are idempotent, so a doubled run is
 * harmless; the schedules still run each once per tick across processes.
 */
import { z } from "zod";
import { deliverNotificationsJob } from "../../kernel/index.ts";
import { defineJob } from "../../platform/jobs/define-job.ts";
import { closeDueVotes } from "./close-due-votes.ts";
import type { DecisionDeps } from "./deps.ts";
import { sweepTerms } from "./sweep-terms.ts";

const NoPayload = z.object({}).strict();

/** Closes every open vote whose closing time has passed and applies its outcome. */
export const closeDueVotesJob = defineJob<typeof NoPayload, DecisionDeps>({
  name: "governance.close-due-votes",
  description: "Close votes whose closing time has passed and apply their outcomes.",
  schema: NoPayload,
  singleton: true,
  retry: { limit: 2, delaySeconds: 20, backoff: false },
  timeoutSeconds: 10 * 60,
  schedule: { cron: "* * * * *", payload: {} },
  handler: async ({ deps }) => closeDueVotes({ deps }),
});

/** Lapses unrenewed terms and writes due reminders to the outbox, then asks for their delivery. */
export const sweepTermsJob = defineJob<typeof NoPayload, DecisionDeps>({
  name: "governance.sweep-terms",
  description: "End terms that ran out without renewal and queue due term reminders.",
  schema: NoPayload,
  singleton: true,
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 30 * 60,
  schedule: { cron: "0 * * * *", payload: {} },
  handler: async ({ deps, jobs, log }) => {
    const result = await sweepTerms({ deps });
    if (result.lapsed || result.reminded) log.info(result, "term sweep");
    // Reminders go out now rather than at the delivery job's next minute.
    if (result.notified) await jobs.send(deliverNotificationsJob, {});
    return result;
  },
});

/** The decisions' job definitions. */
export const decisionJobs = [closeDueVotesJob, sweepTermsJob];
