import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { judgeCompatibility, targetForSeries } from "../compat/verdict.ts";
import { buildReleaseCalendar, findSeries } from "../releases/calendar.ts";
import { classifierKnown } from "./classifier-known.ts";
import { countStatuses, trackerStatus } from "./tracker-status.ts";

const calendar = buildReleaseCalendar({ today: "2026-11-21" });
const series = findSeries(calendar, "6.2");
if (!series) throw new Error("no 6.2 in the calendar");
const target = targetForSeries(series);
const verdict = (classifiers: string[], synced = true) =>
  judgeCompatibility({
    facts: {
      name: "p",
      version: "1.0",
      metadataKnown: synced,
      classifiers,
      requiresDist: [],
      requiresPython: null,
    },
    target,
  });
const entry = (status: "in-progress" | "not-started" | "blocked") => ({
  status,
  link: status === "in-progress" ? "https://github.com/o/p/pull/1" : null,
  reason: status === "blocked" ? "waits on a dependency" : null,
  setByName: "Ada",
  setAt: new Date("2026-11-20T10:00:00Z"),
});

describe("tracker status", () => {
  it("is ready by metadata, whatever was set by hand", () => {
    const ready = trackerStatus(verdict(["Framework :: Django :: 6.2"]), entry("blocked"));
    expect(ready).toMatchObject({ status: "ready", decidedBy: "metadata" });
    expect(ready.why).toContain('supersedes "blocked" set by Ada');
  });
  it("is what was set: in progress with its link, blocked with its reason, not started", () => {
    const v = verdict(["Framework :: Django :: 5.2"]);
    expect(trackerStatus(v, entry("in-progress"))).toMatchObject({
      status: "in-progress",
      decidedBy: "set",
      link: "https://github.com/o/p/pull/1",
    });
    expect(trackerStatus(v, entry("blocked"))).toMatchObject({
      status: "blocked",
      reason: "waits on a dependency",
    });
    expect(trackerStatus(v, entry("not-started")).why).toBe("set by Ada on 20 November 2026, 10:00 UTC");
  });
  it("is not started by default, and unknown while not synced", () => {
    expect(trackerStatus(verdict(["Framework :: Django :: 5.2"]), null)).toMatchObject({
      status: "not-started",
      decidedBy: "default",
    });
    expect(trackerStatus(verdict([], false), null)).toMatchObject({
      status: "unknown",
      decidedBy: "not-synced",
    });
    expect(countStatuses([{ status: "ready" }, { status: "ready" }, { status: "blocked" }])).toEqual({
      ready: 2,
      "in-progress": 0,
      "not-started": 0,
      blocked: 1,
      unknown: 0,
    });
  });
});

describe("the series' classifier on the official list", () => {
  it("agrees with Debian's trove_classifiers for every series of the calendar, and knows 6.2's is not there yet", () => {
    const official = new Set(
      JSON.parse(
        execFileSync(
          "/usr/bin/python3",
          ["-c", "import json, trove_classifiers as t; print(json.dumps(sorted(t.classifiers)))"],
          {
            encoding: "utf8",
          },
        ),
      ) as string[],
    );
    expect(official.size).toBeGreaterThan(500);
    for (const s of calendar) {
      // Whatever Debian's list has, the app's list has (it also knows classifiers added since).
      if (official.has(s.classifier))
        expect(classifierKnown(s.classifier).onOfficialList, s.series).toBe(true);
    }
    expect(official.has("Framework :: Django :: 4.2")).toBe(true);
    expect(classifierKnown("Framework :: Django :: 4.2").onOfficialList).toBe(true);
    expect(official.has("Framework :: Django :: 6.2")).toBe(false);
    const next = classifierKnown("Framework :: Django :: 6.2");
    expect(next).toMatchObject({ onOfficialList: false, asOf: "2026-01" });
    expect(next.source).toContain("python3-trove-classifiers");
  });
});
