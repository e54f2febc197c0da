/**
 * `guildhall lifecycle` from the command line: classify two real charter versions, import the
 * repository's proposals, list them, the agenda, and a recorded change's file and diff, which
 * `git apply` accepts on the charter repository.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGuildhall } from "../../../test/guildhall-cli.ts";
import { sharedData } from "../../../test/shared-data.ts";
import { changePatch } from "./change-patch.ts";

const SNAPSHOT = sharedData("dsf-working-groups");

describe("guildhall lifecycle (command line)", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), "guildhall-lifecycle-"));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const run = (...args: string[]) => runGuildhall(args, { dataDir: path.join(tmp, "data"), cwd: tmp });

  it("every command has --help and --json", async () => {
    for (const cmd of ["proposals", "import-proposals", "classify", "export-change", "agenda"]) {
      const help = await run("lifecycle", cmd, "--help");
      expect(help.code, cmd).toBe(0);
      expect(help.stdout, cmd).toContain("--json");
    }
  });

  it("classifies a budget change as substantive and a channel change as arrangements", async () => {
    const original = readFileSync(`${SNAPSHOT}/active/website.md`, "utf8");
    const budget = path.join(tmp, "budget.md");
    const channel = path.join(tmp, "channel.md");
    writeFileSync(budget, original.replace("No allocated budget.", "USD 3,000 a year."));
    writeFileSync(channel, original.replace("DSF slack", "Django Discord"));
    const a = await run("lifecycle", "classify", `${SNAPSHOT}/active/website.md`, budget, "--json");
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ class: "substantive", needsBoardVote: true });
    const b = await run("lifecycle", "classify", `${SNAPSHOT}/active/website.md`, channel);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/^arrangements: .*README\.md:77/);
    const missing = await run("lifecycle", "classify", path.join(tmp, "nope.md"), channel);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no such file");
  }, 120_000);

  it("imports the proposals once, lists them and the agenda", async () => {
    const first = await run("lifecycle", "import-proposals", SNAPSHOT, "--json");
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).imported.map((p: { slug: string }) => p.slug)).toEqual(["marketing"]);
    const again = await run("lifecycle", "import-proposals", SNAPSHOT);
    expect(again.stdout).toContain("skipped marketing");
    const list = await run("lifecycle", "proposals", "--json");
    expect(JSON.parse(list.stdout.trim())).toMatchObject({
      slug: "marketing",
      status: "draft",
      complete: false,
    });
    const agenda = await run("lifecycle", "agenda", "--json");
    expect(agenda.code).toBe(0);
    expect(JSON.parse(agenda.stdout)).toMatchObject({ proposals: [], charterChanges: [], shutdowns: [] });
    const none = await run("lifecycle", "export-change", "99");
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("No charter change #99");
  }, 300_000);

  it("a change's diff applies to the charter repository with git apply", () => {
    const repo = path.join(tmp, "wg");
    execFileSync("git", ["clone", "--quiet", sharedData("dsf-working-groups.bundle"), repo]);
    const before = readFileSync(path.join(repo, "active/website.md"), "utf8");
    const after = before.replace("No allocated budget.", "USD 3,000 a year.");
    const patch = changePatch({ path: "active/website.md", before, after });
    writeFileSync(path.join(tmp, "change.diff"), patch.diff);
    execFileSync("git", ["-C", repo, "apply", "--check", path.join(tmp, "change.diff")]);
    const fresh = changePatch({ path: "proposals/translators.md", before: null, after: "# Translators\n" });
    writeFileSync(path.join(tmp, "new.diff"), fresh.diff);
    execFileSync("git", ["-C", repo, "apply", path.join(tmp, "new.diff")]);
    expect(readFileSync(path.join(repo, "proposals/translators.md"), "utf8")).toBe("# Translators\n");
    const moved = changePatch({
      path: "archive/website.md",
      renamedFrom: "active/website.md",
      before,
      after: before,
    });
    writeFileSync(path.join(tmp, "move.diff"), moved.diff);
    execFileSync("git", ["-C", repo, "apply", path.join(tmp, "move.diff")]);
    expect(readFileSync(path.join(repo, "archive/website.md"), "utf8")).toBe(before);
  });
});
