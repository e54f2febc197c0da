/**
 * Meetings over a real database and the whole application: scheduling in a time zone, reschedule
 * and cancel (SEQUENCE), agenda (members' items, applicants, carried action items), and who reads
 * the private notes in pages, the JSON API and the feeds, for every kind of visitor.
 */
import { execFileSync } from "node:child_process";
import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { runCommands } from "../../../test/cli.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { insertGroup, insertPerson } from "../../../test/factories/governance.ts";
import { refusal } from "../../../test/governance-refusal.ts";
import { requirePythonModules } from "../../../test/prerequisites.ts";
import { CLI_ACTOR, createToken, createUser, grantFoundationRole } from "../../kernel/index.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { isAppError } from "../../platform/errors.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import type { Services } from "../../platform/services.ts";
import { applyToGroup } from "../decisions/apply-to-group.ts";
import { CLI_DECISION_ACTOR } from "../decisions/decisions.repo.ts";
import { getMeeting } from "./get-meeting.ts";
import { addActionItem, addAgendaItem, completeActionItem, saveNotes } from "./meeting-records.ts";
import { registerMeetingCommands } from "./meetings.cli.ts";
import { cancelMeeting, rescheduleMeeting, scheduleMeeting } from "./schedule-meeting.ts";

const KINDS = [
  "anonymous",
  "signed-in",
  "dsf-member",
  "group-member",
  "chair",
  "board",
  "steering-council",
  "admin",
] as const;
type Kind = (typeof KINDS)[number];
/** Who reads the private part: the group, the Board and the Steering Council (the Marketing proposal's rule). */
const FULL_NOTES: readonly Kind[] = ["group-member", "chair", "board", "steering-council"];

let database: Database;
let services: Services;
let app: Hono<AppEnv>;
const clock = new FixedClock("2026-03-01T12:00:00Z");
const tokens = new Map<Kind, string>();
let groupId = 0;
let memberPerson = 0;
let chairPerson = 0;

const deps = () => ({ database, clock });
const actor = CLI_DECISION_ACTOR;

