/**
 * A year of reporting on the real charter repository, with the injected clock: the sweep runs
 * every day (twice, to show it is idempotent) from 2027-01-01 to 2027-12-31, and every reminder,
 * overdue, missed and defunct event happens exactly once, on the day the rules give, for every
 * real charter's cadence. One quarterly group reports on time; another gets a Board shutdown.
 */
import { readdirSync, readFileSync } from "node:fs";
import { asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { sharedData } from "../../../test/shared-data.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { groups, notifications, reportEvents } from "../../platform/db/schema.ts";
import { parseCharter } from "../charter/parse-charter.ts";
import { CLI_DECISION_ACTOR } from "../decisions/decisions.repo.ts";
import { importCharters } from "../registry/import-charters.ts";
import { recordReportDecision } from "./record-decision.ts";
import { groupReporting } from "./reporting-status.ts";
import { submitReport } from "./submit-report.ts";
import { sweepReports } from "./sweep-reports.ts";

const SNAPSHOT = sharedData("dsf-working-groups");
const clock = new FixedClock("2027-01-01T00:05:00Z");
let database: Database;
const deps = () => ({ database, clock });

/** Every real charter: slug, status and the reporting cadence the parser reads. */
const charters = ["active", "archive", "draft", "proposals"].flatMap((dir) =>
  readdirSync(`${SNAPSHOT}/${dir}`)
    .filter((f) => f.endsWith(".md"))
    .map((f) =>
      parseCharter({ path: `${dir}/${f}`, markdown: readFileSync(`${SNAPSHOT}/${dir}/${f}`, "utf8") }),
    ),
);
const MONTHS: Record<string, number> = {
  monthly: 1,
  "every-two-months": 2,
  quarterly: 3,
  "twice-yearly": 6,
  annual: 12,
};
const scheduled = charters.filter(
  (c) => c.status === "active" && c.reportingCadence && c.reportingCadence in MONTHS,
);

const pad = (n: number) => String(n).padStart(2, "0");
/** The 14th day after the last day of the period ending with month `m` (1-based, may pass 12). */
const dueAfterMonth = (year: number, m: number) => {
  const y = year + Math.floor(m / 12);
  return `${y}-${pad((m % 12) + 1)}-14`;
};
const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * What a group that never reports gets in 2027, written from the calendar: period k (months
 * [k*n+1 .. k*n+n]) is due on the 14th of the month after it; reminders 7 days before and after,
 * overdue the day after, missed the day after the next period's due date; flagged defunct once,
 * when the second period is missed.
 */
function expectedSilent(months: number, through: string, stopFrom?: string) {
  const out: Array<{ period: string; kind: string; on: string }> = [];
  for (let start = 1; start <= 12; start += months) {
    const period = `2027-${pad(start)}-01`;
    const due = dueAfterMonth(2027, start + months - 1);
    const nextDue = dueAfterMonth(2027, start + 2 * months - 1);
    const list: Array<[string, string]> = [
      ["reminder-before", shift(due, -7)],
      ["overdue", shift(due, 1)],
      ["reminder-after", shift(due, 7)],
      ["missed", shift(nextDue, 1)],
    ];
    if (start === 1 + months) list.push(["defunct", shift(nextDue, 1)]);
    for (const [kind, on] of list) {
      if (on <= through && (stopFrom === undefined || on < stopFrom)) out.push({ period, kind, on });
    }
  }
  return out;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importCharters({ services: deps(), dir: SNAPSHOT });
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("a year of reporting on the real charters", () => {
  it("the real charters' cadences are what the schedule is built for", () => {
    const byCadence = new Map<string, string[]>();
    for (const c of charters.filter((x) => x.status === "active")) {
      const k = c.reportingCadence ?? "unknown";
      byCadence.set(k, [...(byCadence.get(k) ?? []), c.slug]);
    }
    // Dated cadences occur (monthly, quarterly), and so do cadences with no due dates.
    expect(byCadence.get("monthly")?.length).toBeGreaterThan(0);
    expect(byCadence.get("quarterly")?.length).toBeGreaterThan(0);
    expect(byCadence.get("none")?.length).toBeGreaterThan(0);
    expect(scheduled.length).toBeGreaterThanOrEqual(5);
  });

  it("sweeps every day for a year: each event once, on its day; reminders once each in the outbox", async () => {
    const onTime = scheduled.find((c) => c.reportingCadence === "quarterly")?.slug ?? "";
    const shutDown = scheduled.filter((c) => c.reportingCadence === "quarterly")[1]?.slug ?? "";
    expect(onTime).not.toBe("");
    expect(shutDown).not.toBe("");
    const days: string[] = [];
    for (let d = "2027-01-01"; d <= "2027-12-31"; d = shift(d, 1)) days.push(d);
    const seenOn = new Map<string, string>();
    for (const day of days) {
      clock.set(`${day}T00:05:00Z`);
      if (day === "2027-04-10") {
        await submitReport({
          deps: deps(),
          actor: CLI_DECISION_ACTOR,
          slug: onTime,
          input: { periodStart: "2027-01-01", visibility: "public", highlights: "One\nTwo\nThree" },
        });
      }
      if (day === "2027-10-20") {
        await recordReportDecision({
          deps: deps(),
          actor: CLI_DECISION_ACTOR,
          slug: shutDown,
          input: { kind: "shutdown", reason: "No reports for two quarters." },
        });
      }
      await sweepReports({ deps: deps() });
      clock.set(`${day}T18:00:00Z`);
      const again = await sweepReports({ deps: deps() });
      expect(again.recorded, `second sweep on ${day}`).toEqual({});
      // Every event recorded today is dated today.
      for (const e of await database.db.select().from(reportEvents)) {
        const key = `${e.groupId}:${e.periodStart}:${e.kind}`;
        if (!seenOn.has(key)) seenOn.set(key, day);
      }
    }
    const ids = new Map(
      (await database.db.select({ id: groups.id, slug: groups.slug }).from(groups)).map((g) => [
        g.slug,
        g.id,
      ]),
    );
    const events = await database.db.select().from(reportEvents).orderBy(asc(reportEvents.id));
    for (const c of charters) {
      const id = ids.get(c.slug);
      const got = events
        .filter((e) => e.groupId === id)
        .map((e) => ({ period: e.periodStart, kind: e.kind, on: e.dueOn }))
        .sort((a, b) => (a.on + a.kind < b.on + b.kind ? -1 : 1));
      let want: Array<{ period: string; kind: string; on: string }> = [];
      if (scheduled.includes(c)) {
        const n = MONTHS[c.reportingCadence ?? ""] ?? 0;
        want = expectedSilent(n, "2027-12-31", c.slug === shutDown ? "2027-10-20" : undefined);
        if (c.slug === onTime) {
          // Q1 arrived on 2027-04-10: only its first reminder went out, and Q2's miss flags nothing.
          want = want.filter((w) => !(w.period === "2027-01-01" && w.kind !== "reminder-before"));
          want = want.filter((w) => w.kind !== "defunct");
        }
      }
      want.sort((a, b) => (a.on + a.kind < b.on + b.kind ? -1 : 1));
      expect(got, `${c.slug} (${c.reportingCadence ?? "unknown"})`).toEqual(want);
      for (const e of events.filter((x) => x.groupId === id)) {
        expect(seenOn.get(`${e.groupId}:${e.periodStart}:${e.kind}`), `${c.slug} ${e.kind}`).toBe(e.dueOn);
      }
    }
    // Reminders: once per recipient each (unique dedupe keys), and one or more per reminder event.
    const sent = await database.db
      .select()
      .from(notifications)
      .where(like(notifications.dedupeKey, "report:%"));
    expect(new Set(sent.map((n) => n.dedupeKey)).size).toBe(sent.length);
    const reminderEvents = events.filter((e) => e.kind.startsWith("reminder") || e.kind === "defunct");
    expect(reminderEvents.every((e) => e.notified > 0)).toBe(true);
    expect(sent.length).toBe(reminderEvents.reduce((n, e) => n + e.notified, 0));
  }, 600_000);

  it("states and flags on the last day: the shut-down group is not flagged, a silent one is", async () => {
    const rows = await groupReporting({ db: database.db, day: "2027-12-31", today: "2027-12-31" });
    const silent = scheduled.find((c) => c.reportingCadence === "monthly")?.slug;
    const s = rows.find((r) => r.group.slug === silent);
    expect(s?.defunctSince).toBe("2027-04-15");
    expect(s?.periods.map((p) => [p.period, p.state])).toEqual([
      ["2027-10", "missed"],
      ["2027-11", "overdue"],
    ]);
    const none = rows.find((r) => r.group.slug === "mergers");
    expect(none?.schedule).toMatchObject({ kind: "unscheduled", cadence: "none" });
    const website = rows.find((r) => r.group.slug === "website");
    expect(website?.schedule.kind === "unscheduled" && website.schedule.reason).toMatch(/^unknown/u);
    const [g] = await database.db
      .select()
      .from(groups)
      .where(eq(groups.slug, silent ?? ""));
    expect(g).toBeDefined();
  });
});
