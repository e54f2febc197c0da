/**
 * A group's annual report over two years of records: only the asked year's facts, what each kind
 * of visitor may see (Board-only reports, private notes, vote details), the page, the markdown,
 * the JSON and the command line.
 */
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { runCommands } from "../../../test/cli.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createTestAccounts, type TestAccount } from "../../../test/factories/accounts.ts";
import { insertGroup, insertPerson } from "../../../test/factories/governance.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import type { Services } from "../../platform/services.ts";
import { type AnnualRecords, annualMarkdown, buildAnnualReport } from "./annual-report.ts";
import { FULL_ACCESS, getAnnualReport, PUBLIC_ACCESS } from "./get-annual-report.ts";
import { registerReportCommands } from "./reports.cli.ts";

let database: Database;
let app: Hono<AppEnv>;
let services: Services;
let accounts: Record<string, TestAccount> = {};
const ids: Record<string, number> = {};
const clock = new FixedClock("2027-02-10T12:00:00Z");

const at = (s: string) => new Date(s);

beforeAll(async () => {
  database = await createTestDatabase();
  const built = await createTestApplication(database, {}, clock);
  app = built.app;
  services = built.services;
  const db = database.db;
  const group = await insertGroup(db, {
    slug: "annals",
    name: "Annals Working Group",
    chairs: ["Ada Chair"],
    coChairs: [],
    boardLiaisons: ["Lin Liaison"],
    members: ["Max Member"],
    charter: { membershipModel: "direct", reportingCadence: "quarterly", status: "active" },
  });
  const other = await insertGroup(db, { slug: "neighbours", name: "Neighbours Working Group" });
  const gid = group.id;
  ids.group = gid;
  accounts = await createTestAccounts({ db, clock, scopes: ["read"] }, [
    ["member", group.people.get("Max Member")],
    ["outsider", null],
    ["board", null, { roles: ["board-member"], rolesFrom: "2020-01-01" }],
  ]);

  const report = (periodStart: string, periodEnd: string, submittedAt: string, visibility: string) => ({
    groupId: gid,
    periodStart,
    periodEnd,
    cadence: "quarterly" as const,
    visibility,
    highlights: [`Highlight of ${periodStart}.`, "Second.", "Third."],
    asks: [],
    submittedAt: at(submittedAt),
  });
  const reports = await db
    .insert(schema.groupReports)
    .values([
      report("2025-07-01", "2025-09-30", "2025-10-10T10:00:00Z", "public"),
      report("2025-10-01", "2025-12-31", "2026-01-12T10:00:00Z", "public"),
      report("2026-01-01", "2026-03-31", "2026-04-11T10:00:00Z", "board"),
    ])
    .returning({ id: schema.groupReports.id });
  ids.report2025 = reports[0]?.id ?? 0;
  ids.reportPublic = reports[1]?.id ?? 0;
  ids.reportBoard = reports[2]?.id ?? 0;

  const meeting = (
    uid: string,
    startsAt: string,
    extra: Partial<typeof schema.meetings.$inferInsert> = {},
  ) => ({
    groupId: gid,
    uid,
    title: `Meeting ${startsAt.slice(0, 10)}`,
    startsAt: at(startsAt),
    durationMinutes: 60,
    timeZone: "UTC",
    createdAt: clock.now(),
    updatedAt: clock.now(),
    ...extra,
  });
  const meetings = await db
    .insert(schema.meetings)
    .values([
      meeting("m-2025", "2025-12-01T15:00:00Z", {
        publicNotes: "Old notes.",
        notesPublishedAt: at("2025-12-02T00:00:00Z"),
      }),
      meeting("m-2026a", "2026-03-03T15:00:00Z", {
        publicNotes: "We met.",
        notesPublishedAt: at("2026-03-04T00:00:00Z"),
        privateNotes: "Secret matters.",
      }),
      meeting("m-2026b", "2026-06-02T15:00:00Z", { privateNotes: "Only private." }),
      meeting("m-2026c", "2026-09-01T15:00:00Z", {
        status: "cancelled",
        cancelledAt: at("2026-08-01T00:00:00Z"),
      }),
    ])
    .returning({ id: schema.meetings.id });
  ids.meetingNotes = meetings[1]?.id ?? 0;
  ids.meetingPrivate = meetings[2]?.id ?? 0;

  const vote = (title: string, closedAt: string, outcome: "passed" | "failed") => ({
    groupId: gid,
    kind: "proposal" as const,
    title,
    body: "group",
    secrecy: "open" as const,
    baseRule: "cast" as const,
    electorateSize: 3,
    openedAt: at("2025-01-01T00:00:00Z"),
    closesAt: at(closedAt),
    latestClosesAt: at(closedAt),
    status: "closed" as const,
    yes: 2,
    no: 1,
    abstain: 0,
    outcome,
    closeReason: "deadline" as const,
    closedAt: at(closedAt),
  });
  await db
    .insert(schema.votes)
    .values([
      vote("Adopt the 2025 plan", "2025-12-20T12:00:00Z", "passed"),
      vote("Adopt a logo", "2026-04-04T12:00:00Z", "passed"),
      vote("Move to weekly meetings", "2026-05-05T12:00:00Z", "failed"),
    ]);

  const person = async (name: string) => (await insertPerson(db, { name })).id;
  const period = async (
    name: string,
    p: {
      startedOn: string;
      endedOn?: string;
      termEndsOn?: string;
      reason?: string;
      role?: (typeof schema.rolePeriods.$inferInsert)["role"];
    },
  ) =>
    db.insert(schema.rolePeriods).values({
      groupId: gid,
      personId: await person(name),
      role: p.role ?? "member",
      startedOn: p.startedOn,
      endedOn: p.endedOn ?? null,
      termEndsOn: p.termEndsOn ?? null,
      reason: p.reason ?? "vote",
      createdAt: clock.now(),
    });
  await period("Old Joiner", { startedOn: "2025-05-01" });
  await period("Nia New", { startedOn: "2026-02-01" });
  await period("Lea Leaver", { startedOn: "2025-03-01", endedOn: "2026-08-01", reason: "left the group" });
  await period("Tom Term", { startedOn: "2024-10-01", endedOn: "2026-09-30", termEndsOn: "2026-09-30" });
  await period("Charter Named", { startedOn: "2026-01-15", reason: "named in the charter" });

  const request = (title: string, visibility: string, answeredAt: string) => ({
    fromGroupId: gid,
    targetKind: "group",
    targetGroupId: other.id,
    kind: "review",
    title,
    answerNeeded: "comment",
    deadline: "2026-12-31",
    visibility,
    state: "answered",
    outcome: "commented",
    openedAt: at("2025-06-01T00:00:00Z"),
    answeredAt: at(answeredAt),
    updatedAt: clock.now(),
  });
  await db
    .insert(schema.groupRequests)
    .values([
      request("Review our 2025 page", "public", "2025-08-08T00:00:00Z"),
      request("Review our handbook", "public", "2026-07-07T00:00:00Z"),
      request("Private matter", "private", "2026-07-08T00:00:00Z"),
    ]);
  await db.insert(schema.groupRequests).values({
    ...request("Please review the neighbours' guide", "public", "2026-10-10T00:00:00Z"),
    fromGroupId: other.id,
    targetGroupId: gid,
  });

  const event = (kind: string, periodStart: string, dueOn: string) => ({
    groupId: gid,
    periodStart,
    kind,
    dueOn,
    recordedAt: at(`${dueOn}T01:00:00Z`),
  });
  await db
    .insert(schema.reportEvents)
    .values([
      event("missed", "2025-01-01", "2025-07-15"),
      event("missed", "2026-04-01", "2026-10-15"),
      event("missed", "2026-07-01", "2027-01-15"),
      event("defunct", "2026-07-01", "2027-01-15"),
      event("overdue", "2026-04-01", "2026-07-15"),
    ]);
});