async function as(kind: Kind, path: string, init: { method?: string; json?: unknown } = {}) {
  const headers = new Headers();
  const token = tokens.get(kind);
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  return app.request(path, {
    method: init.method ?? "GET",
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

async function schedule(over: Record<string, unknown> = {}) {
  return scheduleMeeting({
    deps: deps(),
    actor,
    input: {
      groupId,
      title: "Monthly meeting",
      date: "2026-03-10",
      time: "18:00",
      timeZone: "Europe/Amsterdam",
      link: "https://meet.example.org/minutes",
      ...over,
    },
  });
}

/** Saves notes of `meetingId` with both marked parts, unpublished unless `over` says otherwise. */
async function notes(meetingId: number, over: { privateNotes?: string | null; publish?: boolean } = {}) {
  return saveNotes({
    deps: deps(),
    actor,
    input: {
      groupId,
      meetingId,
      publicNotes: "PUBLIC-PART-TEXT",
      privateNotes: "PRIVATE-PART-TEXT",
      publish: false,
      ...over,
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, services } = await createTestApplication(database, {}, clock));
  const db = database.db;
  const group = await insertGroup(db, {
    slug: "minutes",
    chairs: ["Min Chair"],
    coChairs: [],
    boardLiaisons: ["Min Liaison"],
    members: ["Min Member"],
    charter: { meetingCadence: "monthly" },
  });
  groupId = group.id;
  memberPerson = group.people.get("Min Member") ?? 0;
  chairPerson = group.people.get("Min Chair") ?? 0;
  const now = services.clock.now();
  for (const kind of KINDS) {
    if (kind === "anonymous") continue;
    const user = await createUser({ db, now, by: CLI_ACTOR, email: `${kind}@example.org`, name: kind });
    const person =
      kind === "group-member"
        ? memberPerson
        : kind === "chair"
          ? chairPerson
          : (await insertPerson(db, { name: `Visitor ${kind}` })).id;
    await db.update(schema.users).set({ personId: person }).where(eq(schema.users.id, user.id));
    const role = {
      "dsf-member": "dsf-member",
      board: "board-member",
      "steering-council": "steering-council-member",
      admin: "site-admin",
    }[kind as string];
    if (role)
      await grantFoundationRole({ db, now, by: CLI_ACTOR, userId: user.id, role, startedOn: "2026-01-01" });
    const { token } = await createToken({
      db,
      now,
      by: CLI_ACTOR,
      userId: user.id,
      name: "t",
      scopes: ["read", "groups"],
      expiresInDays: 30,
    });
    tokens.set(kind, token);
  }
});

afterAll(async () => {
  await database?.close();
});

describe("scheduling", () => {
  it("stores the instant the wall clock of the zone shows, with a stable UID and SEQUENCE 0", async () => {
    const m = await schedule({ date: "2026-07-01", time: "18:00", timeZone: "Europe/Berlin" });
    expect(m.startsAt.toISOString()).toBe("2026-07-01T16:00:00.000Z");
    expect(m.sequence).toBe(0);
    expect(m.uid).toMatch(/@meetings\.guildhall$/);
    const winter = await schedule({ date: "2026-12-01", time: "18:00", timeZone: "America/New_York" });
    expect(winter.startsAt.toISOString()).toBe("2026-12-01T23:00:00.000Z");
    expect(winter.uid).not.toBe(m.uid);
  });

  it("refuses an unknown zone, a bare offset, a bad time, and a time the spring clock change skips", async () => {
    const unknown = await refusal(schedule({ timeZone: "Mars/Olympus_Mons" }));
    expect(unknown.code).toBe("validation");
    expect(unknown.issues.map((i) => i.field)).toEqual(["timeZone"]);
    expect((await refusal(schedule({ timeZone: "+02:00" }))).issues[0]?.field).toBe("timeZone");
    expect((await refusal(schedule({ time: "25:00" }))).issues[0]?.field).toBe("time");
    const skipped = await refusal(schedule({ date: "2026-03-29", time: "02:30", timeZone: "Europe/Berlin" }));
    expect(skipped.issues[0]?.field).toBe("time");
    expect(skipped.message).toMatch(/does not exist in Europe\/Berlin/);
  });

  it("only the chair and co-chairs schedule, over HTTP (members, the Board and admins are refused)", async () => {
    const body = { title: "Over HTTP", date: "2026-04-02", time: "09:30", timeZone: "Asia/Tokyo" };
    for (const kind of ["group-member", "board", "admin", "steering-council"] as const) {
      const res = await as(kind, "/api/groups/minutes/meetings", { method: "POST", json: body });
      expect(res.status, kind).toBe(403);
    }
    const res = await as("chair", "/api/groups/minutes/meetings", { method: "POST", json: body });
    expect(res.status).toBe(201);
    const { meeting } = (await res.json()) as { meeting: Record<string, unknown> };
    expect(meeting).toMatchObject({
      startsAt: "2026-04-02T00:30:00.000Z",
      localDate: "2026-04-02",
      localTime: "09:30",
      timeZone: "Asia/Tokyo",
      sequence: 0,
      status: "scheduled",
    });
  });
});

describe("rescheduling and cancelling", () => {
  it("each change raises SEQUENCE by one and keeps the UID; a cancelled meeting cannot change", async () => {
    const m = await schedule();
    // Moved to 19:00 London time on another day.
    const moveTo = (date: string) =>
      rescheduleMeeting({
        deps: deps(),
        actor,
        input: { groupId, meetingId: m.id, title: "Moved", date, time: "19:00", timeZone: "Europe/London" },
      });
    const moved = await moveTo("2026-03-11");
    expect(moved.sequence).toBe(1);
    expect(moved.uid).toBe(m.uid);
    expect(moved.startsAt.toISOString()).toBe("2026-03-11T19:00:00.000Z");
    const again = await moveTo("2026-04-11");
    expect(again.sequence).toBe(2);
    expect(again.startsAt.toISOString()).toBe("2026-04-11T18:00:00.000Z");
    const cancelled = await cancelMeeting({ deps: deps(), actor, input: { groupId, meetingId: m.id } });
    expect(cancelled).toMatchObject({ status: "cancelled", sequence: 3, uid: m.uid });
    expect(
      (await refusal(cancelMeeting({ deps: deps(), actor, input: { groupId, meetingId: m.id } }))).code,
    ).toBe("conflict");
    const late = rescheduleMeeting({
      deps: deps(),
      actor,
      input: { groupId, meetingId: m.id, title: "x", date: "2026-05-01", time: "10:00", timeZone: "UTC" },
    });
    expect((await refusal(late)).code).toBe("conflict");
  });

  it("a meeting of another group is not found through this one", async () => {
    const other = await insertGroup(database.db, { slug: "elsewhere" });
    const m = await schedule();
    const wrong = cancelMeeting({ deps: deps(), actor, input: { groupId: other.id, meetingId: m.id } });
    expect((await refusal(wrong)).code).toBe("not_found");
  });
});

describe("agenda and action items", () => {
  it("carries an open action item to every later agenda until it is done, and applicants to the next meeting", async () => {
    const g = await insertGroup(database.db, {
      slug: "carry",
      chairs: ["Carry Chair"],
      coChairs: [],
      members: ["Carry Member"],
    });
    const owner = g.people.get("Carry Member") ?? 0;
    const at = (date: string) =>
      scheduleMeeting({
        deps: deps(),
        actor,
        input: { groupId: g.id, title: `Meeting ${date}`, date, time: "17:00", timeZone: "UTC" },
      });
    const first = await at("2026-02-10");
    const second = await at("2026-03-10");
    const third = await at("2026-04-10");
    await addAgendaItem({
      deps: deps(),
      actor: { ...actor, personId: owner },
      input: { groupId: g.id, meetingId: second.id, title: "Budget" },
    });
    const item = await addActionItem({
      deps: deps(),
      actor,
      input: {
        groupId: g.id,
        meetingId: first.id,
        title: "Draft the report",
        ownerPersonId: owner,
        dueOn: "2026-03-05",
      },
    });
    const notInGroup = await insertPerson(database.db, { name: "Outsider" });
    const badOwner = addActionItem({
      deps: deps(),
      actor,
      input: {
        groupId: g.id,
        meetingId: first.id,
        title: "x",
        ownerPersonId: notInGroup.id,
        dueOn: "2026-03-05",
      },
    });
    expect((await refusal(badOwner)).issues[0]?.field).toBe("ownerPersonId");
    // A pending application: the applicant is on the next meeting's agenda only.
    const applicant = await insertPerson(database.db, { name: "Ada Applicant" });
    await database.db.insert(schema.membershipApplications).values({
      groupId: g.id,
      personId: applicant.id,
      statement: "s",
      skills: "k",
      timeCommitment: "t",
      status: "pending",
      createdAt: clock.now(),
    });
    const agenda = async (meetingId: number) =>
      (
        await getMeeting({
          db: database.db,
          groupId: g.id,
          meetingId,
          seesPrivate: false,
          seesApplicants: true,
          now: clock.now(),
        })
      ).agenda.map((a) => `${a.kind}: ${a.title}`);
    expect(await agenda(first.id)).toEqual([]);
    expect(await agenda(second.id)).toEqual([
      "item: Budget",
      "action-item: Action item: Draft the report (Carry Member, due 2026-03-05)",
      "applicant: Meet applicant Ada Applicant",
    ]);
    expect(await agenda(third.id)).toEqual([
      "action-item: Action item: Draft the report (Carry Member, due 2026-03-05)",
    ]);
    // Done between the second and the third meeting: still on the second's agenda, not on the third's.
    clock.set("2026-03-20T12:00:00Z");
    try {
      await completeActionItem({ deps: deps(), actor, input: { groupId: g.id, actionItemId: item.id } });
      expect(await agenda(third.id)).toEqual(["applicant: Meet applicant Ada Applicant"]);
      expect(await agenda(second.id)).toContain(
        "action-item: Action item: Draft the report (Carry Member, due 2026-03-05)",
      );
      const twice = completeActionItem({
        deps: deps(),
        actor,
        input: { groupId: g.id, actionItemId: item.id },
      });
      expect((await refusal(twice)).code).toBe("conflict");
    } finally {
      clock.set("2026-03-01T12:00:00Z");
    }
  });

  it("an applicant is told the next scheduled meeting and appears on its agenda", async () => {
    const g = await insertGroup(database.db, { slug: "joinable", charter: { meetingCadence: "quarterly" } });
    const m = await scheduleMeeting({
      deps: deps(),
      actor,
      input: {
        groupId: g.id,
        title: "Late meeting",
        date: "2026-03-17",
        time: "23:30",
        timeZone: "America/Los_Angeles",
      },
    });
    const person = await insertPerson(database.db, { name: "Grace Joiner" });
    const applied = await applyToGroup({
      deps: deps(),
      actor: { userId: null, personId: person.id, label: "test" },
      input: { group: g.id, statement: "s", skills: "k", timeCommitment: "t" },
    });
    // The day in the meeting's own zone (it is already 18 March in UTC).
    expect(applied.nextMeeting.on).toBe("2026-03-17");
    const agendaFor = async (seesApplicants: boolean) =>
      (
        await getMeeting({
          db: database.db,
          groupId: g.id,
          meetingId: m.id,
          seesPrivate: false,
          seesApplicants,
          now: clock.now(),
        })
      ).agenda.map((a) => a.title);
    expect(await agendaFor(true)).toEqual(["Meet applicant Grace Joiner"]);
    // An applicant is private until a member: others are told only how many are waiting.
    expect(await agendaFor(false)).toEqual(["Meet the applicants waiting for a decision (1)"]);
    const anonymous = await (await as("anonymous", `/groups/joinable/meetings/${m.id}`)).text();
    expect(anonymous).toContain("Meet the applicants waiting for a decision (1)");
    expect(anonymous).not.toContain("Grace Joiner");
    const anonymousApi = await (await as("anonymous", `/api/groups/joinable/meetings/${m.id}`)).text();
    expect(anonymousApi).not.toContain("Grace Joiner");
    const board = await (await as("board", `/groups/joinable/meetings/${m.id}`)).text();
    expect(board).toContain("Meet applicant Grace Joiner");
  });

  it("members add agenda items over HTTP; visitors outside the group cannot", async () => {
    const m = await schedule();
    const path = `/api/groups/minutes/meetings/${m.id}/agenda-items`;
    for (const kind of ["signed-in", "board", "admin"] as const) {
      expect((await as(kind, path, { method: "POST", json: { title: "No" } })).status, kind).toBe(403);
    }
    // Anonymous: refused before anything is looked up (no session, so no CSRF token either).
    expect([401, 403]).toContain(
      (await as("anonymous", path, { method: "POST", json: { title: "No" } })).status,
    );
    expect((await as("group-member", path, { method: "POST", json: { title: "Yes" } })).status).toBe(201);
    const page = await (await as("anonymous", `/groups/minutes/meetings/${m.id}`)).text();
    expect(page).toContain("Yes (added by Min Member)");
  });
});

describe("private notes", () => {
  it("are read by the group, the Board and the Steering Council only, in pages, the API and the feeds", async () => {
    const m = await schedule({ title: "Notes meeting" });
    await notes(m.id);
    const look = async (kind: Kind) => {
      const page = await (await as(kind, `/groups/minutes/meetings/${m.id}`)).text();
      const api = await (await as(kind, `/api/groups/minutes/meetings/${m.id}`)).text();
      const feeds =
        (await (await as(kind, "/groups/minutes/meetings.ics")).text()) +
        (await (await as(kind, "/meetings.ics")).text());
      return { page, api, feeds };
    };
    for (const kind of KINDS) {
      const seen = await look(kind);
      const full = FULL_NOTES.includes(kind);
      // Unpublished: nobody outside reads even the public part.
      for (const where of ["page", "api"] as const) {
        expect(seen[where].includes("PUBLIC-PART-TEXT"), `${kind} ${where} public (draft)`).toBe(full);
        expect(seen[where].includes("PRIVATE-PART-TEXT"), `${kind} ${where} private`).toBe(full);
      }
      expect(seen.feeds).not.toMatch(/PUBLIC-PART-TEXT|PRIVATE-PART-TEXT/);
    }
    // A member publishes over HTTP; the Board may read but not write the notes.
    const put = (kind: Kind) =>
      as(kind, `/api/groups/minutes/meetings/${m.id}/notes`, {
        method: "PUT",
        json: { publicNotes: "PUBLIC-PART-TEXT", privateNotes: "PRIVATE-PART-TEXT", publish: true },
      });
    expect((await put("board")).status).toBe(403);
    const published = await put("group-member");
    expect(published.status).toBe(200);
    for (const kind of KINDS) {
      const seen = await look(kind);
      const full = FULL_NOTES.includes(kind);
      for (const where of ["page", "api"] as const) {
        expect(seen[where].includes("PUBLIC-PART-TEXT"), `${kind} ${where} public`).toBe(true);
        expect(seen[where].includes("PRIVATE-PART-TEXT"), `${kind} ${where} private`).toBe(full);
      }
      expect(seen.feeds).not.toMatch(/PUBLIC-PART-TEXT|PRIVATE-PART-TEXT/);
      const api = JSON.parse(seen.api) as { meeting: { notes: { private: string | null; full: boolean } } };
      expect(api.meeting.notes.full, kind).toBe(full);
      if (!full) expect(api.meeting.notes.private).toBeNull();
    }
    // Unpublishing is not offered: once the public has read it, it stays published.
    await notes(m.id, { privateNotes: null });
    expect((await look("anonymous")).page).toContain("PUBLIC-PART-TEXT");
  });
});

const PY_ICS = `
import datetime, json, sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
zones = {}
for tz in cal.walk('VTIMEZONE'):
    zones[str(tz['TZID'])] = tz.to_tz()
out = []
for e in cal.walk('VEVENT'):
    raw = e.get('dtstart')
    tzid = raw.params.get('TZID')
    start = raw.dt
    if tzid:
        # Read the wall clock through the feed's own VTIMEZONE, not a zone database.
        zone, naive = zones[tzid], start.replace(tzinfo=None)
        start = zone.localize(naive) if hasattr(zone, 'localize') else naive.replace(tzinfo=zone)
    out.append({'uid': str(e['uid']), 'sequence': int(e.get('sequence', 0)), 'status': str(e.get('status')),
                'tzid': tzid, 'startUtc': start.astimezone(datetime.timezone.utc).isoformat(),
                'summary': str(e['summary']), 'description': str(e.get('description', ''))})
print(json.dumps({'events': out, 'zones': sorted(zones)}))
`;

interface Feed {
  events: Array<{
    uid: string;
    sequence: number;
    status: string;
    tzid: string | null;
    startUtc: string;
    summary: string;
    description: string;
  }>;
  zones: string[];
}
function parseIcs(text: string): Feed {
  return JSON.parse(
    execFileSync(requirePythonModules(["icalendar"]), ["-c", PY_ICS], { input: text, encoding: "utf8" }),
  ) as Feed;
}

describe("iCalendar feeds (checked with python3-icalendar)", () => {
  it("give each meeting its UID, SEQUENCE, STATUS and TZID time with a VTIMEZONE that python reads back", async () => {
    const g = await insertGroup(database.db, { slug: "feeds", chairs: ["Feed Chair"], coChairs: [] });
    const mk = (date: string, time: string, timeZone: string) =>
      scheduleMeeting({
        deps: deps(),
        actor,
        input: { groupId: g.id, title: `At ${date}`, date, time, timeZone },
      });
    const summer = await mk("2026-07-01", "18:00", "Europe/Berlin");
    const winter = await mk("2026-12-01", "18:00", "Europe/Berlin");
    const sydney = await mk("2026-10-05", "09:00", "Australia/Sydney");
    const utc = await mk("2026-05-05", "12:00", "UTC");
    await rescheduleMeeting({
      deps: deps(),
      actor,
      input: {
        groupId: g.id,
        meetingId: winter.id,
        title: "Moved",
        date: "2026-12-02",
        time: "18:00",
        timeZone: "Europe/Berlin",
      },
    });
    await cancelMeeting({ deps: deps(), actor, input: { groupId: g.id, meetingId: sydney.id } });
    const res = await as("anonymous", "/groups/feeds/meetings.ics");
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    const feed = parseIcs(await res.text());
    expect(feed.zones).toEqual(["Australia/Sydney", "Europe/Berlin"]);
    const byUid = new Map(feed.events.map((e) => [e.uid, e]));
    expect(byUid.get(summer.uid)).toMatchObject({
      tzid: "Europe/Berlin",
      startUtc: "2026-07-01T16:00:00+00:00",
      sequence: 0,
      status: "CONFIRMED",
    });
    expect(byUid.get(winter.uid)).toMatchObject({
      tzid: "Europe/Berlin",
      startUtc: "2026-12-02T17:00:00+00:00",
      sequence: 1,
    });
    expect(byUid.get(sydney.uid)).toMatchObject({
      status: "CANCELLED",
      sequence: 1,
      startUtc: "2026-10-04T22:00:00+00:00",
    });
    expect(byUid.get(utc.uid)).toMatchObject({ tzid: null, startUtc: "2026-05-05T12:00:00+00:00" });
    expect(byUid.get(summer.uid)?.description).toContain(
      `http://guildhall.test/groups/feeds/meetings/${summer.id}`,
    );
    // The all-groups feed has the same events under the same UIDs, beside other groups' meetings.
    const all = parseIcs(await (await as("anonymous", "/meetings.ics")).text());
    const allUids = new Set(all.events.map((e) => e.uid));
    for (const uid of byUid.keys()) expect(allUids.has(uid)).toBe(true);
    expect(all.events.length).toBeGreaterThan(feed.events.length);
    // Stable: the same feed twice gives the same UIDs and SEQUENCEs.
    const again = parseIcs(await (await as("anonymous", "/groups/feeds/meetings.ics")).text());
    expect(again.events.map((e) => [e.uid, e.sequence])).toEqual(feed.events.map((e) => [e.uid, e.sequence]));
  });
});

describe("guildhall meetings list", () => {
  it("prints one JSON object per meeting of the group, without notes, and refuses an unknown group", async () => {
    const noted = await schedule({ title: "Listed" });
    await notes(noted.id, { publish: true });
    const other = await insertGroup(database.db, { slug: "cli-other" });
    await scheduleMeeting({
      deps: deps(),
      actor,
      input: { groupId: other.id, title: "Other", date: "2026-05-01", time: "10:00", timeZone: "UTC" },
    });
    const { out, error } = await runCommands(
      services,
      [registerMeetingCommands],
      ["meetings", "list", "--group", "minutes", "--json"],
    );
    expect(error).toBeNull();
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const stored = await database.db
      .select()
      .from(schema.meetings)
      .where(eq(schema.meetings.groupId, groupId));
    expect(lines.length).toBe(stored.length);
    expect(lines.map((l) => l.id)).toContain(noted.id);
    for (const l of lines) {
      expect(l.group).toEqual({ slug: "minutes", name: expect.any(String) });
      expect(Object.keys(l)).not.toContain("notes");
    }
    expect(out).not.toMatch(/PRIVATE-PART-TEXT|PUBLIC-PART-TEXT/);
    const all = await runCommands(services, [registerMeetingCommands], ["meetings", "list", "--json"]);
    expect(all.out.trim().split("\n").length).toBeGreaterThan(lines.length);
    const unknown = await runCommands(
      services,
      [registerMeetingCommands],
      ["meetings", "list", "--group", "nope"],
    );
    expect(isAppError(unknown.error) && unknown.error.code).toBe("not_found");
  });
});
