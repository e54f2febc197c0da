import { describe, expect, it } from "vitest";
import {
  adviseSupport,
  buildReleaseCalendar,
  findSeries,
  isSupported,
  MILESTONE_KINDS,
  type ReleaseSeries,
  seriesPhase,
  twoGreenPlusLastYellow,
} from "./calendar.ts";

const calendar = buildReleaseCalendar();
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
      const dates = MILESTONE_KINDS.map((k) => s.milestones[k].date);
      expect([...dates].sort(), `${s.series} milestones in order`).toEqual(dates);
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

  it("labels month-only and unannounced dates projected, with the rule", () => {
    const ext52 = get("5.2").milestones["end-extended"];
    expect(ext52.status).toBe("projected");
    expect(ext52.date.slice(0, 7)).toBe("2028-04");
    expect(ext52.rule).toContain("2028-04");
    const final62 = get("6.2").milestones.final;
    expect(final62).toMatchObject({ date: "2027-04-07", status: "projected" });
    const alpha61 = get("6.1").milestones.alpha;
    expect(alpha61.status).toBe("projected");
    expect(alpha61.date).toBe("2026-05-19");
    for (const s of calendar.filter((x) => x.scheme === "calver")) {
      for (const k of MILESTONE_KINDS) expect(s.milestones[k].status).toBe("projected");
    }
  });

  it("projects calendar versions by DEP 20: final in the second week of January, pre-releases Oct-Dec", () => {
    for (const s of calendar.filter((x) => x.scheme === "calver")) {
      const y = Number(s.series);
      const final = s.milestones.final.date;
      expect(final.slice(0, 7)).toBe(`${y}-01`);
      expect(Number(final.slice(8))).toBeGreaterThanOrEqual(8);
      expect(Number(final.slice(8))).toBeLessThanOrEqual(14);
      expect(s.milestones.alpha.date.slice(0, 7)).toBe(`${y - 1}-10`);
      expect(s.milestones.beta.date.slice(0, 7)).toBe(`${y - 1}-11`);
      expect(s.milestones.rc.date.slice(0, 7)).toBe(`${y - 1}-12`);
      expect(s.milestones["end-mainstream"].date.slice(0, 7)).toBe(`${y + 1}-01`);
      expect(s.milestones["end-extended"].date.slice(0, 7)).toBe(`${y + 3}-01`);
    }
    expect(get("2030").milestones.final.date).toBe("2030-01-09");
  });

  it("gives Python versions: announced ones, and 'two green plus last yellow' for calendar versions", () => {
    expect(get("6.1").python).toEqual(["3.12", "3.13", "3.14"]);
    expect(get("5.2").python).toEqual(["3.10", "3.11", "3.12", "3.13", "3.14"]);
    expect(get("2028").python).toEqual(["3.14", "3.15", "3.16"]);
    expect(get("2028").pythonStatus).toBe("projected");
    expect(twoGreenPlusLastYellow("2026-11-21")).toEqual(["3.13", "3.14", "3.15"]);
  });

  it("lets a recorded date override the projection, the latest record winning", () => {
    const cal = buildReleaseCalendar({
      recorded: [
        {
          series: "6.2",
          milestone: "alpha",
          date: "2027-01-13",
          recordedAt: new Date("2026-11-01T10:00:00Z"),
          recordedBy: "fellow",
          note: null,
        },
        {
          series: "6.2",
          milestone: "alpha",
          date: "2027-01-20",
          recordedAt: new Date("2026-11-02T10:00:00Z"),
          recordedBy: "fellow",
          note: "blog post",
        },
      ],
    });
    const alpha = get("6.2", cal).milestones.alpha;
    expect(alpha).toMatchObject({ date: "2027-01-20", status: "announced" });
    expect(alpha.rule).toContain("blog post");
    expect(get("6.2", cal).milestones.beta.status).toBe("projected");
  });
});

describe("phases and support advice", () => {
  it("knows where each series stands on a date", () => {
    expect(seriesPhase(get("6.1"), "2026-11-21")).toBe("mainstream");
    expect(seriesPhase(get("6.0"), "2026-11-21")).toBe("extended");
    expect(seriesPhase(get("4.2"), "2026-11-21")).toBe("end-of-life");
    expect(seriesPhase(get("6.2"), "2026-11-21")).toBe("in-development");
    expect(seriesPhase(get("6.2"), "2027-02-01")).toBe("pre-release");
    expect(isSupported(get("5.2"), "2026-11-21")).toBe(true);
  });

  it("on 2026-11-21 advises 5.2, 6.0 and 6.1, from the previous LTS 5.2, testing against 6.2", () => {
    const a = adviseSupport(calendar, "2026-11-21");
    expect(a.supported).toEqual(["5.2", "6.0", "6.1"]);
    expect(a.latest).toBe("6.1");
    expect(a.previousLts).toBe("5.2");
    expect(a.recommended).toEqual(["5.2", "6.0", "6.1"]);
    expect(a.requiresDist).toBe("Django>=5.2");
    expect(a.testAgainst[0]?.series).toBe("6.2");
    expect(a.python).toEqual(["3.10", "3.11", "3.12", "3.13", "3.14"]);
    expect(a.reasons.join(" ")).toContain("previous LTS, which is 5.2");
  });

  it("in March 2026 says 4.2 may be dropped, still supported but older than the previous LTS", () => {
    const a = adviseSupport(calendar, "2026-03-01");
    expect(a.supported).toEqual(["4.2", "5.2", "6.0"]);
    expect(a.previousLts).toBe("5.2");
    expect(a.mayDrop).toEqual(["4.2"]);
  });

  it("in February 2028 moves on to the calendar versions", () => {
    const a = adviseSupport(calendar, "2028-02-01");
    expect(a.latest).toBe("2028");
    expect(a.previousLts).toBe("6.2");
    expect(a.recommended).toEqual(["6.2", "2028"]);
    expect(a.mayDrop).toEqual(["5.2"]);
    expect(a.testAgainst[0]?.series).toBe("2029");
  });
});
