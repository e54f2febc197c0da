/**
 * Package health, explained: each sub-score from the named rules of health-rules.ts with the
 * evidence behind it, labels (stable, sole owner, archived, vulnerable, inactive) and a total only
 * beside its parts. Facts that are unknown (a snapshot row never synced, repository signals never
 * fetched) leave their rules uncounted: unknown is never scored as failing. Pure.
 */

import { dayOf } from "../../kernel/rules.ts";
import { factsFromCatalogue } from "../checkup/catalogue-facts.ts";
import { runRules } from "../checkup/run-rules.ts";
import {
  judgeCompatibility,
  type PackageFacts,
  pythonVersionsAllowed,
  targetForSeries,
} from "../compat/verdict.ts";
import { addDays, isSupported, type ReleaseSeries } from "../releases/calendar.ts";
import { HEALTH_RULES, SUB_SCORES, type SubScoreId } from "./health-rules.ts";

/** Repository signals as health reads them (from `package_repositories`). */
export interface RepositorySignals {
  repo: string;
  status: "ok" | "not_found" | "error";
  archived: boolean | null;
  pushedAt: Date | null;
  openIssues: number | null;
  securityPolicy: boolean | null;
  ciConclusion: string | null;
  fetchedAt: Date;
}

/** One release's declarations (from `package_release_declarations`). */
export interface ReleaseDeclaration {
  version: string;
  uploadedAt: Date | null;
  classifiers: string[];
  requiresDist: string[];
  requiresPython: string | null;
}

/** Everything health needs about one package. */
export interface HealthFacts {
  name: string;
  /** True when the row was synced from an index (a snapshot row has no metadata). */
  synced: boolean;
  latestVersion: string;
  latestReleaseAt: Date | null;
  /** Releases uploaded in the 24 months before today; null when the history is unknown. */
  releasesLastTwoYears: number | null;
  classifiers: string[];
  requiresDist: string[];
  requiresPython: string | null;
  projectUrls: Record<string, string>;
  licenseExpression: string | null;
  ownership: { roles: Array<{ role: string; user: string }>; organization: string | null };
  downloadRank: number | null;
  vulnerabilities: Array<{ id: string }> | null;
  declarations: ReleaseDeclaration[];
  repository: RepositorySignals | null;
  /** Author-email and Maintainer-email of the latest release's core metadata. */
  contacts: string[];
}

/** What health is judged against: the day, the calendar and the catalogue's ranks. */
export interface HealthContext {
  today: string;
  calendar: readonly ReleaseSeries[];
  /** The newest series whose final is out on `today`. */
  current: ReleaseSeries | null;
  /** Series with security support on `today`. */
  supported: ReleaseSeries[];
  /** Every download rank in the catalogue, ascending (for percentiles). */
  ranks: number[];
}

/** The outcome of one health rule. */
export interface HealthRuleOutcome {
  id: string;
  /** pass, partial, fail; unknown and waiting are not counted; info is shown only. */
  status: "pass" | "partial" | "fail" | "unknown" | "waiting" | "info";
  /** Points given (null when not counted). */
  points: number | null;
  max: number;
  message: string;
  evidence: string[];
}

/** A sub-score with its rules. */
export interface SubScore {
  id: SubScoreId;
  title: string;
  weight: number;
  /** 0-100 over the counted rules; null when none could be counted. */
  score: number | null;
  rules: HealthRuleOutcome[];
}

/** A label on the package, with why. */
export interface HealthLabel {
  id: (typeof HEALTH_LABELS)[number];
  text: string;
  evidence: string[];
}

/** Health buckets by total, best first. */
export const HEALTH_BUCKETS = ["healthy", "fair", "poor", "unknown"] as const;
/** A health bucket. */
export type HealthBucket = (typeof HEALTH_BUCKETS)[number];
/** The labels a package can carry. */
export const HEALTH_LABELS = ["stable", "sole-owner", "archived", "vulnerable", "inactive"] as const;

