import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { sharedData } from "../../../test/shared-data.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { groupEvents, groups, historyCommits } from "../../platform/db/schema.ts";
import { countRegistryRows } from "./groups.repo.ts";
import { HISTORY_SLUGS, timelineOf } from "./registry.fixtures.ts";
import { replayHistory } from "./replay-history.ts";

const BUNDLE = sharedData("dsf-working-groups.bundle");

describe("replayHistory on the charter repository's history", () => {
  let database: Database;
  let other: Database;
  let tmp: string;
  let repo: string;
  const clock = new FixedClock("2026-11-01T00:00:00Z");
  beforeAll(async () => {
    database = await createTestDatabase();
    other = await createTestDatabase();
    tmp = mkdtempSync(path.join(tmpdir(), "guildhall-history-"));
    repo = path.join(tmp, "wg");
    execFileSync("git", ["clone", "--quiet", BUNDLE, repo]);
  });
  afterAll(async () => {
    await database.close();
    await other.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const day = (d: Date) => d.toISOString().slice(0, 10);

  it("stops after a limit and continues where it stopped", async () => {
    const first = await replayHistory({ services: { database, clock }, gitDir: repo, limit: 20 });
    expect(first.commitsOnChain).toBe(85);
    expect(first.charterCommits).toBe(72);
    expect(first.commitsProcessed).toBe(20);
    expect(await database.db.select().from(historyCommits)).toHaveLength(20);
    const rest = await replayHistory({ services: { database, clock }, gitDir: repo });
    expect(rest.commitsSkipped).toBe(20);
    expect(rest.commitsProcessed).toBe(52);
    expect(await database.db.select().from(historyCommits)).toHaveLength(72);
  });

  it("gives the same timeline as one uninterrupted run, and a third run adds nothing", async () => {
    const once = await replayHistory({ services: { database: other, clock }, gitDir: repo });
    expect(once.commitsProcessed).toBe(72);
    const keys = async (db: Database) =>
      (await db.db.select({ k: groupEvents.dedupeKey }).from(groupEvents)).map((r) => r.k).sort();
    expect(await keys(database)).toEqual(await keys(other));
    const before = await database.db.transaction((tx) => countRegistryRows(tx));
    const again = await replayHistory({ services: { database, clock }, gitDir: repo });
    expect(again.commitsProcessed).toBe(0);
    expect(again.eventsRecorded).toBe(0);
    expect(await database.db.transaction((tx) => countRegistryRows(tx))).toEqual(before);
  });

  it("creates the groups that exist in the history, with their latest charter", async () => {
    const rows = await database.db.select().from(groups);
    expect(rows.map((r) => r.slug).sort()).toEqual(HISTORY_SLUGS);
    const dceu = rows.find((r) => r.slug === "dceu");
    expect(dceu?.status).toBe("archived");
    expect(dceu?.sourcePath).toBe("archive/dceu.md");
  });

  it("dates the DjangoCon Europe Support archiving to edf92f2 on 2025-09-07", async () => {
    const archived = (await timelineOf(database, "dceu")).filter((e) => e.kind === "archived");
    expect(archived).toHaveLength(1);
    expect(archived[0]?.sha?.startsWith("edf92f2")).toBe(true);
    expect(day(archived[0]?.at ?? new Date(0))).toBe("2025-09-07");
    expect(archived[0]?.detail).toMatchObject({ path: "archive/dceu.md", fromPath: "active/dceu.md" });
  });

  it("dates the Accessibility team's activation and Eliana Rosselli joining fundraising to 2025-05-13", async () => {
    const a11y = await timelineOf(database, "accessibility");
    expect(a11y[0]).toMatchObject({ kind: "activated", source: "history" });
    expect(a11y[0]?.sha?.startsWith("abb0bb1")).toBe(true);
    expect(day(a11y[0]?.at ?? new Date(0))).toBe("2025-05-13");
    const joined = (await timelineOf(database, "fundraising")).filter(
      (e) => e.kind === "joined" && e.name === "Eliana Rosselli",
    );
    expect(joined).toHaveLength(1);
    expect(joined[0]?.sha?.startsWith("e7ac407")).toBe(true);
    expect(day(joined[0]?.at ?? new Date(0))).toBe("2025-05-13");
    expect(joined[0]?.role).toBe("member");
  });

  it("records Jay Miller leaving the Code of Conduct WG on 2025-07-02", async () => {
    const left = (await timelineOf(database, "code-of-conduct")).filter(
      (e) => e.kind === "left" && e.name === "Jay Miller",
    );
    expect(left).toHaveLength(1);
    expect(left[0]?.sha?.startsWith("355fe68")).toBe(true);
    expect(day(left[0]?.at ?? new Date(0))).toBe("2025-07-02");
  });

  it("dates Sarah Boyce joining the website WG when it landed (2026-04-27), keeping the author date 2026-04-22", async () => {
    const joined = (await timelineOf(database, "website")).filter(
      (e) => e.kind === "joined" && e.name === "Sarah Boyce",
    );
    expect(joined).toHaveLength(1);
    expect(joined[0]?.sha?.startsWith("350602c")).toBe(true);
    expect(day(joined[0]?.at ?? new Date(0))).toBe("2026-04-27");
    expect(String((joined[0]?.detail as { authoredAt?: string } | undefined)?.authoredAt).slice(0, 10)).toBe(
      "2026-04-22",
    );
  });

  it("records Mike Edmunds joining Triage & Review on 2026-05-04", async () => {
    const joined = (await timelineOf(database, "triage-and-review")).filter(
      (e) => e.kind === "joined" && e.name === "Mike Edmunds",
    );
    expect(joined).toHaveLength(1);
    expect(joined[0]?.sha?.startsWith("ae29c58")).toBe(true);
    expect(day(joined[0]?.at ?? new Date(0))).toBe("2026-05-04");
  });

  it("records the fundraising Board Liaison change of 2026-04-06 as a merge with its branch commit", async () => {
    const changes = (await timelineOf(database, "fundraising")).filter((e) => e.sha?.startsWith("88593a5"));
    expect(changes.map((e) => [e.kind, e.name, e.role]).sort()).toEqual(
      [
        ["role-changed", "Jacob Kaplan-Moss", "member"],
        ["role-changed", "Ryan Cheley", "board-liaison"],
      ].sort(),
    );
    for (const e of changes) {
      expect(day(e.at)).toBe("2026-04-06");
      const detail = e.detail as { merge: boolean; commits: Array<{ sha: string; subject: string }> };
      expect(detail.merge).toBe(true);
      expect(detail.commits.map((c) => c.sha.slice(0, 7))).toEqual(["8fc9a98"]);
    }
    const ryan = changes.find((e) => e.name === "Ryan Cheley");
    expect(ryan?.detail).toMatchObject({ from: ["member"], to: ["board-liaison"] });
  });

  it("never overwrites a group with an older history version", async () => {
    const [row] = await database.db.select().from(groups).where(eq(groups.slug, "triage-and-review"));
    const names = ((row?.charter as { members?: Array<{ name: string }> } | undefined)?.members ?? []).map(
      (m) => m.name,
    );
    expect(names).toContain("Mike Edmunds");
  });
});
