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
 * Each milestone date is one of:
 * - announced: Django said so (a weblog announcement, the release on PyPI, the release notes or the
 *   supported-versions table), with the address it was checked against; a date a site admin
 *   records counts as announced too, and overrides the rest;
 * - projected: a date still ahead, worked out from the release policy, saying which rule made it;
 * - not recorded: a date already past that nobody has recorded. A projection that has gone by is
 *   not a fact, so it is not shown as a date; the policy's guess is kept only to order and draw the
 *   calendar (`expected`).
 * Python versions are listed only once announced; later series say "not yet announced".
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

/** Short names of the milestone kinds, as used in sentences ("the beta"). */
export const MILESTONE_SHORT: Record<MilestoneKind, string> = {
  alpha: "alpha",
  beta: "beta",
  rc: "release candidate",
  final: "final release",
  "end-mainstream": "end of mainstream support",
  "end-extended": "end of extended support",
};

/** Where a milestone's date stands: announced, projected from the policy, or past and never recorded. */
export type DateStatus = "announced" | "projected" | "not-recorded";

/** Who recorded a milestone date, when and from what. */
export interface RecordedBy {
  by: string;
  /** ISO instant of the record. */
  at: string;
  note: string | null;
}

/** One milestone of one series with where its date comes from. */
export interface Milestone {
  kind: MilestoneKind;
  /** ISO calendar date, YYYY-MM-DD; null when the milestone is past and its date was never recorded. */
  date: string | null;
  status: DateStatus;
  /** The rule or source that produced the date, in words. */
  rule: string;
  /** The address the announced date was checked against (null for projections and bare records). */
  source: string | null;
  /**
   * The date the release policy expects, equal to `date` when there is one. For a milestone not
   * recorded it only orders and draws the calendar and is never shown as a date.
   */
  expected: string;
  /** Set when a site admin recorded the date (it then overrides announced and projected dates). */
  recorded: RecordedBy | null;
}

/** The numbering scheme of a series. */
export type NumberingScheme = "x.y" | "calver";

/**
 * Where a series stands on a given day: planned (main still targets an earlier series), in
 * development (main targets it), pre-release, mainstream or extended support, end of life.
 */
export type SeriesPhase =
  | "planned"
  | "in-development"
  | "pre-release"
  | "mainstream"
  | "extended"
  | "end-of-life";

/** Whether a series' Python versions are announced. */
export type PythonStatus = "announced" | "not-yet-announced";

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
  /** Supported CPython versions (`3.12`, …); empty until announced. */
  python: string[];
  pythonStatus: PythonStatus;
  /** Where the Python versions come from, or why there are none. */
  pythonRule: string;
  /**
   * The day Django's main branch started targeting this series: the previous series' alpha, when
   * its stable branch was forked (null for the first series in the calendar). Before it the series
   * is only planned.
   */
  developmentFrom: string | null;
  milestones: Record<MilestoneKind, Milestone>;
}

/** A milestone date recorded (or a record removed) by an admin; the latest entry per series and milestone wins. */
export interface RecordedMilestone {
  series: string;
  milestone: MilestoneKind;
  /** `record` sets the date; `remove` takes the recorded date away again. */
  action: "record" | "remove";
  /** The recorded date (null for a removal). */
  date: string | null;
  recordedAt: Date;
  recordedBy: string;
  note: string | null;
}

type KnownDate = string; // YYYY-MM-DD (announced) or YYYY-MM (month only, projected)

interface KnownSeries {
  series: string;
  lts: boolean;
  /** Announced Python versions; empty when not yet announced. */
  python: string[];
  pythonSource: string;
  dates: Partial<Record<MilestoneKind, KnownDate>>;
  /** Where each date was checked (a URL). */
  sources: Partial<Record<MilestoneKind, string>>;
}

const WEBLOG = "https://www.djangoproject.com/weblog";
const SUPPORTED_VERSIONS = "https://www.djangoproject.com/download/#supported-versions";
const pypiRelease = (version: string) => `https://pypi.org/project/Django/${version}/`;
const releaseNotes = (series: string) => `https://docs.djangoproject.com/en/${series}/releases/${series}/`;
const supportDates = (series: string) => ({
  final: releaseNotes(series),
  "end-mainstream": SUPPORTED_VERSIONS,
  "end-extended": SUPPORTED_VERSIONS,
});

