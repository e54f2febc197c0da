/**
 * PyPI sync throughput: a full sync of all 24,739 projects of the shared TSV from the local
 * PyPI-compatible index (run in its own process), on the embedded database and on PostgreSQL,
 * against a baseline in the same run that only fetches and parses the same documents with the
 * same concurrency. Then an incremental sync after 1% of serials change. Each measurement runs in
 * its own child process so peak RSS belongs to it alone.
 *
 *   node --import tsx bench/sync.ts [--concurrency 32] [--workers 4] [--batch 200] [--limit N]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/sync.ts   (adds PostgreSQL)
 *
 * Prints the figures and saves them to bench/results/sync.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pLimit from "p-limit";
import pg from "pg";
import { fetchProject, parseSimpleIndex, SIMPLE_ACCEPT, syncPackages } from "../src/ecosystem/index.ts";
import { systemClock } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import { openDatabase } from "../src/platform/db/index.ts";
import { createHttpClient } from "../src/platform/fetch.ts";
import { createLogger } from "../src/platform/log.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isFinite(v) && v > 0 ? v : fallback;
}
function strArg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const CONCURRENCY = arg("concurrency", 32);
const WORKERS = arg("workers", 4);
const BATCH = arg("batch", 200);
const log = createLogger({ env: "production", logLevel: "warn" });
const http = createHttpClient({
  config: {
    http: { userAgent: "Guildhall-bench/0.1 (+mailto:ecosystem@example.org)", timeoutMs: 30_000, retries: 3 },
  },
  log,
});

interface Measure {
  mode: string;
  projects: number;
  seconds: number;
  projectsPerSecond: number;
  peakRssMb: number;
  fetched?: number;
  notModified?: number;
  errors?: Record<string, number>;
  incremental?: Measure;
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Child: fetch and parse every project's documents, no database. */
async function baseline(index: string): Promise<Measure> {
  const started = performance.now();
  const res = await http.fetch(`${index}/simple/`, { headers: { accept: SIMPLE_ACCEPT } });
  const listing = parseSimpleIndex(await res.text());
  const limit = pLimit(CONCURRENCY);
  let ok = 0;
  await Promise.all(
    listing.projects.map((p) =>
      limit(async () => {
        const r = await fetchProject({ http, indexUrl: index, name: p.name, serial: p.serial, etag: null });
        if (r.kind === "fetched") ok++;
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    mode: "baseline (fetch + parse only)",
    projects: listing.projects.length,
    seconds: round(seconds),
    projectsPerSecond: round(listing.projects.length / seconds),
    peakRssMb: peakRssMb(),
    fetched: ok,
  };
}

/** Child: a full sync into a fresh database, then an incremental one after 1% of serials change. */
async function sync(index: string, target: "pglite" | "postgres", bumpSeed: number): Promise<Measure> {
  let dataDir = "";
  let dropUrl: string | null = null;
  let database: Awaited<ReturnType<typeof openDatabase>>;
  if (target === "postgres") {
    const url = loadConfig().databaseUrl;
    if (!url) throw new Error("DATABASE_URL is not set");
    const adminUrl = new URL(url);
    adminUrl.pathname = "/postgres";
    const name = `guildhall_bench_sync_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    dropUrl = adminUrl.toString();
    database = await openDatabase({ databaseUrl: dbUrl.toString(), poolSize: 12 });
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "guildhall-bench-sync-"));
    database = await openDatabase({ dataDir });
  }
  try {
    const run = () =>
      syncPackages({
        database,
        clock: systemClock,
        log,
        httpFor: () => http,
        indexUrl: index,
        concurrency: CONCURRENCY,
        workers: WORKERS,
        batchSize: BATCH,
        pollMs: 500,
      });
    const full = await run();
    const bump = await fetch(`${index}/_control/bump?fraction=0.01&seed=${bumpSeed}`, { method: "POST" });
    const bumped = (await bump.json()) as { bumped: number; changed: number };
    const incremental = await run();
    const toMeasure = (mode: string, s: typeof full): Measure => ({
      mode,
      projects: s.queued,
      seconds: round(s.durationMs / 1000),
      projectsPerSecond: round(s.queued / (s.durationMs / 1000)),
      peakRssMb: peakRssMb(),
      fetched: s.fetched,
      notModified: s.notModified,
      errors: s.errors,
    });
    const m = toMeasure(`full sync (${target})`, full);
    m.incremental = {
      ...toMeasure(`incremental sync after ${bumped.bumped} serial bumps (${target})`, incremental),
    };
    return m;
  } finally {
    await database.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (dropUrl) {
      const admin = new pg.Client({ connectionString: dropUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS guildhall_bench_sync_${process.pid} WITH (FORCE)`);
      await admin.end();
    }
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function runChild(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), ...args], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as Measure);
      else reject(new Error(`bench child ${args.join(" ")} exited ${code}: ${out.slice(-500)}`));
    });
  });
}

