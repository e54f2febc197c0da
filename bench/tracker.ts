/**
 * The compatibility tracker page of an upcoming Django series for the top 1,000 packages, as a ratio
 * to a static page (the stylesheet) served by the same application in the same run.
 *
 *   node --import tsx bench/tracker.ts [--runs 10] [--top 1000]
 *
 * The catalogue is an embedded database holding the 1,000 best-ranked names (the snapshot ranks 521
 * projects of ../shared/data/pypi-django-2026-11.tsv, the rest are its next names given ranks after
 * them) with facts generated from a hash of each name (bench/generated-facts.ts), marked synced, and
 * a status set by hand on every fifth. Each run requests `/releases/<series>/tracker?top=1000` and
 * `/static/site.css` through the application (no network), interleaved; the medians and their ratio
 * are printed and saved to bench/results/tracker.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApplication } from "../src/app.ts";
import { buildReleaseCalendar } from "../src/ecosystem/index.ts";
import { systemClock } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import { openDatabase, schema } from "../src/platform/db/index.ts";
import { createServices } from "../src/platform/services.ts";
import { factsFor } from "./generated-facts.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TSV = path.resolve(HERE, "../../shared/data/pypi-django-2026-11.tsv");

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isInteger(v) && v > 0 ? v : fallback;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const runs = arg("runs", 10);
const top = arg("top", 1000);

const rows = readFileSync(TSV, "utf8")
  .split("\n")
  .slice(1)
  .filter((l) => l !== "")
  .map((l) => {
    const [name = "", version = "", , rank = ""] = l.split("\t");
    return { name, version, rank: rank === "" ? null : Number(rank) };
  })
  .filter((r) => r.name !== "django");
const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
const rest = rows.filter((r) => r.rank === null);
const chosen = [...ranked, ...rest].slice(0, top).map((r, i) => ({ ...r, rank: i + 1 }));

const database = await openDatabase({ memory: true });
const config = loadConfig({
  NODE_ENV: "test",
  LOG_LEVEL: "silent",
  GUILDHALL_SESSION_SECRET: "bench-secret",
});
const services = await createServices(config, { database, clock: systemClock });
const app = createApplication(services);
const now = new Date();
for (let i = 0; i < chosen.length; i += 500) {
  await database.db.insert(schema.packages).values(
    chosen.slice(i, i + 500).map((r) => {
      const f = factsFor(r.name, r.version, r.rank);
      return {
        name: r.name,
        displayName: r.name,
        latestVersion: r.version,
        downloadRank: r.rank,
        classifiers: [...f.classifiers],
        requiresDist: [...f.requiresDist],
        requiresPython: f.requiresPython,
        source: "index" as const,
        syncedAt: now,
      };
    }),
  );
}
const today = now.toISOString().slice(0, 10);
const series = buildReleaseCalendar({ today }).find(
  (s) => (s.milestones.final.date ?? s.milestones.final.expected) > today,
)?.series;
if (!series) throw new Error("no upcoming series in the calendar");
await database.db.insert(schema.trackerEntries).values(
  chosen
    .filter((_, i) => i % 5 === 0)
    .map((r, i) => ({
      series,
      packageName: r.name,
      status: (["in-progress", "not-started", "blocked"] as const)[i % 3] ?? "not-started",
      link: i % 3 === 0 ? `https://github.com/example/${r.name}/pull/1` : null,
      reason: i % 3 === 2 ? "waits on a dependency" : null,
      setByName: "bench",
      setAt: now,
    })),
);

async function time(url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t0 = performance.now();
  const res = await app.request(url);
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, bytes: body.byteLength, status: res.status };
}

const trackerUrl = `/releases/${series}/tracker?top=${top}`;
// Warm-up: echarts' first import, the calendar, the stylesheet.
for (const u of [trackerUrl, "/static/site.css"]) {
  const w = await time(u);
  if (w.status !== 200) throw new Error(`${u}: ${w.status}`);
}
const trackerMs: number[] = [];
const staticMs: number[] = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const t = await time(trackerUrl);
  trackerMs.push(t.ms);
  bytes = t.bytes;
  staticMs.push((await time("/static/site.css")).ms);
}
const result = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  loadAverage: os.loadavg()[0],
  series,
  packages: chosen.length,
  runs,
  trackerMedianMs: Number(median(trackerMs).toFixed(1)),
  trackerWorstMs: Number(Math.max(...trackerMs).toFixed(1)),
  trackerBytes: bytes,
  staticMedianMs: Number(median(staticMs).toFixed(2)),
  ratio: Number((median(trackerMs) / median(staticMs)).toFixed(1)),
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(path.join(HERE, "results"), { recursive: true });
writeFileSync(path.join(HERE, "results/tracker.json"), `${JSON.stringify(result, null, 2)}\n`);
await database.close();
