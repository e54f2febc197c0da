import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGuildhall } from "../../../test/guildhall-cli.ts";
import { sharedData } from "../../../test/shared-data.ts";

const SNAPSHOT = sharedData("dsf-working-groups");

describe("guildhall charters (command line)", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), "guildhall-cli-"));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const run = (...args: string[]) => runGuildhall(args, { dataDir: path.join(tmp, "data"), cwd: tmp });

  it("imports, then says nothing changed, and exports a charter", async () => {
    const first = await run("charters", "import", SNAPSHOT, "--json");
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as { changed: boolean; groupsAdded: unknown[] };
    expect(summary.changed).toBe(true);
    expect(summary.groupsAdded).toHaveLength(16);
    const second = await run("charters", "import", SNAPSHOT);
    expect(second.code).toBe(0);
    expect(second.stdout.trim().split("\n")).toEqual([
      "No changes since the last import (16 groups checked).",
      "  read at commit ae29c583b774 (committed 2026-05-04, as SNAPSHOT.txt says)",
    ]);
    const out = await run("charters", "export", "accessibility");
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/Tom Carrick/);
    const file = path.join(tmp, "a11y.md");
    const toFile = await run("charters", "export", "accessibility", "--out", file);
    expect(toFile.code).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/Tom Carrick/);
  }, 120_000);

  it("lists, rejects and refuses alias suggestions with clear one-line errors", async () => {
    const list = await run("charters", "aliases", "--json");
    expect(list.code).toBe(0);
    // JSON lines: one suggestion per line.
    const suggestions = list.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: number; merge: { slug: string } });
    const afi = suggestions.find((s) => s.merge.slug === "afi");
    expect(afi).toBeDefined();
    const rejected = await run("charters", "aliases", "reject", String(afi?.id));
    expect(rejected.code).toBe(0);
    expect(rejected.stdout.trim()).toBe(`Rejected alias suggestion ${afi?.id}.`);
    const again = await run("charters", "aliases", "reject", String(afi?.id));
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`guildhall: Alias suggestion ${afi?.id} is already rejected`);
    const bad = await run("charters", "aliases", "accept", "abc");
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(
      'guildhall: Invalid ID: expected a whole number from 1 to 2147483647, got "abc"',
    );
    const add = await run("charters", "aliases", "add", "T. Carrick", "--person", "tom-carrick");
    expect(add.code).toBe(0);
    expect(add.stdout.trim()).toBe('"T. Carrick" now resolves to tom-carrick.');
  }, 120_000);

  it("exits 1 with one line for an unknown slug or a folder that is not a checkout", async () => {
    const unknown = await run("charters", "export", "no-such-group");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe("guildhall: No group with slug no-such-group");
    const notCheckout = await run("charters", "import", tmp);
    expect(notCheckout.code).toBe(1);
    expect(notCheckout.stderr.trim().split("\n")).toHaveLength(1);
    expect(notCheckout.stderr).toMatch(/is not a charter checkout/);
    const notGit = await run("charters", "history", tmp);
    expect(notGit.code).toBe(1);
    expect(notGit.stderr.trim()).toBe(`guildhall: ${tmp} is not a git repository`);
  }, 120_000);
});
