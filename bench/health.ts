/**
 * Package health and an ecosystem review over the whole catalogue (all 24,739 projects of
 * ../shared/data/pypi-django-2026-11.tsv), and `guildhall checkup` on a source tree.
 *
 *   node --import tsx bench/health.ts [--runs 3] [--cli-runs 5]
 *
 * The snapshot has names, versions, months and ranks only, so every row gets facts generated from a
 * hash of its name (bench/generated-facts.ts, as the readiness benchmark does), plus owners, project
 * URLs, release counts, vulnerabilities and a release declaration. Baseline in the same run: loading
 * the facts (reading the TSV and generating them). Then the median over runs of computing every
 * project's health, of building a review (which computes health again, then the distributions, at
 * risk, critical and time to support), and, for the checkup, of running the command on the
 * setuptools fixture tree against `node -e 0` (the cost of starting Node at all). Prints the figures
 * and saves them to bench/results/health.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildReleaseCalendar,
  buildReview,
  computeHealth,
  type HealthFacts,
  healthContext,
  runCheckup,
} from "../src/ecosystem/index.ts";
import { systemClock } from "../src/platform/clock.ts";
import { factsFor, rng } from "./generated-facts.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const TSV = path.resolve(ROOT, "../shared/data/pypi-django-2026-11.tsv");
const TREE = path.join(ROOT, "src/ecosystem/checkup/fixtures/setuptools");
const TODAY = "2026-12-02";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isInteger(v) && v > 0 ? v : fallback;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const USERS = ["ada", "bob", "cy", "dee", "eli"];

function loadFacts(): Map<string, HealthFacts> {
  const out = new Map<string, HealthFacts>();
  for (const line of readFileSync(TSV, "utf8").split("\n").slice(1)) {
    if (line === "") continue;
    const [name = "", version = "", month = "", rank = ""] = line.split("\t");
    const base = factsFor(name, version, rank === "" ? null : Number(rank));
    const r = rng(`${name}#health`);
    const owners = 1 + Math.floor(r() * 3);
    const released = /^\d{4}-\d{2}$/.test(month) ? new Date(`${month}-15T00:00:00Z`) : null;
    out.set(name, {
      name,
      synced: r() < 0.9,
      latestVersion: version,
      latestReleaseAt: released,
      releasesLastTwoYears: Math.floor(r() * 5),
      classifiers: [...base.classifiers],
      requiresDist: [...base.requiresDist],
      requiresPython: base.requiresPython,
      projectUrls:
        r() < 0.8
          ? {
              Source: `https://github.com/${USERS[owners - 1]}/${name}`,
              ...(r() < 0.2 ? { Security: `https://example.org/${name}/security` } : {}),
            }
          : {},
      licenseExpression: r() < 0.5 ? "BSD-3-Clause" : null,
      ownership: {
        roles: USERS.slice(0, owners).map((user) => ({ role: "Owner", user })),
        organization: r() < 0.1 ? "jazzband" : null,
      },
      downloadRank: base.downloadRank,
      vulnerabilities: r() < 0.02 ? [{ id: `PYSEC-${name}` }] : [],
      declarations: [
        {
          version,
          uploadedAt: released,
          classifiers: [...base.classifiers],
          requiresDist: [...base.requiresDist],
          requiresPython: base.requiresPython,
        },
      ],
      repository: null,
      contacts: r() < 0.5 ? [`${name}@example.org`] : [],
    });
  }
  return out;
}

const runs = arg("runs", 3);
const cliRuns = arg("cli-runs", 5);
const calendar = buildReleaseCalendar({ today: new Date().toISOString().slice(0, 10) });

const loadMs: number[] = [];
let facts = new Map<string, HealthFacts>();
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  facts = loadFacts();
  loadMs.push(performance.now() - t0);
}
const ranks = [...facts.values()].flatMap((f) => (f.downloadRank === null ? [] : [f.downloadRank]));
const ctx = healthContext({ today: TODAY, calendar, ranks });

const healthMs: number[] = [];
let buckets: Record<string, number> = {};
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const counts: Record<string, number> = {};
  for (const f of facts.values()) {
    const h = computeHealth(f, ctx);
    counts[h.bucket] = (counts[h.bucket] ?? 0) + 1;
  }
  healthMs.push(performance.now() - t0);
  buckets = counts;
}

const reviewMs: number[] = [];
let reviewSize = 0;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const review = buildReview({ facts, ctx, top: 200, lastSyncedAt: null });
  reviewMs.push(performance.now() - t0);
  reviewSize = JSON.stringify(review).length;
}

const inProcessMs: number[] = [];
for (let i = 0; i < Math.max(runs, 5); i++) {
  const t0 = performance.now();
  await runCheckup({ target: TREE, clock: systemClock });
  inProcessMs.push(performance.now() - t0);
}
const spawnMs = (args: string[]) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0 && r.status !== 3) throw new Error(`${args.join(" ")}: exit ${r.status}: ${r.stderr}`);
  return performance.now() - t0;
};
const nodeMs: number[] = [];
const cliMs: number[] = [];
for (let i = 0; i < cliRuns; i++) {
  nodeMs.push(spawnMs(["-e", "0"]));
  cliMs.push(spawnMs(["bin/guildhall.js", "checkup", TREE, "--json", "--today", TODAY]));
}

const result = {
  takenAt: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
    node: process.version,
  },
  projects: facts.size,
  runs,
  loadFactsMs: Math.round(median(loadMs)),
  healthAllMs: Math.round(median(healthMs)),
  healthRatioToLoad: Math.round((median(healthMs) / median(loadMs)) * 100) / 100,
  healthPerProjectUs: Math.round((median(healthMs) / facts.size) * 1000 * 10) / 10,
  buckets,
  reviewMs: Math.round(median(reviewMs)),
  reviewRatioToLoad: Math.round((median(reviewMs) / median(loadMs)) * 100) / 100,
  reviewJsonBytes: reviewSize,
  checkup: {
    tree: path.relative(ROOT, TREE),
    cliRuns,
    nodeEmptyMs: Math.round(median(nodeMs)),
    cliMs: Math.round(median(cliMs)),
    ratioToNodeEmpty: Math.round((median(cliMs) / median(nodeMs)) * 10) / 10,
    inProcessMs: Math.round(median(inProcessMs) * 10) / 10,
  },
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(path.join(HERE, "results"), { recursive: true });
writeFileSync(path.join(HERE, "results", "health.json"), `${JSON.stringify(result, null, 2)}\n`);
