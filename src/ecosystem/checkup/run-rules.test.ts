import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildReleaseCalendar } from "../releases/calendar.ts";
import { checkupPolicy } from "./checkup-policy.ts";
import { parsePyproject, UnreadableFile } from "./parse-pyproject.ts";
import { factsFromMetadata, NothingToCheck, readCheckupSource } from "./read-source.ts";
import { CHECKUP_RULES } from "./rules.ts";
import { lowerBound, runRules, summaryFacts, toPep440 } from "./run-rules.ts";
import type { CheckResult, CheckStatus } from "./types.ts";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const TODAY = "2026-12-02";
const policy = checkupPolicy(buildReleaseCalendar({ today: TODAY }), TODAY);

async function check(tree: string): Promise<Record<string, CheckResult>> {
  const facts = await readCheckupSource(path.join(FIXTURES, tree));
  return Object.fromEntries(runRules(facts, policy).map((r) => [r.id, r]));
}

const statuses = (r: Record<string, CheckResult>) =>
  Object.fromEntries(Object.entries(r).map(([id, x]) => [id, x.status]));

describe("checkup rules on fixture trees", () => {
  it("the policy of 2026-12-02 recommends 5.2, 6.0 and 6.1 with 6.1's Python versions", () => {
    expect(policy.recommended).toEqual(["5.2", "6.0", "6.1"]);
    expect(policy.latestPython).toEqual(["3.12", "3.13", "3.14"]);
  });

  it("setuptools (src layout, tox djmain factor, trusted publishing) passes every rule", async () => {
    const r = await check("setuptools");
    expect(Object.values(r).every((x) => x.status === "pass")).toBe(true);
    expect(r["django-lower-bound"]?.evidence).toEqual({ file: "pyproject.toml", line: 31 });
    expect(r["ci-django-prerelease"]?.evidence).toEqual({ file: "tox.ini", line: 14 });
    expect(r["trusted-publishing"]?.evidence).toEqual({ file: ".github/workflows/release.yml", line: 26 });
    expect(r["django-naming"]?.evidence?.file).toBe("src/django_polls_app/__init__.py");
  });

  it("hatch (modelled on django-debug-toolbar): short import package and no security contact", async () => {
    expect(statuses(await check("hatch"))).toEqual({
      "django-naming": "warning",
      "django-classifiers": "pass",
      "python-classifiers": "pass",
      "classifiers-valid": "pass",
      "requires-python": "pass",
      "django-lower-bound": "pass",
      "ci-django-prerelease": "pass",
      "django-upgrade": "pass",
      license: "pass",
      readme: "pass",
      "security-contact": "warning",
      "trusted-publishing": "pass",
    });
  });

  it("flit: invalid and deprecated classifiers, bare Django, no Requires-Python, twine with a secret", async () => {
    const r = await check("flit");
    expect(statuses(r)).toEqual({
      "django-naming": "pass",
      "django-classifiers": "warning",
      "python-classifiers": "pass",
      "classifiers-valid": "error",
      "requires-python": "error",
      "django-lower-bound": "error",
      "ci-django-prerelease": "warning",
      "django-upgrade": "warning",
      license: "warning",
      readme: "warning",
      "security-contact": "warning",
      "trusted-publishing": "warning",
    });
    expect(r["classifiers-valid"]?.message).toContain(
      '"Framework :: Django :: 5.20" is not on the official list',
    );
    expect(r["classifiers-valid"]?.message).toContain('use "Natural Language :: Ukrainian"');
    expect(r["classifiers-valid"]?.evidence).toEqual({ file: "pyproject.toml", line: 12 });
  });

  it("poetry: caret constraints read as PEP 440, no Django classifiers, django-upgrade target too old", async () => {
    const r = await check("poetry");
    expect(statuses(r)).toMatchObject({
      "django-classifiers": "error",
      "python-classifiers": "warning",
      "requires-python": "pass",
      "django-lower-bound": "pass",
      "django-upgrade": "warning",
      "security-contact": "pass",
      "ci-django-prerelease": "warning",
    });
    expect(r["django-upgrade"]?.message).toBe(
      "django-upgrade targets 3.2 but the oldest supported Django is 4.2 (from the requirement)",
    );
  });

  it("setup.py only: literal arguments and a module constant, read without running it", async () => {
    const facts = await readCheckupSource(path.join(FIXTURES, "setup-py"));
    expect(summaryFacts(facts)).toEqual({
      name: "django-legacy-widget",
      djangoSeries: ["3.2", "4.0"],
      pythonVersions: ["3.8", "3.9"],
      requiresPython: ">=3.6",
      djangoRequirement: "<4.1",
    });
    const r = Object.fromEntries(runRules(facts, policy).map((x) => [x.id, x]));
    expect(r["django-lower-bound"]?.status).toBe("error");
    expect(r["django-lower-bound"]?.evidence).toEqual({ file: "setup.py", line: 34 });
    expect(r["django-classifiers"]?.status).toBe("error");
    expect(r.license?.status).toBe("warning");
  });

  it("every rule passes on one fixture and fails on another", async () => {
    const seen = new Map<string, Set<CheckStatus>>();
    for (const tree of ["setuptools", "hatch", "flit", "poetry", "setup-py"]) {
      for (const [id, res] of Object.entries(await check(tree))) {
        const s = seen.get(id) ?? new Set();
        s.add(res.status);
        seen.set(id, s);
      }
    }
    for (const rule of CHECKUP_RULES) {
      const s = seen.get(rule.id) ?? new Set();
      expect([rule.id, s.has("pass")]).toEqual([rule.id, true]);
      expect([rule.id, s.has("warning") || s.has("error")]).toEqual([rule.id, true]);
    }
  });

  it("a tree without packaging files is nothing to check; broken TOML names the file and line", async () => {
    await expect(readCheckupSource(path.join(FIXTURES, "no-packaging"))).rejects.toThrow(NothingToCheck);
    await expect(readCheckupSource(path.join(FIXTURES, "broken-toml"))).rejects.toThrow(
      /pyproject\.toml: line \d+: invalid TOML/,
    );
    expect(() => parsePyproject("[project\nname=1", "pyproject.toml")).toThrow(UnreadableFile);
    await expect(readCheckupSource(path.join(FIXTURES, "missing"))).rejects.toThrow(NothingToCheck);
  });
});