/** The health of one package. */
export interface PackageHealth {
  name: string;
  /** Weighted mean of the known sub-scores; null without maintenance and compatibility. */
  total: number | null;
  /** How the total was made, or why there is none. */
  totalNote: string;
  bucket: HealthBucket;
  labels: HealthLabel[];
  subScores: SubScore[];
}

/** The context for `today`: current and supported series, and the catalogue's ranks. */
export function healthContext(input: {
  today: string;
  calendar: readonly ReleaseSeries[];
  ranks: number[];
}): HealthContext {
  const released = input.calendar.filter((s) => finalOf(s) <= input.today);
  return {
    today: input.today,
    calendar: input.calendar,
    current: released.at(-1) ?? null,
    supported: input.calendar.filter((s) => isSupported(s, input.today)),
    ranks: [...input.ranks].sort((a, b) => a - b),
  };
}

const DAY = 86_400_000;
/** Days after a final within which support must ship (Django Commons' dormancy rule). */
export const SUPPORT_WINDOW_DAYS = 182;

const def = (id: string) => {
  const d = HEALTH_RULES.find((r) => r.id === id);
  if (!d) throw new Error(`unknown health rule ${id}`);
  return d;
};

function outcome(
  id: string,
  status: HealthRuleOutcome["status"],
  share: number | null,
  message: string,
  evidence: string[] = [],
): HealthRuleOutcome {
  const max = def(id).points;
  const counted = status === "pass" || status === "partial" || status === "fail";
  return {
    id,
    status,
    points: counted && share !== null ? Math.round(max * share * 10) / 10 : null,
    max,
    message,
    evidence,
  };
}

/** A series' final release day: the announced or recorded one, else the day the policy expects (to order by). */
const finalOf = (s: ReleaseSeries): string => s.milestones.final.date ?? s.milestones.final.expected;

// One PackageFacts object per package or declaration, so the compat rules' per-object memo of
// what a release declares is hit on every later series and every later call.
const factsMemo = new WeakMap<object, PackageFacts>();
function factsOf(f: HealthFacts | ReleaseDeclaration, version: string): PackageFacts {
  let facts = factsMemo.get(f);
  if (!facts) {
    facts = {
      name: "name" in f ? f.name : "",
      version,
      classifiers: f.classifiers,
      requiresDist: f.requiresDist,
      requiresPython: f.requiresPython,
      metadataKnown: "synced" in f ? f.synced : true,
    };
    factsMemo.set(f, facts);
  }
  return facts;
}

/** The package's latest release as compat facts (the same object on every call). */
export function latestFacts(f: HealthFacts): PackageFacts {
  return factsOf(f, f.latestVersion);
}

/** The first release known to support `series`, from the recorded declarations and the latest release. */
export function firstSupporting(
  f: HealthFacts,
  series: ReleaseSeries,
): { version: string; uploadedAt: Date | null; decidedBy: string } | null {
  const target = targetForSeries(series);
  const known = f.declarations.map((d) => ({
    version: d.version,
    uploadedAt: d.uploadedAt,
    facts: factsOf(d, d.version),
  }));
  if (!known.some((d) => d.version === f.latestVersion) && f.synced)
    known.push({ version: f.latestVersion, uploadedAt: f.latestReleaseAt, facts: latestFacts(f) });
  known.sort(
    (a, b) =>
      (a.uploadedAt?.getTime() ?? Number.MAX_SAFE_INTEGER) -
      (b.uploadedAt?.getTime() ?? Number.MAX_SAFE_INTEGER),
  );
  for (const d of known) {
    const v = judgeCompatibility({ facts: d.facts, target });
    if (v.verdict === "yes")
      return {
        version: d.version,
        uploadedAt: d.uploadedAt,
        decidedBy: v.evidence.find((e) => e.source === v.decidedBy)?.detail ?? v.reason,
      };
  }
  return null;
}

