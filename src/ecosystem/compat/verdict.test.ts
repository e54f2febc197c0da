import { describe, expect, it } from "vitest";
import { buildReleaseCalendar, findSeries, type ReleaseSeries } from "../releases/calendar.ts";
import { computeReadiness, type RankedPackage, topByRank } from "./readiness.ts";
import { describeReadiness, describeReadyShare } from "./readiness-chart.ts";
import {
  type CompatTarget,
  hasUpperBound,
  judgeCompatibility,
  type PackageFacts,
  targetForPrerelease,
  targetForSeries,
} from "./verdict.ts";

const calendar = buildReleaseCalendar({ today: "2026-12-02" });
function series(name: string): ReleaseSeries {
  const s = findSeries(calendar, name);
  if (!s) throw new Error(`no series ${name}`);
  return s;
}
const t = (name: string): CompatTarget => targetForSeries(series(name));

function facts(over: Partial<PackageFacts> = {}): PackageFacts {
  return {
    name: "django-demo",
    version: "1.0",
    metadataKnown: true,
    classifiers: [],
    requiresDist: [],
    requiresPython: null,
    ...over,
  };
}
const dj = (...v: string[]) => v.map((x) => `Framework :: Django :: ${x}`);

describe("classifier evidence (pyreadiness rule)", () => {
  it("yes when the series' classifier is present", () => {
    const v = judgeCompatibility({ facts: facts({ classifiers: dj("5.2", "6.0") }), target: t("6.0") });
    expect(v.verdict).toBe("yes");
    expect(v.decidedBy).toBe("classifier");
    expect(v.conflicts).toEqual([]);
  });

  it("no when other versioned classifiers exist but not this one", () => {
    const v = judgeCompatibility({ facts: facts({ classifiers: dj("4.2", "5.0") }), target: t("5.2") });
    expect(v.verdict).toBe("no");
    expect(v.evidence[0]?.detail).toContain("4.2, 5.0");
  });

  it("maybe when no versioned Django classifier exists at all", () => {
    const v = judgeCompatibility({
      facts: facts({ classifiers: ["Framework :: Django", "Programming Language :: Python :: 3.12"] }),
      target: t("6.1"),
    });
    expect(v.verdict).toBe("maybe");
  });

  it("the major-only classifier covers every series of that major, and only those", () => {
    const f = facts({ classifiers: dj("5") });
    expect(judgeCompatibility({ facts: f, target: t("5.1") }).verdict).toBe("yes");
    expect(judgeCompatibility({ facts: f, target: t("5.2") }).evidence[0]?.detail).toContain("major-only");
    expect(judgeCompatibility({ facts: f, target: t("6.0") }).verdict).toBe("no");
    expect(judgeCompatibility({ facts: f, target: t("2028") }).verdict).toBe("no");
  });

  it("calendar-versioned series use the year classifier", () => {
    expect(judgeCompatibility({ facts: facts({ classifiers: dj("2028") }), target: t("2028") }).verdict).toBe(
      "yes",
    );
    expect(judgeCompatibility({ facts: facts({ classifiers: dj("2028") }), target: t("2029") }).verdict).toBe(
      "no",
    );
  });

  it("not-synced, with no evidence, when the metadata was never fetched (a snapshot row)", () => {
    const v = judgeCompatibility({ facts: facts({ metadataKnown: false }), target: t("6.1") });
    expect(v.verdict).toBe("not-synced");
    expect(v.decidedBy).toBeNull();
    expect(v.evidence).toEqual([]);
    expect(v.reason).toContain("not synced yet");
    // Even leftover classifiers do not count: nothing fetched is known.
    const stale = judgeCompatibility({
      facts: facts({ metadataKnown: false, classifiers: dj("6.1") }),
      target: t("6.1"),
    });
    expect(stale.verdict).toBe("not-synced");
  });

  it("unknown when the release has no metadata at all", () => {
    const v = judgeCompatibility({ facts: facts(), target: t("6.0") });
    expect(v.verdict).toBe("unknown");
    expect(v.decidedBy).toBeNull();
  });
});

