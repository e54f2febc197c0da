/**
 * Board meeting days: the Board and administrators record one on /board (a form that works without
 * JavaScript) or the API; the agenda then covers what came since the last one and says so, on the
 * page, in the markdown and in the JSON; without one it says it covers the last 31 days.
 */
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createTestAccounts, type TestAccount } from "../../../test/factories/accounts.ts";
import { insertGroup } from "../../../test/factories/governance.ts";
import { csrfTokenFor } from "../../platform/auth/index.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import { getBoardAgenda } from "./get-board-agenda.ts";
import { recordBoardMeeting } from "./record-board-meeting.ts";

let database: Database;
let app: Hono<AppEnv>;
const clock = new FixedClock("2026-12-03T12:00:00Z");
let accounts: Record<string, TestAccount> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  app = (await createTestApplication(database, {}, clock)).app;
  const db = database.db;
  const docs = await insertGroup(db, { slug: "docs" });
  const report = (periodStart: string, periodEnd: string, submittedAt: string) => ({
    groupId: docs.id,
    periodStart,
    periodEnd,
    cadence: "monthly" as const,
    visibility: "public" as const,
    highlights: ["a", "b", "c"],
    asks: [],
    submittedAt: new Date(submittedAt),
  });
  await db
    .insert(schema.groupReports)
    .values([
      report("2026-09-01", "2026-09-30", "2026-10-10T10:00:00Z"),
      report("2026-10-01", "2026-10-31", "2026-11-12T10:00:00Z"),
      report("2026-11-01", "2026-11-30", "2026-11-25T10:00:00Z"),
    ]);
  accounts = await createTestAccounts({ db, clock, scopes: ["read", "groups"] }, [
    ["board", null, { name: "Visitor board", roles: ["board-member"] }],
    ["admin", null, { name: "Visitor admin", admin: true }],
    ["outsider", null, { name: "Visitor outsider" }],
  ]);
});

afterAll(async () => {
  await database?.close();
});

const headers = (who: string) => ({
  cookie: `guildhall_session=${accounts[who]?.sessionId}; guildhall_csrf=walk-csrf`,
});
const page = (path: string, who: string) => app.request(path, { headers: headers(who) });
const postForm = (path: string, who: string, fields: Record<string, string>) =>
  app.request(path, {
    method: "POST",
    headers: { ...headers(who), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      ...fields,
      _csrf: csrfTokenFor("test-session-secret", "walk-csrf", accounts[who]?.sessionId),
    }).toString(),
  });
const reportsReceived = (agenda: Awaited<ReturnType<typeof getBoardAgenda>>) =>
  agenda.sections.find((s) => s.key === "reports-received");

