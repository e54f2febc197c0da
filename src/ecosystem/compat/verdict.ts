/**
 * Does a package's latest release support a Django series? A verdict `yes | no | maybe | unknown`
 * with the evidence that decided it, or `not-synced` when the release's metadata was never
 * fetched (a row loaded from a download-rank snapshot): then nothing is known, which is not the
 * same as a release that declares nothing (`unknown`). Pure: imports nothing from platform/.
 *
 * Evidence, from three sources of the release's core metadata:
 * - classifier (the pyreadiness rule): `Framework :: Django :: <series>` present -> yes; the
 *   major-only classifier (`Framework :: Django :: 5` for 5.x) -> yes, weaker; other versioned
 *   Django classifiers but not this one -> no; no versioned Django classifier at all -> maybe.
 * - requires-dist: the unconditional `Django` requirements (those not behind an `extra` marker;
 *   several with different markers are combined: the series is allowed when any allows it). A
 *   specifier that excludes every version of the series -> no; one that allows it and has an upper
 *   bound (`<`, `<=`, `==`, `~=`, `===`) -> yes, because its author has drawn the line past it; one
 *   that allows it with only a lower bound (`>=4.2`) -> maybe (it says nothing about new series).
 * - requires-python: no overlap with the series' Python versions -> no; overlap -> allows.
 *
 * Precedence (first match decides):
 * 1. requires-dist excludes -> no; 2. requires-python excludes -> no (installers enforce both, so
 *    the release cannot be installed with that series whatever the classifiers say);
 * 3. exact classifier -> yes; 4. upper-bounded requires-dist allows -> yes;
 * 5. major-only classifier -> yes; 6. other versioned classifiers only -> no;
 * 7. any metadata at all -> maybe; 8. no metadata -> unknown.
 * Before all of them: metadata never fetched -> not-synced (no evidence at all).
 * Disagreements between sources are listed in `conflicts` whichever wins.
 */
import { satisfies } from "@renovatebot/pep440";
import { parse as parseSpecifier } from "@renovatebot/pep440/lib/specifier.js";
import { parseRequirement, type Requirement } from "./requirement.ts";

/** The verdicts: four about the release, and `not-synced` when its metadata was never fetched. */
export type Verdict = "yes" | "no" | "maybe" | "unknown" | "not-synced";

/** How each verdict reads on pages and the command line. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  yes: "yes",
  maybe: "maybe",
  no: "no",
  unknown: "declares nothing",
  "not-synced": "not synced yet",
};

/** The facts of one package's latest release that compatibility needs. */
export interface PackageFacts {
  name: string;
  version: string;
  /**
   * False when the release's metadata was never fetched from an index (a snapshot-only row): its
   * empty classifiers and requirements then mean "not known", not "declares nothing".
   */
  metadataKnown: boolean;
  classifiers: readonly string[];
  requiresDist: readonly string[];
  requiresPython: string | null;
}

/** The Django series (or a specific pre-release of it) judged against. */
export interface CompatTarget {
  /** `6.1`, `2028`. */
  series: string;
  classifier: string;
  majorClassifier: string | null;
  python: readonly string[];
  /**
   * Django versions that stand for the series when testing specifiers: by default the feature
   * release and a late patch (`6.1`, `6.1.999`); a pre-release target (`6.1a1`) tests that version
   * with pre-releases allowed.
   */
  probes: readonly string[];
  prerelease: boolean;
}

/** Where a piece of evidence comes from. */
export type EvidenceSource = "classifier" | "requires-dist" | "requires-python" | "metadata";

/** One piece of evidence and what it says about the series. */
export interface Evidence {
  source: EvidenceSource;
  /** `allows` is used by requires-python, which can only rule a series out. */
  says: "yes" | "no" | "maybe" | "allows" | "unknown";
  detail: string;
}

/** The verdict for one package and one series. */
export interface CompatVerdict {
  series: string;
  verdict: Verdict;
  /** The evidence that decided (null when nothing did: unknown). */
  decidedBy: EvidenceSource | null;
  /** The precedence step that decided, as a sentence. */
  reason: string;
  evidence: Evidence[];
  /** Sources that disagree, in plain words. */
  conflicts: string[];
}

/** A target for a series from the calendar's fields (`series`, `featureVersion`, classifiers, Python). */
export function targetForSeries(s: {
  series: string;
  featureVersion: string;
  classifier: string;
  majorClassifier: string | null;
  python: readonly string[];
}): CompatTarget {
  return {
    series: s.series,
    classifier: s.classifier,
    majorClassifier: s.majorClassifier,
    python: s.python,
    probes: [s.featureVersion, `${s.featureVersion}.999`],
    prerelease: false,
  };
}

/** A target for one Django pre-release (`6.1a1`, `2028rc1`) of a series. */
export function targetForPrerelease(
  s: { series: string; classifier: string; majorClassifier: string | null; python: readonly string[] },
  version: string,
): CompatTarget {
  return {
    series: s.series,
    classifier: s.classifier,
    majorClassifier: s.majorClassifier,
    python: s.python,
    probes: [version],
    prerelease: true,
  };
}

