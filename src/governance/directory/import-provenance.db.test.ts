/**
 * The directory says where its facts come from: which commit of the charter repository the last
 * import read (from git, or the snapshot's SNAPSHOT.txt), when it was imported, and how far the
 * history replay reached; on /groups, /groups/<slug> and in /api/groups*.
 */

import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { desc } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import type { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { charterImports } from "../../platform/db/schema.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import type { Services } from "../../platform/services.ts";
import { importCharters } from "../registry/import-charters.ts";
import { replayHistory } from "../registry/replay-history.ts";

const SNAPSHOT = path.resolve(import.meta.dirname, "../../../../shared/data/dsf-working-groups");
const BUNDLE = path.resolve(import.meta.dirname, "../../../../shared/data/dsf-working-groups.bundle");

let database: Database;
let app: Hono<AppEnv>;
let services: Services;
let clock: FixedClock;
let tmp = "";

const latest = async () =>
  (await database.db.select().from(charterImports).orderBy(desc(charterImports.id)).limit(1))[0];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, services, clock } = await createTestApplication(database));
  tmp = mkdtempSync(path.join(tmpdir(), "guildhall-provenance-"));
});
afterAll(async () => {
  await database?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("import provenance", () => {
  it("records the commit SNAPSHOT.txt names and shows it, with the import time, on pages and in the API", async () => {
    const summary = await importCharters({ services, dir: SNAPSHOT });
    expect(summary.commit).toEqual({
      sha: "ae29c583b7740c42f8f97d2e317b587665d16953",
      committedAt: "2026-05-04T00:00:00.000Z",
      from: "SNAPSHOT.txt",
      clean: true,
    });
    expect(await latest()).toMatchObject({
      commitSha: "ae29c583b7740c42f8f97d2e317b587665d16953",
      committedAt: new Date("2026-05-04T00:00:00Z"),
    });
    const list = (await (await app.request("/api/groups")).json()) as {
      provenance: Array<{ source: string; kind: string; asOf: string }>;
    };
    expect(list.provenance).toEqual([
      {
        source: "charters of the DSF working-groups repository at commit ae29c583b774 (committed 2026-05-04)",
        url: null,
        kind: "imported",
        asOf: clock.now().toISOString(),
      },
    ]);
    const page = await (await app.request("/groups")).text();
    expect(page).toContain(
      'Source: <span class="source">charters of the DSF working-groups repository at commit ae29c583b774 (committed 2026-05-04), imported <time',
    );
    const group = await (await app.request("/groups/website")).text();
    expect(group).toContain("at commit ae29c583b774 (committed 2026-05-04), imported");
    const detail = (await (await app.request("/api/groups/website")).json()) as { provenance: unknown[] };
    expect(detail.provenance).toEqual(list.provenance);
  });

  it("reads HEAD of a git checkout, and the history replay's last commit", async () => {
    const repo = path.join(tmp, "wg");
    execFileSync("git", ["clone", "--quiet", BUNDLE, repo]);
    const head = execFileSync("git", ["-C", repo, "log", "-1", "--format=%H %cI"], {
      encoding: "utf8",
    }).trim();
    const [sha = "", iso = ""] = head.split(" ");
    clock.advance(3_600_000);
    const summary = await importCharters({ services, dir: repo });
    expect(summary.commit).toEqual({
      sha,
      committedAt: new Date(iso).toISOString(),
      from: "git",
      clean: true,
    });
    if (summary.changed) expect((await latest())?.commitSha).toBe(sha);
    const replay = await replayHistory({ services, gitDir: repo });
    expect(replay.commitsProcessed).toBeGreaterThan(0);
    const history = await latest();
    expect(history?.mode).toBe("history");
    expect(history?.commitSha).toMatch(/^[0-9a-f]{40}$/);
    const list = (await (await app.request("/api/groups")).json()) as {
      provenance: Array<{ source: string }>;
    };
    expect(list.provenance.map((p) => p.source)).toContainEqual(
      expect.stringMatching(
        /^timelines replayed from the repository's history up to commit [0-9a-f]{12} \(committed \d{4}-\d{2}-\d{2}\)$/,
      ),
    );
  });

  it("does not take the commit of a repository the folder merely sits in", async () => {
    const outer = path.join(tmp, "outer");
    mkdirSync(outer);
    execFileSync("git", ["-C", outer, "init", "--quiet"]);
    execFileSync("git", [
      "-C",
      outer,
      "-c",
      "user.email=a@b",
      "-c",
      "user.name=a",
      "commit",
      "--quiet",
      "--allow-empty",
      "-m",
      "x",
    ]);
    const inner = path.join(outer, "charters");
    for (const d of ["active", "draft", "archive", "proposals"])
      cpSync(path.join(SNAPSHOT, d), path.join(inner, d), { recursive: true });
    clock.advance(3_600_000);
    const summary = await importCharters({ services, dir: inner });
    expect(summary.commit).toBeNull();
  });
});
