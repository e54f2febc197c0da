/**
 * The Django release calendar as pure rules and data (imports nothing from platform/).
 *
 * Two numbering schemes:
 * - `X.Y` feature releases (DEP 4) up to 6.2, the last one; every X.2 is LTS.
 * - Calendar versions from 2028 (DEP 20): the series is named by its year (`2028`); the feature
 *   release is version `2028` (PEP 440 equal to `2028.0`), patch releases `2028.1`, `2028.2`,
 *   pre-releases `2028a1`, `2028b1`, `2028rc1`; the trove classifier is assumed to be
 *   `Framework :: Django :: 2028`. No separate LTS label.
 *
 * Dates the ecosystem notes give to the day are "announced"; dates given only as a month and every
 * milestone not yet announced are "projected" from the release policy, and each says which rule
 * produced it. Dates recorded by an admin override both and count as announced.
 */

/** The milestones of one feature release, in the order they happen. */
export const MILESTONE_KINDS = ["alpha", "beta", "rc", "final", "end-mainstream", "end-extended"] as const;

/** One milestone kind: alpha = feature freeze, rc = string freeze, final = release. */
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** Human names of the milestone kinds. */
export const MILESTONE_LABELS: Record<MilestoneKind, string> = {
  alpha: "Alpha (feature freeze)",
  beta: "Beta (non-release-blocking fixes freeze)",
  rc: "Release candidate (translation string freeze)",
  final: "Final release",
  "end-mainstream": "End of mainstream support",
  "end-extended": "End of extended support",
};

/** Whether a date has been announced by the Django project or is projected from the policy. */
export type DateStatus = "announced" | "projected";

/** One milestone of one series with where its date comes from. */
export interface Milestone {
  kind: MilestoneKind;
  /** ISO calendar date, YYYY-MM-DD. */
  date: string;
  status: DateStatus;
  /** The rule or source that produced the date. */
  rule: string;
}

/** The numbering scheme of a series. */
export type NumberingScheme = "x.y" | "calver";

/** Where a series stands on a given day. */
export type SeriesPhase = "in-development" | "pre-release" | "mainstream" | "extended" | "end-of-life";

/** One Django feature-release series with its milestones and supported Python versions. */
export interface ReleaseSeries {
  /** `4.2` … `6.2`, then `2028`, `2029`, … */
  series: string;
  scheme: NumberingScheme;
  lts: boolean;
  /** The version string of the feature release (`6.0`, `2028`). */
  featureVersion: string;
  /** The `Framework :: Django :: …` classifier of this series. */
  classifier: string;
  /** The major-only classifier that also covers this series (`Framework :: Django :: 5`), if any. */
  majorClassifier: string | null;
  /** Supported CPython versions (`3.12`, …). */
  python: string[];
  pythonStatus: DateStatus;
  pythonRule: string;
  milestones: Record<MilestoneKind, Milestone>;
}

/** A milestone date recorded by an admin; the latest record per series and milestone wins. */
export interface RecordedMilestone {
  series: string;
  milestone: MilestoneKind;
  date: string;
  recordedAt: Date;
  recordedBy: string;
  note: string | null;
}

type KnownDate = string; // YYYY-MM-DD (announced) or YYYY-MM (month only, projected)

interface KnownSeries {
  series: string;
  lts: boolean;
  python: string[];
  pythonSource: string;
  dates: Partial<Record<MilestoneKind, KnownDate>>;
}