function currentDjango(f: HealthFacts, ctx: HealthContext): HealthRuleOutcome {
  const id = "maintenance.current-django";
  const cur = ctx.current;
  if (!cur) return outcome(id, "unknown", null, "no Django series has been released yet on this date");
  if (!f.synced)
    return outcome(id, "unknown", null, "not synced from an index: the release's metadata is unknown");
  const final = finalOf(cur);
  const deadline = addDays(final, SUPPORT_WINDOW_DAYS);
  const first = firstSupporting(f, cur);
  if (first) {
    const when = first.uploadedAt ? dayOf(first.uploadedAt) : null;
    const days = first.uploadedAt
      ? Math.round((first.uploadedAt.getTime() - Date.parse(`${final}T00:00:00Z`)) / DAY)
      : null;
    const evidence = [
      `${first.version}${when ? ` (${when})` : ""}: ${first.decidedBy}`,
      `Django ${cur.series} final: ${final}`,
    ];
    if (days === null)
      return outcome(
        id,
        "partial",
        0.5,
        `version ${first.version} supports Django ${cur.series}; its upload date is unknown`,
        evidence,
      );
    if (days <= SUPPORT_WINDOW_DAYS) {
      const timing = days < 0 ? `${-days} days before the final` : `${days} days after the final`;
      return outcome(
        id,
        "pass",
        1,
        `support for Django ${cur.series} shipped in ${first.version}, ${timing}`,
        evidence,
      );
    }
    return outcome(
      id,
      "partial",
      0.5,
      `support for Django ${cur.series} first seen in ${first.version}, ${days} days after the final (later than ${SUPPORT_WINDOW_DAYS} days, or earlier releases' metadata not recorded)`,
      evidence,
    );
  }
  if (ctx.today <= deadline)
    return outcome(
      id,
      "waiting",
      null,
      `no release supports Django ${cur.series} yet; the ${SUPPORT_WINDOW_DAYS}-day window after its final (${final}) runs until ${deadline}`,
      [`Django ${cur.series} final: ${final}`],
    );
  return outcome(
    id,
    "fail",
    0,
    `no release supports Django ${cur.series}, released ${final} (window ended ${deadline})`,
    [
      `latest ${f.latestVersion}: ${judgeCompatibility({ facts: factsOf(f, f.latestVersion), target: targetForSeries(cur) }).reason}`,
    ],
  );
}

function ageDays(f: HealthFacts, today: string): number | null {
  return f.latestReleaseAt
    ? Math.floor((Date.parse(`${today}T00:00:00Z`) - f.latestReleaseAt.getTime()) / DAY)
    : null;
}

function stableLabel(f: HealthFacts, ctx: HealthContext, current: HealthRuleOutcome): HealthLabel | null {
  const age = ageDays(f, ctx.today);
  if (age === null || age <= 365) return null;
  if (current.status !== "pass" && current.status !== "partial") return null;
  if (f.vulnerabilities && f.vulnerabilities.length > 0) return null;
  if (f.repository?.status === "ok" && f.repository.archived) return null;
  const evidence = [
    `latest release ${f.latestVersion}, ${Math.floor(age / 30.44)} months ago`,
    current.message,
  ];
  evidence.push(
    f.vulnerabilities === null
      ? "vulnerabilities: unknown (not synced with vulnerability data)"
      : "no known vulnerability (PyPI's JSON API)",
  );
  evidence.push(
    f.repository?.status === "ok"
      ? `repository ${f.repository.repo} is not archived`
      : "repository: not checked (no GitHub signals)",
  );
  return { id: "stable", text: "Stable: finished, not abandoned", evidence };
}

