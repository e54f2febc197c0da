/**
 * Evaluates the checkup rules on facts read from a tree or a metadata file, against the support
 * policy of the day (from the release calendar). Pure: imports nothing from platform/.
 */
import { validRange } from "@renovatebot/pep440";
import { parse as parseSpecifier } from "@renovatebot/pep440/lib/specifier.js";
import { pythonVersionsAllowed } from "../compat/verdict.ts";
import { normalizeName } from "../packages/normalize-name.ts";
import type { SupportAdvice } from "../releases/calendar.ts";
import { CHECKUP_RULES, type RuleDefinition } from "./rules.ts";
import { classifierStatus } from "./trove.ts";
import type { CheckResult, CheckStatus, CheckupFacts, CheckupSummaryFacts, Evidence } from "./types.ts";

/** What the rules need of the day's support policy. */
export interface CheckupPolicy {
  today: string;
  /** Series a package should declare today (previous LTS and newer released series). */
  recommended: string[];
  /** The newest released series and its Python versions. */
  latest: string | null;
  latestPython: string[];
}

/** The policy from the calendar's support advice and the latest series' Python versions. */
export function policyFromAdvice(advice: SupportAdvice, latestPython: readonly string[]): CheckupPolicy {
  return {
    today: advice.today,
    recommended: advice.recommended,
    latest: advice.latest,
    latestPython: [...latestPython],
  };
}

const DJANGO_CLASSIFIER = /^Framework :: Django :: (\d+(?:\.\d+)?)$/;
const PYTHON_CLASSIFIER = /^Programming Language :: Python :: (3\.\d+)$/;

/** The `--json` facts: name, Django series and Python versions from classifiers, the two specifiers. */
export function summaryFacts(facts: CheckupFacts): CheckupSummaryFacts {
  const pick = (re: RegExp) =>
    facts.classifiers.flatMap((c) => {
      const m = re.exec(c.value.trim());
      return m ? [m[1] as string] : [];
    });
  return {
    name: facts.name?.value ?? null,
    djangoSeries: pick(DJANGO_CLASSIFIER),
    pythonVersions: pick(PYTHON_CLASSIFIER),
    requiresPython: facts.requiresPython?.value ?? null,
    djangoRequirement: facts.djangoRequirement?.value ?? null,
  };
}

/** Poetry's caret and tilde constraints in PEP 440 terms (`^4.2` -> `>=4.2,<5`); others unchanged. */
export function toPep440(spec: string): string {
  return spec
    .split(",")
    .map((part) => {
      const p = part.trim();
      const caret = /^\^\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(p);
      if (caret) {
        const [maj, min] = [Number(caret[1]), Number(caret[2] ?? 0)];
        const upper = maj > 0 ? `${maj + 1}` : `0.${min + 1}`;
        return `>=${p.slice(1).trim()},<${upper}`;
      }
      const tilde = /^~\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(p);
      if (tilde) {
        const upper =
          tilde[2] === undefined ? `${Number(tilde[1]) + 1}` : `${tilde[1]}.${Number(tilde[2]) + 1}`;
        return `>=${p.slice(1).trim()},<${upper}`;
      }
      return p;
    })
    .join(",");
}

/** The lower bound of a specifier (`>=4.2,<6` -> `4.2`), null when it has none, undefined when unreadable. */
export function lowerBound(spec: string): string | null | undefined {
  // The same few hundred specifiers recur across a catalogue; parsing them is the costly part.
  if (lowerBoundMemo.has(spec)) return lowerBoundMemo.get(spec);
  if (lowerBoundMemo.size >= 10_000) lowerBoundMemo.clear();
  const bound = lowerBoundUncached(spec);
  lowerBoundMemo.set(spec, bound);
  return bound;
}

const lowerBoundMemo = new Map<string, string | null | undefined>();
const validMemo = new Map<string, boolean>();

/** `validRange`, memoised by specifier. */
function isValidSpecifier(spec: string): boolean {
  let v = validMemo.get(spec);
  if (v === undefined) {
    if (validMemo.size >= 10_000) validMemo.clear();
    v = validRange(spec);
    validMemo.set(spec, v);
  }
  return v;
}

function lowerBoundUncached(spec: string): string | null | undefined {
  const pep = toPep440(spec);
  if (pep === "" || pep === "*") return null;
  if (!isValidSpecifier(pep)) return undefined;
  const lower = parseSpecifier(pep).find((c) => [">=", ">", "~=", "==", "==="].includes(c.operator));
  return lower ? lower.version.replace(/\.\*$/, "") : null;
}