/**
 * Facts from the ecosystem notes (djangoproject.com, DEP 4, DEP 20), the series' release notes and
 * Django's pre-release announcements. Pre-release dates were checked against the weblog
 * announcement where one could be found, otherwise against the release's page on PyPI (its upload
 * date); see NOTES.md "Release calendar facts".
 */
const KNOWN: KnownSeries[] = [
  {
    series: "4.2",
    lts: true,
    python: ["3.8", "3.9", "3.10", "3.11", "3.12"],
    pythonSource: "Django 4.2 release notes (3.12 from 4.2.8)",
    dates: {
      alpha: "2023-01-17",
      beta: "2023-02-20",
      rc: "2023-03-20",
      final: "2023-04-03",
      "end-mainstream": "2023-12-04",
      "end-extended": "2026-04-07",
    },
    sources: {
      alpha: pypiRelease("4.2a1"),
      beta: `${WEBLOG}/2023/feb/20/django-42-beta-1-released/`,
      rc: pypiRelease("4.2rc1"),
      ...supportDates("4.2"),
    },
  },
  {
    series: "5.0",
    lts: false,
    python: ["3.10", "3.11", "3.12"],
    pythonSource: "Django 5.0 release notes",
    dates: {
      alpha: "2023-09-18",
      beta: "2023-10-23",
      rc: "2023-11-20",
      final: "2023-12-04",
      "end-mainstream": "2024-08-07",
      "end-extended": "2025-04-02",
    },
    sources: {
      alpha: `${WEBLOG}/2023/sep/18/django-50-alpha-1-released/`,
      beta: pypiRelease("5.0b1"),
      rc: `${WEBLOG}/2023/nov/20/django-50-rc1/`,
      ...supportDates("5.0"),
    },
  },
  {
    series: "5.1",
    lts: false,
    python: ["3.10", "3.11", "3.12", "3.13"],
    pythonSource: "Django 5.1 release notes (3.13 from 5.1.3)",
    dates: {
      alpha: "2024-05-22",
      beta: "2024-06-26",
      rc: "2024-07-24",
      final: "2024-08-07",
      "end-mainstream": "2025-04-02",
      "end-extended": "2025-12-03",
    },
    sources: {
      alpha: `${WEBLOG}/2024/may/22/django-51-alpha-1-released/`,
      beta: pypiRelease("5.1b1"),
      rc: pypiRelease("5.1rc1"),
      ...supportDates("5.1"),
    },
  },
  {
    series: "5.2",
    lts: true,
    python: ["3.10", "3.11", "3.12", "3.13", "3.14"],
    pythonSource: "Django 5.2 release notes (3.14 from 5.2.8)",
    dates: {
      alpha: "2025-01-16",
      beta: "2025-02-19",
      rc: "2025-03-19",
      final: "2025-04-02",
      "end-mainstream": "2025-12-03",
      "end-extended": "2028-04",
    },
    sources: {
      alpha: `${WEBLOG}/2025/jan/16/django-52-alpha-1-released/`,
      beta: pypiRelease("5.2b1"),
      rc: pypiRelease("5.2rc1"),
      ...supportDates("5.2"),
    },
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
    sources: {
      alpha: pypiRelease("6.0a1"),
      beta: pypiRelease("6.0b1"),
      rc: pypiRelease("6.0rc1"),
      ...supportDates("6.0"),
    },
  },
  {
    series: "6.1",
    lts: false,
    python: ["3.12", "3.13", "3.14"],
    pythonSource: "Django 6.1 release notes",
    dates: { final: "2026-08-04", "end-mainstream": "2027-04", "end-extended": "2027-12" },
    sources: supportDates("6.1"),
  },
  {
    series: "6.2",
    lts: true,
    python: [],
    pythonSource: "",
    dates: { final: "2027-04", "end-mainstream": "2027-12", "end-extended": "2030-04" },
    sources: supportDates("6.2"),
  },
  {
    series: "2028",
    lts: false,
    python: [],
    pythonSource: "",
    dates: { final: "2028-01", "end-mainstream": "2029-01", "end-extended": "2031-01" },
    sources: {
      final: SUPPORTED_VERSIONS,
      "end-mainstream": SUPPORTED_VERSIONS,
      "end-extended": SUPPORTED_VERSIONS,
    },
  },
  {
    series: "2029",
    lts: false,
    python: [],
    pythonSource: "",
    dates: { final: "2029-01", "end-mainstream": "2030-01", "end-extended": "2032-01" },
    sources: {
      final: SUPPORTED_VERSIONS,
      "end-mainstream": SUPPORTED_VERSIONS,
      "end-extended": SUPPORTED_VERSIONS,
    },
  },
];