function maintenance(
  f: HealthFacts,
  ctx: HealthContext,
): { rules: HealthRuleOutcome[]; stable: HealthLabel | null } {
  const current = currentDjango(f, ctx);
  const stable = stableLabel(f, ctx, current);
  const age = ageDays(f, ctx.today);
  const keep =
    "kept: the package is stable (supports the current Django), so no recent release is not held against it";
  let recency: HealthRuleOutcome;
  if (age === null)
    recency = outcome("maintenance.release-recency", "unknown", null, "the latest release date is unknown");
  else if (age <= 365)
    recency = outcome("maintenance.release-recency", "pass", 1, `latest release ${age} days ago`);
  else if (stable)
    recency = outcome("maintenance.release-recency", "pass", 1, `latest release ${age} days ago; ${keep}`);
  else if (age <= 730)
    recency = outcome(
      "maintenance.release-recency",
      "partial",
      0.5,
      `latest release ${age} days ago (over a year)`,
    );
  else
    recency = outcome(
      "maintenance.release-recency",
      "fail",
      0,
      `latest release ${age} days ago (over two years)`,
    );
  const n = f.releasesLastTwoYears;
  let cadence: HealthRuleOutcome;
  if (n === null || !f.synced)
    cadence = outcome(
      "maintenance.release-cadence",
      "unknown",
      null,
      "the release history is unknown (not synced)",
    );
  else if (n >= 2)
    cadence = outcome("maintenance.release-cadence", "pass", 1, `${n} releases in the last 24 months`);
  else if (stable)
    cadence = outcome(
      "maintenance.release-cadence",
      "pass",
      1,
      `${n} release${n === 1 ? "" : "s"} in the last 24 months; ${keep}`,
    );
  else if (n === 1)
    cadence = outcome("maintenance.release-cadence", "partial", 0.5, "1 release in the last 24 months");
  else cadence = outcome("maintenance.release-cadence", "fail", 0, "no release in the last 24 months");
  const stableRule = outcome(
    "maintenance.stable",
    "info",
    null,
    stable ? "labelled stable" : "not labelled stable",
    stable?.evidence ?? [],
  );
  const vulns = f.vulnerabilities;
  const vulnRule =
    vulns === null || !f.synced
      ? outcome(
          "maintenance.known-vulnerabilities",
          "unknown",
          null,
          "vulnerability data unknown (not synced with it)",
        )
      : vulns.length === 0
        ? outcome(
            "maintenance.known-vulnerabilities",
            "pass",
            1,
            "no known vulnerability in the latest release (PyPI's JSON API)",
          )
        : outcome(
            "maintenance.known-vulnerabilities",
            "fail",
            0,
            `${vulns.length} known vulnerabilit${vulns.length === 1 ? "y" : "ies"} in the latest release`,
            vulns.map((v) => v.id),
          );
  return { rules: [current, recency, cadence, vulnRule, stableRule], stable };
}