describe("requires-dist evidence", () => {
  it("an upper bound that excludes the series says no, and beats a classifier (conflict reported)", () => {
    const v = judgeCompatibility({
      facts: facts({ classifiers: dj("6.0"), requiresDist: ["Django>=4.2,<6.0"] }),
      target: t("6.0"),
    });
    expect(v.verdict).toBe("no");
    expect(v.decidedBy).toBe("requires-dist");
    expect(v.conflicts[0]).toMatch(/classifier says yes .* requires-dist excludes 6.0/);
  });

  it("an upper bound that allows the series says yes even without its classifier (conflict reported)", () => {
    const v = judgeCompatibility({
      facts: facts({ classifiers: dj("4.2", "5.0"), requiresDist: ["Django>=4.2,<6.0"] }),
      target: t("5.2"),
    });
    expect(v.verdict).toBe("yes");
    expect(v.decidedBy).toBe("requires-dist");
    expect(v.conflicts).toHaveLength(1);
  });

  it("a lower bound only says maybe and leaves the classifier rule in charge", () => {
    const f = facts({ requiresDist: ["Django>=3.2"] });
    const v = judgeCompatibility({ facts: f, target: t("6.1") });
    expect(v.verdict).toBe("maybe");
    expect(v.evidence.find((e) => e.source === "requires-dist")?.says).toBe("maybe");
    const withOthers = judgeCompatibility({
      facts: { ...f, classifiers: dj("3.2", "4.0") },
      target: t("6.1"),
    });
    expect(withOthers.verdict).toBe("no");
  });

  it("a lower bound above the series excludes it", () => {
    expect(
      judgeCompatibility({ facts: facts({ requiresDist: ["django>=5.0"] }), target: t("4.2") }).verdict,
    ).toBe("no");
  });

  it("a patch-level bound inside the series still allows the series", () => {
    expect(
      judgeCompatibility({ facts: facts({ requiresDist: ["Django>=5.2.3,<6.0"] }), target: t("5.2") })
        .verdict,
    ).toBe("yes");
    expect(
      judgeCompatibility({ facts: facts({ requiresDist: ["Django<5.2.4"] }), target: t("5.2") }).verdict,
    ).toBe("yes");
    expect(
      judgeCompatibility({ facts: facts({ requiresDist: ["Django~=5.2.0"] }), target: t("5.2") }).verdict,
    ).toBe("yes");
    expect(
      judgeCompatibility({ facts: facts({ requiresDist: ["Django~=5.2.0"] }), target: t("6.0") }).verdict,
    ).toBe("no");
    expect(
      judgeCompatibility({ facts: facts({ requiresDist: ["Django!=5.2.*"] }), target: t("5.2") }).verdict,
    ).toBe("no");
  });

  it("ignores requirements that apply only with an extra, and other projects named like Django", () => {
    const v = judgeCompatibility({
      facts: facts({
        classifiers: dj("6.1"),
        requiresDist: ['Django<5.0 ; extra == "legacy"', "django-environ<1", "djangorestframework<3"],
      }),
      target: t("6.1"),
    });
    expect(v.verdict).toBe("yes");
    expect(v.evidence.map((e) => e.source)).toEqual(["classifier"]);
  });

  it("combines requirements behind different Python markers: allowed when any allows", () => {
    const requiresDist = [
      'Django>=3.2,<5.0 ; python_version < "3.10"',
      'Django>=4.2,<6.1 ; python_version >= "3.10"',
    ];
    expect(judgeCompatibility({ facts: facts({ requiresDist }), target: t("6.0") }).verdict).toBe("yes");
    expect(judgeCompatibility({ facts: facts({ requiresDist }), target: t("6.1") }).verdict).toBe("no");
  });

  it("an unreadable Django requirement is reported, not trusted", () => {
    const v = judgeCompatibility({ facts: facts({ requiresDist: ["Django >=> 4"] }), target: t("6.0") });
    expect(v.evidence.find((e) => e.source === "requires-dist")?.says).toBe("unknown");
    expect(v.verdict).toBe("maybe");
  });

  it("calendar versions compare above every X.Y", () => {
    expect(
      judgeCompatibility({ facts: facts({ requiresDist: ["Django<6"] }), target: t("2028") }).verdict,
    ).toBe("no");
    expect(
      judgeCompatibility({ facts: facts({ requiresDist: ["Django>=5.2,<2029"] }), target: t("2028") })
        .verdict,
    ).toBe("yes");
    expect(
      judgeCompatibility({ facts: facts({ requiresDist: ["Django>=5.2,<2029"] }), target: t("2029") })
        .verdict,
    ).toBe("no");
  });

  it("knows which specifiers bound from above", () => {
    expect(hasUpperBound(">=4.2")).toBe(false);
    expect(hasUpperBound(">=4.2,!=5.0.1")).toBe(false);
    expect(hasUpperBound(">=4.2,<6.0")).toBe(true);
    expect(hasUpperBound("~=5.2")).toBe(true);
    expect(hasUpperBound("==5.2.*")).toBe(true);
    expect(hasUpperBound("")).toBe(false);
  });
});

