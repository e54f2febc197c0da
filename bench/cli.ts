/**
 * Start-up cost of the command line against `node -e 0`, measured in the same run.
 *
 *   node --import tsx bench/cli.ts [--runs 15] [--before DIR]
 *
 * Each case is a fresh process, timed for wall clock and for CPU (user + system, reported by the
 * process itself through a preload, bench/cpu-usage.cjs, that the baseline carries too). Cases run
 * interleaved, one of each per round, so load on the machine affects all alike; the figures are
 * medians. Targets: `guildhall --help`, `--version` and a small command (`packages inspect` on one
 * file) within 3x the baseline. Also measured, to show where the rest of the time goes:
 *   - `charters parse` on one file and `releases --json` (on an existing embedded database), with
 *     their floors: the same work in a bare script (import the compiled parser and parse the file;
 *     open the database and load the calendar), so "command - floor" is what the command line adds;
 *   - `--help` from the sources through tsx (what skipping the build would cost), and with
 *     `--before DIR` the same commands of an earlier version checked out in DIR.
 * Prints the figures and saves them to bench/results/cli.json; exits 1 when a target is missed.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuilt } from "../scripts/build.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = path.resolve(ROOT, "../shared/data");
const CHARTER = path.join(SHARED, "dsf-working-groups/active/fellowship.md");
const METADATA = path.join(SHARED, "core-metadata/django_debug_toolbar-3.8.1.dist-info.METADATA");
const PRELOAD = path.join(ROOT, "bench/cpu-usage.cjs");
const TARGET = 3;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isInteger(v) && v > 0 ? v : fallback;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

interface Sample {
  wallMs: number;
  cpuMs: number;
  maxRssKb: number;
}

/** Runs `node -r cpu-usage.cjs ...args` once; fails on a non-zero exit. */
function time(args: string[], env: NodeJS.ProcessEnv): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["-r", PRELOAD, ...args], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "ignore", "pipe", "pipe"],
    });
    let report = "";
    let stderr = "";
    child.stdio[3]?.on("data", (d: Buffer) => {
      report += d.toString();
    });
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("close", (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) {
        reject(new Error(`${args.join(" ")} exited ${code}: ${stderr.trim()}`));
        return;
      }
      const r = JSON.parse(report) as { cpuUs: number; maxRssKb: number };
      resolve({ wallMs, cpuMs: r.cpuUs / 1000, maxRssKb: r.maxRssKb });
    });
  });
}