describe("checkup on core metadata files", () => {
  it("runs the metadata rules and skips the tree-only ones", () => {
    const text = [
      "Metadata-Version: 2.4",
      "Name: channels",
      "Version: 4.3.0",
      "License-Expression: BSD-3-Clause",
      "Requires-Python: >=3.10",
      "Classifier: Framework :: Django :: 5.2",
      "Classifier: Framework :: Django :: 6.0",
      "Classifier: Framework :: Django :: 6.1",
      "Classifier: Programming Language :: Python :: 3.12",
      "Requires-Dist: Django>=4.2",
      "Project-URL: Security, https://example.org/security",
      "",
      "Long description.",
    ].join("\n");
    const r = Object.fromEntries(runRules(factsFromMetadata(text, "METADATA"), policy).map((x) => [x.id, x]));
    expect(r["django-naming"]?.status).toBe("warning");
    expect(r["django-lower-bound"]).toMatchObject({
      status: "pass",
      evidence: { file: "METADATA", line: 10 },
    });
    expect(r["python-classifiers"]?.status).toBe("warning");
    expect(r["security-contact"]?.status).toBe("pass");
    expect(r.readme?.status).toBe("pass");
    for (const id of ["ci-django-prerelease", "django-upgrade", "trusted-publishing"])
      expect(r[id]?.status).toBe("skipped");
  });

  it("reads the real metadata files of Debian's Django packages", async () => {
    const file = path.resolve(
      FIXTURES,
      "../../../../../shared/data/core-metadata/django_debug_toolbar-3.8.1.dist-info.METADATA",
    );
    const facts = await readCheckupSource(file);
    expect(facts.kind).toBe("metadata");
    expect(summaryFacts(facts).name).toBe("django_debug_toolbar");
    expect(summaryFacts(facts).djangoSeries).toContain("4.0");
    const r = runRules(facts, policy);
    expect(r.find((x) => x.id === "django-classifiers")?.status).toBe("error");
  });
});

describe("specifier helpers", () => {
  it("translates poetry constraints and finds lower bounds", () => {
    expect(toPep440("^4.2")).toBe(">=4.2,<5");
    expect(toPep440("~3.10")).toBe(">=3.10,<3.11");
    expect(lowerBound(">=4.2.9,<6")).toBe("4.2.9");
    expect(lowerBound("<5")).toBeNull();
    expect(lowerBound("")).toBeNull();
    expect(lowerBound(">>4")).toBeUndefined();
    expect(lowerBound("~=5.2")).toBe("5.2");
  });
});
