/**
 * Readiness of every Django series over the whole catalogue: all 24,739 projects of
 * ../shared/data/pypi-django-2026-11.tsv. The snapshot carries name, version and rank but no
 * classifiers or requirements, so each row gets package facts generated in-process from a hash of
 * its name (deterministic: same facts every run) covering every evidence path: versioned and
 * major-only classifiers, lower- and upper-bounded Django requirements, requirements behind
 * extras and Python markers, Requires-Python, and no metadata at all.
 *
 *   node --import tsx bench/readiness.ts [--runs 3]
 *
 * Baseline in the same run: loading the facts (reading the TSV and generating the facts). Then,
 * per series, the median over runs of judging every project (and of `computeReadiness` over the
 * top 15,000 by rank). Prints the figures and saves them to bench/results/readiness.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildReleaseCalendar,
  computeReadiness,
  judgeCompatibility,
  type RankedPackage,
  targetForSeries,
  type Verdict,
} from "../src/ecosystem/index.ts";
import { factsFor } from "./generated-facts.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TSV = path.resolve(HERE, "../../shared/data/pypi-django-2026-11.tsv");

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isInteger(v) && v > 0 ? v : fallback;
}

function loadFacts(): RankedPackage[] {
  const lines = readFileSync(TSV, "utf8").split("\n");
  const out: RankedPackage[] = [];
  for (const line of lines.slice(1)) {
    if (line === "") continue;
    const [name = "", version = "", , rank = ""] = line.split("\t");
    out.push(factsFor(name, version, rank === "" ? null : Number(rank)));
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const runs = arg("runs", 3);
const calendar = buildReleaseCalendar({ today: "2026-12-02" });

const loadTimes: number[] = [];
let facts: RankedPackage[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  facts = loadFacts();
  loadTimes.push(performance.now() - t0);
}
const baselineMs = median(loadTimes);

const perSeries: Array<{
  series: string;
  allProjectsMs: number;
  top15000Ms: number;
  counts: Record<Verdict, number>;
  readyShareTop15000: number | null;
}> = [];
let coldFirstRunMs = 0;
const totalStart = performance.now();
for (const s of calendar) {
  const target = targetForSeries(s);
  const times: number[] = [];
  const topTimes: number[] = [];
  let counts: Record<Verdict, number> = { yes: 0, maybe: 0, no: 0, unknown: 0, "not-synced": 0 };
  let share: number | null = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c: Record<Verdict, number> = { yes: 0, maybe: 0, no: 0, unknown: 0, "not-synced": 0 };
    for (const f of facts) c[judgeCompatibility({ facts: f, target }).verdict]++;
    times.push(performance.now() - t0);
    if (perSeries.length === 0 && i === 0) coldFirstRunMs = times[0] ?? 0;
    counts = c;
    const t1 = performance.now();
    share = computeReadiness({ packages: facts, target, top: 15_000 }).readyShare;
    topTimes.push(performance.now() - t1);
  }
  perSeries.push({
    series: s.series,
    allProjectsMs: median(times),
    top15000Ms: median(topTimes),
    counts,
    readyShareTop15000: share,
  });
}
const totalWallMs = performance.now() - totalStart;
const totalMs = perSeries.reduce((a, s) => a + s.allProjectsMs, 0);

const result = {
  benchmark: "readiness",
  when: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "", node: process.version },
  projects: facts.length,
  ranked: facts.filter((f) => f.downloadRank !== null).length,
  facts: "generated in-process per TSV row from a hash of the name (the snapshot has no classifiers)",
  runs,
  baseline: { what: "load the facts: read the TSV and generate facts for every row", ms: baselineMs },
  cold: {
    what: "first series, first run: includes parsing every release's requirements once (later runs reuse them)",
    ms: coldFirstRunMs,
    ratioToBaseline: coldFirstRunMs / baselineMs,
  },
  series: perSeries.map((s) => ({
    ...s,
    perProjectUs: (s.allProjectsMs * 1000) / facts.length,
    ratioToBaseline: s.allProjectsMs / baselineMs,
  })),
  total: {
    series: perSeries.length,
    judgementsPerRun: perSeries.length * facts.length,
    medianSumMs: totalMs,
    ratioToBaseline: totalMs / baselineMs,
    wallMsAllRuns: totalWallMs,
  },
};

console.log(
  `readiness over ${facts.length} projects (${result.ranked} ranked), ${runs} run(s), median times`,
);
console.log(`baseline (load facts): ${baselineMs.toFixed(1)} ms`);
console.log(`cold first series (parses every requirement once): ${coldFirstRunMs.toFixed(1)} ms`);
for (const s of result.series) {
  console.log(
    `${s.series.padEnd(5)} all: ${s.allProjectsMs.toFixed(1).padStart(7)} ms (${s.perProjectUs.toFixed(2)} µs/project, x${s.ratioToBaseline.toFixed(2)} baseline)  top 15000: ${s.top15000Ms.toFixed(1).padStart(7)} ms  yes/maybe/no/unknown ${s.counts.yes}/${s.counts.maybe}/${s.counts.no}/${s.counts.unknown}`,
  );
}
console.log(
  `total: ${totalMs.toFixed(1)} ms for ${result.total.judgementsPerRun} judgements (x${result.total.ratioToBaseline.toFixed(2)} baseline)`,
);
mkdirSync(path.join(HERE, "results"), { recursive: true });
writeFileSync(path.join(HERE, "results", "readiness.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log("saved bench/results/readiness.json");
