/**
 * The blog under load: `/blog`, one entry page, the Atom feed and the static stylesheet served by
 * the same server in the same run, 50 connections (autocannon), as a ratio to the stylesheet.
 *
 *   node --import tsx bench/blog.ts [--duration 10] [--connections 50] [--rounds 2] [--posts 300]
 *
 * The server runs in a child process over an in-memory embedded database holding `--posts`
 * published blog posts (bodies of about 4 kB of markdown: headings, lists, links, code, an image;
 * two or three tags each) and a fifth as many drafts and scheduled posts, which the blog must skip.
 * The targets take turns in short rounds. Prints the figures and saves them to bench/results/blog.json.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createApplication } from "../src/app.ts";
import { FixedClock } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import { openDatabase, schema } from "../src/platform/db/index.ts";
import { createServices } from "../src/platform/services.ts";
import { autocannon } from "./autocannon.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isFinite(v) && v > 0 ? v : fallback;
}

const TAGS = ["news", "releases", "community", "fundraising", "events", "security", "django-girls"];

/** A post body of about 4 kB: what a DSF blog post looks like in markdown. */
function body(i: number): string {
  const para = `Django ${5 + (i % 2)}.${i % 3} brings [the release notes](https://docs.djangoproject.com/en/dev/releases/) and *many* small fixes; thanks to every contributor who reviewed, tested and triaged tickets this cycle (post ${i}).`;
  const parts = [`## What is new`, para, para, "- one\n- two\n- three", "## How to help", para];
  parts.push(
    "```python\nfrom django.db import models\n\nclass Entry(models.Model):\n    headline = models.CharField(max_length=200)\n```",
  );
  parts.push("![The Django pony waving](https://static.djangoproject.com/img/pony.png)", para, para, para);
  return parts.join("\n\n").repeat(2);
}

/** Child mode: seed an in-memory database, serve it, print the port. */
async function serveSeeded(posts: number): Promise<void> {
  const clock = new FixedClock("2026-12-04T12:00:00Z");
  const database = await openDatabase({ memory: true });
  const config = loadConfig({
    NODE_ENV: "development",
    LOG_LEVEL: "silent",
    GUILDHALL_SESSION_SECRET: "bench",
  });
  const services = await createServices(config, { database, clock });
  const start = clock.now().getTime() - posts * 86_400_000;
  const rows: Array<typeof schema.marketingItems.$inferInsert> = [];
  const hidden = Math.ceil(posts / 5);
  for (let i = 0; i < posts + hidden; i++) {
    const at = new Date(start + i * 86_400_000);
    const published = i < posts;
    const state = published ? "published" : i % 2 === 0 ? "draft" : "scheduled";
    rows.push({
      kind: "blog-post",
      state,
      title: `Post ${i}: news from the Django Software Foundation`,
      slug: `post-${i}`,
      summary: `What happened in the DSF in week ${i}, and how to take part.`,
      authors: i % 4 === 0 ? ["Ada Author", "Bo Writer"] : ["Ada Author"],
      tags: [TAGS[i % TAGS.length] ?? "news", TAGS[(i * 3 + 1) % TAGS.length] ?? "news"],
      socialCardUrl: i % 2 === 0 ? "https://static.djangoproject.com/img/card.png" : null,
      socialCardAlt: i % 2 === 0 ? "The Django logo on green" : null,
      body: body(i),
      createdByName: "Ada Author",
      createdAt: at,
      updatedAt: at,
      scheduledFor: state === "scheduled" ? new Date(clock.now().getTime() + 86_400_000) : null,
      publishedAt: published ? at : null,
    });
  }
  for (let i = 0; i < rows.length; i += 500)
    await database.db.insert(schema.marketingItems).values(rows.slice(i, i + 500));
  const app = createApplication(services);
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
    process.stdout.write(`PORT ${info.port}\n`);
  });
  process.on("SIGTERM", () => {
    server.close();
    void database.close().finally(() => process.exit(0));
  });
}