/** `4.2.3` -> `4.2`, `5` -> `5.0`, `2028.1` -> `2028`. */
function seriesOf(version: string): string {
  const parts = version.split(".");
  if (/^\d{4}$/.test(parts[0] ?? "")) return parts[0] as string;
  return `${parts[0]}.${parts[1] ?? "0"}`;
}

function compareSeries(a: string, b: string): number {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return (am ?? 0) - (bm ?? 0) || (an ?? 0) - (bn ?? 0);
}

/** The oldest Django series the package says it supports: the requirement's lower bound, else the oldest classifier. */
export function oldestSupported(
  facts: CheckupFacts,
): { series: string; from: "requirement" | "classifier" } | null {
  const bound = facts.djangoRequirement ? lowerBound(facts.djangoRequirement.value) : null;
  if (bound) return { series: seriesOf(bound), from: "requirement" };
  const declared = summaryFacts(facts)
    .djangoSeries.filter((s) => s.includes("."))
    .sort(compareSeries);
  return declared[0] ? { series: declared[0], from: "classifier" } : null;
}

type Outcome = { status: CheckStatus; message: string; evidence: Evidence | null };
type Rule = (facts: CheckupFacts, policy: CheckupPolicy, def: RuleDefinition) => Outcome;

const list = (xs: readonly string[]) => xs.join(", ");
const firstFile = (facts: CheckupFacts): Evidence | null =>
  facts.packagingFiles[0] ? { file: facts.packagingFiles[0], line: null } : null;

