/** `.ci/run` stops with exit 1 when an install step fails, before running any test. */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const dir = mkdtempSync(path.join(tmpdir(), "guildhall-ci-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs .ci/run with stand-in `npm` and `apt-get` that exit with the given codes, and no browser or Python. */
function ciRun(name: string, exits: { npm: number; aptGet: number }) {
  const bin = path.join(dir, name, "bin");
  mkdirSync(bin, { recursive: true });
  for (const [tool, code] of [
    ["npm", exits.npm],
    ["apt-get", exits.aptGet],
  ] as const) {
    writeFileSync(path.join(bin, tool), `#!/bin/sh\necho "${tool} $*"\nexit ${code}\n`);
    chmodSync(path.join(bin, tool), 0o755);
  }
  const r = spawnSync("/bin/bash", [path.join(ROOT, ".ci/run")], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: {
      PATH: [bin, path.dirname(process.execPath), "/usr/bin", "/bin"].join(path.delimiter),
      HOME: process.env["HOME"] ?? dir,
      CI_REPORT_DIR: path.join(dir, name, "reports"),
      GUILDHALL_TEST_CHROMIUM: path.join(dir, "no-chromium"),
      GUILDHALL_TEST_PYTHON: path.join(dir, "no-python3"),
    },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe(".ci/run", () => {
  it("fails at once when npm install fails", () => {
    const r = ciRun("npm-fails", { npm: 1, aptGet: 0 });
    expect(r.code).toBe(1);
    expect(r.out).toContain("npm install failed");
    expect(r.out).not.toContain("=== npm test");
    expect(r.out.trimEnd().split("\n").at(-1)).toBe("0 passed, 1 failed (install step failed)");
  }, 60_000);

  it("fails at once when the browser and Python checkers cannot be installed", () => {
    const r = ciRun("apt-fails", { npm: 0, aptGet: 100 });
    expect(r.code).toBe(1);
    expect(r.out).toContain("installing the test prerequisites failed");
    expect(r.out).toContain("python3-icalendar");
    expect(r.out).not.toContain("=== npm test");
  }, 60_000);
});
