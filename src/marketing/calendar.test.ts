import { describe, expect, it } from "vitest";
import {
  addDays,
  campaignProgress,
  clashesOf,
  type Entry,
  gapsOf,
  inMonth,
  periodOf,
  placeOf,
} from "./calendar.ts";
import { CHANNELS, channelOf, kindOfChannel } from "./content-kinds.ts";

describe("periodOf", () => {
  it("gives a month as whole weeks from the Monday on or before the 1st to the Sunday after the last day", () => {
    // December 2026: the 1st is a Tuesday, the 31st a Thursday.
    const p = periodOf("month", "2026-12-17");
    expect(p.month).toBe("2026-12");
    expect(p.start).toBe("2026-11-30");
    expect(p.end).toBe("2027-01-03");
    expect(p.weeks.map((w) => w.start)).toEqual([
      "2026-11-30",
      "2026-12-07",
      "2026-12-14",
      "2026-12-21",
      "2026-12-28",
    ]);
    expect(p.weeks.every((w) => w.days.length === 7)).toBe(true);
    expect(p.previous).toBe("2026-11-01");
    expect(p.next).toBe("2027-01-01");
    expect(inMonth(p, "2026-11-30")).toBe(false);
    expect(inMonth(p, "2026-12-01")).toBe(true);
  });

  it("handles February of a leap year that starts on a Monday and a month ending on a Sunday", () => {
    const feb = periodOf("month", "2027-02-01"); // Monday 1st, Sunday 28th
    expect(feb.start).toBe("2027-02-01");
    expect(feb.end).toBe("2027-02-28");
    expect(feb.weeks).toHaveLength(4);
    const leap = periodOf("month", "2028-02-10");
    expect(leap.weeks.at(-1)?.days).toContain("2028-02-29");
  });

  it("gives a week from Monday to Sunday, and its neighbours", () => {
    const p = periodOf("week", "2026-12-06"); // a Sunday
    expect(p.start).toBe("2026-11-30");
    expect(p.end).toBe("2026-12-06");
    expect(p.previous).toBe("2026-11-23");
    expect(p.next).toBe("2026-12-07");
    expect(inMonth(p, "2026-11-30")).toBe(true);
  });

  it("adds days across years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
  });
});

describe("placeOf", () => {
  it("prefers the publication time, then the schedule, then the planned day (UTC days)", () => {
    const at = new Date("2026-12-10T23:30:00-02:00"); // 01:30 UTC on the 11th
    expect(
      placeOf({ publishedAt: at, scheduledFor: new Date("2026-12-01T00:00Z"), plannedOn: "2026-12-02" }),
    ).toBe("2026-12-11");
    expect(placeOf({ publishedAt: null, scheduledFor: at, plannedOn: "2026-12-02" })).toBe("2026-12-11");
    expect(placeOf({ publishedAt: null, scheduledFor: null, plannedOn: "2026-12-02" })).toBe("2026-12-02");
    expect(placeOf({ publishedAt: null, scheduledFor: null, plannedOn: null })).toBeNull();
  });
});

describe("channelOf", () => {
  it("names a kind's outlet, with the network for posts and announcements", () => {
    expect(channelOf("blog-post", null)).toBe("blog");
    expect(channelOf("social-post", "mastodon")).toBe("social/mastodon");
    expect(channelOf("community-announcement", "discord")).toBe("community/discord");
    expect(channelOf("www-template-page", null)).toBe("www-template");
  });

  it("goes back from every channel to its kind and network", () => {
    for (const c of CHANNELS) {
      const { kind, network } = kindOfChannel(c);
      expect(channelOf(kind, network)).toBe(c);
    }
    expect(kindOfChannel("social/bluesky")).toEqual({ kind: "social-post", network: "bluesky" });
  });
});

describe("clashesOf", () => {
  it("finds two items on one channel on one day, and not on different channels or days", () => {
    const entries: Entry[] = [
      { id: 3, channel: "blog", day: "2026-12-10" },
      { id: 1, channel: "blog", day: "2026-12-10" },
      { id: 2, channel: "social/mastodon", day: "2026-12-10" },
      { id: 4, channel: "social/bluesky", day: "2026-12-10" },
      { id: 5, channel: "blog", day: "2026-12-11" },
      { id: 6, channel: "social/mastodon", day: "2026-12-12" },
      { id: 7, channel: "social/mastodon", day: "2026-12-12" },
      { id: 8, channel: "social/mastodon", day: "2026-12-12" },
    ];
    expect(clashesOf(entries)).toEqual([
      { channel: "blog", day: "2026-12-10", ids: [1, 3] },
      { channel: "social/mastodon", day: "2026-12-12", ids: [6, 7, 8] },
    ]);
    expect(clashesOf([])).toEqual([]);
  });
});

describe("gapsOf", () => {
  const dec = periodOf("month", "2026-12-01"); // weeks from 2026-11-30 to 2026-12-28

  it("marks the weeks with nothing on a channel that has items in the period", () => {
    const entries: Entry[] = [
      { id: 1, channel: "blog", day: "2026-12-01" },
      { id: 2, channel: "blog", day: "2026-12-15" },
      { id: 3, channel: "blog", day: "2026-12-31" },
      { id: 4, channel: "social/mastodon", day: "2026-12-09" },
    ];
    const { gaps, emptyWeeks } = gapsOf(dec, entries);
    expect(gaps.filter((g) => g.channel === "blog").map((g) => g.weekStart)).toEqual([
      "2026-12-07",
      "2026-12-21",
    ]);
    expect(gaps.filter((g) => g.channel === "social/mastodon").map((g) => g.weekStart)).toEqual([
      "2026-11-30",
      "2026-12-14",
      "2026-12-21",
      "2026-12-28",
    ]);
    expect(emptyWeeks).toEqual(["2026-12-21"]);
  });

  it("counts a channel as in use from items in the four weeks before the period, not earlier", () => {
    const week = periodOf("week", "2026-12-09"); // 2026-12-07 .. 2026-12-13
    const before: Entry[] = [
      { id: 1, channel: "blog", day: "2026-11-09" }, // 28 days before the Monday: in use
      { id: 2, channel: "docs", day: "2026-11-08" }, // 29 days before: not
    ];
    expect(gapsOf(week, before)).toEqual({
      gaps: [{ channel: "blog", weekStart: "2026-12-07" }],
      emptyWeeks: ["2026-12-07"],
    });
  });

  it("ignores items after the period and has no gaps when nothing is in use", () => {
    const week = periodOf("week", "2026-12-09");
    expect(gapsOf(week, [{ id: 1, channel: "blog", day: "2026-12-14" }])).toEqual({
      gaps: [],
      emptyWeeks: ["2026-12-07"],
    });
  });
});

describe("campaignProgress", () => {
  it("counts published items out of those not archived, rounding down", () => {
    expect(campaignProgress(["published", "draft", "scheduled", "archived"])).toEqual({
      total: 3,
      published: 1,
      percent: 33,
      byState: { published: 1, draft: 1, scheduled: 1, archived: 1 },
    });
    expect(campaignProgress([])).toEqual({ total: 0, published: 0, percent: 0, byState: {} });
  });
});
