/**
 * The editorial calendar's month view over 5,000 content items, as a ratio to a static page (the
 * stylesheet) served by the same application in the same run.
 *
 *   node --import tsx bench/calendar.ts [--runs 10] [--items 5000]
 *
 * An embedded database holds `--items` items spread over the 92 days from 1 November 2026 across
 * every channel: two fifths published, three tenths scheduled, the rest drafts on a planned day.
 * Each run requests the December month view, the same view filtered to one channel, the
 * iCalendar feed (every scheduled and published item; its first, rendering request is reported
 * apart, as later ones reuse it) and `/static/site.css` through the
 * application (no network), interleaved, as an anonymous visitor; the medians, sizes and ratios
 * are printed and saved to bench/results/calendar.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createApplication } from "../src/app.ts";
import { FixedClock } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import { openDatabase, schema } from "../src/platform/db/index.ts";
import { createServices } from "../src/platform/services.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isInteger(v) && v > 0 ? v : fallback;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const runs = arg("runs", 10);
const total = arg("items", 5000);

const clock = new FixedClock("2026-11-21T12:00:00Z");
const database = await openDatabase({ memory: true });
const config = loadConfig({
  NODE_ENV: "test",
  LOG_LEVEL: "silent",
  GUILDHALL_SESSION_SECRET: "bench-secret",
});
const services = await createServices(config, { database, clock });
const app = createApplication(services);

const KINDS: Array<[string, string | null]> = [
  ["blog-post", null],
  ["www-page", null],
  ["fundraising-page", null],
  ["docs-contribution", null],
  ["social-post", "mastodon"],
  ["social-post", "bluesky"],
  ["social-post", "linkedin"],
  ["community-announcement", "forum"],
  ["community-announcement", "discord"],
  ["event-collateral", null],
];
const DAY_MS = 86_400_000;
const start = new Date("2026-11-01T00:00:00Z").getTime();
const rows: Array<typeof schema.marketingItems.$inferInsert> = [];
for (let i = 0; i < total; i++) {
  const [kind, network] = KINDS[i % KINDS.length] ?? ["blog-post", null];
  const at = new Date(start + (i % 92) * DAY_MS + ((i * 37) % 24) * 3_600_000);
  const pick = i % 10;
  const state = pick < 4 ? "published" : pick < 7 ? "scheduled" : "draft";
  rows.push({
    kind,
    network,
    state,
    title: `Item ${i}: news about Django for channel ${kind}`,
    slug: kind === "blog-post" ? `bench-${i}` : null,
    body: "Body.",
    createdByName: "bench",
    createdAt: clock.now(),
    updatedAt: clock.now(),
    publishedAt: state === "published" ? at : null,
    scheduledFor: state === "scheduled" ? at : null,
    plannedOn: state === "draft" ? at.toISOString().slice(0, 10) : null,
  });
}
for (let i = 0; i < rows.length; i += 1000) {
  await database.db.insert(schema.marketingItems).values(rows.slice(i, i + 1000));
}

async function time(url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t0 = performance.now();
  const res = await app.request(url);
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, bytes: body.byteLength, status: res.status };
}

const MONTH = "/marketing/calendar?view=month&date=2026-12-01";
const CHANNEL = `${MONTH}&channel=blog`;
const FEED = "/marketing/calendar.ics";
const CSS = "/static/site.css";
// The first request of each also warms up; the feed's first one renders it (later ones reuse it).
const first: Record<string, number> = {};
for (const u of [MONTH, CHANNEL, FEED, CSS]) {
  const w = await time(u);
  if (w.status !== 200) throw new Error(`${u}: ${w.status}`);
  first[u] = Number(w.ms.toFixed(1));
}
const ms: Record<string, number[]> = { month: [], channel: [], feed: [], css: [] };
const bytes: Record<string, number> = {};
for (let i = 0; i < runs; i++) {
  for (const [key, url] of [
    ["month", MONTH],
    ["channel", CHANNEL],
    ["feed", FEED],
    ["css", CSS],
  ] as const) {
    const t = await time(url);
    ms[key]?.push(t.ms);
    bytes[key] = t.bytes;
  }
}
const m = (k: string) => median(ms[k] ?? []);
const result = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  loadAverage: os.loadavg()[0],
  items: total,
  runs,
  monthMedianMs: Number(m("month").toFixed(1)),
  monthWorstMs: Number(Math.max(...(ms.month ?? [])).toFixed(1)),
  monthBytes: bytes.month,
  channelMedianMs: Number(m("channel").toFixed(1)),
  channelBytes: bytes.channel,
  feedFirstMs: first[FEED],
  feedMedianMs: Number(m("feed").toFixed(1)),
  feedBytes: bytes.feed,
  staticMedianMs: Number(m("css").toFixed(2)),
  monthRatio: Number((m("month") / m("css")).toFixed(1)),
  channelRatio: Number((m("channel") / m("css")).toFixed(1)),
  feedRatio: Number((m("feed") / m("css")).toFixed(1)),
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(path.join(HERE, "results"), { recursive: true });
writeFileSync(path.join(HERE, "results/calendar.json"), `${JSON.stringify(result, null, 2)}\n`);
await database.close();