describe("requires-python evidence", () => {
  it("no overlap with the series' Python versions says no, whatever the classifier says", () => {
    const v = judgeCompatibility({
      facts: facts({ classifiers: dj("6.0"), requiresPython: "<3.10" }),
      target: t("6.0"),
    });
    expect(v.verdict).toBe("no");
    expect(v.decidedBy).toBe("requires-python");
    expect(v.conflicts[0]).toContain("Requires-Python");
  });

  it("overlap only allows; it never makes a yes by itself", () => {
    const v = judgeCompatibility({ facts: facts({ requiresPython: ">=3.10" }), target: t("6.1") });
    expect(v.verdict).toBe("maybe");
    expect(v.evidence.find((e) => e.source === "requires-python")?.says).toBe("allows");
  });

  it("a patch-level lower bound still overlaps that minor version", () => {
    const v = judgeCompatibility({ facts: facts({ requiresPython: ">=3.14.1" }), target: t("6.0") });
    expect(v.evidence.find((e) => e.source === "requires-python")?.detail).toContain("3.14");
    expect(v.verdict).toBe("maybe");
  });

  it("excluding lists such as !=3.0.*,… leave modern versions allowed", () => {
    const v = judgeCompatibility({
      facts: facts({ requiresPython: ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*", classifiers: dj("4.2") }),
      target: t("4.2"),
    });
    expect(v.verdict).toBe("yes");
  });

  it("weighs nothing for a series whose Python versions are not announced (no guessed no)", () => {
    const v = judgeCompatibility({
      facts: facts({ classifiers: dj("6.2"), requiresPython: ">=3.12" }),
      target: t("6.2"),
    });
    expect(v.verdict).toBe("yes");
    const py = v.evidence.find((e) => e.source === "requires-python");
    expect(py?.says).toBe("unknown");
    expect(py?.detail).toContain("not yet announced");
  });
});

describe("pre-release series", () => {
  const s61 = series("6.1");
  it("an upper bound below the series excludes its alpha", () => {
    const v = judgeCompatibility({
      facts: facts({ requiresDist: ["Django>=4.2,<6.1"] }),
      target: targetForPrerelease(s61, "6.1a1"),
    });
    expect(v.verdict).toBe("no");
  });

  it("an open lower bound admits the alpha when pre-releases are asked for", () => {
    const v = judgeCompatibility({
      facts: facts({ requiresDist: ["Django>=4.2,<6.2"] }),
      target: targetForPrerelease(s61, "6.1a1"),
    });
    expect(v.verdict).toBe("yes");
  });

  it("a bound set at the release candidate admits it", () => {
    const target = targetForPrerelease(series("2028"), "2028rc1");
    expect(judgeCompatibility({ facts: facts({ requiresDist: ["Django>=2028rc1"] }), target }).verdict).toBe(
      "maybe",
    );
    expect(judgeCompatibility({ facts: facts({ requiresDist: ["Django<2028"] }), target }).verdict).toBe(
      "no",
    );
  });
});

describe("readiness", () => {
  const pkgs: RankedPackage[] = [
    { ...facts({ name: "a", classifiers: dj("6.1") }), displayName: "A", downloadRank: 2 },
    { ...facts({ name: "b", requiresDist: ["Django<6.1"] }), displayName: "B", downloadRank: 1 },
    { ...facts({ name: "c", classifiers: ["Framework :: Django"] }), displayName: "C", downloadRank: 3 },
    { ...facts({ name: "d" }), displayName: "D", downloadRank: 4 },
    { ...facts({ name: "e", classifiers: dj("6.1") }), displayName: "E", downloadRank: null },
    { ...facts({ name: "f", metadataKnown: false }), displayName: "F", downloadRank: 5 },
  ];

  it("takes the N best-ranked packages and never unranked ones", () => {
    expect(topByRank(pkgs, 3).map((p) => p.name)).toEqual(["b", "a", "c"]);
    expect(topByRank(pkgs, 10).map((p) => p.name)).toEqual(["b", "a", "c", "d", "f"]);
  });

  it("counts verdicts and the ready share", () => {
    const r = computeReadiness({ packages: pkgs, target: t("6.1"), top: 10 });
    expect(r.considered).toBe(5);
    expect(r.known).toBe(4);
    expect(r.counts).toEqual({ yes: 1, maybe: 1, no: 1, unknown: 1, "not-synced": 1 });
    // The package not synced is neither "no" nor in the share's denominator.
    expect(r.readyShare).toBe(0.25);
    expect(r.rows[0]?.compat.decidedBy).toBe("requires-dist");
  });

  it("gives no ready share (not 0%) when no package is synced", () => {
    const snapshotOnly = pkgs.map((p) => ({ ...p, metadataKnown: false }));
    const r = computeReadiness({ packages: snapshotOnly, target: t("6.1"), top: 10 });
    expect(r.counts).toEqual({ yes: 0, maybe: 0, no: 0, unknown: 0, "not-synced": 5 });
    expect(r.known).toBe(0);
    expect(r.readyShare).toBeNull();
    expect(describeReadyShare(r)).toBe("not known: none of the 5 packages has been synced from an index");
    expect(describeReadiness(r)).not.toContain("0.0%");
  });
});
