/**
 * What a checkup reads from a package (a source tree or one core metadata file) and what it says
 * about it. Pure types: imports nothing.
 */

/** Where a fact was read: a file relative to the checked root and a 1-based line (null: the whole file). */
export interface Evidence {
  file: string;
  line: number | null;
}

/** A fact with where it was read. */
export interface Located<T> {
  value: T;
  at: Evidence;
}

/** Everything the rules look at; a null fact was not found (never guessed). */
export interface CheckupFacts {
  /** `tree` for a source directory, `metadata` for a METADATA/PKG-INFO file or a synced package. */
  kind: "tree" | "metadata";
  /** The packaging files read, relative to the root (pyproject.toml, setup.cfg, setup.py, ...). */
  packagingFiles: string[];
  name: Located<string> | null;
  /** Top-level import packages found in the tree (directories with `__init__.py`). */
  importPackages: Located<string>[];
  classifiers: Located<string>[];
  requiresPython: Located<string> | null;
  /** The Django requirement's specifier as written (`>=4.2,<6.0`, poetry's `^4.2`); "" when bare. */
  djangoRequirement: Located<string> | null;
  /** Declared licence (SPDX expression, licence field or licence classifier). */
  license: Located<string> | null;
  /** A licence file in the tree (LICENSE, COPYING, ...). */
  licenseFile: Located<string> | null;
  /** A README file in the tree, or the metadata's long description. */
  readme: Located<string> | null;
  /** Project URLs (label, url). */
  projectUrls: Located<{ label: string; url: string }>[];
  /** A security policy file (SECURITY.md, .github/SECURITY.md, docs/SECURITY.md). */
  securityPolicy: Located<string> | null;
  /** CI configuration files found (workflows, tox.ini, noxfile.py). */
  ciFiles: string[];
  /** A line of CI configuration that installs a Django pre-release or Django's main branch. */
  ciDjangoPrerelease: Located<string> | null;
  /** The django-upgrade pre-commit hook and its `--target-version`, when present. */
  djangoUpgrade: { hook: Evidence; targetVersion: string | null } | null;
  /** Release workflows: those that publish to PyPI, and how. */
  publishing: Array<{ at: Evidence; trusted: boolean; detail: string }>;
  /** Files that could not be read as their format (kept as evidence, not thrown). */
  unreadable: Array<{ file: string; message: string }>;
}

/** The outcome of one rule. */
export type CheckStatus = "pass" | "warning" | "error" | "skipped";

/** One rule's result. */
export interface CheckResult {
  id: string;
  status: CheckStatus;
  message: string;
  /** Where the evidence is (null when the rule found nothing to point at). */
  evidence: Evidence | null;
}

/** The facts a checkup prints besides the results (the `--json` fields). */
export interface CheckupSummaryFacts {
  name: string | null;
  /** Django series from `Framework :: Django :: X.Y` classifiers. */
  djangoSeries: string[];
  /** Python versions from `Programming Language :: Python :: 3.X` classifiers. */
  pythonVersions: string[];
  requiresPython: string | null;
  djangoRequirement: string | null;
}

/** A whole checkup of one tree or file. */
export interface CheckupReport extends CheckupSummaryFacts {
  /** The path as given. */
  path: string;
  kind: CheckupFacts["kind"];
  /** The day the support policy was judged on. */
  today: string;
  results: CheckResult[];
}

/** Facts with nothing found yet. */
export function emptyFacts(kind: CheckupFacts["kind"]): CheckupFacts {
  return {
    kind,
    packagingFiles: [],
    name: null,
    importPackages: [],
    classifiers: [],
    requiresPython: null,
    djangoRequirement: null,
    license: null,
    licenseFile: null,
    readme: null,
    projectUrls: [],
    securityPolicy: null,
    ciFiles: [],
    ciDjangoPrerelease: null,
    djangoUpgrade: null,
    publishing: [],
    unreadable: [],
  };
}