const dist = await ensureBuilt();
const runs = arg("runs", 15);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "guildhall-bench-cli-"));
const env: NodeJS.ProcessEnv = { ...process.env, GUILDHALL_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
delete env["DATABASE_URL"];
delete env["NODE_OPTIONS"];

const bin = "bin/guildhall.js";
const parserModule = path.join(dist, "governance/charter/parse-charter.js");
const cases: { name: string; args: string[]; target?: boolean }[] = [
  { name: "node -e 0 (baseline)", args: ["-e", "0"] },
  { name: "guildhall --help", args: [bin, "--help"], target: true },
  { name: "guildhall --version", args: [bin, "--version"], target: true },
  {
    name: "guildhall packages inspect FILE --json",
    args: [bin, "packages", "inspect", METADATA, "--json"],
    target: true,
  },
  { name: "guildhall charters parse FILE --json", args: [bin, "charters", "parse", CHARTER, "--json"] },
  {
    name: "floor: parse FILE in a bare script",
    args: [
      "--input-type=module",
      "-e",
      `import { readFileSync } from "node:fs"; const { parseCharter } = await import(${JSON.stringify(parserModule)}); ` +
        `parseCharter({ markdown: readFileSync(${JSON.stringify(CHARTER)}, "utf8"), path: ${JSON.stringify(CHARTER)} });`,
    ],
  },
  { name: "guildhall releases --json (embedded database)", args: [bin, "releases", "--json"] },
  {
    name: "floor: open the database, load the calendar",
    args: [
      "--input-type=module",
      "-e",
      `const { loadConfig } = await import(${JSON.stringify(path.join(dist, "platform/config.js"))}); ` +
        `const { createServices } = await import(${JSON.stringify(path.join(dist, "platform/services.js"))}); ` +
        `const { loadReleaseCalendar } = await import(${JSON.stringify(path.join(dist, "ecosystem/releases/load-release-calendar.js"))}); ` +
        "const s = await createServices(loadConfig()); await loadReleaseCalendar({ db: s.database.db, now: new Date() }); await s.database.close();",
    ],
  },
  { name: "the sources through tsx, no build: --help", args: ["--import", "tsx", "src/cli.ts", "--help"] },
];
// `--before DIR`: a checkout of an earlier version (its own bin/guildhall.js), timed beside this one.
const beforeAt = process.argv.indexOf("--before");
const before = beforeAt === -1 ? undefined : process.argv[beforeAt + 1];
if (before) {
  cases.push({
    name: "before: guildhall --help",
    args: [path.resolve(before, "bin/guildhall.js"), "--help"],
  });
  cases.push({
    name: "before: packages inspect FILE --json",
    args: [path.resolve(before, "bin/guildhall.js"), "packages", "inspect", METADATA, "--json"],
  });
}

// The first start of a data directory creates the database (initdb); not what is measured.
await time([bin, "releases", "--json"], env);
for (const c of cases) await time(c.args, env);

const samples = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
for (let round = 0; round < runs; round++) {
  for (const c of cases) samples.get(c.name)?.push(await time(c.args, env));
}
rmSync(dataDir, { recursive: true, force: true });

const med = (name: string, key: keyof Sample) => median((samples.get(name) ?? []).map((s) => s[key]));
const base = { wallMs: med("node -e 0 (baseline)", "wallMs"), cpuMs: med("node -e 0 (baseline)", "cpuMs") };
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const rows = cases.map((c) => {
  const wallMs = med(c.name, "wallMs");
  const cpuMs = med(c.name, "cpuMs");
  return {
    name: c.name,
    command: c.args.map((a) => a.replace(ROOT, ".").replace(SHARED, "../shared/data")).join(" "),
    target: c.target === true,
    wallMs: round1(wallMs),
    cpuMs: round1(cpuMs),
    wallRatio: round2(wallMs / base.wallMs),
    cpuRatio: round2(cpuMs / base.cpuMs),
    maxRssMb: round1(med(c.name, "maxRssKb") / 1024),
  };
});
const missed = rows.filter((r) => r.target && (r.wallRatio > TARGET || r.cpuRatio > TARGET));

const result = {
  benchmark: "cli",
  at: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  runs,
  build: path.relative(ROOT, dist),
  target: `targets within ${TARGET}x the baseline (wall and CPU)`,
  targetsMet: missed.length === 0,
  rows,
};

console.log(`command line start-up, median of ${runs} runs (load ${result.loadAverage.join(" ")})`);
console.log("case                                              wall ms  (x base)   cpu ms  (x base)  rss MB");
for (const r of rows) {
  console.log(
    `${`${r.target ? "* " : "  "}${r.name}`.padEnd(48)} ${String(r.wallMs).padStart(8)} ${`(${r.wallRatio}x)`.padStart(9)} ${String(r.cpuMs).padStart(8)} ${`(${r.cpuRatio}x)`.padStart(9)} ${String(r.maxRssMb).padStart(7)}`,
  );
}
console.log(
  missed.length
    ? `* targets missed: ${missed.map((r) => r.name).join("; ")}`
    : `* targets: all within ${TARGET}x the baseline`,
);
mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
writeFileSync(path.join(ROOT, "bench/results/cli.json"), `${JSON.stringify(result, null, 2)}\n`);
if (missed.length) process.exitCode = 1;
