/**
 * The job runtime on the test database: payloads are validated when sent and when worked, the
 * retry policy is pg-boss's per queue, and the in-process scheduler fires from the injected clock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase } from "../../../test/db.ts";
import { FixedClock } from "../clock.ts";
import type { Database } from "../db/client.ts";
import { isAppError } from "../errors.ts";
import { createLogger } from "../log.ts";
import { defineJob } from "./define-job.ts";
import { type JobQueue, startJobQueue } from "./queue.ts";
import { type JobRuntime, startJobRuntime } from "./runtime.ts";

const log = createLogger({ env: "test", logLevel: "silent" });
const clock = new FixedClock("2026-03-01T11:30:00Z");
let database: Database;
let runtime: JobRuntime;
let raw: JobQueue;

const calls: Record<string, number[]> = { greet: [], flaky: [], broken: [], hourly: [] };
const greeted: string[] = [];

const greet = defineJob({
  name: "test.greet",
  description: "Greets someone.",
  schema: z.object({ name: z.string().min(1), times: z.number().int().positive().max(3) }),
  retry: { limit: 3, delaySeconds: 1, backoff: false },
  handler: async ({ payload, job }) => {
    calls["greet"]?.push(job.attempt);
    greeted.push(`${payload.name}x${payload.times}`);
  },
});
const flaky = defineJob({
  name: "test.flaky",
  description: "Fails twice, then works.",
  schema: z.object({}),
  retry: { limit: 2, delaySeconds: 1, backoff: false },
  handler: async ({ job }) => {
    calls["flaky"]?.push(job.attempt);
    if (job.attempt < 2) throw new Error(`attempt ${job.attempt} fails`);
    return { ok: true };
  },
});
const broken = defineJob({
  name: "test.broken",
  description: "Always fails.",
  schema: z.object({}),
  retry: { limit: 1, delaySeconds: 1, backoff: false },
  handler: async ({ job }) => {
    calls["broken"]?.push(job.attempt);
    throw new Error("always broken");
  },
});
const hourly = defineJob({
  name: "test.hourly",
  description: "Runs on the hour.",
  schema: z.object({ note: z.string() }),
  singleton: true,
  schedule: { cron: "0 * * * *", payload: { note: "tick" } },
  handler: async () => {
    calls["hourly"]?.push(clock.now().getTime());
  },
});

async function waitFor(what: string, done: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  runtime = await startJobRuntime({
    database,
    clock,
    log,
    deps: {},
    jobs: [greet, flaky, broken, hourly],
    scheduler: "clock",
    // The test moves the clock and asks for due schedules itself.
    scheduleCheckMs: 3_600_000,
    pollingIntervalSeconds: 0.5,
    supervise: false,
  });
  raw = await startJobQueue({ database, queues: [], supervise: false });
}, 60_000);

afterAll(async () => {
  await raw?.stop({ graceful: false, wait: true });
  await runtime?.stop();
  await database?.close();
});

describe("job definitions", () => {
  it("refuse a bad name or cron expression when declared", () => {
    expect(() =>
      defineJob({ name: "nodot", description: "", schema: z.object({}), handler: async () => {} }),
    ).toThrow(/room\.what-it-does/);
    expect(() =>
      defineJob({
        name: "test.bad-cron",
        description: "",
        schema: z.object({}),
        schedule: { cron: "61 * * * *", payload: {} },
        handler: async () => {},
      }),
    ).toThrow(/bad cron/);
  });

  it("refuses a payload the schema rejects when sending, naming the field", async () => {
    const error = await runtime.send(greet, { name: "", times: 1 }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("validation");
    expect(String(error)).toMatch(/test\.greet: payload refused: name:/);
    await expect(
      runtime.insert(greet, [
        { name: "ok", times: 1 },
        { name: "x", times: 9 },
      ]),
    ).rejects.toThrow(/times/);
    expect(await runtime.pending(greet)).toBe(0);
  });

  it("fails a job whose stored payload is refused at once, without calling the handler or retrying", async () => {
    const id = await raw.send("test.greet", { name: "Ada", times: "many" });
    if (!id) throw new Error("not queued");
    await waitFor(
      "the refused job to fail",
      async () => (await raw.getJobById("test.greet", id))?.state === "failed",
    );
    const job = await raw.getJobById<unknown>("test.greet", id);
    expect(job?.retryCount).toBe(0);
    expect(JSON.stringify(job?.output)).toMatch(/payload refused: times:/);
    expect(calls["greet"]).toEqual([]);
    // The runtime keeps working good jobs after a bad one.
    await runtime.send(greet, { name: "Grace", times: 2 });
    await waitFor("the good job", () => greeted.includes("Gracex2"));
  });

  it("honours the retry policy: retried until it works, or failed after its last retry", async () => {
    const okId = await runtime.send(flaky, {});
    const badId = await runtime.send(broken, {});
    if (!okId || !badId) throw new Error("not queued");
    await waitFor(
      "the flaky job to complete",
      async () => (await raw.getJobById("test.flaky", okId))?.state === "completed",
    );
    await waitFor(
      "the broken job to fail",
      async () => (await raw.getJobById("test.broken", badId))?.state === "failed",
    );
    expect(calls["flaky"]).toEqual([0, 1, 2]);
    // limit 1: the first attempt and one retry, then no more.
    await new Promise((r) => setTimeout(r, 1500));
    expect(calls["broken"]).toEqual([0, 1]);
    const failed = await raw.getJobById<unknown>("test.broken", badId);
    expect(JSON.stringify(failed?.output)).toMatch(/always broken/);
  });
});

describe("the in-process scheduler", () => {
  it("queues a scheduled job once per tick of the injected clock", async () => {
    expect(runtime.scheduler).toBe("clock");
    expect(await runtime.runDueSchedules()).toEqual([]);
    clock.set("2026-03-01T11:59:59Z");
    expect(await runtime.runDueSchedules()).toEqual([]);
    clock.set("2026-03-01T12:00:00Z");
    expect(await runtime.runDueSchedules()).toEqual(["test.hourly"]);
    expect(await runtime.runDueSchedules()).toEqual([]);
    await waitFor("the 12:00 run", () => calls["hourly"]?.length === 1);
    clock.set("2026-03-01T12:59:00Z");
    expect(await runtime.runDueSchedules()).toEqual([]);
    // Five missed ticks give one run, not five.
    clock.set("2026-03-01T17:20:00Z");
    expect(await runtime.runDueSchedules()).toEqual(["test.hourly"]);
    await waitFor("the catch-up run", () => calls["hourly"]?.length === 2);
    expect(await runtime.runDueSchedules()).toEqual([]);
    expect(calls["hourly"]).toEqual([Date.parse("2026-03-01T12:00:00Z"), Date.parse("2026-03-01T17:20:00Z")]);
  });
});