const RULES: Record<string, Rule> = {
  "django-naming"(facts, _policy, def) {
    if (!facts.name)
      return {
        status: "skipped",
        message: "no distribution name was found to check",
        evidence: firstFile(facts),
      };
    const name = normalizeName(facts.name.value);
    const at = facts.name.at;
    if (!name.startsWith("django-") || name === "django-")
      return {
        status: def.severity,
        message: `distribution "${facts.name.value}" is not named django-<name>`,
        evidence: at,
      };
    const expected = `django_${name.slice(7).replace(/-/g, "_")}`;
    if (facts.kind === "metadata")
      return {
        status: "pass",
        message: `distribution named ${name} (the import package ${expected} cannot be checked from metadata)`,
        evidence: at,
      };
    const found = facts.importPackages.find((p) => p.value === expected);
    if (found)
      return {
        status: "pass",
        message: `distribution ${name} with import package ${expected}`,
        evidence: found.at,
      };
    const short = facts.importPackages.find((p) => p.value === name.slice(7).replace(/-/g, "_"));
    if (short)
      return {
        status: def.severity,
        message: `import package is ${short.value}; Django ticket 35084 recommends ${expected}`,
        evidence: short.at,
      };
    const seen = facts.importPackages.map((p) => p.value);
    return {
      status: def.severity,
      message: seen.length
        ? `import packages ${list(seen)} do not include ${expected}`
        : `no import package found (expected ${expected}/)`,
      evidence: facts.importPackages[0]?.at ?? at,
    };
  },
  "django-classifiers"(facts, policy, def) {
    const declared = summaryFacts(facts).djangoSeries;
    const at = facts.classifiers.find((c) => DJANGO_CLASSIFIER.test(c.value))?.at ?? firstFile(facts);
    if (declared.length === 0)
      return {
        status: def.severity,
        message: "no Framework :: Django :: X.Y classifier is declared",
        evidence: at,
      };
    const covers = (s: string) =>
      declared.includes(s) || (!/^\d{4}$/.test(s) && declared.includes(s.split(".")[0] as string));
    const missing = policy.recommended.filter((s) => !covers(s));
    const supported = policy.recommended.filter(covers);
    if (missing.length === 0)
      return {
        status: "pass",
        message: `declares Django ${list(declared)}; on ${policy.today} the policy recommends ${list(policy.recommended)}`,
        evidence: at,
      };
    return {
      status: supported.length === 0 ? def.severity : "warning",
      message: `declares Django ${list(declared)} but not ${list(missing)} (on ${policy.today} the policy recommends ${list(policy.recommended)})`,
      evidence: at,
    };
  },
  "python-classifiers"(facts, policy, def) {
    const declared = summaryFacts(facts).pythonVersions;
    const at = facts.classifiers.find((c) => PYTHON_CLASSIFIER.test(c.value))?.at ?? firstFile(facts);
    if (declared.length === 0)
      return {
        status: def.severity,
        message: "no Programming Language :: Python :: 3.X classifier is declared",
        evidence: at,
      };
    const missing = policy.latestPython.filter((v) => !declared.includes(v));
    if (missing.length === 0)
      return {
        status: "pass",
        message: `declares Python ${list(declared)}, covering Django ${policy.latest}'s ${list(policy.latestPython)}`,
        evidence: at,
      };
    return {
      status: def.severity,
      message: `declares Python ${list(declared)} but not ${list(missing)}, which Django ${policy.latest} supports`,
      evidence: at,
    };
  },
  "classifiers-valid"(facts, _policy, def) {
    if (facts.classifiers.length === 0)
      return { status: "skipped", message: "no classifiers are declared", evidence: firstFile(facts) };
    const bad = facts.classifiers.flatMap((c) => {
      const s = classifierStatus(c.value.trim());
      if (s.status === "valid") return [];
      const why =
        s.status === "deprecated"
          ? `deprecated${s.replacements.length ? `, use "${s.replacements.join('" or "')}"` : ""}`
          : "not on the official list";
      return [{ c, why }];
    });
    if (bad.length === 0)
      return {
        status: "pass",
        message: `all ${facts.classifiers.length} classifiers are on the official list`,
        evidence: facts.classifiers[0]?.at ?? null,
      };
    return {
      status: def.severity,
      message: bad.map((b) => `"${b.c.value}" is ${b.why}`).join("; "),
      evidence: bad[0]?.c.at ?? null,
    };
  },
  "requires-python"(facts, policy, def) {
    const rp = facts.requiresPython;
    if (!rp)
      return { status: def.severity, message: "Requires-Python is not declared", evidence: firstFile(facts) };
    const spec = toPep440(rp.value);
    let allowed: string[];
    try {
      if (!isValidSpecifier(spec)) throw new Error("invalid");
      allowed = pythonVersionsAllowed(spec, policy.latestPython);
    } catch {
      return {
        status: def.severity,
        message: `Requires-Python "${rp.value}" is not a valid specifier`,
        evidence: rp.at,
      };
    }
    const excluded = policy.latestPython.filter((v) => !allowed.includes(v));
    if (excluded.length === 0)
      return { status: "pass", message: `Requires-Python ${rp.value}`, evidence: rp.at };
    return {
      status: "warning",
      message: `Requires-Python ${rp.value} excludes Python ${list(excluded)}, which Django ${policy.latest} supports`,
      evidence: rp.at,
    };
  },
  "django-lower-bound"(facts, _policy, def) {
    const req = facts.djangoRequirement;
    if (!req)
      return {
        status: def.severity,
        message: "Django is not among the dependencies",
        evidence: firstFile(facts),
      };
    if (req.value === "")
      return {
        status: def.severity,
        message: "Django is required without a version: add a lower bound",
        evidence: req.at,
      };
    const bound = lowerBound(req.value);
    if (bound === undefined)
      return {
        status: def.severity,
        message: `Django requirement "${req.value}" is not a valid specifier`,
        evidence: req.at,
      };
    if (bound === null)
      return {
        status: def.severity,
        message: `Django requirement "${req.value}" has no lower bound`,
        evidence: req.at,
      };
    return { status: "pass", message: `Django ${req.value} (lower bound ${bound})`, evidence: req.at };
  },
  "ci-django-prerelease"(facts, _policy, def) {
    if (facts.ciDjangoPrerelease)
      return {
        status: "pass",
        message: `CI installs a Django pre-release or main: ${facts.ciDjangoPrerelease.value}`,
        evidence: facts.ciDjangoPrerelease.at,
      };
    if (facts.ciFiles.length === 0)
      return {
        status: def.severity,
        message: "no CI configuration found (.github/workflows, tox.ini, noxfile.py)",
        evidence: null,
      };
    return {
      status: def.severity,
      message: `no CI file installs Django's main branch or a pre-release (read: ${list(facts.ciFiles)})`,
      evidence: { file: facts.ciFiles[0] as string, line: null },
    };
  },
  "django-upgrade"(facts, _policy, def) {
    const hook = facts.djangoUpgrade;
    if (!hook)
      return {
        status: def.severity,
        message: "no django-upgrade hook in .pre-commit-config.yaml",
        evidence: null,
      };
    const oldest = oldestSupported(facts);
    if (!oldest)
      return {
        status: def.severity,
        message:
          "django-upgrade runs, but the oldest supported Django is not declared, so its target cannot be checked",
        evidence: hook.hook,
      };
    if (hook.targetVersion === null) {
      const fromPyproject =
        oldest.from === "requirement" && facts.djangoRequirement?.at.file === "pyproject.toml";
      return fromPyproject
        ? {
            status: "pass",
            message: `django-upgrade without --target-version uses the Django requirement's lower bound (${oldest.series})`,
            evidence: hook.hook,
          }
        : {
            status: def.severity,
            message: `django-upgrade has no --target-version and cannot read one from pyproject.toml; the oldest supported Django is ${oldest.series}`,
            evidence: hook.hook,
          };
    }
    if (hook.targetVersion === oldest.series)
      return {
        status: "pass",
        message: `django-upgrade --target-version ${hook.targetVersion} matches the oldest supported Django`,
        evidence: hook.hook,
      };
    return {
      status: def.severity,
      message: `django-upgrade targets ${hook.targetVersion} but the oldest supported Django is ${oldest.series} (from the ${oldest.from})`,
      evidence: hook.hook,
    };
  },
  license(facts, _policy, def) {
    const classifier = facts.classifiers.find((c) => c.value.startsWith("License :: "));
    const declared = facts.license ?? (classifier ? { value: classifier.value, at: classifier.at } : null);
    if (facts.kind === "metadata")
      return declared
        ? { status: "pass", message: `licence: ${declared.value}`, evidence: declared.at }
        : {
            status: def.severity,
            message: "no licence is declared (License-Expression, License or a License :: classifier)",
            evidence: firstFile(facts),
          };
    if (declared && facts.licenseFile)
      return {
        status: "pass",
        message: `licence ${declared.value}, file ${facts.licenseFile.value}`,
        evidence: declared.at,
      };
    if (declared)
      return {
        status: "warning",
        message: `licence ${declared.value} is declared but no LICENSE file is in the tree`,
        evidence: declared.at,
      };
    if (facts.licenseFile)
      return {
        status: "warning",
        message: `${facts.licenseFile.value} exists but the packaging files declare no licence`,
        evidence: facts.licenseFile.at,
      };
    return {
      status: def.severity,
      message: "no licence declared and no LICENSE file",
      evidence: firstFile(facts),
    };
  },
  readme(facts, _policy, def) {
    if (facts.readme)
      return { status: "pass", message: `README: ${facts.readme.value}`, evidence: facts.readme.at };
    return {
      status: def.severity,
      message:
        facts.kind === "tree" ? "no README file (README.md, README.rst, README.txt)" : "no long description",
      evidence: null,
    };
  },
  "security-contact"(facts, _policy, def) {
    if (facts.securityPolicy)
      return {
        status: "pass",
        message: `security policy ${facts.securityPolicy.value}`,
        evidence: facts.securityPolicy.at,
      };
    const url = facts.projectUrls.find((u) => /security/i.test(u.value.label));
    if (url)
      return {
        status: "pass",
        message: `project URL "${url.value.label}": ${url.value.url}`,
        evidence: url.at,
      };
    return {
      status: def.severity,
      message: 'no SECURITY policy and no "Security" project URL',
      evidence: firstFile(facts),
    };
  },
  "trusted-publishing"(facts, _policy, def) {
    const trusted = facts.publishing.find((p) => p.trusted);
    if (trusted) return { status: "pass", message: trusted.detail, evidence: trusted.at };
    const other = facts.publishing[0];
    if (other) return { status: def.severity, message: other.detail, evidence: other.at };
    return { status: def.severity, message: "no workflow publishes to PyPI", evidence: null };
  },
};

/** Runs every rule that applies to the facts' kind; the others are listed as skipped. */
export function runRules(facts: CheckupFacts, policy: CheckupPolicy): CheckResult[] {
  return CHECKUP_RULES.map((def) => {
    if (!def.appliesTo.includes(facts.kind))
      return {
        id: def.id,
        status: "skipped" as const,
        message: "checked on source trees only",
        evidence: null,
      };
    const rule = RULES[def.id];
    if (!rule) throw new Error(`no evaluation for rule ${def.id}`);
    return { id: def.id, ...rule(facts, policy, def) };
  });
}
