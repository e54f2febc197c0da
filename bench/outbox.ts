/**
 * The notification outbox, on a fresh embedded database (or DATABASE_URL's server):
 *
 *   node --import tsx bench/outbox.ts [--messages 2000] [--concurrency 4] [--runs 3]
 *
 * 1. Writing: `notify` of N notifications in one transaction, against a baseline in the same run:
 *    a bulk insert of N rows of the same size into a scratch table.
 * 2. Delivering: N notifications through a local SMTP server (smtp-server on loopback), rounds of
 *    100 at concurrency C, against a baseline in the same run: the same N messages sent straight
 *    through the mailer at concurrency C, with no outbox.
 * Prints the figures and saves them to bench/results/outbox.json (outbox-postgres.json on a server).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pLimit from "p-limit";
import { z } from "zod";
import { defineTemplate, deliverNotifications, notify, templateRegistry } from "../src/kernel/index.ts";
import { FixedClock } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import { type Database, openDatabase, schema } from "../src/platform/db/index.ts";
import { captureMailer, startSmtpCapture } from "../test/smtp-capture.ts";
import { intArg as arg, median, round } from "./figures.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));

const MESSAGES = arg("messages", 2000);
const CONCURRENCY = arg("concurrency", 4);
const RUNS = arg("runs", 3);

const template = defineTemplate({
  id: "bench.note",
  data: z.object({ name: z.string(), slug: z.string() }),
  render: (d, t) => ({
    subject: `A note for ${d.name}`,
    text: `Hello ${d.name}, see ${t.url(`/groups/${d.slug}`)}`,
  }),
});

const config = loadConfig();
const database: Database = config.databaseUrl
  ? await openDatabase({ databaseUrl: config.databaseUrl })
  : await openDatabase({ memory: true });
const clock = new FixedClock("2026-03-01T12:00:00Z");
const smtp = await startSmtpCapture();
const mailer = captureMailer(smtp, "bench@example.org");
const deps = {
  database,
  clock,
  mailer,
  config: { baseUrl: "https://guildhall.example" },
  notificationTemplates: templateRegistry([template]),
};
await database.exec(
  "CREATE TABLE IF NOT EXISTS bench_rows (id serial PRIMARY KEY, key text UNIQUE, data jsonb)",
);

const runs: Array<{
  notifyMs: number;
  insertMs: number;
  deliverMs: number;
  directMs: number;
  rounds: number;
}> = [];
for (let run = 0; run < RUNS; run++) {
  await database.db.delete(schema.notifications);
  await database.exec("TRUNCATE bench_rows");
  smtp.messages.length = 0;
  const items = Array.from({ length: MESSAGES }, (_, i) => ({
    to: { address: `member-${i}@example.org` },
    data: { name: `Member ${i}`, slug: `group-${i % 40}` },
    dedupeKey: `bench:${run}:${i}`,
  }));

  let t = performance.now();
  await database.db.transaction((tx) => notify(tx, { kind: "bench.note", template, items, at: clock.now() }));
  const notifyMs = performance.now() - t;
  t = performance.now();
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < items.length; i += 1000) {
      const values = items
        .slice(i, i + 1000)
        .map((it, j) => `('${it.dedupeKey}', '${JSON.stringify({ ...it.data, n: i + j })}'::jsonb)`);
      await tx.execute(`INSERT INTO bench_rows (key, data) VALUES ${values.join(",")}`);
    }
  });
  const insertMs = performance.now() - t;

  t = performance.now();
  let rounds = 0;
  for (;;) {
    const r = await deliverNotifications({ deps, limit: 100, concurrency: CONCURRENCY });
    rounds++;
    if (r.claimed === 0) break;
  }
  const deliverMs = performance.now() - t;
  if (smtp.messages.length !== MESSAGES) throw new Error(`delivered ${smtp.messages.length} of ${MESSAGES}`);

  smtp.messages.length = 0;
  const limit = pLimit(CONCURRENCY);
  t = performance.now();
  await Promise.all(
    items.map((it) =>
      limit(() =>
        mailer.send({
          to: it.to.address,
          subject: `A note for ${it.data.name}`,
          text: `Hello ${it.data.name}, see https://guildhall.example/groups/${it.data.slug}`,
        }),
      ),
    ),
  );
  const directMs = performance.now() - t;
  runs.push({ notifyMs, insertMs, deliverMs, directMs, rounds });
  console.log(
    `run ${run + 1}: notify ${round(notifyMs)} ms vs insert ${round(insertMs)} ms; deliver ${round(deliverMs)} ms (${rounds} rounds) vs direct ${round(directMs)} ms`,
  );
}

const result = {
  measuredAt: new Date().toISOString(),
  driver: database.driver,
  node: process.version,
  loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  messages: MESSAGES,
  concurrency: CONCURRENCY,
  runs,
  median: {
    notifyMs: round(median(runs.map((r) => r.notifyMs))),
    insertMs: round(median(runs.map((r) => r.insertMs))),
    writeRatio: round(median(runs.map((r) => r.notifyMs / r.insertMs))),
    deliverMs: round(median(runs.map((r) => r.deliverMs))),
    directMs: round(median(runs.map((r) => r.directMs))),
    deliverRatio: round(median(runs.map((r) => r.deliverMs / r.directMs))),
    deliveredPerSecond: round(MESSAGES / (median(runs.map((r) => r.deliverMs)) / 1000)),
  },
};
console.log(JSON.stringify(result.median));
mkdirSync(path.join(HERE, "results"), { recursive: true });
writeFileSync(
  path.join(HERE, "results", database.driver === "postgres" ? "outbox-postgres.json" : "outbox.json"),
  `${JSON.stringify(result, null, 2)}\n`,
);
await smtp.close();
await database.close();
