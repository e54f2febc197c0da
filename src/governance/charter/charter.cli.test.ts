import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedData } from "../../../test/shared-data.ts";
import { ParsedCharterSchema } from "./types.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const SNAPSHOT = sharedData("dsf-working-groups");

function guildhall(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/guildhall.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "test" },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("guildhall charters parse / check", () => {
  it("parse --json prints one valid JSON object per file", () => {
    const files = ["active/fellowship.md", "active/code-of-conduct.md", "archive/dceu.md"].map((f) =>
      path.join(SNAPSHOT, f),
    );
    const r = guildhall("charters", "parse", ...files, "--json");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    const parsed = lines.map((l) => ParsedCharterSchema.parse(JSON.parse(l)));
    expect(parsed.map((c) => [c.slug, c.status])).toEqual([
      ["fellowship", "active"],
      ["code-of-conduct", "active"],
      ["dceu", "archived"],
    ]);
  });

  it("parse --status overrides the folder, and without --json prints a summary", () => {
    const r = guildhall(
      "charters",
      "parse",
      path.join(SNAPSHOT, "active/fellowship.md"),
      "--status",
      "draft",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Fellowship Working Group [fellowship] (working-group, draft)");
    expect(r.stdout).toContain("Designated Line Manager: Andrew Godwin");
    expect(r.stdout).toContain("Missing: coChair, meetingCadence");
  });

  it("check exits 1 when something required is missing and 0 when complete", () => {
    const lacking = guildhall("charters", "check", path.join(SNAPSHOT, "proposals/marketing.md"), "--json");
    expect(lacking.code).toBe(1);
    const report = JSON.parse(lacking.stdout.trim());
    expect(report.complete).toBe(false);
    expect(report.findings.filter((f: { severity: string }) => f.severity === "required")).toHaveLength(3);
    expect(lacking.stderr.trim().split("\n")).toHaveLength(1);
    const complete = guildhall("charters", "check", path.join(SNAPSHOT, "active/social-media.md"));
    expect(complete.code).toBe(0);
    expect(complete.stdout).toContain("recommended size");
  });

  it("a missing file gives one line naming it and exit 1", () => {
    const r = guildhall("charters", "parse", "no/such/charter.md");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("no/such/charter.md");
    const check = guildhall("charters", "check", "missing.md");
    expect(check.code).toBe(1);
    expect(check.stderr.trim()).toBe("guildhall: cannot read charter file missing.md: no such file");
  });

  it("rejects an unknown --status with a clear message", () => {
    const r = guildhall("charters", "parse", path.join(SNAPSHOT, "active/ai.md"), "--status", "retired");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Invalid --status "retired"');
  });

  it("has --help on each command", () => {
    for (const cmd of ["parse", "check"]) {
      const r = guildhall("charters", cmd, "--help");
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: guildhall charters ${cmd}`);
      expect(r.stdout).toContain("--json");
    }
  });
});