interface Figures {
  path: string;
  requestsPerSecond: number;
  latencyP99Ms: number;
  latencyAverageMs: number;
  non2xx: number;
  errors: number;
}

/** What a browser sends. */
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br, zstd" };

async function load(url: string, p: string, connections: number, duration: number): Promise<Figures> {
  const r = await autocannon({ url, connections, duration, headers: BROWSER_HEADERS });
  return {
    path: p,
    requestsPerSecond: Math.round(r.requests.average),
    latencyP99Ms: r.latency.p99,
    latencyAverageMs: r.latency.average,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/**
 * Waits until the server has worked off what the last load left queued (autocannon stops sending,
 * the server still answers the requests in flight): the stylesheet answers within 20 ms again.
 */
async function drain(base: string): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const t0 = performance.now();
    await (await fetch(`${base}/static/site.css`)).arrayBuffer();
    if (performance.now() - t0 < 20) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main(): Promise<void> {
  const posts = Math.round(arg("posts", 300));
  if (process.argv.includes("--serve")) return serveSeeded(posts);
  const duration = arg("duration", 10);
  const connections = arg("connections", 50);
  const rounds = arg("rounds", 2);
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), "--serve", "--posts", String(posts)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
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
    const targets = ["/static/site.css", "/blog", `/blog/post-${posts - 1}`, "/blog/feed.atom"];
    const sizes: Record<string, number> = {};
    for (const t of targets) {
      const res = await fetch(`${base}${t}`, { headers: { "accept-encoding": "identity" } });
      if (res.status !== 200) throw new Error(`${t} answered ${res.status}`);
      sizes[t] = (await res.arrayBuffer()).byteLength;
      await load(`${base}${t}`, t, connections, 1); // warm-up
      await drain(base);
    }
    // The machine is shared: the targets take turns, so a burst of load elsewhere hits them alike.
    const perRound: Figures[][] = targets.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [i, t] of targets.entries()) {
        perRound[i]?.push(await load(`${base}${t}`, t, connections, duration / rounds));
        await drain(base);
      }
    }
    const results = targets.map((t, i) => {
      const runs = perRound[i] ?? [];
      const mean = (f: (x: Figures) => number) =>
        runs.reduce((s, x) => s + f(x), 0) / Math.max(1, runs.length);
      return {
        path: t,
        bytes: sizes[t] ?? 0,
        requestsPerSecond: Math.round(mean((x) => x.requestsPerSecond)),
        latencyP99Ms: Math.max(...runs.map((x) => x.latencyP99Ms)),
        latencyAverageMs: Number(mean((x) => x.latencyAverageMs).toFixed(2)),
        non2xx: runs.reduce((s, x) => s + x.non2xx, 0),
        errors: runs.reduce((s, x) => s + x.errors, 0),
      };
    });
    const staticRps = results[0]?.requestsPerSecond || 1;
    const report = {
      benchmark: "blog",
      command: "node --import tsx bench/blog.ts",
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      database: "pglite (embedded, in memory)",
      posts: { published: posts, hidden: Math.ceil(posts / 5) },
      connections,
      durationSeconds: duration,
      rounds,
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
      staticPath: "/static/site.css",
      results: results.map((r) => ({
        ...r,
        ratioToStatic: Number((r.requestsPerSecond / staticRps).toFixed(3)),
      })),
    };
    for (const r of report.results) {
      process.stdout.write(
        `${r.path.padEnd(20)} ${String(r.bytes).padStart(7)} B ${String(r.requestsPerSecond).padStart(7)} req/s  ${r.ratioToStatic}x static  p99 ${r.latencyP99Ms} ms  avg ${r.latencyAverageMs} ms  non-2xx ${r.non2xx}  errors ${r.errors}\n`,
      );
    }
    mkdirSync(path.join(HERE, "results"), { recursive: true });
    const out = path.join(HERE, "results", "blog.json");
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`saved ${path.relative(process.cwd(), out)}\n`);
  } finally {
    proc.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
