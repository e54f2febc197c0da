/**
 * Replays the whole history of the charter repository (../shared/data/dsf-working-groups.bundle)
 * into a fresh embedded database and times it, against a baseline measured in the same run: the
 * git reads and charter parsing alone. Prints the figures and saves them to
 * bench/results/history-replay.json.  Run: node --import tsx bench/history-replay.ts
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readHistorySteps, replayHistory } from "../src/governance/index.ts";
import { systemClock } from "../src/platform/clock.ts";
import { openDatabase } from "../src/platform/db/index.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const bundle = path.resolve(here, "../../shared/data/dsf-working-groups.bundle");
const tmp = mkdtempSync(path.join(tmpdir(), "guildhall-bench-history-"));
const repo = path.join(tmp, "wg");
execFileSync("git", ["clone", "--quiet", bundle, repo]);

// Baseline: the same git reads and parsing the replay does, without any database work.
const b0 = performance.now();
const read = await readHistorySteps({ gitDir: repo, ref: "HEAD" });
const baselineMs = performance.now() - b0;

const database = await openDatabase({ memory: true });
const r0 = performance.now();
const summary = await replayHistory({ services: { database, clock: systemClock }, gitDir: repo });
const replayMs = performance.now() - r0;
const a0 = performance.now();
const again = await replayHistory({ services: { database, clock: systemClock }, gitDir: repo });
const secondRunMs = performance.now() - a0;
await database.close();
rmSync(tmp, { recursive: true, force: true });

const result = {
  benchmark: "history-replay",
  date: new Date().toISOString(),
  node: process.version,
  database: "pglite (in memory)",
  commitsOnChain: read.chain.length,
  charterCommits: read.charterCommits.length,
  commitsProcessed: summary.commitsProcessed,
  eventsRecorded: summary.eventsRecorded,
  groupsCreated: summary.groupsCreated.length,
  peopleCreated: summary.peopleCreated,
  baselineGitAndParseMs: Math.round(baselineMs),
  replayTotalMs: Math.round(replayMs),
  ratioReplayToBaseline: Number((replayMs / baselineMs).toFixed(2)),
  secondRunMs: Math.round(secondRunMs),
  secondRunCommitsProcessed: again.commitsProcessed,
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(path.join(here, "results"), { recursive: true });
writeFileSync(path.join(here, "results/history-replay.json"), `${JSON.stringify(result, null, 2)}\n`);
