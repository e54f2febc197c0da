import { describe, expect, it } from "vitest";
import {
  adviseSupport,
  buildReleaseCalendar,
  checkMilestoneOrder,
  findSeries,
  isSupported,
  MILESTONE_KINDS,
  milestoneDay,
  milestonesInOrder,
  type RecordedMilestone,
  type ReleaseSeries,
  seriesPhase,
} from "./calendar.ts";

/** The day of the calendar's facts (2026-12-02). */
const TODAY = "2026-12-02";
const calendar = buildReleaseCalendar({ today: TODAY });
const record = (
  series: string,
  milestone: RecordedMilestone["milestone"],
  date: string | null,
  at: string,
  note: string | null = null,
): RecordedMilestone => ({
  series,
  milestone,
  action: date === null ? "remove" : "record",
  date,
  recordedAt: new Date(at),
  recordedBy: "fellow",
  note,
});
function get(name: string, cal: ReleaseSeries[] = calendar): ReleaseSeries {
  const s = findSeries(cal, name);
  if (!s) throw new Error(`missing ${name}`);
  return s;
}

describe("release calendar", () => {
  it("lists every series from 4.2 to at least 2030 in order, in both numbering schemes", () => {
    const names = calendar.map((s) => s.series);
    expect(names.slice(0, 9)).toEqual(["4.2", "5.0", "5.1", "5.2", "6.0", "6.1", "6.2", "2028", "2029"]);
    expect(names).toContain("2030");
    expect(get("6.2").scheme).toBe("x.y");
    expect(get("2028").scheme).toBe("calver");
    expect(calendar.filter((s) => s.lts).map((s) => s.series)).toEqual(["4.2", "5.2", "6.2"]);
    for (const s of calendar) {
      const dates = MILESTONE_KINDS.map((k) => milestoneDay(s.milestones[k]));
      expect([...dates].sort(), `${s.series} milestones in order`).toEqual(dates);
      expect(milestonesInOrder(s), `${s.series} passes its own order rule`).toBe(true);
    }
  });

  it("keeps the announced dates of the notes and labels them announced", () => {
    const m = get("6.0").milestones;
    expect([m.alpha.date, m.beta.date, m.rc.date, m.final.date]).toEqual([
      "2025-09-17",
      "2025-10-22",
      "2025-11-19",
      "2025-12-03",
    ]);
    expect(m.final.status).toBe("announced");
    expect(get("4.2").milestones["end-extended"]).toMatchObject({ date: "2026-04-07", status: "announced" });
    expect(get("6.1").milestones.final).toMatchObject({ date: "2026-08-04", status: "announced" });
  });

  it("records past pre-release dates as announced, each with the announcement it was checked against", () => {
    const expected: Record<string, [string, string, string]> = {
      "4.2": ["2023-01-17", "2023-02-20", "2023-03-20"],
      "5.0": ["2023-09-18", "2023-10-23", "2023-11-20"],
      "5.1": ["2024-05-22", "2024-06-26", "2024-07-24"],
      "5.2": ["2025-01-16", "2025-02-19", "2025-03-19"],
      "6.0": ["2025-09-17", "2025-10-22", "2025-11-19"],
    };
    for (const [name, dates] of Object.entries(expected)) {
      const m = get(name).milestones;
      expect([m.alpha.date, m.beta.date, m.rc.date], name).toEqual(dates);
      for (const k of ["alpha", "beta", "rc", "final"] as const) {
        expect(m[k].status, `${name} ${k}`).toBe("announced");
        expect(m[k].source, `${name} ${k} source`).toMatch(
          /^https:\/\/(www\.djangoproject\.com\/weblog|pypi\.org\/project\/Django|docs\.djangoproject\.com)\//,
        );
      }
    }
    expect(get("4.2").milestones.alpha.date).toBe("2023-01-17");
    expect(get("5.2").milestones.alpha.source).toBe(
      "https://www.djangoproject.com/weblog/2025/jan/16/django-52-alpha-1-released/",
    );
  });

  it("shows a past date nobody recorded as not recorded, never as the projection", () => {
    for (const k of ["alpha", "beta", "rc"] as const) {
      const m = get("6.1").milestones[k];
      expect(m.status, k).toBe("not-recorded");
      expect(m.date, k).toBeNull();
      expect(m.rule).toContain("not recorded");
    }
    // The policy's guess only orders the calendar.
    expect(get("6.1").milestones.alpha.expected).toBe("2026-05-19");
    // The same projection a year earlier was still ahead, so it was a projection then.
    const earlier = buildReleaseCalendar({ today: "2026-01-01" });
    expect(get("6.1", earlier).milestones.alpha).toMatchObject({ date: "2026-05-19", status: "projected" });
    // Nothing announced or still ahead is affected.
    for (const s of calendar) {
      for (const k of MILESTONE_KINDS) {
        const m = s.milestones[k];
        if (m.status === "not-recorded") expect(m.expected < TODAY).toBe(true);
        else expect(m.date).not.toBeNull();
      }
    }
  });

  it("labels month-only and unannounced future dates projected, with the rule", () => {
    const ext52 = get("5.2").milestones["end-extended"];
    expect(ext52.status).toBe("projected");
    expect(ext52.date?.slice(0, 7)).toBe("2028-04");
    expect(ext52.rule).toContain("2028-04");
    const final62 = get("6.2").milestones.final;
    expect(final62).toMatchObject({ date: "2027-04-07", status: "projected" });
    for (const s of calendar.filter((x) => x.scheme === "calver")) {
      for (const k of MILESTONE_KINDS) expect(s.milestones[k].status).toBe("projected");
    }
  });

  it("projects calendar versions by DEP 20: final in the second week of January, pre-releases Oct-Dec", () => {
    for (const s of calendar.filter((x) => x.scheme === "calver")) {
      const y = Number(s.series);
      const final = s.milestones.final.date ?? "";
      expect(final.slice(0, 7)).toBe(`${y}-01`);
      expect(Number(final.slice(8))).toBeGreaterThanOrEqual(8);
      expect(Number(final.slice(8))).toBeLessThanOrEqual(14);
      expect(s.milestones.alpha.date?.slice(0, 7)).toBe(`${y - 1}-10`);
      expect(s.milestones.beta.date?.slice(0, 7)).toBe(`${y - 1}-11`);
      expect(s.milestones.rc.date?.slice(0, 7)).toBe(`${y - 1}-12`);
      expect(s.milestones["end-mainstream"].date?.slice(0, 7)).toBe(`${y + 1}-01`);
      expect(s.milestones["end-extended"].date?.slice(0, 7)).toBe(`${y + 3}-01`);
    }
    expect(get("2030").milestones.final.date).toBe("2030-01-09");
  });

  it("gives announced Python versions only; later series say not yet announced", () => {
    expect(get("6.1").python).toEqual(["3.12", "3.13", "3.14"]);
    expect(get("5.2").python).toEqual(["3.10", "3.11", "3.12", "3.13", "3.14"]);
    for (const name of ["6.2", "2028", "2029", "2030"]) {
      expect(get(name).python, name).toEqual([]);
      expect(get(name).pythonStatus, name).toBe("not-yet-announced");
    }
  });

  it("lets a recorded date override the projection, the latest record winning", () => {
    const cal = buildReleaseCalendar({
      today: TODAY,
      recorded: [
        record("6.2", "alpha", "2027-01-13", "2026-11-01T10:00:00Z"),
        record("6.2", "alpha", "2027-01-20", "2026-11-02T10:00:00Z", "https://example.org/blog"),
      ],
    });
    const alpha = get("6.2", cal).milestones.alpha;
    expect(alpha).toMatchObject({
      date: "2027-01-20",
      status: "announced",
      source: "https://example.org/blog",
    });
    expect(alpha.recorded?.by).toBe("fellow");
    expect(get("6.2", cal).milestones.beta.status).toBe("projected");
  });

  it("fills a date not recorded from a record, and a removal brings back what was there", () => {
    const recorded = [record("6.1", "alpha", "2026-05-20", "2026-11-01T10:00:00Z")];
    expect(get("6.1", buildReleaseCalendar({ today: TODAY, recorded })).milestones.alpha).toMatchObject({
      date: "2026-05-20",
      status: "announced",
    });
    const removed = [...recorded, record("6.1", "alpha", null, "2026-11-03T10:00:00Z")];
    expect(
      get("6.1", buildReleaseCalendar({ today: TODAY, recorded: removed })).milestones.alpha.status,
    ).toBe("not-recorded");
    const over62 = [
      record("6.2", "final", "2027-04-14", "2026-11-01T10:00:00Z"),
      record("6.2", "final", null, "2026-11-02T10:00:00Z"),
    ];
    expect(
      get("6.2", buildReleaseCalendar({ today: TODAY, recorded: over62 })).milestones.final,
    ).toMatchObject({
      date: "2027-04-07",
      status: "projected",
      recorded: null,
    });
  });
});

