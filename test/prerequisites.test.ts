import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  findMissing,
  installInstruction,
  PREREQUISITES,
  type Probe,
  planFor,
  requireChromium,
  requirePythonModules,
} from "./prerequisites.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const PACKAGES = PREREQUISITES.map((p) => p.debianPackage);

/** A machine with nothing installed: no browser, a Python that imports nothing, nothing on PATH. */
const bareMachine: Probe = {
  isExecutable: () => false,
  missingPythonModules: (_python, modules) => [...modules],
  onPath: () => null,
};

describe("test prerequisites on a machine that has none", () => {
  it("finds all six missing: Chromium and the five Python checkers", () => {
    expect(findMissing(bareMachine).map((p) => p.debianPackage)).toEqual([
      "chromium",
      "python3-icalendar",
      "python3-feedparser",
      "python3-packaging",
      "python3-trove-classifiers",
      "python3-aiosmtpd",
    ]);
  });

  it("as root with apt-get: installs exactly the missing packages, after updating the lists", () => {
    const plan = planFor(findMissing(bareMachine), { isRoot: true, hasAptGet: true });
    expect(plan).toMatchObject({
      kind: "install",
      commands: [
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", ...PACKAGES],
      ],
    });
  });

  it("not root: refuses and prints the exact command", () => {
    const plan = planFor(findMissing(bareMachine), { isRoot: false, hasAptGet: true });
    expect(plan.kind).toBe("refuse");
    if (plan.kind !== "refuse") return;
    expect(plan.message).toContain(`sudo apt-get update && sudo apt-get install -y ${PACKAGES.join(" ")}`);
    expect(plan.message).toContain("Not running as root");
    const noApt = planFor(findMissing(bareMachine), { isRoot: true, hasAptGet: false });
    expect(noApt.kind === "refuse" && noApt.message).toContain("no apt-get");
  });

  it("only what is missing is named", () => {
    const onlyFeeds: Probe = {
      ...bareMachine,
      isExecutable: () => true,
      missingPythonModules: () => ["feedparser"],
    };
    const missing = findMissing(onlyFeeds);
    expect(missing.map((p) => p.debianPackage)).toEqual(["python3-feedparser"]);
    expect(installInstruction(missing)).toBe(
      "sudo apt-get update && sudo apt-get install -y python3-feedparser",
    );
    expect(planFor([], { isRoot: false, hasAptGet: false })).toEqual({ kind: "ready" });
  });

  it("a test that needs a checker fails with the install command instead of skipping", () => {
    expect(() => requirePythonModules(["icalendar"], bareMachine)).toThrow(
      /python3-icalendar .*Install with: sudo apt-get update && sudo apt-get install -y python3-icalendar/,
    );
    expect(() => requireChromium(bareMachine)).toThrow(/sudo apt-get install -y chromium\b/);
    expect(() => requirePythonModules(["numpy"], bareMachine)).toThrow(/not a test prerequisite: numpy/);
  });
});

describe("the check before npm test (test/check-prerequisites.ts)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "guildhall-prereq-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the check with no browser and no Python, and an apt-get that logs its arguments and exits `aptExit`. */
  function runCheck(aptExit: number) {
    const log = path.join(dir, `apt-${aptExit}.log`);
    const bin = path.join(dir, `bin-${aptExit}`);
    spawnSync("mkdir", ["-p", bin]);
    writeFileSync(path.join(bin, "apt-get"), `#!/bin/sh\necho "$@" >> ${log}\nexit ${aptExit}\n`);
    chmodSync(path.join(bin, "apt-get"), 0o755);
    const r = spawnSync(process.execPath, ["--import", "tsx", "test/check-prerequisites.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        PATH: [bin, path.dirname(process.execPath), "/usr/bin", "/bin"].join(path.delimiter),
        HOME: process.env["HOME"] ?? dir,
        GUILDHALL_TEST_CHROMIUM: path.join(dir, "no-chromium"),
        GUILDHALL_TEST_PYTHON: path.join(dir, "no-python3"),
      },
    });
    let calls: string[] = [];
    try {
      calls = readFileSync(log, "utf8").trim().split("\n");
    } catch {
      calls = [];
    }
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, calls };
  }

  const root = process.getuid?.() === 0;

  it("fails the run when apt-get fails (or, not as root, says what to run)", () => {
    const r = runCheck(100);
    expect(r.code).toBe(1);
    if (root) {
      expect(r.calls).toEqual(["update -qq"]);
      expect(r.stderr).toContain("apt-get update -qq failed (exit code 100)");
    } else {
      expect(r.calls).toEqual([]);
      expect(r.stderr).toContain("Not running as root");
    }
    expect(r.stderr).toContain(PACKAGES.join(" "));
  }, 60_000);

  it("fails the run when apt-get succeeds but the packages are still missing", () => {
    const r = runCheck(0);
    expect(r.code).toBe(1);
    if (root) {
      expect(r.calls).toEqual(["update -qq", `install -y -qq ${PACKAGES.join(" ")}`]);
      expect(r.stderr).toContain("still missing after apt-get");
    }
  }, 60_000);
});
