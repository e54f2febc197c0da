/**
 * Every room's jobs together. In-process, from the injected clock: the hourly term sweep writes a
 * reminder, the delivery job emails it (absolute link), and each schedule fires once per tick.
 * (Two processes sharing schedules on PostgreSQL: platform/jobs/schedule-once.db.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/db.ts";
import { insertGroup } from "../test/factories/governance.ts";
import { decodeQuotedPrintable, type SmtpCapture, startSmtpCapture } from "../test/smtp-capture.ts";
import { startAppJobs } from "./jobs.ts";
import { FixedClock } from "./platform/clock.ts";
import { loadConfig } from "./platform/config.ts";
import { type Database, schema } from "./platform/db/index.ts";
import type { JobRuntime } from "./platform/jobs/runtime.ts";
import { createLogger } from "./platform/log.ts";
import { createServices } from "./platform/services.ts";

const { rolePeriods, users } = schema;

async function waitFor(what: string, done: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the application's jobs in one process, on the injected clock", () => {
  const clock = new FixedClock("2026-03-01T11:59:30Z");
  let database: Database;
  let smtp: SmtpCapture;
  let runtime: JobRuntime;

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpCapture();
    const config = loadConfig({
      NODE_ENV: "test",
      GUILDHALL_BASE_URL: "https://guildhall.example",
      GUILDHALL_SMTP_HOST: smtp.host,
      GUILDHALL_SMTP_PORT: String(smtp.port),
      GUILDHALL_MAIL_FROM: "guildhall@guildhall.example",
    });
    const services = await createServices(config, {
      database,
      clock,
      log: createLogger({ env: "test", logLevel: "silent" }),
    });
    const group = await insertGroup(database.db, { slug: "jobs-wg", members: ["Term Holder"] });
    const personId = group.people.get("Term Holder") ?? 0;
    await database.db.insert(rolePeriods).values({
      groupId: group.id,
      personId,
      role: "member",
      startedOn: "2025-03-08",
      termEndsOn: "2026-03-08",
      reason: "fixture",
      createdAt: clock.now(),
    });
    await database.db
      .insert(users)
      .values({ email: "holder@example.org", name: "Term Holder", personId, createdAt: clock.now() });
    runtime = await startAppJobs(services, {
      scheduler: "clock",
      // The test asks for due schedules itself after moving the clock.
      scheduleCheckMs: 3_600_000,
      pollingIntervalSeconds: 0.5,
    });
  }, 120_000);

  afterAll(async () => {
    await runtime?.stop();
    await smtp?.close();
    await database?.close();
  });

  it("runs each schedule once per tick, and the sweep's reminder reaches the member by email", async () => {
    expect(runtime.scheduler).toBe("clock");
    expect(await runtime.runDueSchedules()).toEqual([]);
    clock.set("2026-03-01T12:00:00Z");
    expect((await runtime.runDueSchedules()).sort()).toEqual([
      "governance.close-due-votes",
      "governance.sweep-terms",
      "kernel.deliver-notifications",
      "marketing.publish-due", // every five minutes
    ]);
    expect(await runtime.runDueSchedules()).toEqual([]);
    const mail = await smtp.next(0);
    expect(mail.to).toEqual(["holder@example.org"]);
    const body = decodeQuotedPrintable(mail.raw);
    expect(body).toMatch(/ends on 2026-03-08 \(in 7 days\)/);
    expect(body).toContain("https://guildhall.example/groups/jobs-wg/decisions");
    clock.set("2026-03-01T12:00:45Z");
    expect(await runtime.runDueSchedules()).toEqual([]);
    clock.set("2026-03-01T12:01:00Z");
    expect((await runtime.runDueSchedules()).sort()).toEqual([
      "governance.close-due-votes",
      "kernel.deliver-notifications",
    ]);
    await waitFor("the minute's jobs to finish", async () => {
      const rows = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pgboss.job WHERE (name LIKE 'governance.%' OR name LIKE 'kernel.%') AND state < 'completed'",
      );
      return rows[0]?.n === 0;
    });
    // The reminder went out once; the sweep at the next hour finds nothing new to say.
    clock.set("2026-03-01T13:00:00Z");
    expect(await runtime.runDueSchedules()).toContain("governance.sweep-terms");
    await new Promise((r) => setTimeout(r, 2000));
    expect(smtp.messages).toHaveLength(1);
  });
});
