/**
 * What authentication costs per request: the same tiny route (`/healthz`) anonymous (baseline),
 * with a session cookie and with a bearer token, and `/api/account` (policy actor + account data)
 * with a token; 10 connections for ~5 s each (autocannon), server in this process. Runs on an
 * in-memory embedded database, or on PostgreSQL when DATABASE_URL is set (it adds one user there).
 *
 *   node --import tsx bench/auth.ts [--duration 5] [--connections 10]
 *
 * Prints the figures and saves them to bench/results/auth.json (auth-postgres.json on PostgreSQL).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { CLI_ACTOR, createToken, createUser, startSession } from "../src/kernel/index.ts";
import { loadConfig } from "../src/platform/config.ts";
import { openDatabase } from "../src/platform/db/index.ts";
import { createTestApplication } from "../test/app.ts";
import { autocannon } from "./autocannon.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isFinite(v) && v > 0 ? v : fallback;
}

const duration = arg("duration", 5);
const connections = arg("connections", 10);
const config = loadConfig();
const database = await openDatabase(
  config.databaseUrl ? { databaseUrl: config.databaseUrl } : { memory: true },
);
const { app, services } = await createTestApplication(database, { LOG_LEVEL: "silent" });
const db = database.db;
const now = services.clock.now();
const email = `bench-${Date.now()}@example.org`;
const user = await createUser({ db, now, by: CLI_ACTOR, email, name: "Bench" });
const { token } = await createToken({
  db,
  now,
  by: CLI_ACTOR,
  userId: user.id,
  name: "bench",
  scopes: ["read"],
  expiresInDays: 1,
});
const { sessionId } = await startSession({ db, userId: user.id, method: "email", now, days: 1 });
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((resolve) => server.once("listening", resolve));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

const cases: Array<[string, string, Record<string, string>]> = [
  ["anonymous /healthz (baseline)", "/healthz", {}],
  ["session cookie /healthz", "/healthz", { cookie: `guildhall_session=${sessionId}; guildhall_csrf=bench` }],
  ["bearer token /healthz", "/healthz", { authorization: `Bearer ${token}` }],
  ["bearer token /api/account", "/api/account", { authorization: `Bearer ${token}` }],
];
const results = [];
let baseline = 0;
for (const [label, route, headers] of cases) {
  const r = await autocannon({ url: base + route, headers, connections, duration });
  if (!baseline) baseline = r.requests.average;
  const row = {
    label,
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    ratioToBaseline: Number((baseline / r.requests.average).toFixed(2)),
  };
  results.push(row);
  console.log(JSON.stringify(row));
}
server.close();
await database.close();
const out = {
  at: new Date().toISOString(),
  database: database.driver,
  node: process.version,
  cpus: os.cpus().length,
  loadAverage: os.loadavg()[0],
  duration,
  connections,
  results,
};
mkdirSync(path.join(HERE, "results"), { recursive: true });
const file = database.driver === "postgres" ? "auth-postgres.json" : "auth.json";
writeFileSync(path.join(HERE, "results", file), `${JSON.stringify(out, null, 2)}\n`);