/** The first calendar-versioned series (DEP 20). */
export const FIRST_CALVER_YEAR = 2028;

/** Days between each pre-release and the final, taken from the announced 6.0 schedule. */
const XY_PRE_RELEASE_OFFSETS: Record<"alpha" | "beta" | "rc", number> = { alpha: 77, beta: 42, rc: 14 };

/** What the pages and the command line say about a Python list that is not announced yet. */
export const PYTHON_NOT_ANNOUNCED = "not yet announced";

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

function projected(kind: MilestoneKind, date: string, rule: string): Milestone {
  return { kind, date, status: "projected", rule, source: null, expected: date, recorded: null };
}

function knownMilestone(
  kind: MilestoneKind,
  value: KnownDate,
  scheme: NumberingScheme,
  source: string | null,
): Milestone {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return {
      kind,
      date: value,
      status: "announced",
      rule: "announced (djangoproject.com)",
      source,
      expected: value,
      recorded: null,
    };
  }
  const p = projectMonth(value, scheme);
  return projected(kind, p.date, p.rule);
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

function knownMilestones(known: KnownSeries | undefined, scheme: NumberingScheme) {
  const ms: Partial<Record<MilestoneKind, Milestone>> = {};
  for (const kind of MILESTONE_KINDS) {
    const v = known?.dates[kind];
    if (v) ms[kind] = knownMilestone(kind, v, scheme, known?.sources[kind] ?? null);
  }
  return ms;
}

type SeriesBase = Omit<ReleaseSeries, "developmentFrom">;

function pythonOf(
  known: KnownSeries | undefined,
): Pick<ReleaseSeries, "python" | "pythonStatus" | "pythonRule"> {
  if (known && known.python.length > 0) {
    return { python: known.python, pythonStatus: "announced", pythonRule: known.pythonSource };
  }
  return {
    python: [],
    pythonStatus: "not-yet-announced",
    pythonRule: "not yet announced: Django lists a series' Python versions in its release notes",
  };
}

function buildXy(known: KnownSeries): SeriesBase {
  const ms = knownMilestones(known, "x.y");
  const final = ms.final;
  if (!final?.date) throw new Error(`calendar data: series ${known.series} has no final date`);
  for (const kind of ["alpha", "beta", "rc"] as const) {
    if (ms[kind]) continue;
    const days = XY_PRE_RELEASE_OFFSETS[kind];
    ms[kind] = projected(
      kind,
      addDays(final.date, -days),
      `projected: ${days} days before the final, as in the announced 6.0 schedule`,
    );
  }
  const [major] = known.series.split(".");
  return {
    series: known.series,
    scheme: "x.y",
    lts: known.lts,
    featureVersion: known.series,
    classifier: `Framework :: Django :: ${known.series}`,
    majorClassifier: `Framework :: Django :: ${major}`,
    ...pythonOf(known),
    milestones: inOrder(ms),
  };
}