function compatibility(f: HealthFacts, ctx: HealthContext): HealthRuleOutcome[] {
  if (!f.synced) {
    return [
      outcome(
        "compatibility.django-series",
        "unknown",
        null,
        "not synced from an index: no classifiers or requirements known",
      ),
      outcome("compatibility.python-versions", "unknown", null, "not synced from an index"),
    ];
  }
  const facts = factsOf(f, f.latestVersion);
  const verdicts = ctx.supported.map((s) => ({
    s,
    v: judgeCompatibility({ facts, target: targetForSeries(s) }),
  }));
  const share = verdicts.length
    ? verdicts.reduce((a, x) => a + (x.v.verdict === "yes" ? 1 : x.v.verdict === "maybe" ? 0.5 : 0), 0) /
      verdicts.length
    : null;
  const dj =
    share === null
      ? outcome("compatibility.django-series", "unknown", null, "no Django series is supported on this date")
      : outcome(
          "compatibility.django-series",
          share === 1 ? "pass" : share === 0 ? "fail" : "partial",
          share,
          verdicts.map((x) => `${x.s.series}: ${x.v.verdict}`).join(", "),
          verdicts.map((x) => `${x.s.series}: ${x.v.reason}`),
        );
  const python = ctx.current?.python ?? [];
  let py: HealthRuleOutcome;
  const declaredPy = f.classifiers.flatMap(
    (c) => /^Programming Language :: Python :: (3\.\d+)$/.exec(c)?.[1] ?? [],
  );
  let allowed: string[] | null = null;
  let from = "";
  if (f.requiresPython) {
    try {
      allowed = pythonVersionsAllowed(f.requiresPython, python);
      from = `Requires-Python ${f.requiresPython}`;
    } catch {
      allowed = null;
    }
  }
  if (allowed === null && declaredPy.length) {
    allowed = python.filter((v) => declaredPy.includes(v));
    from = `Python classifiers ${declaredPy.join(", ")}`;
  }
  if (python.length === 0)
    py = outcome(
      "compatibility.python-versions",
      "unknown",
      null,
      "the newest Django's Python versions are unknown",
    );
  else if (allowed === null)
    py = outcome(
      "compatibility.python-versions",
      "unknown",
      null,
      "neither Requires-Python nor Python classifiers are declared",
    );
  else {
    const s = allowed.length / python.length;
    py = outcome(
      "compatibility.python-versions",
      s === 1 ? "pass" : s === 0 ? "fail" : "partial",
      s,
      `${from} allows ${allowed.length ? allowed.join(", ") : "none"} of ${python.join(", ")} (Django ${ctx.current?.series})`,
    );
  }
  return [dj, py];
}

function metadata(f: HealthFacts, ctx: HealthContext): HealthRuleOutcome[] {
  const ids = [
    "metadata.classifiers-valid",
    "metadata.license",
    "metadata.project-urls",
    "metadata.requires-python",
    "metadata.django-lower-bound",
  ];
  if (!f.synced) return ids.map((id) => outcome(id, "unknown", null, "not synced from an index"));
  const facts = factsFromCatalogue({ ...f, requiresDist: f.requiresDist });
  const checks = Object.fromEntries(
    runRules(facts, {
      today: ctx.today,
      recommended: [],
      latest: ctx.current?.series ?? null,
      latestPython: ctx.current?.python ?? [],
    }).map((r) => [r.id, r]),
  );
  const fromCheck = (id: string, check: string): HealthRuleOutcome => {
    const r = checks[check];
    if (!r || r.status === "skipped") return outcome(id, "fail", 0, r?.message ?? "not declared");
    return outcome(id, r.status === "pass" ? "pass" : "fail", r.status === "pass" ? 1 : 0, r.message);
  };
  const urls = Object.entries(f.projectUrls);
  const repoUrl = urls.find(
    ([label, url]) =>
      /source|repo|code|github|gitlab|homepage|home/i.test(label) ||
      /github\.com|gitlab\.com|codeberg\.org|bitbucket\.org/.test(url),
  );
  const urlsRule =
    urls.length === 0
      ? outcome("metadata.project-urls", "fail", 0, "no project URLs")
      : repoUrl
        ? outcome("metadata.project-urls", "pass", 1, `${repoUrl[0]}: ${repoUrl[1]}`)
        : outcome(
            "metadata.project-urls",
            "partial",
            0.5,
            `${urls.map(([l]) => l).join(", ")} (no source or homepage URL)`,
          );
  return [
    fromCheck("metadata.classifiers-valid", "classifiers-valid"),
    fromCheck("metadata.license", "license"),
    urlsRule,
    fromCheck("metadata.requires-python", "requires-python"),
    fromCheck("metadata.django-lower-bound", "django-lower-bound"),
  ];
}

