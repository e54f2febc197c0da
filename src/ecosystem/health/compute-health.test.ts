import { describe, expect, it } from "vitest";
import { buildReleaseCalendar } from "../releases/calendar.ts";
import { computeHealth, type HealthFacts, healthContext } from "./compute-health.ts";
import { HEALTH_RULES } from "./health-rules.ts";
import { routeVulnerabilityReport } from "./report-route.ts";

const calendar = buildReleaseCalendar({ today: "2026-12-02" });
const ctx = healthContext({
  today: "2026-12-02",
  calendar,
  ranks: [1, 5, 10, 50, 100, 500, 1000, 5000, 10000, 14000],
});

const CURRENT = [
  "Framework :: Django",
  "Framework :: Django :: 5.2",
  "Framework :: Django :: 6.0",
  "Framework :: Django :: 6.1",
  "Programming Language :: Python :: 3.12",
  "License :: OSI Approved :: BSD License",
];

function pkg(over: Partial<HealthFacts> = {}): HealthFacts {
  return {
    name: "django-example",
    synced: true,
    latestVersion: "3.0",
    latestReleaseAt: new Date("2026-09-01T00:00:00Z"),
    releasesLastTwoYears: 4,
    classifiers: CURRENT,
    requiresDist: ["Django>=5.2"],
    requiresPython: ">=3.10",
    projectUrls: { Source: "https://github.com/example/django-example" },
    licenseExpression: null,
    ownership: {
      roles: [
        { role: "Owner", user: "ada" },
        { role: "Maintainer", user: "bob" },
        { role: "Maintainer", user: "cy" },
      ],
      organization: null,
    },
    downloadRank: 10,
    vulnerabilities: [],
    declarations: [],
    repository: null,
    contacts: [],
    ...over,
  };
}

const rule = (h: ReturnType<typeof computeHealth>, id: string) =>
  h.subScores.flatMap((s) => s.rules).find((r) => r.id === id);