afterAll(async () => {
  await database?.close();
});

const get = (path: string, who?: string) =>
  app.request(path, { headers: who ? { cookie: `guildhall_session=${accounts[who]?.sessionId}` } : {} });

/** The annual report of `year` as of the test's today (2027-02-10), for `slug` ("annals" unless given). */
const annualOf = (year: number, access = FULL_ACCESS, slug = "annals") =>
  getAnnualReport({ db: database.db, slug, year, today: "2027-02-10", access });

const section = (report: { sections: Array<{ key: string }> }, key: string) => {
  const s = report.sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key}`);
  return s as ReturnType<typeof buildAnnualReport>["sections"][number];
};

describe("the annual report", () => {
  it("holds only the year's facts, each section with its source", async () => {
    const r = await annualOf(2026);
    expect([r.from, r.to, r.partial]).toEqual(["2026-01-01", "2026-12-31", false]);
    expect(section(r, "reports").summary).toBe("2 reports sent");
    expect(section(r, "reports").items.map((i) => i.href)).toEqual([
      `/reports/${ids.reportPublic}`,
      `/reports/${ids.reportBoard}`,
    ]);
    expect(section(r, "reports").items[0]?.text).toContain("Highlight of 2025-10-01.");
    expect(section(r, "meetings").summary).toBe("2 meetings held (2026-03-03, 2026-06-02)");
    expect(section(r, "meetings").items.map((i) => i.facts)).toEqual([
      ["public notes published", "private notes recorded"],
      ["no public notes", "private notes recorded"],
    ]);
    expect(section(r, "decisions").summary).toBe("2 votes closed: 1 passed, 1 failed or without outcome");
    expect(section(r, "decisions").items.map((i) => i.text)).toEqual([
      "Adopt a logo",
      "Move to weekly meetings",
    ]);
    expect(section(r, "membership").summary).toBe("1 joined, 1 left, 1 lapsed");
    expect(section(r, "membership").items.map((i) => i.text)).toEqual([
      "Nia New joined as member",
      "Lea Leaver left as member",
      "Tom Term's term as member lapsed",
    ]);
    expect(section(r, "requests").items.map((i) => i.text)).toEqual([
      "Asked Neighbours Working Group: Review our handbook",
      "Asked by Neighbours Working Group: Please review the neighbours' guide",
    ]);
    expect(section(r, "reporting").summary).toBe("1 reporting period missed; not flagged defunct");
    for (const s of r.sections) expect(s.source.length).toBeGreaterThan(10);

    const earlier = await annualOf(2025);
    expect(section(earlier, "reports").items.map((i) => i.href)).toEqual([`/reports/${ids.report2025}`]);
    expect(section(earlier, "decisions").items.map((i) => i.text)).toEqual(["Adopt the 2025 plan"]);
    expect(section(earlier, "membership").items.map((i) => i.text)).toEqual([
      "Lea Leaver joined as member",
      "Old Joiner joined as member",
    ]);
    expect(section(earlier, "requests").summary).toBe("1 request answered");
  });

  it('says "None recorded." for an empty year, and the year so far for this one', async () => {
    const r = await annualOf(2027, PUBLIC_ACCESS);
    expect(r.partial).toBe(true);
    expect(section(r, "reporting").summary).toBe("1 reporting period missed; flagged defunct");
    for (const key of ["reports", "meetings", "decisions", "membership", "requests"]) {
      expect(section(r, key).items, key).toEqual([]);
      expect(section(r, key).empty, key).toBe("None recorded.");
    }
    await expect(annualOf(2028)).rejects.toThrow(/No annual report for 2028/);
    await expect(annualOf(2026, FULL_ACCESS, "nope")).rejects.toThrow(/No group "nope"/);
  });

  it("shows the public the public facts only, and the group and the Board the rest", async () => {
    const anonymous = await (await get("/groups/annals/annual/2026")).text();
    expect(anonymous).toContain("Annals Working Group: annual report 2026");
    expect(anonymous).toContain(`/reports/${ids.reportPublic}`);
    expect(anonymous).not.toContain(`/reports/${ids.reportBoard}`);
    expect(anonymous).toContain("1 Board-only report not shown to you.");
    expect(anonymous).not.toContain("private notes recorded");
    expect(anonymous).not.toContain(`/meetings/${ids.meetingPrivate}`);
    expect(anonymous).toContain(`/meetings/${ids.meetingNotes}`);
    expect(anonymous).not.toContain("Adopt a logo");
    expect(anonymous).toContain("2 votes closed");
    expect(anonymous).not.toContain("Private matter");
    expect(anonymous).toContain('Source: <span class="source">role periods recorded by decisions');

    const outsider = await (await get("/groups/annals/annual/2026", "outsider")).text();
    expect(outsider).not.toContain(`/reports/${ids.reportBoard}`);
    expect(outsider).not.toContain("Adopt a logo");

    for (const who of ["member", "board"]) {
      const res = await get("/groups/annals/annual/2026", who);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html, who).toContain(`/reports/${ids.reportBoard}`);
      expect(html, who).toContain("private notes recorded");
      expect(html, who).toContain(`/meetings/${ids.meetingPrivate}`);
      expect(html, who).toContain("Adopt a logo");
      expect(html, who).not.toContain("not shown to you");
    }
    expect((await get("/groups/annals/annual/2028")).status).toBe(404);
    expect((await get("/groups/nope/annual/2026")).status).toBe(404);
    expect((await get("/groups/annals/annual/1999")).status).toBe(404);
  });

  it("exports markdown with absolute links, sources and escaped text", async () => {
    const res = await get("/groups/annals/annual/2026.md");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const md = await res.text();
    expect(md).toContain("# Annals Working Group: annual report 2026\n");
    expect(md).toContain(
      "Covers 2026-01-01 to 2026-12-31. Generated by Guildhall from http://guildhall.test/groups/annals/annual/2026.",
    );
    expect(md).toContain(
      "## Reports to the Board\n\n2 reports sent.\n\nSource: reports submitted in Guildhall, by the day they were sent, as of 2027-02-10.",
    );
    expect(md).toContain(`(http://guildhall.test/reports/${ids.reportPublic})`);
    expect(md).not.toContain(`/reports/${ids.reportBoard})`);
    expect(md).toContain("1 Board-only report not shown to you.");
    const board = await (await get("/groups/annals/annual/2026.md", "board")).text();
    expect(board).toContain(`(http://guildhall.test/reports/${ids.reportBoard})`);
    expect(board).toContain("- [Adopt a logo](http://guildhall.test/votes/");

    const empty = await (await get("/groups/annals/annual/2027.md")).text();
    expect(empty).toContain(
      "## Meetings held\n\n0 meetings held.\n\nSource: meetings scheduled in Guildhall and not cancelled, as of 2027-02-10.\n\nNone recorded.",
    );
    expect(empty).toContain("(so far: as of 2027-02-10)");

    const records: AnnualRecords = {
      group: { slug: "x", name: "X *WG*", status: "active" },
      year: 2026,
      reports: [],
      meetings: [
        { id: 1, title: "[a](javascript:x)", heldOn: "2026-01-05", publicNotes: false, privateNotes: false },
      ],
      votes: [],
      rolePeriods: [],
      requests: [],
      events: [],
    };
    const hostile = annualMarkdown(
      buildAnnualReport({ records, access: PUBLIC_ACCESS, today: "2027-01-01" }),
      "https://g.example/",
    );
    expect(hostile).toContain("# X \\*WG\\*: annual report 2026");
    expect(hostile).toContain("- 2026-01-05: \\[a\\](javascript:x) (no public notes)");
  });

  it("serves the JSON to the API", async () => {
    const res = await get("/api/groups/annals/annual/2026");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { year: number; sections: Array<{ key: string; items: unknown[] }> };
    expect(body.year).toBe(2026);
    expect(body.sections.map((s) => s.key)).toEqual([
      "reports",
      "meetings",
      "decisions",
      "membership",
      "requests",
      "reporting",
    ]);
    expect(body.sections.find((s) => s.key === "decisions")?.items).toEqual([]);
  });

  it("prints it from the command line, as markdown or JSON lines, in full or public only", async () => {
    const md = await runCommands(
      services,
      [registerReportCommands],
      ["reports", "annual", "--group", "annals", "--year", "2026"],
    );
    expect(md.error).toBeNull();
    expect(md.out).toContain("# Annals Working Group: annual report 2026");
    expect(md.out).toContain(`/reports/${ids.reportBoard})`);
    expect(md.out).toContain("Adopt a logo");
    const pub = await runCommands(
      services,
      [registerReportCommands],
      ["reports", "annual", "--group", "annals", "--year", "2026", "--public"],
    );
    expect(pub.out).not.toContain(`/reports/${ids.reportBoard})`);
    expect(pub.out).not.toContain("Adopt a logo");
    const json = await runCommands(
      services,
      [registerReportCommands],
      ["reports", "annual", "--group", "annals", "--year", "2025", "--json"],
    );
    const lines = json.out
      .split("\n")
      .map((l) => JSON.parse(l) as { key: string; summary: string; year: number });
    expect(lines.map((l) => l.key)).toEqual([
      "reports",
      "meetings",
      "decisions",
      "membership",
      "requests",
      "reporting",
    ]);
    expect(lines[0]).toMatchObject({ year: 2025, summary: "1 report sent" });
    const bad = await runCommands(
      services,
      [registerReportCommands],
      ["reports", "annual", "--group", "annals", "--year", "26"],
    );
    expect(String(bad.error)).toMatch(/--year must be a year/);
    const missing = await runCommands(
      services,
      [registerReportCommands],
      ["reports", "annual", "--group", "nope", "--year", "2026"],
    );
    expect(String(missing.error)).toMatch(/No group "nope"/);
  });
});
