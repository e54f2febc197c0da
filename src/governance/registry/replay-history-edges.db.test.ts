import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { groups } from "../../platform/db/schema.ts";
import { timelineOf } from "./registry.fixtures.ts";
import { replayHistory } from "./replay-history.ts";

/** An invented charter in the repository's format. */
function charter(title: string, chair: string, members: string[]): string {
  return [
    `# ${title}`,
    "",
    "## Scope of responsibilities",
    "",
    "Looks after the kettles.",
    "",
    "## Membership",
    "",
    `- Chair: ${chair}`,
    "- Board Liaison: Bo Marsh",
    "- Other members:",
    ...members.map((m) => `  - ${m}`),
    "",
  ].join("\n");
}

describe("replayHistory on a small invented repository", () => {
  let database: Database;
  let tmp: string;
  let repo: string;
  const clock = new FixedClock("2026-11-01T00:00:00Z");
  beforeAll(async () => {
    database = await createTestDatabase();
    tmp = mkdtempSync(path.join(tmpdir(), "guildhall-edges-"));
    repo = path.join(tmp, "repo");
    mkdirSync(repo);
    let day = 1;
    const git = (...args: string[]) => {
      const date = `2025-03-${String(day).padStart(2, "0")}T10:00:00Z`;
      return execFileSync("git", ["-C", repo, ...args], {
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: "A",
          GIT_AUTHOR_EMAIL: "a@example.org",
          GIT_COMMITTER_NAME: "A",
          GIT_COMMITTER_EMAIL: "a@example.org",
          GIT_AUTHOR_DATE: date,
          GIT_COMMITTER_DATE: date,
        },
      }).toString();
    };
    const commit = (message: string) => {
      git("add", "-A");
      git("commit", "-q", "-m", message);
      day++;
    };
    git("init", "-q", "-b", "main");
    mkdirSync(path.join(repo, "draft"));
    mkdirSync(path.join(repo, "active"));
    writeFileSync(path.join(repo, "README.md"), "# Groups\n");
    writeFileSync(
      path.join(repo, "draft/kettle.md"),
      charter("Kettle Working Group", "Ada Quince", ["Cy One"]),
    );
    commit("Propose the kettle group");
    renameSync(path.join(repo, "draft/kettle.md"), path.join(repo, "active/kettle.md"));
    commit("Approve the kettle group");
    // A branch with two commits, merged with a merge commit.
    git("checkout", "-q", "-b", "add-dee");
    writeFileSync(
      path.join(repo, "active/kettle.md"),
      charter("Kettle Working Group", "Ada Quince", ["Cy One", "Dee Two"]),
    );
    commit("Add Dee");
    writeFileSync(
      path.join(repo, "active/kettle.md"),
      charter("Kettle Working Group", "Ada Quince", ["Dee Two"]),
    );
    commit("Cy leaves");
    git("checkout", "-q", "main");
    writeFileSync(path.join(repo, "README.md"), "# Groups and teams\n");
    commit("README only");
    git("merge", "-q", "--no-ff", "-m", "Merge add-dee", "add-dee");
    day++;
    renameSync(path.join(repo, "active/kettle.md"), path.join(repo, "active/teapot.md"));
    commit("Rename the file");
    rmSync(path.join(repo, "active/teapot.md"));
    commit("Remove the charter");
  });
  afterAll(async () => {
    await database.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("tells the whole story: proposed, activated, a merged branch, a renamed file, a deleted file", async () => {
    const s = await replayHistory({ services: { database, clock }, gitDir: repo });
    expect(s.commitsOnChain).toBe(6);
    expect(s.charterCommits).toBe(5); // the README-only commit and nothing else is skipped
    expect(s.commitsProcessed).toBe(5);
    const rows = await database.db.select().from(groups);
    expect(rows.map((r) => [r.slug, r.status])).toEqual([["teapot", "unknown"]]);
    const events = await timelineOf(database, "teapot");
    expect(
      events.map((e) => `${e.at.toISOString().slice(0, 10)} ${e.kind}${e.name ? ` ${e.name}` : ""}`),
    ).toEqual([
      "2025-03-01 proposed",
      "2025-03-01 joined Ada Quince",
      "2025-03-01 joined Bo Marsh",
      "2025-03-01 joined Cy One",
      "2025-03-02 activated",
      "2025-03-06 joined Dee Two",
      "2025-03-06 left Cy One",
      "2025-03-07 renamed",
      "2025-03-08 status-changed",
    ]);
    const merged = events.find((e) => e.name === "Dee Two")?.detail as {
      merge?: boolean;
      commits?: Array<{ subject: string }>;
    };
    expect(merged.merge).toBe(true);
    expect(merged.commits?.map((c) => c.subject)).toEqual(["Add Dee", "Cy leaves"]);
    expect(events.find((e) => e.kind === "renamed")?.detail).toMatchObject({ from: "kettle", to: "teapot" });
    expect(events.at(-1)?.detail).toMatchObject({ from: "active", to: "removed" });
  });
});