describe("package health", () => {
  it("explains every sub-score with named rules, and gives a total beside them", () => {
    const h = computeHealth(pkg(), ctx);
    expect(h.subScores.map((s) => s.id)).toEqual([
      "maintenance",
      "compatibility",
      "metadata",
      "popularity",
      "community",
      "repository",
    ]);
    for (const r of h.subScores.flatMap((s) => s.rules))
      expect(HEALTH_RULES.some((d) => d.id === r.id)).toBe(true);
    expect(h.subScores.find((s) => s.id === "maintenance")?.score).toBe(100);
    expect(h.subScores.find((s) => s.id === "repository")?.score).toBeNull();
    expect(h.total).not.toBeNull();
    expect(h.totalNote).toContain("left out as unknown: repository");
    expect(h.bucket).toBe("healthy");
  });

  it("a finished package (old release, current Django declared, no vulnerability) is stable, not abandoned", () => {
    const old = pkg({
      latestReleaseAt: new Date("2024-10-01T00:00:00Z"),
      releasesLastTwoYears: 1,
      classifiers: CURRENT,
      requiresDist: ["Django>=4.2,<7"],
    });
    const h = computeHealth(old, ctx);
    expect(h.labels.map((l) => l.id)).toContain("stable");
    expect(rule(h, "maintenance.release-recency")).toMatchObject({ status: "pass", points: 30 });
    expect(rule(h, "maintenance.release-cadence")?.status).toBe("pass");
    expect(h.labels.find((l) => l.id === "stable")?.evidence).toContain(
      "repository: not checked (no GitHub signals)",
    );
    // The same package without current support is penalised and not labelled stable.
    const abandoned = computeHealth(
      {
        ...old,
        classifiers: ["Framework :: Django :: 3.2"],
        requiresDist: ["Django>=3.2,<4"],
        latestReleaseAt: new Date("2022-01-01T00:00:00Z"),
      },
      ctx,
    );
    expect(abandoned.labels.map((l) => l.id)).not.toContain("stable");
    expect(abandoned.labels.map((l) => l.id)).toContain("inactive");
    expect(rule(abandoned, "maintenance.release-recency")).toMatchObject({ status: "fail", points: 0 });
    // A known vulnerability costs the maintenance points for it and takes the label away, as does an archived repository.
    const vulnerable = computeHealth({ ...old, vulnerabilities: [{ id: "PYSEC-1" }] }, ctx);
    expect(rule(vulnerable, "maintenance.known-vulnerabilities")).toMatchObject({
      status: "fail",
      points: 0,
      evidence: ["PYSEC-1"],
    });
    expect(
      rule(computeHealth({ ...old, vulnerabilities: null }, ctx), "maintenance.known-vulnerabilities")
        ?.status,
    ).toBe("unknown");
    expect(
      computeHealth({ ...old, vulnerabilities: [{ id: "PYSEC-1" }] }, ctx).labels.map((l) => l.id),
    ).toEqual(["vulnerable"]);
    const archived = {
      repo: "example/x",
      status: "ok" as const,
      archived: true,
      pushedAt: null,
      openIssues: 0,
      securityPolicy: false,
      ciConclusion: null,
      fetchedAt: new Date(),
    };
    expect(computeHealth({ ...old, repository: archived }, ctx).labels.map((l) => l.id)).toContain(
      "archived",
    );
    expect(computeHealth({ ...old, repository: archived }, ctx).labels.map((l) => l.id)).not.toContain(
      "stable",
    );
  });

  it("support for the current Django within 6 months of its final passes; later is half; none waits inside the window", () => {
    // 6.1 final: 2026-08-04.
    const within = pkg({
      declarations: [
        {
          version: "2.9",
          uploadedAt: new Date("2026-08-20T00:00:00Z"),
          classifiers: CURRENT,
          requiresDist: [],
          requiresPython: null,
        },
      ],
    });
    expect(rule(computeHealth(within, ctx), "maintenance.current-django")).toMatchObject({
      status: "pass",
      points: 50,
    });
    const late = computeHealth(pkg({ latestReleaseAt: new Date("2027-03-01T00:00:00Z") }), {
      ...ctx,
      today: "2027-03-02",
    });
    expect(rule(late, "maintenance.current-django")).toMatchObject({ status: "partial", points: 25 });
    const none = pkg({ classifiers: ["Framework :: Django :: 6.0"], requiresDist: ["Django>=5.2,<6.1"] });
    expect(rule(computeHealth(none, ctx), "maintenance.current-django")?.status).toBe("waiting");
    const after = computeHealth(none, healthContext({ today: "2027-03-01", calendar, ranks: ctx.ranks }));
    expect(rule(after, "maintenance.current-django")).toMatchObject({ status: "fail", points: 0 });
  });

  it("a snapshot row (never synced) is unknown, never failing: no total without maintenance and compatibility", () => {
    const snap = pkg({
      synced: false,
      classifiers: [],
      requiresDist: [],
      requiresPython: null,
      projectUrls: {},
      ownership: { roles: [], organization: null },
      releasesLastTwoYears: null,
      vulnerabilities: null,
    });
    const h = computeHealth(snap, ctx);
    expect(h.total).toBeNull();
    expect(h.bucket).toBe("unknown");
    expect(h.totalNote).toContain("compatibility unknown");
    for (const id of ["metadata", "compatibility", "community"])
      expect(h.subScores.find((s) => s.id === id)?.score).toBeNull();
    for (const r of h.subScores.flatMap((s) => s.rules))
      expect(r.status === "fail" && r.id !== "popularity.download-rank").toBe(false);
  });

  it("one owner is a bus-factor risk; popularity is a percentile among ranked packages", () => {
    const h = computeHealth(
      pkg({ ownership: { roles: [{ role: "Owner", user: "ada" }], organization: null }, downloadRank: 5000 }),
      ctx,
    );
    expect(rule(h, "community.owners")).toMatchObject({ status: "partial", points: 30 });
    expect(h.labels.map((l) => l.id)).toContain("sole-owner");
    expect(rule(h, "popularity.download-rank")?.message).toContain("percentile 30");
    expect(rule(computeHealth(pkg({ downloadRank: null }), ctx), "popularity.download-rank")).toMatchObject({
      status: "fail",
      points: 0,
    });
  });

  it("repository signals count when fetched", () => {
    const repo = {
      repo: "example/x",
      status: "ok" as const,
      archived: false,
      pushedAt: new Date("2026-11-01T00:00:00Z"),
      openIssues: 12,
      securityPolicy: true,
      ciConclusion: "success",
      fetchedAt: new Date("2026-12-01T00:00:00Z"),
    };
    const h = computeHealth(pkg({ repository: repo }), ctx);
    expect(h.subScores.find((s) => s.id === "repository")?.score).toBe(100);
    expect(rule(h, "repository.activity")?.message).toContain("12 open issues");
    const red = computeHealth(
      pkg({ repository: { ...repo, ciConclusion: "failure", securityPolicy: false } }),
      ctx,
    );
    expect(red.subScores.find((s) => s.id === "repository")?.score).toBe(40);
  });
});

describe("where to report a vulnerability", () => {
  const base = { synced: true, projectUrls: {}, repository: null, contacts: [] as string[] };
  const repo = {
    repo: "ex/x",
    status: "ok" as const,
    archived: false,
    pushedAt: null,
    openIssues: 0,
    ciConclusion: null,
    fetchedAt: new Date(),
  };
  it("prefers the security policy, then a Security URL, then the maintainers, then the working group", () => {
    expect(routeVulnerabilityReport({ ...base, repository: { ...repo, securityPolicy: true } }).via).toBe(
      "security-policy",
    );
    expect(
      routeVulnerabilityReport({ ...base, projectUrls: { "Security Policy": "https://ex.org/sec" } }),
    ).toMatchObject({ via: "security-url", href: "https://ex.org/sec" });
    expect(routeVulnerabilityReport({ ...base, contacts: ["Ada <ada@example.org>"] })).toMatchObject({
      via: "maintainers",
      href: "mailto:ada@example.org",
    });
    expect(routeVulnerabilityReport(base).via).toBe("working-group");
    const gh = { ...base, projectUrls: { Source: "https://github.com/ex/x" } };
    expect(routeVulnerabilityReport(gh).via).toBe("repository-unchecked");
    expect(routeVulnerabilityReport({ ...gh, repository: { ...repo, securityPolicy: false } }).via).toBe(
      "working-group",
    );
    expect(routeVulnerabilityReport({ ...base, synced: false }).via).toBe("unknown");
  });
});