describe("milestone order rule", () => {
  const s62 = get("6.2");
  it("accepts dates that keep alpha <= beta <= rc <= final < end of mainstream <= end of extended", () => {
    expect(checkMilestoneOrder(s62, "alpha", "2027-01-18")).toBeNull();
    // On the same day as the projected beta is allowed.
    expect(checkMilestoneOrder(s62, "alpha", s62.milestones.beta.date ?? "")).toBeNull();
    expect(checkMilestoneOrder(s62, "end-mainstream", "2027-12-08")).toBeNull();
  });

  it("refuses a beta before the alpha, naming the alpha and its status", () => {
    const withAlpha = buildReleaseCalendar({
      today: TODAY,
      recorded: [record("6.2", "alpha", "2027-01-18", "2026-11-01T10:00:00Z")],
    });
    const p = checkMilestoneOrder(get("6.2", withAlpha), "beta", "2027-01-10");
    expect(p?.field).toBe("date");
    expect(p?.conflictsWith).toBe("alpha");
    expect(p?.message).toBe(
      "must be on or after the alpha of Django 6.2 (2027-01-18, recorded): the beta comes after it",
    );
  });

  it("checks against announced and projected dates too", () => {
    // 4.2's final was announced for 2023-04-03.
    expect(checkMilestoneOrder(get("4.2"), "rc", "2023-04-10")?.message).toContain(
      "on or before the final release of Django 4.2 (2023-04-03, announced)",
    );
    // 6.2's final is projected for 2027-04-07.
    expect(checkMilestoneOrder(s62, "rc", "2027-05-01")?.message).toContain("(2027-04-07, projected)");
  });

  it("wants support to end strictly after the final, and extended support not before mainstream", () => {
    expect(checkMilestoneOrder(get("4.2"), "end-mainstream", "2023-04-03")?.conflictsWith).toBe("final");
    expect(checkMilestoneOrder(get("4.2"), "final", "2023-12-04")?.conflictsWith).toBe("end-mainstream");
    expect(checkMilestoneOrder(get("4.2"), "end-extended", "2023-12-01")?.conflictsWith).toBe(
      "end-mainstream",
    );
  });

  it("skips milestones not recorded (they have no date to clash with)", () => {
    // 6.1's pre-releases are not recorded; any beta before its final is fine.
    expect(checkMilestoneOrder(get("6.1"), "beta", "2026-01-01")).toBeNull();
    expect(checkMilestoneOrder(get("6.1"), "beta", "2026-08-05")?.conflictsWith).toBe("final");
  });
});