/** Facts from the ecosystem notes (djangoproject.com, DEP 4, DEP 20) and the series' release notes. */
const KNOWN: KnownSeries[] = [
  {
    series: "4.2",
    lts: true,
    python: ["3.8", "3.9", "3.10", "3.11", "3.12"],
    pythonSource: "Django 4.2 release notes (3.12 from 4.2.8)",
    dates: { final: "2023-04-03", "end-mainstream": "2023-12-04", "end-extended": "2026-04-07" },
  },
  {
    series: "5.0",
    lts: false,
    python: ["3.10", "3.11", "3.12"],
    pythonSource: "Django 5.0 release notes",
    dates: { final: "2023-12-04", "end-mainstream": "2024-08-07", "end-extended": "2025-04-02" },
  },
  {
    series: "5.1",
    lts: false,
    python: ["3.10", "3.11", "3.12", "3.13"],
    pythonSource: "Django 5.1 release notes (3.13 from 5.1.3)",
    dates: { final: "2024-08-07", "end-mainstream": "2025-04-02", "end-extended": "2025-12-03" },
  },
  {
    series: "5.2",
    lts: true,
    python: ["3.10", "3.11", "3.12", "3.13", "3.14"],
    pythonSource: "Django 5.2 release notes (3.14 from 5.2.8)",
    dates: { final: "2025-04-02", "end-mainstream": "2025-12-03", "end-extended": "2028-04" },
  },
  {
    series: "6.0",
    lts: false,
    python: ["3.12", "3.13", "3.14"],
    pythonSource: "Django 6.0 release notes",
    dates: {
      alpha: "2025-09-17",
      beta: "2025-10-22",
      rc: "2025-11-19",
      final: "2025-12-03",
      "end-mainstream": "2026-08-04",
      "end-extended": "2027-04",
    },
  },
  {
    series: "6.1",
    lts: false,
    python: ["3.12", "3.13", "3.14"],
    pythonSource: "Django 6.1 release notes",
    dates: { final: "2026-08-04", "end-mainstream": "2027-04", "end-extended": "2027-12" },
  },
  {
    series: "6.2",
    lts: true,
    python: [],
    pythonSource: "",
    dates: { final: "2027-04", "end-mainstream": "2027-12", "end-extended": "2030-04" },
  },
  {
    series: "2028",
    lts: false,
    python: [],
    pythonSource: "",
    dates: { final: "2028-01", "end-mainstream": "2029-01", "end-extended": "2031-01" },
  },
  {
    series: "2029",
    lts: false,
    python: [],
    pythonSource: "",
    dates: { final: "2029-01", "end-mainstream": "2030-01", "end-extended": "2032-01" },
  },
];

/** The first calendar-versioned series (DEP 20). */
export const FIRST_CALVER_YEAR = 2028;

/** Days between each pre-release and the final, taken from the announced 6.0 schedule. */
const XY_PRE_RELEASE_OFFSETS: Record<"alpha" | "beta" | "rc", number> = { alpha: 77, beta: 42, rc: 14 };

/** Adds days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first Wednesday on or after the given day of a month (month 1-12). */
function wednesdayFrom(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The ISO date (YYYY-MM-DD) of a Date in UTC. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** True for series named by calendar year (DEP 20). */
export function isCalverSeries(series: string): boolean {
  return /^\d{4}$/.test(series);
}

/** Projects a month-only date to a day: X.Y releases on the first Wednesday, calver in the second week. */
function projectMonth(yyyyMm: string, scheme: NumberingScheme): { date: string; rule: string } {
  const [y, m] = yyyyMm.split("-").map(Number) as [number, number];
  if (scheme === "x.y") {
    return {
      date: wednesdayFrom(y, m, 1),
      rule: `announced only as ${yyyyMm}; day projected as the first Wednesday of the month (releases land early in the month, DEP 44)`,
    };
  }
  return {
    date: wednesdayFrom(y, m, 8),
    rule: `announced only as ${yyyyMm}; day projected as the Wednesday of the second week (DEP 20)`,
  };
}

/** CPython 3.N is released in October of 2011+N (PEP 602): 2 years of bug fixes, then 3 of security fixes. */
function cpythonRelease(minor: number): string {
  return `${2011 + minor}-10-01`;
}

/** "Two green plus last yellow": the two newest bug-fix CPython versions plus the newest security-only one. */
export function twoGreenPlusLastYellow(onDay: string): string[] {
  const year = Number(onDay.slice(0, 4));
  const green: number[] = [];
  let yellow: number | null = null;
  for (let minor = year - 2011 + 1; minor >= 8; minor--) {
    const released = cpythonRelease(minor);
    if (released > onDay) continue;
    const bugfixEnd = `${Number(released.slice(0, 4)) + 2}${released.slice(4)}`;
    const eol = `${Number(released.slice(0, 4)) + 5}${released.slice(4)}`;
    if (onDay < bugfixEnd) green.push(minor);
    else if (onDay < eol && yellow === null) yellow = minor;
  }
  const chosen = [...green.slice(0, 2), ...(yellow === null ? [] : [yellow])].sort((a, b) => a - b);
  return chosen.map((m) => `3.${m}`);
}

function knownMilestone(kind: MilestoneKind, value: KnownDate, scheme: NumberingScheme): Milestone {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return { kind, date: value, status: "announced", rule: "announced (djangoproject.com)" };
  }
  const p = projectMonth(value, scheme);
  return { kind, date: p.date, status: "projected", rule: p.rule };
}

