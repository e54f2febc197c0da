/**
 * The directory under load: `/groups`, `/groups/<slug>` and the static stylesheet served by the
 * same server in the same run, 50 connections for ~10 s each (autocannon). The server runs in a
 * child process over a freshly seeded embedded database in a temporary data directory.
 *
 *   node --import tsx bench/http-directory.ts [--duration 10] [--connections 50] [--rounds 2]
 *
 * Each page is measured twice: as a browser asks for it (offering gzip) and without compression.
 * Prints the figures and saves them to bench/results/http-directory.json.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { openDatabase } from "../src/platform/db/index.ts";
import { seedRealisticRegistry } from "../test/factories/governance.ts";
import { createGovernanceTestApp } from "../test/governance-app.ts";
import { autocannon } from "./autocannon.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SNAPSHOT = path.resolve(HERE, "../../shared/data/dsf-working-groups");
const BUNDLE = path.resolve(HERE, "../../shared/data/dsf-working-groups.bundle");

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Child mode: serve the seeded data directory and print the port. */
async function serveDataDir(dataDir: string): Promise<void> {
  const database = await openDatabase({ dataDir });
  const { app } = await createGovernanceTestApp(database, { NODE_ENV: "development", LOG_LEVEL: "silent" });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
    process.stdout.write(`PORT ${info.port}\n`);
  });
  process.on("SIGTERM", () => {
    server.close();
    void database.close().finally(() => process.exit(0));
  });
}

/** Seeds the real snapshot through importCharters when the importer can run, else the factories. */
async function seed(
  dataDir: string,
): Promise<{ dataset: string; groups: number; slug: string; pageMembers: number; pageEvents: number }> {
  const database = await openDatabase({ dataDir });
  try {
    let dataset = "factories (17 groups of realistic size)";
    try {
      const { importCharters, replayHistory } = await import("../src/governance/index.ts");
      const { FixedClock } = await import("../src/platform/clock.ts");
      const services = { database, clock: new FixedClock("2026-11-21T00:00:00Z") };
      const repo = path.join(dataDir, "..", `${path.basename(dataDir)}-wg`);
      execFileSync("git", ["clone", "--quiet", BUNDLE, repo]);
      try {
        await replayHistory({ services, gitDir: repo });
      } finally {
        rmSync(repo, { recursive: true, force: true });
      }
      await importCharters({ services, dir: SNAPSHOT });
      dataset = "DSF charter history (bundle) replayed, then the snapshot imported";
    } catch (e) {
      process.stderr.write(
        `importCharters unavailable (${e instanceof Error ? e.message : String(e)}); using factories\n`,
      );
      await seedRealisticRegistry(database.db);
    }
    const rows = await database.query<{ slug: string; n: number; events: number }>(
      `select g.slug, count(distinct r.person_id)::int as n,
              (select count(*)::int from group_events e where e.group_id = g.id) as events
         from groups g left join group_roles r on r.group_id = g.id
        group by g.id, g.slug order by n desc, g.slug`,
    );
    // The largest group is the heaviest page.
    const top = rows[0];
    return {
      dataset,
      groups: rows.length,
      slug: top?.slug ?? "website",
      pageMembers: top?.n ?? 0,
      pageEvents: top?.events ?? 0,
    };
  } finally {
    await database.close();
  }
}

interface Figures {
  path: string;
  client: Target["client"];
  requestsPerSecond: number;
  latencyP99Ms: number;
  latencyAverageMs: number;
  non2xx: number;
  errors: number;
}

/** What a browser sends: every current browser offers gzip. */
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br, zstd" };

interface Target {
  path: string;
  /** "browser" offers gzip like a browser; "identity" offers no compression. */
  client: "browser" | "identity";
}