/** Index of the first rank >= rank in the sorted ranks (binary search). */
function position(ranks: number[], rank: number): number {
  let lo = 0;
  let hi = ranks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ranks[mid] as number) < rank) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function popularity(f: HealthFacts, ctx: HealthContext): HealthRuleOutcome[] {
  const id = "popularity.download-rank";
  if (f.downloadRank === null)
    return [
      outcome(id, "fail", 0, "not among PyPI's 15,000 most downloaded projects", [
        "download rank: none (outside the ranked set)",
      ]),
    ];
  const n = ctx.ranks.length;
  const pct = n ? Math.max(0, Math.min(1, 1 - position(ctx.ranks, f.downloadRank) / n)) : 0;
  return [
    outcome(
      id,
      pct >= 0.5 ? "pass" : "partial",
      pct,
      `download rank ${f.downloadRank}: percentile ${Math.round(pct * 100)} among the catalogue's ${n.toLocaleString("en")} ranked packages`,
    ),
  ];
}

function community(f: HealthFacts): HealthRuleOutcome[] {
  const id = "community.owners";
  const users = [...new Set(f.ownership.roles.map((r) => r.user))];
  if (!f.synced || (users.length === 0 && !f.ownership.organization))
    return [outcome(id, "unknown", null, f.synced ? "PyPI reported no owners" : "not synced from an index")];
  const ev = [
    ...f.ownership.roles.map((r) => `${r.user} (${r.role})`),
    ...(f.ownership.organization ? [`organisation ${f.ownership.organization}`] : []),
  ];
  if (f.ownership.organization)
    return [outcome(id, "pass", 1, `owned by the organisation ${f.ownership.organization}`, ev)];
  if (users.length === 1) return [outcome(id, "partial", 0.3, "one PyPI owner: a bus-factor risk", ev)];
  if (users.length === 2) return [outcome(id, "partial", 0.7, "two PyPI owners", ev)];
  return [outcome(id, "pass", 1, `${users.length} PyPI owners`, ev)];
}

function repository(f: HealthFacts): HealthRuleOutcome[] {
  const r = f.repository;
  const securityUrl = Object.entries(f.projectUrls).find(([label]) => /security/i.test(label));
  const none = (why: string) => [
    outcome("repository.archived", "unknown", null, why),
    outcome("repository.default-branch-ci", "unknown", null, why),
    securityUrl
      ? outcome("repository.security-policy", "pass", 1, `project URL "${securityUrl[0]}": ${securityUrl[1]}`)
      : outcome("repository.security-policy", "unknown", null, why),
    outcome("repository.activity", "unknown", null, why),
  ];
  if (!r) return none("no GitHub repository signals (no GitHub URL among the project URLs, or not fetched)");
  if (r.status !== "ok")
    return none(
      r.status === "not_found"
        ? `repository ${r.repo} was not found on GitHub`
        : `repository ${r.repo} could not be read`,
    );
  const fetched = `GitHub, ${dayOf(r.fetchedAt)}`;
  return [
    r.archived === null
      ? outcome("repository.archived", "unknown", null, "archived state unknown")
      : outcome(
          "repository.archived",
          r.archived ? "fail" : "pass",
          r.archived ? 0 : 1,
          r.archived ? `${r.repo} is archived` : `${r.repo} is not archived`,
          [fetched],
        ),
    r.ciConclusion === null
      ? outcome(
          "repository.default-branch-ci",
          "fail",
          0,
          "no completed workflow run on the default branch",
          [fetched],
        )
      : outcome(
          "repository.default-branch-ci",
          r.ciConclusion === "success" ? "pass" : "fail",
          r.ciConclusion === "success" ? 1 : 0,
          `latest default-branch run: ${r.ciConclusion}`,
          [fetched],
        ),
    r.securityPolicy === true || securityUrl
      ? outcome(
          "repository.security-policy",
          "pass",
          1,
          r.securityPolicy ? `${r.repo} has a security policy` : `project URL "${securityUrl?.[0]}"`,
          [fetched],
        )
      : r.securityPolicy === null
        ? outcome("repository.security-policy", "unknown", null, "security policy unknown")
        : outcome("repository.security-policy", "fail", 0, `${r.repo} has no security policy`, [fetched]),
    outcome(
      "repository.activity",
      "info",
      null,
      `last push ${r.pushedAt ? dayOf(r.pushedAt) : "unknown"}; ${r.openIssues ?? "unknown"} open issues and pull requests`,
      [fetched],
    ),
  ];
}