function inOrder(ms: Partial<Record<MilestoneKind, Milestone>>): Record<MilestoneKind, Milestone> {
  const out = {} as Record<MilestoneKind, Milestone>;
  for (const kind of MILESTONE_KINDS) {
    const m = ms[kind];
    if (!m) throw new Error(`calendar data: missing ${kind}`);
    out[kind] = m;
  }
  return out;
}

function buildXy(known: KnownSeries): Omit<ReleaseSeries, "python" | "pythonStatus" | "pythonRule"> {
  const ms: Partial<Record<MilestoneKind, Milestone>> = {};
  for (const kind of MILESTONE_KINDS) {
    const v = known.dates[kind];
    if (v) ms[kind] = knownMilestone(kind, v, "x.y");
  }
  const final = ms.final;
  if (!final) throw new Error(`calendar data: series ${known.series} has no final date`);
  for (const kind of ["alpha", "beta", "rc"] as const) {
    if (ms[kind]) continue;
    const days = XY_PRE_RELEASE_OFFSETS[kind];
    ms[kind] = {
      kind,
      date: addDays(final.date, -days),
      status: "projected",
      rule: `projected: ${days} days before the final, as in the announced 6.0 schedule`,
    };
  }
  const [major] = known.series.split(".");
  return {
    series: known.series,
    scheme: "x.y",
    lts: known.lts,
    featureVersion: known.series,
    classifier: `Framework :: Django :: ${known.series}`,
    majorClassifier: `Framework :: Django :: ${major}`,
    milestones: inOrder(ms),
  };
}

function buildCalver(year: number, known: KnownSeries | undefined): ReleaseSeries {
  const series = String(year);
  const ms: Partial<Record<MilestoneKind, Milestone>> = {};
  for (const kind of MILESTONE_KINDS) {
    const v = known?.dates[kind];
    if (v) ms[kind] = knownMilestone(kind, v, "calver");
  }
  const second = (y: number, m: number) => wednesdayFrom(y, m, 8);
  const rules: Record<MilestoneKind, () => Milestone> = {
    alpha: () => ({
      kind: "alpha",
      date: second(year - 1, 10),
      status: "projected",
      rule: "projected (DEP 20): alpha early/mid October of the previous year, Wednesday of the second week",
    }),
    beta: () => ({
      kind: "beta",
      date: second(year - 1, 11),
      status: "projected",
      rule: "projected (DEP 20): beta in November of the previous year, Wednesday of the second week",
    }),
    rc: () => ({
      kind: "rc",
      date: second(year - 1, 12),
      status: "projected",
      rule: "projected (DEP 20): release candidate in December of the previous year, Wednesday of the second week",
    }),
    final: () => ({
      kind: "final",
      date: second(year, 1),
      status: "projected",
      rule: "projected (DEP 20): final in the second week of January, on its Wednesday",
    }),
    "end-mainstream": () => ({
      kind: "end-mainstream",
      date: second(year + 1, 1),
      status: "projected",
      rule: "projected (DEP 20): 12 months of mainstream support, ending with the next year's release",
    }),
    "end-extended": () => ({
      kind: "end-extended",
      date: second(year + 3, 1),
      status: "projected",
      rule: "projected (DEP 20): extended support ends in January three years after the release, as the published table shows for 2028 and 2029 (the DEP speaks of about 35 months)",
    }),
  };
  for (const kind of MILESTONE_KINDS) ms[kind] ??= rules[kind]();
  const final = (ms as Record<MilestoneKind, Milestone>).final;
  return {
    series,
    scheme: "calver",
    lts: false,
    featureVersion: series,
    classifier: `Framework :: Django :: ${series}`,
    majorClassifier: null,
    python: twoGreenPlusLastYellow(final.date),
    pythonStatus: "projected",
    pythonRule: `projected (DEP 20): "two green plus last yellow" CPython versions on ${final.date}`,
    milestones: inOrder(ms),
  };
}

