/**
 * The checkup's rules: stable ids, what each checks, why, and how to fix it. Each rule has a
 * documentation page at `/checkup/rules/<id>` built from this table. Pure data.
 */

/** How bad a failed rule is. */
export type RuleSeverity = "error" | "warning";

/** One rule's definition and documentation. */
export interface RuleDefinition {
  id: string;
  title: string;
  /** The status a failure gets (some rules also give a warning for a partial pass). */
  severity: RuleSeverity;
  /** Checked on a source tree, a metadata file (or a synced package), or both. */
  appliesTo: ReadonlyArray<"tree" | "metadata">;
  /** What passes, in one sentence. */
  passes: string;
  /** Why it matters, with the source of the practice. */
  why: string;
  /** How to fix a failure (a short example). */
  fix: string;
}

/** Every rule, in the order results are listed. */
export const CHECKUP_RULES: readonly RuleDefinition[] = [
  {
    id: "django-naming",
    title: "Distribution named django-<name>, import package django_<name>",
    severity: "warning",
    appliesTo: ["tree", "metadata"],
    passes:
      "The distribution is named django-<name> and (in a tree) the import package is django_<name>; a metadata file has no file list, so only the distribution name is checked there.",
    why: 'Django ticket 35084 changed the reusable-apps tutorial\'s advice: an app distributed as "django-polls" should be imported as "django_polls", so the import name says it is a Django app and cannot clash with a project\'s own "polls". The AppConfig label keeps the short name.',
    fix: 'Name the distribution `django-polls` in pyproject.toml and put the code in `django_polls/` (or `src/django_polls/`), with `label = "polls"` on its AppConfig.',
  },
  {
    id: "django-classifiers",
    title: "Django classifiers for the supported Django series",
    severity: "error",
    appliesTo: ["tree", "metadata"],
    passes:
      "A `Framework :: Django :: X.Y` classifier is declared for every series the support policy recommends today (the previous LTS and every newer released series).",
    why: "Classifiers are how PyPI, pyreadiness and Guildhall's readiness pages learn which Django versions a package supports; the Django 6.0 release notes advise supporting every series from the previous LTS on. Series that have reached end of life may be dropped.",
    fix: "Add `Framework :: Django :: 5.2`, `Framework :: Django :: 6.0`, ... (the list at /releases/support) to `classifiers` and test each in CI.",
  },
  {
    id: "python-classifiers",
    title: "Python classifiers for the latest Django's Python versions",
    severity: "warning",
    appliesTo: ["tree", "metadata"],
    passes:
      "`Programming Language :: Python :: 3.X` classifiers cover every Python version the latest released Django series supports.",
    why: "Users pick packages by the Python versions they run; a package that supports the latest Django should declare (and test) the Python versions that Django supports.",
    fix: "Add `Programming Language :: Python :: 3.12`, `3.13`, `3.14` (as /releases/support lists) and run them in CI.",
  },
  {
    id: "classifiers-valid",
    title: "Classifiers on the official list",
    severity: "error",
    appliesTo: ["tree", "metadata"],
    passes: "Every classifier is on the trove-classifiers list (PyPI refuses uploads with unknown ones).",
    why: "PyPI rejects an upload that declares a classifier missing from the official list; a misspelt one (`Framework :: Django :: 5.20`) also hides the package from filters. Each new Django series' classifier is added to the list by hand, so a brand new series may not be there yet.",
    fix: "Correct the spelling, or replace a deprecated classifier with the one the list names.",
  },
  {
    id: "requires-python",
    title: "Requires-Python declared",
    severity: "error",
    appliesTo: ["tree", "metadata"],
    passes:
      "`requires-python` is present, readable, and allows every Python version of the latest released Django series.",
    why: "Installers use Requires-Python to pick a release that works on the user's Python; without it an old Python gets a release that fails at import time.",
    fix: 'Set `requires-python = ">=3.10"` in `[project]` (or `python_requires` in setup.cfg/setup.py).',
  },
  {
    id: "django-lower-bound",
    title: "Django requirement with a lower bound",
    severity: "error",
    appliesTo: ["tree", "metadata"],
    passes: "The dependencies require Django with a lower bound (`Django>=4.2`).",
    why: "A lower bound stops installers from pairing the package with a Django it no longer supports; django-upgrade also reads it as its default target version.",
    fix: 'Add `"Django>=5.2"` (the oldest series you test) to `dependencies`.',
  },
  {
    id: "ci-django-prerelease",
    title: "CI tests Django's pre-releases or main branch",
    severity: "warning",
    appliesTo: ["tree"],
    passes:
      "A workflow, tox.ini or noxfile installs Django's main branch (`https://github.com/django/django/archive/main.tar.gz`, a `djmain` factor) or a pre-release (`--pre`, `Django>=6.1a1`).",
    why: "Testing against the next Django before its final (allowed to fail) finds breakage while there is time to fix it, so support ships soon after the release; the Package Maintainers WG recommends it.",
    fix: "Add a tox factor `djmain: https://github.com/django/django/archive/main.tar.gz` and a CI job for it with `continue-on-error: true`.",
  },
  {
    id: "django-upgrade",
    title: "django-upgrade in pre-commit, targeting the oldest supported Django",
    severity: "warning",
    appliesTo: ["tree"],
    passes:
      "`.pre-commit-config.yaml` runs the django-upgrade hook with `--target-version` equal to the oldest Django the package supports (or without it when the Django requirement has a lower bound, which django-upgrade then uses).",
    why: "django-upgrade rewrites deprecated Django idioms automatically; targeting the oldest supported version keeps the rewrites compatible with every series the package declares.",
    fix: 'Add `- repo: https://github.com/adamchainz/django-upgrade` with hook `django-upgrade` and `args: [--target-version, "5.2"]`.',
  },
  {
    id: "license",
    title: "Licence declared",
    severity: "error",
    appliesTo: ["tree", "metadata"],
    passes:
      "A licence is declared (SPDX expression, licence field or licence classifier) and, in a tree, a licence file exists.",
    why: "Without a licence nobody may legally reuse the code; companies' dependency checks refuse such packages.",
    fix: 'Add `license = "BSD-3-Clause"` and a LICENSE file.',
  },
  {
    id: "readme",
    title: "README",
    severity: "warning",
    appliesTo: ["tree", "metadata"],
    passes: "A non-empty README (or, in metadata, a long description) exists.",
    why: "The README is the project's page on PyPI; it should say what the package does, which Django versions it supports and how to install it.",
    fix: 'Write README.md and set `readme = "README.md"`.',
  },
  {
    id: "security-contact",
    title: "Security contact",
    severity: "warning",
    appliesTo: ["tree", "metadata"],
    passes:
      'A SECURITY policy file exists or a project URL labelled "Security" (or "Security Policy") is declared.',
    why: "Someone who finds a vulnerability needs to know where to report it privately; without a contact the report often lands in a public issue. Guildhall lists packages without one for the Package Maintainers WG.",
    fix: 'Add SECURITY.md (how to report, privately) and `Security = "https://github.com/you/django-x/security/policy"` under `[project.urls]`.',
  },
  {
    id: "trusted-publishing",
    title: "Trusted publishing in the release workflow",
    severity: "warning",
    appliesTo: ["tree"],
    passes:
      "A workflow publishes to PyPI with trusted publishing (pypa/gh-action-pypi-publish or `uv publish` with `id-token: write`, no password).",
    why: "Trusted publishing replaces long-lived API tokens stored as secrets with short-lived credentials tied to the workflow, so a leaked secret cannot publish a malicious release.",
    fix: "Configure a trusted publisher on PyPI and use `pypa/gh-action-pypi-publish@release/v1` in a job with `permissions: id-token: write`.",
  },
];

/** The rule with this id, or undefined. */
export function findRule(id: string): RuleDefinition | undefined {
  return CHECKUP_RULES.find((r) => r.id === id);
}
