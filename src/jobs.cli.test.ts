/**
 * `guildhall worker --list` and `guildhall notifications deliver|list|failed|retry|digest` in a
 * child process, on a temporary embedded database and a local SMTP server.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeQuotedPrintable, type SmtpCapture, startSmtpCapture } from "../test/smtp-capture.ts";
import { termReminderTemplate } from "./governance/index.ts";
import { notify } from "./kernel/index.ts";
import { openDatabase } from "./platform/db/index.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = mkdtempSync(path.join(tmpdir(), "guildhall-jobs-cli-"));
let smtp: SmtpCapture;

/** Runs `node bin/guildhall.js ...args` on the temporary data directory (never a server database). */
function guildhall(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GUILDHALL_DATA_DIR: dataDir,
    NODE_ENV: "test",
    GUILDHALL_BASE_URL: "https://guildhall.example",
    GUILDHALL_SMTP_HOST: smtp.host,
    GUILDHALL_SMTP_PORT: String(smtp.port),
  };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile("node", ["bin/guildhall.js", ...args], { cwd: root, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  smtp = await startSmtpCapture({ refuse: ["refused@example.org"] });
  const database = await openDatabase({ dataDir });
  // The same term reminder to two members; the SMTP server refuses the second.
  const reminder = (address: string, dedupeKey: string) => ({
    to: { address },
    dedupeKey,
    data: {
      groupName: "Website",
      groupSlug: "website",
      role: "member",
      termEndsOn: "2026-03-20",
      daysLeft: 7,
    },
  });
  await notify(database.db, {
    kind: "term.reminder",
    template: termReminderTemplate,
    at: new Date(),
    items: [reminder("member@example.org", "cli:1"), reminder("refused@example.org", "cli:2")],
  });
  await database.close();
}, 120_000);

afterAll(async () => {
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("guildhall worker / notifications", () => {
  it("lists every room's job definitions, and refuses a bad flag in one line", async () => {
    const [list, bad] = await Promise.all([
      guildhall("worker", "--list"),
      guildhall("worker", "--workers", "0"),
    ]);
    expect(list.code).toBe(0);
    const jobs = list.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { name: string; schedule: { cron: string } | null });
    expect(jobs.map((j) => j.name).sort()).toEqual([
      "ecosystem.sync-chunk",
      "ecosystem.tracker-reminders",
      "governance.close-due-votes",
      "governance.sweep-reports",
      "governance.sweep-requests",
      "governance.sweep-terms",
      "kernel.deliver-notifications",
      "kernel.notification-digest",
      "marketing.publish-due",
    ]);
    expect(jobs.find((j) => j.name === "governance.sweep-terms")?.schedule?.cron).toBe("0 * * * *");
    expect(jobs.find((j) => j.name === "governance.sweep-reports")?.schedule?.cron).toBe("5 0 * * *");
    expect(jobs.find((j) => j.name === "ecosystem.tracker-reminders")?.schedule?.cron).toBe("20 0 * * *");
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe("guildhall: Invalid flags: workers: --workers must be at least 1");
  });

  it("delivers what is due, then lists it as sent", async () => {
    const delivered = await guildhall("notifications", "deliver");
    expect(delivered.code).toBe(0);
    expect(JSON.parse(delivered.stdout)).toMatchObject({ claimed: 2, sent: 1, failed: 1 });
    expect(smtp.messages.map((m) => m.to)).toEqual([["member@example.org"]]);
    expect(decodeQuotedPrintable(smtp.messages[0]?.raw ?? "")).toContain(
      "https://guildhall.example/groups/website/decisions",
    );
    const listed = await guildhall("notifications", "list", "--status", "sent");
    expect(listed.code).toBe(0);
    const rows = listed.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { status: string; target: string; attempts: number });
    expect(rows).toMatchObject([{ status: "sent", target: "member@example.org", attempts: 1 }]);
  });

  it("lists the failed delivery masked, with its error, and queues it again", async () => {
    const failed = await guildhall("notifications", "failed", "--json");
    expect(failed.code).toBe(0);
    const [row] = failed.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: number; to: string; lastError: string; attempts: number });
    expect(row).toMatchObject({ to: "r…@example.org", attempts: 1, kind: "term.reminder" });
    expect(row?.lastError).toMatch(/550/);
    const text = await guildhall("notifications", "failed");
    expect(text.stdout).toMatch(/^ID\s+KIND/);
    const retried = await guildhall("notifications", "retry", String(row?.id), "--json");
    expect(retried.code).toBe(0);
    expect(JSON.parse(retried.stdout)).toEqual({ id: row?.id, status: "pending" });
    const again = await guildhall("notifications", "retry", String(row?.id));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is pending, not failed/);
    expect((await guildhall("notifications", "retry", "abc")).stderr).toMatch(/Invalid ID/);
    const help = await guildhall("notifications", "retry", "--help");
    expect(help.stdout).toContain("--json");
  }, 300_000);

  it("writes a day's digests once, however often it runs", async () => {
    const first = await guildhall("notifications", "digest", "--day", "2026-03-01", "--json");
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ day: "2026-03-01", written: 0 });
    const bad = await guildhall("notifications", "digest", "--day", "yesterday");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--day must be a date/);
  }, 120_000);
});
