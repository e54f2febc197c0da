/** Loading catalogue snapshots: the real shared TSV, malformed rows reported by line, idempotence, gzip. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { sharedData } from "../../../test/shared-data.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { loadSnapshot } from "./load-snapshot.ts";
import { DEMO_SNAPSHOT } from "./seed-demo-packages.ts";

const SHARED = sharedData("pypi-django-2026-11.tsv");
const clock = new FixedClock("2026-11-21T12:00:00Z");
let database: Database;
let dir = "";

const table = () =>
  database.query(
    "select name, display_name, latest_version, latest_release_at, download_rank, summary, source from packages order by name",
  );

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), "guildhall-snapshot-"));
});

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("packages load-snapshot", () => {
  it("reports malformed rows with their line numbers, skips them, and loads the rest", async () => {
    const lines = readFileSync(SHARED, "utf8").split("\n").slice(0, 301);
    lines.splice(10, 0, "broken line without tabs"); // line 11
    lines.splice(50, 0, "ok-name\t1.0\t2020-99\t\t"); // line 51
    lines.splice(100, 0, `${lines[5]}`); // line 101 repeats line 6
    const file = path.join(dir, "small.tsv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const seen: number[] = [];
    const summary = await loadSnapshot({
      db: database.db,
      clock,
      file,
      batchSize: 64,
      onProblem: (p) => seen.push(p.line),
    });
    expect(summary.problems).toEqual([
      { line: 11, message: "expected 3 to 5 tab-separated columns, found 1" },
      { line: 51, message: 'month: "2020-99" is not YYYY-MM' },
      { line: 101, message: `name: "${lines[5]?.split("\t")[0]}" repeats line 6` },
    ]);
    expect(seen).toEqual([11, 51, 101]);
    expect(summary.loaded).toBe(300);
    expect(await table()).toHaveLength(300);
  });

  it("loads the same file twice to the same catalogue, and its gzip form to the same again", async () => {
    const file = path.join(dir, "small.tsv");
    const first = await table();
    await loadSnapshot({ db: database.db, clock, file });
    expect(await table()).toEqual(first);
    const gz = path.join(dir, "small.tsv.gz");
    writeFileSync(gz, gzipSync(readFileSync(file)));
    await loadSnapshot({ db: database.db, clock, file: gz });
    expect(await table()).toEqual(first);
  });

  it("loads the whole shared list of 24,739 projects, and the shipped facts-only snapshot agrees with it", async () => {
    const all = await loadSnapshot({ db: database.db, clock, file: SHARED });
    expect(all.problems).toEqual([]);
    expect(all.loaded).toBe(24_739);
    const [django] = await database.query<{
      latest_version: string;
      download_rank: number | null;
      summary: string | null;
    }>("select latest_version, download_rank, summary from packages where name = 'django'");
    expect(django?.summary).toBeTruthy();
    const before = await table();
    const shipped = await loadSnapshot({ db: database.db, clock, file: DEMO_SNAPSHOT });
    expect(shipped.loaded).toBe(24_739);
    // Facts-only rows keep the summaries already there and change nothing else.
    expect(await table()).toEqual(before);
  });

  it("refreshes only the download rank of rows an index sync wrote", async () => {
    await database.exec(
      "update packages set source = 'index', latest_version = '99.0', download_rank = null where name = 'django'",
    );
    await loadSnapshot({ db: database.db, clock, file: DEMO_SNAPSHOT });
    const [row] = await database.query<{ latest_version: string; download_rank: number | null }>(
      "select latest_version, download_rank from packages where name = 'django'",
    );
    expect(row?.latest_version).toBe("99.0");
    expect(row?.download_rank).toBeGreaterThan(0);
  });

  it("records each load as the rows' provenance: file, the date its data is from, load time; no sync time", async () => {
    const shipped = await loadSnapshot({ db: database.db, clock, file: DEMO_SNAPSHOT });
    expect(shipped.asOf).toBe("2026-11");
    const [load] = await database.query<{ file: string; as_of: string | null; projects: number }>(
      `select file, as_of, projects from package_snapshots where id = ${shipped.snapshotId}`,
    );
    expect(load).toEqual({ file: "packages-2026-11.tsv.gz", as_of: "2026-11", projects: 24_739 });
    const counts = await database.query<{ n: number; pointing: number; synced_at: number }>(
      `select count(*)::int as n, count(*) filter (where snapshot_id = ${shipped.snapshotId})::int as pointing,
         count(synced_at)::int as synced_at from packages where source = 'snapshot'`,
    );
    // Snapshot rows point at the load that wrote them and have no sync time: a load is not a sync.
    expect(counts[0]?.pointing).toBe(counts[0]?.n);
    expect(counts[0]?.synced_at).toBe(0);
    const undated = await loadSnapshot({ db: database.db, clock, file: path.join(dir, "small.tsv") });
    expect(undated.asOf).toBeNull();
    const given = await loadSnapshot({
      db: database.db,
      clock,
      file: path.join(dir, "small.tsv"),
      asOf: "2026-10-31",
    });
    expect(given.asOf).toBe("2026-10-31");
    await expect(
      loadSnapshot({ db: database.db, clock, file: path.join(dir, "small.tsv"), asOf: "2026-13" }),
    ).rejects.toThrow(/as-of: "2026-13" is not YYYY-MM or YYYY-MM-DD/);
  });

  it("names a missing file and changes nothing", async () => {
    const before = await table();
    await expect(loadSnapshot({ db: database.db, clock, file: path.join(dir, "nope.tsv") })).rejects.toThrow(
      /nope\.tsv does not exist/,
    );
    expect(await table()).toEqual(before);
  });
});
