/** The pure rules of meetings: zones, wall clocks, notes visibility, carried action items, cadence. */
import { describe, expect, it } from "vitest";
import { isCarriedTo, nextMeetingOf, suggestedDay, visibleNotes } from "./rules.ts";
import { canonicalTimeZone, describeTime, instantOf, transitionsOf, wallClockOf } from "./time-zones.ts";
import { vtimezone } from "./vtimezone.ts";

describe("time zones", () => {
  it("accepts IANA zones (canonically spelled) and UTC, refuses offsets and unknown names", () => {
    expect(canonicalTimeZone("Europe/Amsterdam")).toBe("Europe/Amsterdam");
    expect(canonicalTimeZone("europe/amsterdam")).toBe("Europe/Amsterdam");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("Etc/UTC")).toBe("UTC");
    for (const bad of ["+02:00", "GMT+2", "Mars/Base", "", "Europe/Amsterdam; DROP"]) {
      expect(canonicalTimeZone(bad), bad).toBeNull();
    }
  });

  it("turns a wall clock into its instant across clock changes, and refuses a skipped time", () => {
    expect(instantOf("2026-01-15", "18:00", "Europe/Berlin")?.toISOString()).toBe("2026-01-15T17:00:00.000Z");
    expect(instantOf("2026-07-15", "18:00", "Europe/Berlin")?.toISOString()).toBe("2026-07-15T16:00:00.000Z");
    expect(instantOf("2026-03-29", "02:30", "Europe/Berlin")).toBeNull();
    // The autumn hour that happens twice: its first occurrence (summer time).
    expect(instantOf("2026-10-25", "02:30", "Europe/Berlin")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(instantOf("2026-06-01", "09:00", "Asia/Kolkata")?.toISOString()).toBe("2026-06-01T03:30:00.000Z");
    expect(instantOf("2026-02-30", "09:00", "UTC")).toBeNull();
    const at = new Date("2026-07-15T16:00:00Z");
    expect(wallClockOf(at, "America/New_York")).toMatchObject({ date: "2026-07-15", time: "12:00" });
    expect(describeTime(at, "Europe/Berlin")).toBe("2026-07-15 18:00 Europe/Berlin (UTC+02:00)");
  });

  it("finds a zone's offset changes to the minute, and writes them as VTIMEZONE observances", () => {
    const t = transitionsOf("Europe/Berlin", 2026, 2026);
    expect(t.map((x) => [x.startsAt.toISOString(), x.offsetFrom, x.offset])).toEqual([
      ["2026-03-29T01:00:00.000Z", 60, 120],
      ["2026-10-25T01:00:00.000Z", 120, 60],
    ]);
    expect(transitionsOf("Asia/Tokyo", 2025, 2027)).toEqual([]);
    const v = vtimezone("Europe/Berlin", 2026, 2026).split("\r\n");
    expect(v).toEqual([
      "BEGIN:VTIMEZONE",
      "TZID:Europe/Berlin",
      "BEGIN:STANDARD",
      "DTSTART:20260101T010000",
      "TZOFFSETFROM:+0100",
      "TZOFFSETTO:+0100",
      "END:STANDARD",
      "BEGIN:DAYLIGHT",
      "DTSTART:20260329T020000",
      "TZOFFSETFROM:+0100",
      "TZOFFSETTO:+0200",
      "END:DAYLIGHT",
      "BEGIN:STANDARD",
      "DTSTART:20261025T030000",
      "TZOFFSETFROM:+0200",
      "TZOFFSETTO:+0100",
      "END:STANDARD",
      "END:VTIMEZONE",
    ]);
  });
});

describe("notes", () => {
  const notes = { publicNotes: "pub", privateNotes: "priv", notesPublishedAt: null as Date | null };
  it("shows the public part to everyone once published, the private part only to those who may", () => {
    expect(visibleNotes(notes, false)).toEqual({
      public: null,
      private: null,
      published: false,
      full: false,
    });
    expect(visibleNotes(notes, true)).toEqual({
      public: "pub",
      private: "priv",
      published: false,
      full: true,
    });
    const published = { ...notes, notesPublishedAt: new Date("2026-03-02T00:00:00Z") };
    expect(visibleNotes(published, false)).toEqual({
      public: "pub",
      private: null,
      published: true,
      full: false,
    });
    expect(visibleNotes(published, true).private).toBe("priv");
  });
});

describe("action items and the next meeting", () => {
  const at = (s: string) => new Date(s);
  const item = { meetingId: 1, raisedAt: at("2026-02-01T10:00:00Z"), doneAt: null as Date | null };
  it("carries an item to later meetings until it is done, never to the meeting that raised it", () => {
    expect(isCarriedTo(item, { id: 1, startsAt: at("2026-02-01T10:00:00Z") })).toBe(false);
    expect(isCarriedTo(item, { id: 2, startsAt: at("2026-03-01T10:00:00Z") })).toBe(true);
    expect(isCarriedTo(item, { id: 0, startsAt: at("2026-01-01T10:00:00Z") })).toBe(false);
    const done = { ...item, doneAt: at("2026-03-15T00:00:00Z") };
    expect(isCarriedTo(done, { id: 2, startsAt: at("2026-03-01T10:00:00Z") })).toBe(true);
    expect(isCarriedTo(done, { id: 3, startsAt: at("2026-04-01T10:00:00Z") })).toBe(false);
  });

  it("the next meeting is the earliest scheduled one not started; cancelled ones are skipped", () => {
    const ms = [
      { id: 1, startsAt: at("2026-02-01T10:00:00Z"), status: "scheduled" },
      { id: 2, startsAt: at("2026-03-05T10:00:00Z"), status: "cancelled" },
      { id: 3, startsAt: at("2026-03-20T10:00:00Z"), status: "scheduled" },
      { id: 4, startsAt: at("2026-03-10T10:00:00Z"), status: "scheduled" },
    ];
    expect(nextMeetingOf(ms, at("2026-03-01T00:00:00Z"))?.id).toBe(4);
    expect(nextMeetingOf(ms, at("2026-04-01T00:00:00Z"))).toBeNull();
  });

  it("suggests the next day from the charter's cadence, rolled forward past today", () => {
    expect(suggestedDay({ cadence: "monthly", lastDay: "2026-02-10", today: "2026-03-01" })).toBe(
      "2026-03-10",
    );
    expect(suggestedDay({ cadence: "fortnightly", lastDay: "2026-01-05", today: "2026-03-01" })).toBe(
      "2026-03-02",
    );
    expect(suggestedDay({ cadence: "quarterly", lastDay: "2026-01-31", today: "2026-02-01" })).toBe(
      "2026-04-30",
    );
    expect(suggestedDay({ cadence: "as-needed", lastDay: "2026-01-05", today: "2026-03-01" })).toBeNull();
    expect(suggestedDay({ cadence: "monthly", lastDay: null, today: "2026-03-01" })).toBeNull();
  });
});
