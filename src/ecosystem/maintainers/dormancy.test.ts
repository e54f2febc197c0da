import { describe, expect, it } from "vitest";
import {
  type DormancyFacts,
  judgeDormancy,
  lastClosedWindow,
  popularityWeight,
  rankDormant,
} from "./dormancy.ts";
import { maintainersOf } from "./maintainer-rule.ts";

const RELEASES = [
  { series: "5.2", final: "2025-04-02" },
  { series: "6.0", final: "2025-12-03" },
  { series: "6.1", final: "2026-08-04" },
];
const TODAY = "2026-11-21";
const facts = (over: Partial<DormancyFacts>): DormancyFacts => ({
  name: "p",
  displayName: "p",
  downloadRank: 10,
  source: "index",
  latestReleaseAt: new Date("2026-10-01T00:00:00Z"),
  dataAsOf: "2026-11-20T00:00:00.000Z",
  ...over,
});
/** Judges `facts(over)` against RELEASES on TODAY. */
const judge = (over: Partial<DormancyFacts>) => judgeDormancy(facts(over), RELEASES, TODAY);

describe("dormancy by Django Commons' rules", () => {
  it("looks at the latest Django release whose 6-month window has closed", () => {
    // 6.1's window closes in February 2027, so on 2026-11-21 the rule looks at 6.0.
    expect(lastClosedWindow(RELEASES, TODAY)?.series).toBe("6.0");
    expect(lastClosedWindow(RELEASES, "2025-06-01")).toBeNull();
  });

  it("is active with a recent release", () => {
    expect(judge({})).toMatchObject({
      status: "active",
      reasons: [],
      priority: 0,
    });
  });

  it("flags no release since a Django feature release (6 months on)", () => {
    const f = judge({ latestReleaseAt: new Date("2025-12-01T00:00:00Z") });
    expect(f.status).toBe("possibly-dormant");
    expect(f.reasons.map((r) => r.rule)).toEqual(["no-release-after-django"]);
    expect(f.reasons[0]?.text).toContain("Django 6.0");
  });

  it("flags both rules for no release for 12 months and weighs by popularity", () => {
    const popular = judge({ latestReleaseAt: new Date("2024-01-10T00:00:00Z"), downloadRank: 1 });
    const rare = judge({ name: "q", latestReleaseAt: new Date("2024-01-10T00:00:00Z"), downloadRank: 9000 });
    expect(popular.reasons.map((r) => r.rule)).toEqual(["no-release-12-months", "no-release-after-django"]);
    expect(popular.priority).toBeCloseTo(2 * popularityWeight(1));
    expect(popular.priority).toBeGreaterThan(rare.priority);
    const oneRule = judge({ name: "r", latestReleaseAt: new Date("2025-12-01T00:00:00Z"), downloadRank: 1 });
    expect(rankDormant([rare, oneRule, popular]).map((f) => f.name)).toEqual(["p", "r", "q"]);
    expect(popularityWeight(null)).toBe(0);
  });

  it("says unknown, and why, when there is no date or the snapshot's month straddles a rule", () => {
    const none = judge({ source: "snapshot", latestReleaseAt: null });
    expect(none.status).toBe("unknown");
    expect(none.unknownWhy).toContain("no sync has fetched");
    // A snapshot month of 2025-12 straddles 6.0's final (2025-12-03): undecided, not dormant.
    const month = judge({ source: "snapshot", latestReleaseAt: new Date("2025-12-01T00:00:00Z") });
    expect(month.status).toBe("unknown");
    expect(month.unknownWhy).toContain("Django 6.0 rule");
    expect(month.lastRelease).toBe("2025-12");
    // A snapshot month well before is decided.
    const old = judge({ source: "snapshot", latestReleaseAt: new Date("2023-05-01T00:00:00Z") });
    expect(old.status).toBe("possibly-dormant");
  });
});

describe("who maintains a package", () => {
  const pkg = { projectUrls: { Source: "https://github.com/Ada/django-thing" }, ownerUsers: ["ada", "bob"] };
  it("is the repository owner's account, or a volunteer PyPI lists as an owner", () => {
    const m = maintainersOf(
      pkg,
      [
        { userId: 1, githubLogin: "ada" },
        { userId: 2, githubLogin: "someone" },
      ],
      [
        { userId: 3, pypiUser: "Bob" },
        { userId: 4, pypiUser: "carol" },
      ],
    );
    expect([...m.entries()]).toEqual([
      [1, "repository-owner"],
      [3, "pypi-owner"],
    ]);
  });
  it("is nobody for a package without a GitHub repository or synced owners", () => {
    expect(
      maintainersOf(
        { projectUrls: {}, ownerUsers: [] },
        [{ userId: 1, githubLogin: "ada" }],
        [{ userId: 3, pypiUser: "bob" }],
      ).size,
    ).toBe(0);
  });
});