function startIndex(limit: number | undefined): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const args = ["--import", "tsx", path.join(ROOT, "test/pypi-server/main.ts"), "--port", "0"];
    if (limit) args.push("--limit", String(limit));
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    child.stdout?.on("data", (d: Buffer) => {
      const m = /listening on (\S+)/.exec(d.toString());
      if (m?.[1]) resolve({ url: m[1], child });
    });
    child.on("exit", (code) => reject(new Error(`index server exited ${code}`)));
  });
}

async function main(): Promise<void> {
  const mode = strArg("mode");
  const index = strArg("index");
  if (mode && index) {
    const result =
      mode === "baseline"
        ? await baseline(index)
        : await sync(index, mode === "postgres" ? "postgres" : "pglite", arg("seed", 1));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const limitArg = strArg("limit");
  const server = await startIndex(limitArg ? Number(limitArg) : undefined);
  const flags = [
    "--concurrency",
    String(CONCURRENCY),
    "--workers",
    String(WORKERS),
    "--batch",
    String(BATCH),
  ];
  try {
    const { DATABASE_URL: _pgUrl, ...envWithoutPg } = process.env;
    // Load on a shared machine moves, so each database gets its own baseline measured just before it.
    const targets: Array<{ mode: "pglite" | "postgres"; env: NodeJS.ProcessEnv }> = [
      { mode: "pglite", env: envWithoutPg },
    ];
    if (loadConfig().databaseUrl) targets.push({ mode: "postgres", env: process.env });
    const pairs: Array<{ base: Measure; sync: Measure }> = [];
    for (const [i, t] of targets.entries()) {
      process.stderr.write(`index at ${server.url}; baseline for ${t.mode}...\n`);
      const base = await runChild(["--mode", "baseline", "--index", server.url, ...flags], envWithoutPg);
      process.stderr.write(`baseline ${base.projectsPerSecond} projects/s; ${t.mode}...\n`);
      const sync = await runChild(
        ["--mode", t.mode, "--index", server.url, "--seed", String(i + 1), ...flags],
        t.env,
      );
      pairs.push({ base, sync });
    }
    const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
    const report = {
      benchmark: "sync",
      at: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      settings: { concurrency: CONCURRENCY, workers: WORKERS, batch: BATCH },
      results: pairs.flatMap(({ base, sync }) => {
        const { incremental, ...full } = sync;
        const rows = [
          { ...base, ratioToBaseline: 1 },
          { ...full, ratioToBaseline: ratio(full.projectsPerSecond, base.projectsPerSecond) },
        ];
        if (incremental) {
          rows.push({
            ...incremental,
            ratioToBaseline: ratio(incremental.projectsPerSecond, base.projectsPerSecond),
          });
        }
        return rows;
      }),
    };
    for (const r of report.results) {
      process.stdout.write(
        `${r.mode.padEnd(52)} ${String(r.projects).padStart(6)} projects ${String(r.seconds).padStart(6)} s ${String(r.projectsPerSecond).padStart(7)}/s  x${r.ratioToBaseline} of baseline  peak RSS ${r.peakRssMb} MB\n`,
      );
    }
    mkdirSync(path.join(HERE, "results"), { recursive: true });
    writeFileSync(path.join(HERE, "results", "sync.json"), `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    server.child.kill("SIGTERM");
  }
}

await main();
