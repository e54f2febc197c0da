/**
 * A process that runs one every-minute job (not a singleton queue, so only the schedule can keep
 * it to one run per tick) on the PostgreSQL database at DATABASE_URL, recording each run in
 * `test_ticks`. Tests start two and count. TEST_SCHEDULER=clock swaps in per-process timers.
 */
import { z } from "zod";
import { systemClock } from "../../src/platform/clock.ts";
import { openDatabase } from "../../src/platform/db/client.ts";
import { defineJob } from "../../src/platform/jobs/define-job.ts";
import { startJobRuntime } from "../../src/platform/jobs/runtime.ts";
import { createLogger } from "../../src/platform/log.ts";

const url = process.env["DATABASE_URL"];
if (!url) throw new Error("DATABASE_URL is required");
const scheduler = process.env["TEST_SCHEDULER"] === "clock" ? "clock" : "auto";

const database = await openDatabase({ databaseUrl: url, poolSize: 3 }, { migrate: false });
const tick = defineJob<z.ZodObject, { database: typeof database }>({
  name: "test.minute-tick",
  description: "Records that it ran.",
  schema: z.object({}),
  schedule: { cron: "* * * * *", payload: {} },
  handler: async ({ deps, job }) => {
    await deps.database.query("INSERT INTO test_ticks (pid, job_id, ran_at) VALUES ($1, $2, now())", [
      process.pid,
      job.id,
    ]);
  },
});
const runtime = await startJobRuntime({
  database,
  clock: systemClock,
  log: createLogger({ env: "test", logLevel: "silent" }),
  deps: { database },
  jobs: [tick],
  scheduler,
  // Check often: more chances to queue a tick twice if the schedule did not prevent it.
  cronMonitorIntervalSeconds: 5,
  scheduleCheckMs: 2000,
  pollingIntervalSeconds: 0.5,
});
process.stdout.write(`ready ${runtime.scheduler}\n`);
process.once("SIGTERM", () => {
  void runtime
    .stop()
    .then(() => database.close())
    .finally(() => process.exit(0));
});