function subScore(id: SubScoreId, rules: HealthRuleOutcome[]): SubScore {
  const meta = SUB_SCORES.find((s) => s.id === id) as (typeof SUB_SCORES)[number];
  const counted = rules.filter((r) => r.points !== null && r.max > 0);
  const max = counted.reduce((a, r) => a + r.max, 0);
  const score = max > 0 ? Math.round((counted.reduce((a, r) => a + (r.points ?? 0), 0) / max) * 100) : null;
  return { id, title: meta.title, weight: meta.weight, score, rules };
}

/** Bucket of a total: healthy from 70, fair from 40, poor below, unknown without a total. */
export function bucketOf(total: number | null): HealthBucket {
  if (total === null) return "unknown";
  return total >= 70 ? "healthy" : total >= 40 ? "fair" : "poor";
}

/** Computes the health of one package. */
export function computeHealth(f: HealthFacts, ctx: HealthContext): PackageHealth {
  const m = maintenance(f, ctx);
  const subScores = [
    subScore("maintenance", m.rules),
    subScore("compatibility", compatibility(f, ctx)),
    subScore("metadata", metadata(f, ctx)),
    subScore("popularity", popularity(f, ctx)),
    subScore("community", community(f)),
    subScore("repository", repository(f)),
  ];
  const known = subScores.filter((s) => s.score !== null);
  const essential = subScores.filter(
    (s) => (s.id === "maintenance" || s.id === "compatibility") && s.score === null,
  );
  let total: number | null = null;
  let totalNote: string;
  if (essential.length > 0)
    totalNote = `no total: ${essential.map((s) => s.title.toLowerCase()).join(" and ")} unknown${f.synced ? "" : " (not synced from an index)"}`;
  else {
    const w = known.reduce((a, s) => a + s.weight, 0);
    total = Math.round(known.reduce((a, s) => a + (s.score ?? 0) * s.weight, 0) / w);
    const left = subScores.filter((s) => s.score === null).map((s) => s.title.toLowerCase());
    totalNote = `weighted mean of ${known.map((s) => `${s.title.toLowerCase()} ${s.score} (x${s.weight})`).join(", ")}${left.length ? `; left out as unknown: ${left.join(", ")}` : ""}`;
  }
  const labels: HealthLabel[] = [];
  if (m.stable) labels.push(m.stable);
  const owners = new Set(f.ownership.roles.map((r) => r.user));
  if (f.synced && owners.size === 1 && !f.ownership.organization)
    labels.push({
      id: "sole-owner",
      text: "One PyPI owner",
      evidence: [...owners].map((u) => `${u} is the only owner or maintainer on PyPI`),
    });
  if (f.repository?.status === "ok" && f.repository.archived)
    labels.push({
      id: "archived",
      text: "Repository archived",
      evidence: [`${f.repository.repo} is archived on GitHub`],
    });
  if (f.vulnerabilities && f.vulnerabilities.length > 0)
    labels.push({
      id: "vulnerable",
      text: "Known vulnerability",
      evidence: f.vulnerabilities.map((v) => v.id),
    });
  const current = m.rules[0];
  const age = ageDays(f, ctx.today);
  if (!m.stable && (current?.status === "fail" || current?.status === "waiting") && age !== null && age > 730)
    labels.push({
      id: "inactive",
      text: "Needs attention: no release for two years and no support for the current Django",
      evidence: [current.message],
    });
  return { name: f.name, total, totalNote, bucket: bucketOf(total), labels, subScores };
}
