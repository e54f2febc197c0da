/**
 * Parses every charter in ../shared/data/dsf-working-groups (active, archive, draft, proposals)
 * many times and reports, per charter, the median and worst time of `parseCharter`.
 *
 *   node --import tsx bench/parse-charters.ts [--runs 50]
 *
 * Baseline in the same run: the raw mdast parse (mdast-util-from-markdown + GFM) of the same file,
 * which `parseCharter` does first; the ratio parse / baseline is what the charter rules cost on top.
 * Runs are interleaved (baseline, then parse, per iteration) so machine load affects both alike.
 * Prints the figures and saves them to bench/results/parse-charters.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseCharter, parseMarkdownTree } from "../src/governance/index.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SNAPSHOT = path.resolve(HERE, "../../shared/data/dsf-working-groups");

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

const round = (ms: number) => Math.round(ms * 1000) / 1000;

const runs = arg("runs", 50);
const files = ["active", "archive", "draft", "proposals"].flatMap((dir) =>
  readdirSync(path.join(SNAPSHOT, dir))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => ({ rel: `${dir}/${f}`, markdown: readFileSync(path.join(SNAPSHOT, dir, f), "utf8") })),
);

// Warm up the JIT on every file before measuring.
for (let i = 0; i < 3; i++) {
  for (const f of files) {
    parseMarkdownTree(f.markdown);
    parseCharter({ markdown: f.markdown, path: f.rel });
  }
}

const rows = files.map((f) => {
  const parse: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    parseMarkdownTree(f.markdown);
    base.push(performance.now() - t);
    t = performance.now();
    parseCharter({ markdown: f.markdown, path: f.rel });
    parse.push(performance.now() - t);
  }
  return {
    file: f.rel,
    bytes: Buffer.byteLength(f.markdown),
    medianMs: round(median(parse)),
    worstMs: round(Math.max(...parse)),
    baselineMedianMs: round(median(base)),
    baselineWorstMs: round(Math.max(...base)),
    ratio: Math.round((median(parse) / median(base)) * 100) / 100,
  };
});

const totalParse = rows.reduce((s, r) => s + r.medianMs, 0);
const totalBase = rows.reduce((s, r) => s + r.baselineMedianMs, 0);
const result = {
  benchmark: "parse-charters",
  command: "node --import tsx bench/parse-charters.ts",
  runs,
  charters: rows.length,
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? "unknown",
  date: new Date().toISOString(),
  allChartersMedianMs: round(totalParse),
  allChartersBaselineMedianMs: round(totalBase),
  overallRatio: Math.round((totalParse / totalBase) * 100) / 100,
  worstMs: Math.max(...rows.map((r) => r.worstMs)),
  perCharter: rows,
};

console.log(`parseCharter over ${rows.length} charters, ${runs} runs each (baseline: raw mdast + GFM parse)`);
console.log(
  "file".padEnd(32),
  "bytes".padStart(6),
  "median".padStart(9),
  "worst".padStart(9),
  "mdast".padStart(9),
  "ratio".padStart(6),
);
for (const r of rows) {
  console.log(
    r.file.padEnd(32),
    String(r.bytes).padStart(6),
    `${r.medianMs.toFixed(2)}ms`.padStart(9),
    `${r.worstMs.toFixed(2)}ms`.padStart(9),
    `${r.baselineMedianMs.toFixed(2)}ms`.padStart(9),
    `${r.ratio.toFixed(2)}x`.padStart(6),
  );
}
console.log(
  `all charters: ${result.allChartersMedianMs.toFixed(1)}ms (mdast alone ${result.allChartersBaselineMedianMs.toFixed(1)}ms, ratio ${result.overallRatio}x); worst single parse ${result.worstMs.toFixed(1)}ms`,
);

const out = path.join(HERE, "results/parse-charters.json");
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`saved ${path.relative(process.cwd(), out)}`);