/** Options of {@link buildReleaseCalendar}. */
export interface BuildCalendarInput {
  /** Admin-recorded dates; the latest per series and milestone overrides the projection. */
  recorded?: readonly RecordedMilestone[];
  /** Project calendar-versioned series up to and including this year (at least 2030). */
  throughYear?: number;
}

/** Every Django series from 4.2 on, oldest first, with announced, projected and recorded dates. */
export function buildReleaseCalendar(input: BuildCalendarInput = {}): ReleaseSeries[] {
  const through = Math.max(input.throughYear ?? 2031, 2030);
  const out: ReleaseSeries[] = [];
  let previousPython: string[] = [];
  for (const known of KNOWN) {
    if (isCalverSeries(known.series)) continue;
    const base = buildXy(known);
    if (known.python.length) {
      out.push({
        ...base,
        python: known.python,
        pythonStatus: "announced",
        pythonRule: known.pythonSource,
      });
      previousPython = known.python;
    } else {
      // X.Y rule: keep the previous series' versions and add each CPython released before the alpha.
      const alpha = base.milestones.alpha.date;
      const extra: string[] = [];
      for (let minor = 13; minor < 30; minor++) {
        const v = `3.${minor}`;
        if (cpythonRelease(minor) <= alpha && !previousPython.includes(v)) extra.push(v);
      }
      out.push({
        ...base,
        python: [...previousPython, ...extra],
        pythonStatus: "projected",
        pythonRule:
          "projected: the previous series' Python versions plus each CPython released before the alpha",
      });
    }
  }
  for (let year = FIRST_CALVER_YEAR; year <= through; year++) {
    out.push(
      buildCalver(
        year,
        KNOWN.find((k) => k.series === String(year)),
      ),
    );
  }
  return applyRecorded(out, input.recorded ?? []);
}

function applyRecorded(calendar: ReleaseSeries[], recorded: readonly RecordedMilestone[]): ReleaseSeries[] {
  const latest = new Map<string, RecordedMilestone>();
  for (const r of recorded) {
    const key = `${r.series}|${r.milestone}`;
    const prev = latest.get(key);
    if (!prev || prev.recordedAt.getTime() <= r.recordedAt.getTime()) latest.set(key, r);
  }
  return calendar.map((s) => {
    const milestones = { ...s.milestones };
    for (const kind of MILESTONE_KINDS) {
      const r = latest.get(`${s.series}|${kind}`);
      if (!r) continue;
      milestones[kind] = {
        kind,
        date: r.date,
        status: "announced",
        rule: `recorded by ${r.recordedBy} on ${isoDay(r.recordedAt)}${r.note ? `: ${r.note}` : ""}`,
      };
    }
    return { ...s, milestones };
  });
}

/** Where a series stands on `today` (YYYY-MM-DD). */
export function seriesPhase(s: ReleaseSeries, today: string): SeriesPhase {
  const m = s.milestones;
  if (today < m.alpha.date) return "in-development";
  if (today < m.final.date) return "pre-release";
  if (today < m["end-mainstream"].date) return "mainstream";
  if (today < m["end-extended"].date) return "extended";
  return "end-of-life";
}

/** True when the series has a final release on or before `today` and is not past extended support. */
export function isSupported(s: ReleaseSeries, today: string): boolean {
  const phase = seriesPhase(s, today);
  return phase === "mainstream" || phase === "extended";
}

/** True when the series' final release is still ahead of `today`. */
export function isUpcoming(s: ReleaseSeries, today: string): boolean {
  return today < s.milestones.final.date;
}

/** Finds a series by name (`6.1`, `2028`), or undefined. */
export function findSeries(calendar: readonly ReleaseSeries[], series: string): ReleaseSeries | undefined {
  return calendar.find((s) => s.series === series);
}