async function load(url: string, target: Target, connections: number, duration: number): Promise<Figures> {
  const headers = target.client === "browser" ? BROWSER_HEADERS : {};
  const r = await autocannon({ url, connections, duration, headers });
  return {
    path: target.path,
    client: target.client,
    requestsPerSecond: Math.round(r.requests.average),
    latencyP99Ms: r.latency.p99,
    latencyAverageMs: r.latency.average,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

async function main(): Promise<void> {
  const serveIndex = process.argv.indexOf("--serve");
  const serveDir = serveIndex === -1 ? undefined : process.argv[serveIndex + 1];
  if (serveDir) return serveDataDir(serveDir);

  const duration = arg("duration", 10);
  const connections = arg("connections", 50);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "guildhall-bench-"));
  const child: { proc?: ReturnType<typeof spawn> } = {};
  try {
    const seeded = await seed(dataDir);
    const proc = spawn(
      process.execPath,
      ["--import", "tsx", fileURLToPath(import.meta.url), "--serve", dataDir],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    child.proc = proc;
    const port = await new Promise<number>((resolve, reject) => {
      let out = "";
      proc.stdout?.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /PORT (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      proc.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const groupPage = `/groups/${seeded.slug}`;
    const targets: Target[] = [
      { path: "/static/site.css", client: "browser" },
      { path: "/groups", client: "browser" },
      { path: groupPage, client: "browser" },
      { path: "/groups", client: "identity" },
      { path: groupPage, client: "identity" },
    ];
    for (const t of targets) {
      const res = await fetch(`${base}${t.path}`);
      if (res.status !== 200) throw new Error(`${t.path} answered ${res.status}`);
      await res.arrayBuffer();
      await load(`${base}${t.path}`, t, connections, 1); // warm-up
    }
    // The machine is shared, so the targets take turns in short rounds: a burst of load from
    // elsewhere then hits all of them alike instead of one whole measurement.
    const rounds = arg("rounds", 2);
    const perRound: Figures[][] = targets.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [i, t] of targets.entries()) {
        perRound[i]?.push(await load(`${base}${t.path}`, t, connections, duration / rounds));
      }
    }
    const results: Figures[] = targets.map((t, i) => {
      const runs = perRound[i] ?? [];
      const mean = (f: (x: Figures) => number) =>
        runs.reduce((sum, x) => sum + f(x), 0) / Math.max(1, runs.length);
      return {
        path: t.path,
        client: t.client,
        requestsPerSecond: Math.round(mean((x) => x.requestsPerSecond)),
        // The worst round's p99: a percentile cannot be averaged.
        latencyP99Ms: Math.max(...runs.map((x) => x.latencyP99Ms)),
        latencyAverageMs: Number(mean((x) => x.latencyAverageMs).toFixed(2)),
        non2xx: runs.reduce((sum, x) => sum + x.non2xx, 0),
        errors: runs.reduce((sum, x) => sum + x.errors, 0),
      };
    });
    for (const f of results) {
      process.stdout.write(
        `${f.path.padEnd(28)} ${f.client.padEnd(8)} ${String(f.requestsPerSecond).padStart(7)} req/s  p99 ${f.latencyP99Ms} ms  avg ${f.latencyAverageMs} ms  non-2xx ${f.non2xx}  errors ${f.errors}\n`,
      );
    }
    const staticRps = results[0]?.requestsPerSecond ?? 1;
    const report = {
      benchmark: "http-directory",
      command: "node --import tsx bench/http-directory.ts",
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      database: "pglite (embedded, temporary data directory)",
      dataset: seeded.dataset,
      groups: seeded.groups,
      groupPage: { slug: seeded.slug, members: seeded.pageMembers, timelineEvents: seeded.pageEvents },
      connections,
      durationSeconds: duration,
      rounds,
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
      staticPath: "/static/site.css",
      clients: {
        browser: `sends accept-encoding: ${BROWSER_HEADERS["accept-encoding"]} (the stylesheet is not compressed)`,
        identity: "sends no accept-encoding",
      },
      results: results.map((r) => ({
        ...r,
        ratioToStatic: Number((r.requestsPerSecond / staticRps).toFixed(3)),
      })),
      targets: { ratioToStaticAtLeast: 0.5, p99MsBelow: 50 },
    };
    for (const r of report.results.slice(1)) {
      const ok = r.ratioToStatic >= 0.5 && r.latencyP99Ms < 50;
      process.stdout.write(
        `${r.path} (${r.client}): ${r.ratioToStatic}x static, p99 ${r.latencyP99Ms} ms -> ${ok ? "meets" : "MISSES"} target\n`,
      );
    }
    mkdirSync(path.join(HERE, "results"), { recursive: true });
    const out = path.join(HERE, "results", "http-directory.json");
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`saved ${path.relative(process.cwd(), out)}\n`);
  } finally {
    child.proc?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