function buildCalver(year: number, known: KnownSeries | undefined): SeriesBase {
  const series = String(year);
  const ms = knownMilestones(known, "calver");
  const second = (y: number, m: number) => wednesdayFrom(y, m, 8);
  const rules: Record<MilestoneKind, () => Milestone> = {
    alpha: () =>
      projected(
        "alpha",
        second(year - 1, 10),
        "projected (DEP 20): alpha early/mid October of the previous year, Wednesday of the second week",
      ),
    beta: () =>
      projected(
        "beta",
        second(year - 1, 11),
        "projected (DEP 20): beta in November of the previous year, Wednesday of the second week",
      ),
    rc: () =>
      projected(
        "rc",
        second(year - 1, 12),
        "projected (DEP 20): release candidate in December of the previous year, Wednesday of the second week",
      ),
    final: () =>
      projected(
        "final",
        second(year, 1),
        "projected (DEP 20): final in the second week of January, on its Wednesday",
      ),
    "end-mainstream": () =>
      projected(
        "end-mainstream",
        second(year + 1, 1),
        "projected (DEP 20): 12 months of mainstream support, ending with the next year's release",
      ),
    "end-extended": () =>
      projected(
        "end-extended",
        second(year + 3, 1),
        "projected (DEP 20): extended support ends in January three years after the release, as the published table shows for 2028 and 2029 (the DEP speaks of about 35 months)",
      ),
  };
  for (const kind of MILESTONE_KINDS) ms[kind] ??= rules[kind]();
  return {
    series,
    scheme: "calver",
    lts: false,
    featureVersion: series,
    classifier: `Framework :: Django :: ${series}`,
    majorClassifier: null,
    ...pythonOf(known),
    milestones: inOrder(ms),
  };
}

/** Options of {@link buildReleaseCalendar}. */
export interface BuildCalendarInput {
  /** The day the calendar is for (YYYY-MM-DD): projections before it become "not recorded". */
  today: string;
  /** Admin-recorded dates and removals; the latest entry per series and milestone wins. */
  recorded?: readonly RecordedMilestone[];
  /** Project calendar-versioned series up to and including this year (at least 2030). */
  throughYear?: number;
}

/** Every series name of the calendar, oldest first (no dates, so no day is needed). */
export function calendarSeriesNames(throughYear = 2031): string[] {
  const through = Math.max(throughYear, 2030);
  const xy = KNOWN.filter((k) => !isCalverSeries(k.series)).map((k) => k.series);
  const calver: string[] = [];
  for (let year = FIRST_CALVER_YEAR; year <= through; year++) calver.push(String(year));
  return [...xy, ...calver];
}

/** Every Django series from 4.2 on, oldest first, with announced, projected, recorded and unrecorded dates. */
export function buildReleaseCalendar(input: BuildCalendarInput): ReleaseSeries[] {
  const through = Math.max(input.throughYear ?? 2031, 2030);
  const bases: SeriesBase[] = KNOWN.filter((k) => !isCalverSeries(k.series)).map(buildXy);
  for (let year = FIRST_CALVER_YEAR; year <= through; year++) {
    bases.push(
      buildCalver(
        year,
        KNOWN.find((k) => k.series === String(year)),
      ),
    );
  }
  const recorded = applyRecorded(bases, input.recorded ?? []);
  const dated = recorded.map((s) => ({ ...s, milestones: markUnrecorded(s.milestones, input.today) }));
  return dated.map((s, i) => ({ ...s, developmentFrom: dated[i - 1]?.milestones.alpha.expected ?? null }));
}

/** The latest entry per series and milestone, or undefined when there is none. */
export function latestRecords(recorded: readonly RecordedMilestone[]): Map<string, RecordedMilestone> {
  const latest = new Map<string, RecordedMilestone>();
  for (const r of recorded) {
    const key = `${r.series}|${r.milestone}`;
    const prev = latest.get(key);
    if (!prev || prev.recordedAt.getTime() <= r.recordedAt.getTime()) latest.set(key, r);
  }
  return latest;
}

function applyRecorded(calendar: SeriesBase[], recorded: readonly RecordedMilestone[]): SeriesBase[] {
  const latest = latestRecords(recorded);
  return calendar.map((s) => {
    const milestones = { ...s.milestones };
    for (const kind of MILESTONE_KINDS) {
      const r = latest.get(`${s.series}|${kind}`);
      if (r?.action !== "record" || r.date === null) continue;
      milestones[kind] = {
        kind,
        date: r.date,
        status: "announced",
        rule: `recorded by ${r.recordedBy} on ${isoDay(r.recordedAt)}${r.note ? `: ${r.note}` : ""}`,
        source: r.note && /^https?:\/\/\S+$/.test(r.note) ? r.note : null,
        expected: r.date,
        recorded: { by: r.recordedBy, at: r.recordedAt.toISOString(), note: r.note },
      };
    }
    return { ...s, milestones };
  });
}