/** The advice "which Django versions should my package support today", with its reasoning. */
export interface SupportAdvice {
  today: string;
  /** Series with security support today (mainstream or extended). */
  supported: string[];
  /** The newest series whose final release is out. */
  latest: string | null;
  /** The LTS before the latest release (the 6.0 release notes' "previous LTS"). */
  previousLts: string | null;
  /** The series a package should declare support for. */
  recommended: string[];
  /** Supported series older than the previous LTS, which the guidance says may be dropped. */
  mayDrop: string[];
  /** Upcoming series to test against (pre-releases when out, the main branch otherwise). */
  testAgainst: Array<{ series: string; how: string }>;
  /** Suggested `Requires-Dist` line. */
  requiresDist: string | null;
  /** Suggested Django classifiers. */
  classifiers: string[];
  /** Python versions covered by the recommended series. */
  python: string[];
  /** The reasoning, one sentence per step. */
  reasons: string[];
}

function dateText(m: Milestone): string {
  return m.status === "projected" ? `${m.date}, projected` : m.date;
}

function describeSupport(s: ReleaseSeries, today: string): string {
  const m = s.milestones;
  return seriesPhase(s, today) === "mainstream"
    ? `mainstream support until ${dateText(m["end-mainstream"])}, security fixes until ${dateText(m["end-extended"])}`
    : `extended support, security fixes only, until ${dateText(m["end-extended"])}`;
}

/** Decides which series a package should support on `today`, following the 6.0 release-notes guidance. */
export function adviseSupport(calendar: readonly ReleaseSeries[], today: string): SupportAdvice {
  const supported = calendar.filter((s) => isSupported(s, today));
  const released = calendar.filter((s) => s.milestones.final.date <= today);
  const latest = released.at(-1) ?? null;
  const latestIndex = latest ? calendar.indexOf(latest) : -1;
  const previousLts =
    calendar
      .slice(0, Math.max(latestIndex, 0))
      .filter((s) => s.lts)
      .at(-1) ?? null;
  const ltsIndex = previousLts ? calendar.indexOf(previousLts) : -1;
  const recommended = supported.filter((s) => calendar.indexOf(s) >= ltsIndex);
  const mayDrop = supported.filter((s) => calendar.indexOf(s) < ltsIndex);
  const upcoming = calendar.filter((s) => isUpcoming(s, today)).slice(0, 2);
  const testAgainst = upcoming.map((s) => {
    const phase = seriesPhase(s, today);
    const how =
      phase === "pre-release"
        ? `test against its pre-releases (alpha ${s.milestones.alpha.date}), allowed to fail`
        : `test against Django's main branch, allowed to fail; alpha ${s.milestones.alpha.status} for ${s.milestones.alpha.date}`;
    return { series: s.series, how };
  });
  const python = [...new Set(recommended.flatMap((s) => s.python))].sort(
    (a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]),
  );
  const oldest = recommended[0];
  const reasons: string[] = [];
  reasons.push(
    supported.length
      ? `On ${today} these series receive security fixes: ${supported.map((s) => `${s.series} (${describeSupport(s, today)})`).join("; ")}.`
      : `On ${today} no series receives security fixes.`,
  );
  if (latest)
    reasons.push(`The latest feature release is ${latest.series} (${latest.milestones.final.date}).`);
  if (previousLts) {
    reasons.push(
      `The 6.0 release notes advise dropping support for Django versions older than the previous LTS, which is ${previousLts.series}.`,
    );
  }
  if (mayDrop.length) {
    reasons.push(
      `${mayDrop.map((s) => s.series).join(", ")} still get security fixes but are older than ${previousLts?.series}, so support may be dropped.`,
    );
  }
  if (recommended.length) {
    reasons.push(`So declare and test ${recommended.map((s) => s.series).join(", ")}.`);
  }
  for (const t of testAgainst) reasons.push(`Upcoming ${t.series}: ${t.how}.`);
  return {
    today,
    supported: supported.map((s) => s.series),
    latest: latest?.series ?? null,
    previousLts: previousLts?.series ?? null,
    recommended: recommended.map((s) => s.series),
    mayDrop: mayDrop.map((s) => s.series),
    testAgainst,
    requiresDist: oldest ? `Django>=${oldest.featureVersion}` : null,
    classifiers: ["Framework :: Django", ...recommended.map((s) => s.classifier)],
    python,
    reasons,
  };
}