const DJANGO_VERSIONED = /^Framework :: Django :: (\d+(?:\.\d+)?)$/;
const PYTHON_VERSIONED = /^Programming Language :: Python :: (\d+\.\d+)$/;

/** What a release declares: Django and Python classifier versions and its Django requirements. */
export interface DeclaredSupport {
  /** Versions from `Framework :: Django :: X.Y` and `:: X` classifiers, as written. */
  djangoClassifiers: string[];
  /** Versions from `Programming Language :: Python :: 3.X` classifiers. */
  pythonClassifiers: string[];
  /** Django requirements that apply without an extra. */
  djangoRequirements: Requirement[];
  /** Requirement strings that are not valid PEP 508, with the problem. */
  invalidRequirements: string[];
}

// Judging a catalogue asks the same questions many times (the same facts for every series, the
// same few hundred specifiers across thousands of packages): pure results are memoised.
const declaredCache = new WeakMap<object, DeclaredSupport>();
const MEMO_LIMIT = 100_000;
const satisfiesMemo = new Map<string, boolean>();
const upperBoundMemo = new Map<string, boolean>();

function memoSatisfies(version: string, spec: string, prerelease: boolean): boolean {
  const key = `${prerelease ? 1 : 0}|${spec}|${version}`;
  let v = satisfiesMemo.get(key);
  if (v === undefined) {
    if (satisfiesMemo.size >= MEMO_LIMIT) satisfiesMemo.clear();
    v = satisfies(version, spec, { prereleases: prerelease });
    satisfiesMemo.set(key, v);
  }
  return v;
}

/** Reads what a release declares about Django and Python (memoised per facts object). */
export function readDeclaredSupport(
  facts: Pick<PackageFacts, "classifiers" | "requiresDist">,
): DeclaredSupport {
  const cached = declaredCache.get(facts);
  if (cached) return cached;
  const declared = readDeclaredSupportUncached(facts);
  declaredCache.set(facts, declared);
  return declared;
}

