import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const FIXTURES = path.join(import.meta.dirname, "fixtures");

function checkup(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/guildhall.js"), "checkup", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "test" },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fx = (name: string) => path.join(FIXTURES, name);

describe("guildhall checkup", () => {
  it("--json prints the facts read and one result per rule; exit 0 when nothing fails", () => {
    const r = checkup(fx("setuptools"), "--json", "--today", "2026-12-02");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      name: "django-polls-app",
      djangoSeries: ["5.2", "6.0", "6.1"],
      pythonVersions: ["3.10", "3.11", "3.12", "3.13", "3.14"],
      requiresPython: ">=3.10",
      djangoRequirement: ">=5.2",
    });
    expect(out.results).toHaveLength(12);
    expect(out.results[0]).toEqual({
      id: "django-naming",
      status: "pass",
      message: expect.any(String),
      evidence: { file: "src/django_polls_app/__init__.py", line: null },
    });
  });

  it("exit 3 on errors; warnings fail only with --fail-on warning", () => {
    expect(checkup(fx("flit"), "--today", "2026-12-02").code).toBe(3);
    expect(checkup(fx("hatch"), "--today", "2026-12-02").code).toBe(0);
    expect(checkup(fx("hatch"), "--today", "2026-12-02", "--fail-on", "warning").code).toBe(3);
  });

  it("several paths give one JSON object per line", () => {
    const r = checkup(fx("hatch"), fx("poetry"), "--format", "json", "--today", "2026-12-02");
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.name)).toEqual(["django-debug-toolbar", "django-poetryapp"]);
  });

  it("markdown and SARIF link each rule to its documentation page", () => {
    const md = checkup(fx("poetry"), "--format", "markdown", "--today", "2026-12-02");
    expect(md.stdout).toContain("| [django-classifiers](");
    expect(md.stdout).toContain("/checkup/rules/django-classifiers) | error |");
    const sarif = JSON.parse(checkup(fx("flit"), "--format", "sarif", "--today", "2026-12-02").stdout);
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    expect(run.tool.driver.rules).toHaveLength(12);
    expect(run.tool.driver.rules[0].helpUri).toMatch(/\/checkup\/rules\/django-naming$/);
    const bad = run.results.find((x: { ruleId: string }) => x.ruleId === "classifiers-valid");
    expect(bad.level).toBe("error");
    expect(bad.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "pyproject.toml" },
      region: { startLine: 12 },
    });
  });

  it("bad input: one line on stderr, never a stack trace, and the documented exit codes", () => {
    const nothing = checkup(fx("no-packaging"));
    expect(nothing.code).toBe(2);
    expect(nothing.stderr.trim().split("\n")).toHaveLength(1);
    expect(nothing.stderr).toContain("no pyproject.toml, setup.cfg or setup.py");
    const broken = checkup(fx("broken-toml"));
    expect(broken.code).toBe(1);
    expect(broken.stderr.trim().split("\n")).toHaveLength(1);
    expect(broken.stderr).toMatch(/pyproject\.toml: line \d+: invalid TOML/);
    for (const args of [["--format", "xml"], ["--fail-on", "info"], ["--today", "2026-02-30"], ["--bogus"]]) {
      const r = checkup(fx("hatch"), ...args);
      expect([args, r.code]).toEqual([args, 1]);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(checkup().code).toBe(1);
    const missing = checkup(fx("does-not-exist"));
    expect(missing.code).toBe(2);
  });

  it("--help documents the exit codes", () => {
    const r = checkup("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Exit codes: 0");
    expect(r.stdout).toContain("--fail-on");
  });
});