/** A projection that has gone by is not a fact: it becomes "not recorded" (its guess kept as `expected`). */
function markUnrecorded(
  milestones: Record<MilestoneKind, Milestone>,
  today: string,
): Record<MilestoneKind, Milestone> {
  const out = { ...milestones };
  for (const kind of MILESTONE_KINDS) {
    const m = out[kind];
    if (m.status !== "projected" || m.expected >= today) continue;
    out[kind] = {
      ...m,
      date: null,
      status: "not-recorded",
      rule: "not recorded: the date has passed and no announced date has been recorded; a site admin records it from Django's announcement",
    };
  }
  return out;
}

/** The date a milestone stands at for ordering and drawing: its date, or the policy's expectation. */
export function milestoneDay(m: Milestone): string {
  return m.date ?? m.expected;
}

/** Where a series stands on `today` (YYYY-MM-DD). */
export function seriesPhase(s: ReleaseSeries, today: string): SeriesPhase {
  const m = s.milestones;
  if (today < milestoneDay(m.alpha)) {
    return s.developmentFrom !== null && today < s.developmentFrom ? "planned" : "in-development";
  }
  if (today < milestoneDay(m.final)) return "pre-release";
  if (today < milestoneDay(m["end-mainstream"])) return "mainstream";
  if (today < milestoneDay(m["end-extended"])) return "extended";
  return "end-of-life";
}

/** True when the series has a final release on or before `today` and is not past extended support. */
export function isSupported(s: ReleaseSeries, today: string): boolean {
  const phase = seriesPhase(s, today);
  return phase === "mainstream" || phase === "extended";
}

/** True when the series' final release is still ahead of `today`. */
export function isUpcoming(s: ReleaseSeries, today: string): boolean {
  return today < milestoneDay(s.milestones.final);
}

/** Finds a series by name (`6.1`, `2028`), or undefined. */
export function findSeries(calendar: readonly ReleaseSeries[], series: string): ReleaseSeries | undefined {
  return calendar.find((s) => s.series === series);
}

/** A date in words with its status: `2027-04-07, projected`, or `not recorded`. */
export function describeMilestoneDate(m: Milestone): string {
  if (m.date === null) return "not recorded";
  return m.status === "projected" ? `${m.date}, projected` : m.date;
}

/** A problem with a date given for a milestone, worded for the `date` field of a form. */
export interface MilestoneOrderProblem {
  field: "date";
  message: string;
  /** The milestone the date clashes with. */
  conflictsWith: MilestoneKind;
}

/**
 * Checks that `date` for `kind` keeps the series' milestones in order against its effective
 * calendar (recorded, announced and projected dates; milestones not recorded have no date and are
 * skipped): alpha <= beta <= rc <= final < end of mainstream <= end of extended support.
 */
export function checkMilestoneOrder(
  s: ReleaseSeries,
  kind: MilestoneKind,
  date: string,
): MilestoneOrderProblem | null {
  const rank = MILESTONE_KINDS.indexOf(kind);
  const isEnd = (k: MilestoneKind) => k === "end-mainstream" || k === "end-extended";
  // Check the nearest milestones first, so the message names the neighbour that clashes.
  const others = MILESTONE_KINDS.filter((k) => k !== kind).sort(
    (a, b) => Math.abs(MILESTONE_KINDS.indexOf(a) - rank) - Math.abs(MILESTONE_KINDS.indexOf(b) - rank),
  );
  for (const other of others) {
    const m = s.milestones[other];
    if (m.date === null) continue;
    const otherRank = MILESTONE_KINDS.indexOf(other);
    // Support ends strictly after the final (and after the pre-releases); the rest may share a day.
    const strict = isEnd(kind) !== isEnd(other);
    const when = `${m.date}, ${m.status === "projected" ? "projected" : m.recorded ? "recorded" : "announced"}`;
    if (otherRank < rank && (strict ? date <= m.date : date < m.date)) {
      return {
        field: "date",
        conflictsWith: other,
        message: `must be ${strict ? "after" : "on or after"} the ${MILESTONE_SHORT[other]} of Django ${s.series} (${when}): the ${MILESTONE_SHORT[kind]} comes after it`,
      };
    }
    if (otherRank > rank && (strict ? date >= m.date : date > m.date)) {
      return {
        field: "date",
        conflictsWith: other,
        message: `must be ${strict ? "before" : "on or before"} the ${MILESTONE_SHORT[other]} of Django ${s.series} (${when}): the ${MILESTONE_SHORT[kind]} comes first`,
      };
    }
  }
  return null;
}