describe("phases and support advice", () => {
  it("knows where each series stands on a date", () => {
    expect(seriesPhase(get("6.1"), TODAY)).toBe("mainstream");
    expect(seriesPhase(get("6.0"), TODAY)).toBe("extended");
    expect(seriesPhase(get("4.2"), TODAY)).toBe("end-of-life");
    expect(seriesPhase(get("6.2"), TODAY)).toBe("in-development");
    expect(seriesPhase(get("6.2"), "2027-02-01")).toBe("pre-release");
    expect(isSupported(get("5.2"), TODAY)).toBe(true);
  });

  it("calls series after the next one planned, not in development", () => {
    for (const name of ["2028", "2029", "2030"]) expect(seriesPhase(get(name), TODAY), name).toBe("planned");
    // Once 6.2's stable branch is forked at its alpha, main targets 2028.
    expect(get("2028").developmentFrom).toBe(get("6.2").milestones.alpha.expected);
    expect(seriesPhase(get("2028"), "2027-02-01")).toBe("in-development");
    expect(seriesPhase(get("2029"), "2027-02-01")).toBe("planned");
  });

  it("on 2026-12-02 advises 5.2, 6.0 and 6.1, and tests only 6.2 against the main branch", () => {
    const a = adviseSupport(calendar, TODAY);
    expect(a.supported).toEqual(["5.2", "6.0", "6.1"]);
    expect(a.latest).toBe("6.1");
    expect(a.previousLts).toBe("5.2");
    expect(a.recommended).toEqual(["5.2", "6.0", "6.1"]);
    expect(a.requiresDist).toBe("Django>=5.2");
    expect(a.testAgainst.map((t) => t.series)).toEqual(["6.2"]);
    expect(a.testAgainst[0]?.how).toContain("main branch");
    expect(a.planned).toEqual(["2028", "2029", "2030", "2031"]);
    const text = a.reasons.join(" ");
    expect(text).not.toMatch(/2028[^.]*main branch, allowed/);
    expect(text).toContain("planned");
    expect(a.python).toEqual(["3.10", "3.11", "3.12", "3.13", "3.14"]);
    expect(text).toContain("previous LTS, which is 5.2");
  });

  it("in pre-release tests the pre-releases, not the main branch", () => {
    const a = adviseSupport(calendar, "2027-02-01");
    expect(a.testAgainst).toHaveLength(1);
    expect(a.testAgainst[0]?.series).toBe("6.2");
    expect(a.testAgainst[0]?.how).toContain("pre-releases");
  });

  it("in March 2026 says 4.2 may be dropped, still supported but older than the previous LTS", () => {
    const a = adviseSupport(buildReleaseCalendar({ today: "2026-03-01" }), "2026-03-01");
    expect(a.supported).toEqual(["4.2", "5.2", "6.0"]);
    expect(a.previousLts).toBe("5.2");
    expect(a.mayDrop).toEqual(["4.2"]);
  });

  it("in February 2028 moves on to the calendar versions", () => {
    const a = adviseSupport(buildReleaseCalendar({ today: "2028-02-01" }), "2028-02-01");
    expect(a.latest).toBe("2028");
    expect(a.previousLts).toBe("6.2");
    expect(a.recommended).toEqual(["6.2", "2028"]);
    expect(a.mayDrop).toEqual(["5.2"]);
    expect(a.testAgainst[0]?.series).toBe("2029");
  });
});