describe("Board meeting days", () => {
  it("without one, the agenda covers the last 31 days and says so", async () => {
    const agenda = await getBoardAgenda({ db: database.db, day: "2026-12-03", viewerPersonId: null });
    expect([agenda.since, agenda.sinceSource, agenda.lastMeetingOn]).toEqual(["2026-11-02", "default", null]);
    expect(reportsReceived(agenda)?.title).toBe(
      "Reports received in the last 31 days (no Board meeting recorded)",
    );
    const html = await (await page("/board", "board")).text();
    expect(html).toContain("in the last 31 days (no Board meeting recorded)");
    expect(html).toContain("No Board meeting recorded yet.");
    expect(html).toContain('action="/board/meetings"');
  });

  it("the Board records one on /board; the agenda then covers what came since, everywhere", async () => {
    const res = await postForm("/board/meetings", "board", {
      heldOn: "2026-11-19",
      minutesUrl: "https://www.djangoproject.com/foundation/minutes/2026/november/19/",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/board#agenda");

    const agenda = await getBoardAgenda({ db: database.db, day: "2026-12-03", viewerPersonId: null });
    expect([agenda.since, agenda.sinceSource, agenda.lastMeetingOn]).toEqual([
      "2026-11-19",
      "board-meeting",
      "2026-11-19",
    ]);
    expect(reportsReceived(agenda)?.title).toBe("Reports received since the Board meeting of 2026-11-19");
    expect(reportsReceived(agenda)?.items.map((i) => i.day)).toEqual(["2026-11-25"]);

    const html = await (await page("/board", "board")).text();
    expect(html).toContain("since the Board meeting of 2026-11-19");
    expect(html).toContain("Reports received since the Board meeting of 2026-11-19");
    expect(html).toContain("recorded by Visitor board");
    expect(html).toContain('href="https://www.djangoproject.com/foundation/minutes/2026/november/19/"');

    const md = await (await page("/board/agenda.md", "board")).text();
    expect(md).toContain("Covers 2026-11-19 to 2026-12-03: since the Board meeting of 2026-11-19.");
    expect(md).toContain("## Reports received since the Board meeting of 2026-11-19");

    const json = (await (await page("/api/board/agenda", "board")).json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      since: "2026-11-19",
      sinceSource: "board-meeting",
      coverage: "since the Board meeting of 2026-11-19",
      lastMeetingOn: "2026-11-19",
      lastMeetingMinutesUrl: "https://www.djangoproject.com/foundation/minutes/2026/november/19/",
    });
    // A day asked for takes the recorded meeting's place.
    const given = (await (await page("/api/board/agenda?since=2026-10-01", "board")).json()) as Record<
      string,
      unknown
    >;
    expect(given).toMatchObject({ since: "2026-10-01", sinceSource: "given", coverage: "since 2026-10-01" });
    // An agenda as of a day before the meeting does not use it.
    const before = await getBoardAgenda({ db: database.db, day: "2026-11-18", viewerPersonId: null });
    expect(before.sinceSource).toBe("default");
  });

  it("administrators record through the API; the latest meeting wins", async () => {
    const res = await app.request("/api/board/meetings", {
      method: "POST",
      headers: { authorization: `Bearer ${accounts.admin?.token}`, "content-type": "application/json" },
      body: JSON.stringify({ heldOn: "2026-11-30" }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      meeting: { heldOn: "2026-11-30", minutesUrl: null, recordedBy: "Visitor admin" },
    });
    const agenda = await getBoardAgenda({ db: database.db, day: "2026-12-03", viewerPersonId: null });
    expect(agenda.since).toBe("2026-11-30");
    expect(reportsReceived(agenda)?.items).toEqual([]);
  });

  it("refuses a day in the future, a day recorded twice, a non-https link, and outsiders", async () => {
    const future = await postForm("/board/meetings", "board", { heldOn: "2026-12-04", minutesUrl: "" });
    expect(future.status).toBe(422);
    const html = await future.text();
    expect(html).toContain("record a meeting once held");
    expect(html).toContain('value="2026-12-04"');

    const twice = await postForm("/board/meetings", "board", { heldOn: "2026-11-19", minutesUrl: "" });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("A Board meeting is already recorded on that day.");

    const http = await postForm("/board/meetings", "board", {
      heldOn: "2026-11-20",
      minutesUrl: "http://example.org/minutes",
    });
    expect(http.status).toBe(422);
    expect(await http.text()).toContain("must be an https:// address");

    expect((await postForm("/board/meetings", "outsider", { heldOn: "2026-11-21" })).status).toBe(403);
    expect((await page("/board", "outsider")).status).toBe(403);
    const api = (authorization?: string) =>
      app.request("/api/board/meetings", {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ heldOn: "2026-11-21" }),
      });
    // Anonymous: refused (no CSRF token, no sign-in); an outsider's token: forbidden.
    expect([401, 403]).toContain((await api()).status);
    expect((await api(`Bearer ${accounts.outsider?.token}`)).status).toBe(403);

    await expect(
      recordBoardMeeting({
        db: database.db,
        clock,
        actor: { userId: null, name: "cli" },
        input: { heldOn: "2026-11-19", minutesUrl: null },
      }),
    ).rejects.toThrow(/already recorded/);
    const rows = await database.db.select().from(schema.boardMeetings);
    expect(rows.map((r) => r.heldOn).sort()).toEqual(["2026-11-19", "2026-11-30"]);
  });
});