/** True when every dated milestone of the series is in order (milestones not recorded are skipped). */
export function milestonesInOrder(s: ReleaseSeries): boolean {
  return MILESTONE_KINDS.every((k) => {
    const d = s.milestones[k].date;
    return d === null || checkMilestoneOrder(s, k, d) === null;
  });
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
  /**
   * The next series, the only one worth testing against yet: its pre-releases when they are out,
   * Django's main branch while it is in development. Series after it are planned, not testable.
   */
  testAgainst: Array<{ series: string; how: string }>;
  /** Series after the next one: planned, nothing to test yet. */
  planned: string[];
  /** Suggested `Requires-Dist` line. */
  requiresDist: string | null;
  /** Suggested Django classifiers. */
  classifiers: string[];
  /** Python versions covered by the recommended series. */
  python: string[];
  /** The reasoning, one sentence per step. */
  reasons: string[];
}

function describeSupport(s: ReleaseSeries, today: string): string {
  const m = s.milestones;
  return seriesPhase(s, today) === "mainstream"
    ? `mainstream support until ${describeMilestoneDate(m["end-mainstream"])}, security fixes until ${describeMilestoneDate(m["end-extended"])}`
    : `extended support, security fixes only, until ${describeMilestoneDate(m["end-extended"])}`;
}

function howToTest(s: ReleaseSeries, today: string): string | null {
  const phase = seriesPhase(s, today);
  const alpha = s.milestones.alpha;
  if (phase === "pre-release") {
    return `test against its pre-releases (alpha ${describeMilestoneDate(alpha)}), allowed to fail`;
  }
  if (phase === "in-development") {
    return `test against Django's main branch, allowed to fail; alpha ${alpha.status === "projected" ? "projected for" : "due"} ${describeMilestoneDate(alpha).replace(/, projected$/, "")}`;
  }
  return null;
}

/** Decides which series a package should support on `today`, following the 6.0 release-notes guidance. */
export function adviseSupport(calendar: readonly ReleaseSeries[], today: string): SupportAdvice {
  const supported = calendar.filter((s) => isSupported(s, today));
  const released = calendar.filter((s) => milestoneDay(s.milestones.final) <= today);
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
  const upcoming = calendar.filter((s) => isUpcoming(s, today));
  const next = upcoming[0];
  const nextHow = next ? howToTest(next, today) : null;
  const testAgainst = next && nextHow ? [{ series: next.series, how: nextHow }] : [];
  const planned = upcoming.filter((s) => seriesPhase(s, today) === "planned").map((s) => s.series);
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
    reasons.push(
      `The latest feature release is ${latest.series} (${describeMilestoneDate(latest.milestones.final)}).`,
    );
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
  for (const t of testAgainst) reasons.push(`Next: ${t.series}: ${t.how}.`);
  if (planned.length) {
    reasons.push(
      `${planned.join(", ")} ${planned.length === 1 ? "is" : "are"} planned: Django's main branch does not target ${planned.length === 1 ? "it" : "them"} yet, so there is nothing to test against.`,
    );
  }
  return {
    today,
    supported: supported.map((s) => s.series),
    latest: latest?.series ?? null,
    previousLts: previousLts?.series ?? null,
    recommended: recommended.map((s) => s.series),
    mayDrop: mayDrop.map((s) => s.series),
    testAgainst,
    planned,
    requiresDist: oldest ? `Django>=${oldest.featureVersion}` : null,
    classifiers: ["Framework :: Django", ...recommended.map((s) => s.classifier)],
    python,
    reasons,
  };
}