function readDeclaredSupportUncached(
  facts: Pick<PackageFacts, "classifiers" | "requiresDist">,
): DeclaredSupport {
  const djangoClassifiers: string[] = [];
  const pythonClassifiers: string[] = [];
  for (const c of facts.classifiers) {
    const d = DJANGO_VERSIONED.exec(c.trim());
    if (d) djangoClassifiers.push(d[1] as string);
    const p = PYTHON_VERSIONED.exec(c.trim());
    if (p) pythonClassifiers.push(p[1] as string);
  }
  const djangoRequirements: Requirement[] = [];
  const invalidRequirements: string[] = [];
  for (const line of facts.requiresDist) {
    if (!/^\s*django\s*(?:[[(<>=!~;@]|$)/i.test(line)) continue;
    try {
      const r = parseRequirement(line);
      if (r.key === "django" && !r.extraOnly) djangoRequirements.push(r);
    } catch (e) {
      invalidRequirements.push(`${line}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { djangoClassifiers, pythonClassifiers, djangoRequirements, invalidRequirements };
}

/** True when the specifier allows at least one of the probe versions. */
export function specifierAllows(spec: string, probes: readonly string[], prerelease = false): boolean {
  return probes.some((v) => memoSatisfies(v, spec, prerelease));
}

/** True when the specifier bounds versions from above (so it speaks about new series). */
export function hasUpperBound(spec: string): boolean {
  if (spec === "") return false;
  let v = upperBoundMemo.get(spec);
  if (v === undefined) {
    if (upperBoundMemo.size >= MEMO_LIMIT) upperBoundMemo.clear();
    v = parseSpecifier(spec).some((c) => ["<", "<=", "==", "~=", "==="].includes(c.operator));
    upperBoundMemo.set(spec, v);
  }
  return v;
}

/** The Python versions of `python` that a Requires-Python specifier allows. */
export function pythonVersionsAllowed(spec: string, python: readonly string[]): string[] {
  return python.filter((v) => memoSatisfies(v, spec, false) || memoSatisfies(`${v}.999`, spec, false));
}

function classifierEvidence(declared: DeclaredSupport, t: CompatTarget): Evidence {
  const exact = t.classifier.replace(/^Framework :: Django :: /, "");
  const major = t.majorClassifier?.replace(/^Framework :: Django :: /, "") ?? null;
  if (declared.djangoClassifiers.includes(exact)) {
    return { source: "classifier", says: "yes", detail: `declares "${t.classifier}"` };
  }
  if (major !== null && declared.djangoClassifiers.includes(major)) {
    return {
      source: "classifier",
      says: "yes",
      detail: `declares the major-only "${t.majorClassifier}", which covers ${t.series}`,
    };
  }
  if (declared.djangoClassifiers.length) {
    return {
      source: "classifier",
      says: "no",
      detail: `declares Django ${declared.djangoClassifiers.join(", ")} but not ${t.series}`,
    };
  }
  return { source: "classifier", says: "maybe", detail: "declares no versioned Django classifier" };
}

function requiresDistEvidence(declared: DeclaredSupport, t: CompatTarget): Evidence | null {
  if (declared.djangoRequirements.length === 0) {
    if (declared.invalidRequirements.length) {
      return {
        source: "requires-dist",
        says: "unknown",
        detail: `unreadable Django requirement: ${declared.invalidRequirements.join("; ")}`,
      };
    }
    return null;
  }
  const texts = declared.djangoRequirements.map(
    (r) => `Django${r.specifier ? ` ${r.specifier}` : ""}${r.marker ? ` ; ${r.marker}` : ""}`,
  );
  const allowing = declared.djangoRequirements.filter(
    (r) => r.url !== null || specifierAllows(r.specifier, t.probes, t.prerelease),
  );
  if (allowing.length === 0) {
    return { source: "requires-dist", says: "no", detail: `${texts.join(" | ")} excludes ${t.series}` };
  }
  if (allowing.some((r) => hasUpperBound(r.specifier))) {
    return {
      source: "requires-dist",
      says: "yes",
      detail: `${texts.join(" | ")} allows ${t.series} within an upper bound`,
    };
  }
  return {
    source: "requires-dist",
    says: "maybe",
    detail: `${texts.join(" | ")} allows ${t.series} but sets no upper bound`,
  };
}

function requiresPythonEvidence(facts: PackageFacts, t: CompatTarget): Evidence | null {
  if (!facts.requiresPython || facts.requiresPython.trim() === "") return null;
  const spec = facts.requiresPython.trim();
  // Until a series' Python versions are announced, Requires-Python can rule nothing out.
  if (t.python.length === 0) {
    return {
      source: "requires-python",
      says: "unknown",
      detail: `Requires-Python ${spec} not weighed: ${t.series}'s Python versions are not yet announced`,
    };
  }
  let allowed: string[];
  try {
    allowed = pythonVersionsAllowed(spec, t.python);
  } catch {
    return { source: "requires-python", says: "unknown", detail: `unreadable Requires-Python "${spec}"` };
  }
  if (allowed.length === 0) {
    return {
      source: "requires-python",
      says: "no",
      detail: `Requires-Python ${spec} allows none of ${t.series}'s Python versions (${t.python.join(", ")})`,
    };
  }
  return {
    source: "requires-python",
    says: "allows",
    detail: `Requires-Python ${spec} allows Python ${allowed.join(", ")}`,
  };
}

/** Judges whether a release supports the target series, with the evidence and any disagreement. */
export function judgeCompatibility(input: { facts: PackageFacts; target: CompatTarget }): CompatVerdict {
  const { facts, target: t } = input;
  if (!facts.metadataKnown) {
    return {
      series: t.series,
      verdict: "not-synced",
      decidedBy: null,
      reason:
        "not synced yet: the release's classifiers, requirements and Requires-Python have not been fetched from an index",
      evidence: [],
      conflicts: [],
    };
  }
  const hasMetadata =
    facts.classifiers.length > 0 || facts.requiresDist.length > 0 || (facts.requiresPython ?? "") !== "";
  if (!hasMetadata) {
    return {
      series: t.series,
      verdict: "unknown",
      decidedBy: null,
      reason: "the release declares no classifiers, requirements or Requires-Python",
      evidence: [
        {
          source: "metadata",
          says: "unknown",
          detail: "no classifiers, Requires-Dist or Requires-Python recorded for the latest release",
        },
      ],
      conflicts: [],
    };
  }
  const declared = readDeclaredSupport(facts);
  const cls = classifierEvidence(declared, t);
  const dist = requiresDistEvidence(declared, t);
  const py = requiresPythonEvidence(facts, t);
  const evidence = [cls, ...(dist ? [dist] : []), ...(py ? [py] : [])];
  const conflicts: string[] = [];
  if (cls.says === "yes" && dist?.says === "no") {
    conflicts.push(`classifier says yes (${cls.detail}) but requires-dist excludes ${t.series}`);
  }
  if (cls.says === "yes" && py?.says === "no") {
    conflicts.push(`classifier says yes but Requires-Python rules out every Python version of ${t.series}`);
  }
  if (cls.says === "no" && dist?.says === "yes") {
    conflicts.push(`classifiers omit ${t.series} but requires-dist allows it within an upper bound`);
  }
  const decide = (verdict: Verdict, by: EvidenceSource | null, reason: string): CompatVerdict => ({
    series: t.series,
    verdict,
    decidedBy: by,
    reason,
    evidence,
    conflicts,
  });
  if (dist?.says === "no") return decide("no", "requires-dist", "requires-dist excludes the series");
  if (py?.says === "no") return decide("no", "requires-python", "Requires-Python excludes the series");
  if (cls.says === "yes" && !cls.detail.includes("major-only")) {
    return decide("yes", "classifier", "the series' classifier is declared");
  }
  if (dist?.says === "yes") return decide("yes", "requires-dist", "an upper-bounded requirement allows it");
  if (cls.says === "yes") return decide("yes", "classifier", "the major-only classifier is declared");
  if (cls.says === "no")
    return decide("no", "classifier", "other Django versions are declared, not this one");
  return decide("maybe", "classifier", "no versioned classifier and nothing rules the series in or out");
}
