/** The marketing room's jobs: publishing scheduled items at their time (every five minutes). */
import { z } from "zod";
import { defineJob } from "../platform/jobs/define-job.ts";
import type { Services } from "../platform/services.ts";
import { publishDue } from "./items/publish-due.ts";

const NoPayload = z.object({}).strict();

/** Publishes the scheduled items that are due. */
export const publishDueJob = defineJob<typeof NoPayload, Pick<Services, "database" | "clock">>({
  name: "marketing.publish-due",
  description: "Publish scheduled marketing items whose time has come.",
  schema: NoPayload,
  singleton: true,
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 5 * 60,
  schedule: { cron: "*/5 * * * *", payload: {} },
  handler: async ({ deps, log }) => {
    const result = await publishDue({ db: deps.database.db, clock: deps.clock });
    if (result.published.length) log.info(result, "published scheduled items");
    return result;
  },
});
