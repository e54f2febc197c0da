/**
 * The stalled view over 10,000 requests between groups, as a ratio to a static page (the
 * stylesheet) served by the same application in the same run.
 *
 *   node --import tsx bench/stalled.ts [--runs 10] [--requests 10000] [--groups 20]
 *
 * An embedded database holds `--groups` groups (the test factories' charters) and `--requests`
 * requests between them, generated from their index: a third still waiting past their deadline
 * (some without an owner, some acknowledged), a tenth private, the rest answered after 1 to 60
 * days (so every group pair has medians by month for the chart) or expired. Each run requests
 * `/requests/stalled`, `GET /api/requests?state=stalled` and `/static/site.css` through the
 * application (no network), interleaved; the medians, the sizes and the ratios are printed and
 * saved to bench/results/stalled.json.
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
import { insertGroup } from "../test/factories/governance.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isInteger(v) && v > 0 ? v : fallback;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const runs = arg("runs", 10);
const total = arg("requests", 10_000);
const groupCount = Math.max(2, arg("groups", 20));

const TODAY = "2026-12-03";
const clock = new FixedClock(`${TODAY}T12:00:00Z`);
const database = await openDatabase({ memory: true });
const config = loadConfig({
  NODE_ENV: "test",
  LOG_LEVEL: "silent",
  GUILDHALL_SESSION_SECRET: "bench-secret",
});
const services = await createServices(config, { database, clock });
const app = createApplication(services);

const groups: Array<{ id: number; owner: number | null }> = [];
for (let g = 0; g < groupCount; g++) {
  const inserted = await insertGroup(database.db, { slug: `bench-group-${g}` });
  groups.push({ id: inserted.id, owner: inserted.people.values().next().value ?? null });
}

const DAY_MS = 86_400_000;
const base = clock.now().getTime();
const dayOffset = (days: number) => new Date(base + days * DAY_MS);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

let waiting = 0;
const rows: Array<typeof schema.groupRequests.$inferInsert> = [];
for (let i = 0; i < total; i++) {
  const from = groups[i % groupCount];
  const to = groups[(i * 7 + 1) % groupCount];
  if (!from || !to) throw new Error("no group");
  const target = to.id === from.id ? groups[(i + 1) % groupCount] : to;
  const openedAt = dayOffset(-(i % 540) - 10);
  const deadline = isoDay(new Date(openedAt.getTime() + 14 * DAY_MS));
  const kind = i % 3; // 0: waiting, 1: answered, 2: answered or expired
  const answeredAfter = 1 + (i % 60);
  const answered = kind !== 0 && !(kind === 2 && i % 5 === 0);
  if (kind === 0) waiting++;
  rows.push({
    fromGroupId: from.id,
    targetKind: "group",
    targetGroupId: target?.id ?? null,
    kind: (["review", "decision", "information", "access"] as const)[i % 4] ?? "review",
    title: `Request ${i}: a review of the plan for item ${i % 97}`,
    answerNeeded: i % 2 === 0 ? "approval" : "comment",
    deadline,
    visibility: i % 10 === 0 ? "private" : "public",
    state: kind === 0 ? (i % 4 === 0 ? "acknowledged" : "open") : answered ? "answered" : "expired",
    outcome: answered ? (i % 2 === 0 ? "approved" : "commented") : null,
    answeredAt: answered ? new Date(openedAt.getTime() + answeredAfter * DAY_MS) : null,
    acknowledgedAt: kind === 0 && i % 4 === 0 ? new Date(openedAt.getTime() + DAY_MS) : null,
    ownerPersonId: i % 9 === 0 ? null : from.owner,
    openedAt,
    updatedAt: openedAt,
  });
}
for (let i = 0; i < rows.length; i += 1000) {
  await database.db.insert(schema.groupRequests).values(rows.slice(i, i + 1000));
}

async function time(url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t0 = performance.now();
  const res = await app.request(url);
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, bytes: body.byteLength, status: res.status };
}

const PAGE = "/requests/stalled";
const API = "/api/requests?state=stalled";
for (const u of [PAGE, API, "/static/site.css"]) {
  const w = await time(u);
  if (w.status !== 200) throw new Error(`${u}: ${w.status}`);
}
const pageMs: number[] = [];
const apiMs: number[] = [];
const staticMs: number[] = [];
let pageBytes = 0;
let apiBytes = 0;
for (let i = 0; i < runs; i++) {
  const p = await time(PAGE);
  pageMs.push(p.ms);
  pageBytes = p.bytes;
  const a = await time(API);
  apiMs.push(a.ms);
  apiBytes = a.bytes;
  staticMs.push((await time("/static/site.css")).ms);
}
const listed = (await (await app.request(API)).json()) as { requests: unknown[] };
const result = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  loadAverage: os.loadavg()[0],
  requests: total,
  groups: groupCount,
  waitingGenerated: waiting,
  stalledListedToAnonymous: listed.requests.length,
  runs,
  pageMedianMs: Number(median(pageMs).toFixed(1)),
  pageWorstMs: Number(Math.max(...pageMs).toFixed(1)),
  pageBytes,
  apiMedianMs: Number(median(apiMs).toFixed(1)),
  apiBytes,
  staticMedianMs: Number(median(staticMs).toFixed(2)),
  pageRatio: Number((median(pageMs) / median(staticMs)).toFixed(1)),
  apiRatio: Number((median(apiMs) / median(staticMs)).toFixed(1)),
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(path.join(HERE, "results"), { recursive: true });
writeFileSync(path.join(HERE, "results/stalled.json"), `${JSON.stringify(result, null, 2)}\n`);
await database.close();
