/** The review and health commands end to end on a private embedded database. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../test/run-cli.ts";

describe("guildhall reviews and packages health (command line)", () => {
  let tmp: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), "guildhall-reviews-cli-"));
    env = {
      ...process.env,
      GUILDHALL_DATA_DIR: path.join(tmp, "data"),
      DATABASE_URL: "",
      NODE_ENV: "test",
      GUILDHALL_GITHUB_TOKEN: "",
    };
    writeFileSync(
      path.join(tmp, "snap.tsv"),
      "name\tversion\tlast_release_month\tdownload_rank\tsummary\ndjango-alpha\t1.0\t2026-05\t10\tA\ndjango-beta\t2.0\t2019-01\t\tB\n",
    );
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const run = (...args: string[]) => runCli(env, tmp, ...args);

  it("takes, lists, shows and compares reviews; health of a snapshot package is explained as unknown", async () => {
    expect((await run("packages", "load-snapshot", path.join(tmp, "snap.tsv"))).code).toBe(0);
    const taken = await run("reviews", "take", "--top", "10", "--json");
    expect(taken.stderr).toBe("");
    const review = JSON.parse(taken.stdout) as { id: number; data: { catalogue: { packages: number } } };
    expect(review.data.catalogue.packages).toBe(2);
    expect((await run("reviews", "take", "--title", "Second")).code).toBe(0);
    const list = (await run("reviews", "list", "--json")).stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(list.map((r: { title: string }) => r.title)[0]).toBe("Second");
    const csv = await run("reviews", "show", String(review.id), "--format", "csv");
    expect(csv.stdout.split("\n")[0]).toBe("section,key,value");
    const cmp = await run("reviews", "compare", "1", "2", "--json");
    expect(JSON.parse(cmp.stdout).figures.length).toBeGreaterThan(5);
    const health = await run("packages", "health", "django-alpha", "--json");
    const h = JSON.parse(health.stdout) as { total: number | null; totalNote: string };
    expect(h.total).toBeNull();
    expect(h.totalNote).toContain("not synced");
  }, 240_000);

  it("bad input: one line and exit 1", async () => {
    for (const args of [
      ["packages", "health", "no-such-package"],
      ["packages", "repo-signals"],
      ["reviews", "show", "999"],
      ["reviews", "take", "--top", "0"],
      ["packages", "backfill-declarations", "--index", "ftp://x"],
    ]) {
      const r = await run(...args);
      expect([args, r.code]).toEqual([args, 1]);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^guildhall: /);
    }
    expect((await run("reviews", "--help")).stdout).toContain("take");
  }, 240_000);
});
