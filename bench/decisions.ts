/**
 * Membership decisions under load, on a fresh embedded database (or DATABASE_URL's server):
 *
 *   node --import tsx bench/decisions.ts [--memberships 10000] [--voters 500] [--concurrency 50] [--runs 3]
 *
 * 1. The term sweep over N memberships (a third lapsed, a third due a reminder, a third later),
 *    against a baseline in the same run: a plain bulk insert of the same N role periods.
 * 2. Casting ballots: V voters cast at once (p-limit concurrency C) on one open vote and on one
 *    secret vote, against a baseline in the same run: V plain single-row inserts at the same
 *    concurrency into a scratch table.
 * Prints the figures and saves them to bench/results/decisions.json (decisions-postgres.json when
 * DATABASE_URL points at a server).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pLimit from "p-limit";
import { addDays, CLI_DECISION_ACTOR, castBallot, openVote, sweepTerms } from "../src/governance/index.ts";
import { FixedClock } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import { type Database, openDatabase, schema } from "../src/platform/db/index.ts";
import { intArg as arg, median, round } from "./figures.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

const MEMBERSHIPS = arg("memberships", 10_000);
const VOTERS = arg("voters", 500);
const CONCURRENCY = arg("concurrency", 50);
const RUNS = arg("runs", 3);
const TODAY = "2026-03-01";
const CHUNK = 1000;

const config = loadConfig();
const database: Database = config.databaseUrl
  ? await openDatabase({ databaseUrl: config.databaseUrl, poolSize: CONCURRENCY })
  : await openDatabase({ memory: true });
const clock = new FixedClock(`${TODAY}T12:00:00Z`);
const deps = { database, clock };
const db = database.db;
const now = clock.now();
const tag = Date.now().toString(36);

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

// ---- setup: groups and people ----
const groupCount = Math.max(1, Math.round(MEMBERSHIPS / 100));
const charter = (slug: string) => ({
  slug,
  name: slug,
  kind: "working-group",
  status: "active",
  scope: null,
  roles: { chair: [], coChair: [], boardLiaison: [], steeringCouncilLiaison: [], other: [] },
  members: [],
  alumni: [],
  termMonths: 12,
  termWindow: null,
  membershipModel: "direct",
  removalRule: null,
  eligibility: null,
  howToJoin: null,
  budget: null,
  channels: [],
  meetingCadence: "monthly",
  reportingCadence: null,
  delegated: [],
  boardActions: [],
  missing: [],
  warnings: [],
});
const groupRows = await db
  .insert(schema.groups)
  .values(
    Array.from({ length: groupCount + 2 }, (_, i) => {
      const slug = `bench-${tag}-${i}`;
      return {
        slug,
        name: slug,
        kind: "working-group" as const,
        status: "active" as const,
        charter: charter(slug),
        createdAt: now,
        updatedAt: now,
      };
    }),
  )
  .returning({ id: schema.groups.id });
const personIds: number[] = [];
await insertChunks(
  Array.from({ length: Math.max(MEMBERSHIPS, VOTERS + 100) }, (_, i) => ({
    slug: `bench-${tag}-p${i}`,
    name: `Person ${i}`,
    createdAt: now,
  })),
  async (chunk) => {
    for (const r of await db.insert(schema.people).values(chunk).returning({ id: schema.people.id }))
      personIds.push(r.id);
  },
);

// ---- 1. term sweep ----
const periodRows = Array.from({ length: MEMBERSHIPS }, (_, i) => {
  const third = i % 3;
  const termEndsOn =
    third === 0
      ? addDays(TODAY, -(i % 20))
      : third === 1
        ? addDays(TODAY, 1 + (i % 29))
        : addDays(TODAY, 60 + (i % 200));
  return {
    groupId: groupRows[i % groupCount]?.id ?? 0,
    personId: personIds[i] ?? 0,
    role: "member" as const,
    startedOn: "2025-01-01",
    termEndsOn,
    reason: "bench",
    decisionRef: "bench",
    createdAt: now,
  };
});
const sweep: Array<{
  insertMs: number;
  sweepMs: number;
  againMs: number;
  lapsed: number;
  reminded: number;
  notified: number;
}> = [];
for (let run = 0; run < RUNS; run++) {
  await db.delete(schema.termReminders);
  // The sweep writes its reminders to the outbox; each run starts with an empty one.
  await db.delete(schema.notifications);
  await db.delete(schema.rolePeriods);
  let t = performance.now();
  await insertChunks(periodRows, (chunk) => db.insert(schema.rolePeriods).values(chunk));
  const insertMs = performance.now() - t;
  t = performance.now();
  const first = await sweepTerms({ deps });
  const sweepMs = performance.now() - t;
  t = performance.now();
  const again = await sweepTerms({ deps });
  const againMs = performance.now() - t;
  if (again.lapsed !== 0 || again.reminded !== 0) throw new Error("the sweep is not idempotent");
  sweep.push({
    insertMs,
    sweepMs,
    againMs,
    lapsed: first.lapsed,
    reminded: first.reminded,
    notified: first.notified,
  });
  console.log(
    `sweep run ${run + 1}: insert ${round(insertMs)} ms, sweep ${round(sweepMs)} ms (${first.lapsed} lapsed, ${first.reminded} reminded, ${first.notified} notifications written), again ${round(againMs)} ms`,
  );
}

// ---- 2. ballots under load ----
await db.delete(schema.rolePeriods);
const voteGroup = groupRows[groupCount]?.id ?? 0;
const secretGroup = groupRows[groupCount + 1]?.id ?? 0;
// 600 members, 500 vote 210 yes / 190 no / 100 abstain: never settled early, so every ballot counts.
const electorate = personIds.slice(0, Math.ceil(VOTERS * 1.2));
for (const g of [voteGroup, secretGroup]) {
  await insertChunks(
    electorate.map((personId) => ({
      groupId: g,
      personId,
      role: "member" as const,
      startedOn: "2025-01-01",
      createdAt: now,
    })),
    (chunk) => db.insert(schema.rolePeriods).values(chunk),
  );
}
const choiceFor = (i: number) => (i % 50 < 21 ? "yes" : i % 50 < 40 ? "no" : "abstain");
await database.exec(
  "create table if not exists bench_plain (id serial primary key, vote_id integer, person_id integer, choice text)",
);

async function timed(tasks: Array<() => Promise<unknown>>) {
  const limit = pLimit(CONCURRENCY);
  const latencies: number[] = [];
  const t = performance.now();
  await Promise.all(
    tasks.map((task) =>
      limit(async () => {
        const s = performance.now();
        await task();
        latencies.push(performance.now() - s);
      }),
    ),
  );
  const total = performance.now() - t;
  return {
    totalMs: round(total),
    perSecond: Math.round((tasks.length / total) * 1000),
    p50Ms: round(median(latencies)),
    p95Ms: round(pct(latencies, 95)),
  };
}

const ballots: Array<Record<string, unknown>> = [];
for (let run = 0; run < RUNS; run++) {
  const closesAt = new Date(now.getTime() + 7 * 86_400_000).toISOString();
  const open = await openVote({
    deps,
    actor: CLI_DECISION_ACTOR,
    input: { group: voteGroup, kind: "proposal", title: `open ${run}`, closesAt },
  });
  const secret = await openVote({
    deps,
    actor: CLI_DECISION_ACTOR,
    input: { group: secretGroup, kind: "proposal", title: `secret ${run}`, closesAt, secrecy: "secret" },
  });
  const voters = electorate.slice(0, VOTERS);
  const baseline = await timed(
    voters.map(
      (personId, i) => () =>
        database.query("insert into bench_plain (vote_id, person_id, choice) values ($1, $2, $3)", [
          run,
          personId,
          choiceFor(i),
        ]),
    ),
  );
  const openRes = await timed(
    voters.map(
      (personId, i) => () =>
        castBallot({
          deps,
          actor: { userId: null, personId, label: "bench" },
          input: { voteId: open.id, choice: choiceFor(i) },
        }),
    ),
  );
  const secretRes = await timed(
    voters.map(
      (personId, i) => () =>
        castBallot({
          deps,
          actor: { userId: null, personId, label: "bench" },
          input: { voteId: secret.id, choice: choiceFor(i) },
        }),
    ),
  );
  const [row] = await database.query<{ yes: number; no: number; abstain: number }>(
    "select yes, no, abstain from votes where id = $1",
    [open.id],
  );
  const expected = {
    yes: voters.filter((_, i) => choiceFor(i) === "yes").length,
    no: voters.filter((_, i) => choiceFor(i) === "no").length,
  };
  if (row?.yes !== expected.yes || row?.no !== expected.no)
    throw new Error(`tally mismatch: ${JSON.stringify(row)} vs ${JSON.stringify(expected)}`);
  ballots.push({ run: run + 1, baseline, open: openRes, secret: secretRes });
  console.log(
    `ballots run ${run + 1}: plain inserts ${baseline.totalMs} ms (${baseline.perSecond}/s), open ballots ${openRes.totalMs} ms (${openRes.perSecond}/s, p95 ${openRes.p95Ms} ms), secret ${secretRes.totalMs} ms (${secretRes.perSecond}/s)`,
  );
}

const med = (xs: number[]) => round(median(xs));
const summary = {
  sweep: {
    memberships: MEMBERSHIPS,
    lapsed: sweep[0]?.lapsed,
    reminded: sweep[0]?.reminded,
    baselineInsertMs: med(sweep.map((s) => s.insertMs)),
    sweepMs: med(sweep.map((s) => s.sweepMs)),
    secondSweepMs: med(sweep.map((s) => s.againMs)),
    ratio: round(median(sweep.map((s) => s.sweepMs / s.insertMs))),
  },
  ballots: {
    voters: VOTERS,
    concurrency: CONCURRENCY,
    baselinePlainInsertMs: med(ballots.map((b) => (b.baseline as { totalMs: number }).totalMs)),
    openBallotsMs: med(ballots.map((b) => (b.open as { totalMs: number }).totalMs)),
    secretBallotsMs: med(ballots.map((b) => (b.secret as { totalMs: number }).totalMs)),
    openP95Ms: med(ballots.map((b) => (b.open as { p95Ms: number }).p95Ms)),
    ratioOpen: round(
      median(
        ballots.map(
          (b) => (b.open as { totalMs: number }).totalMs / (b.baseline as { totalMs: number }).totalMs,
        ),
      ),
    ),
  },
};
const result = {
  benchmark: "decisions",
  measuredAt: new Date().toISOString(),
  node: process.version,
  driver: database.driver,
  cpus: os.cpus().length,
  loadAverage: os.loadavg().map((l) => round(l)),
  runs: RUNS,
  summary,
  sweepRuns: sweep.map((s) => ({
    ...s,
    insertMs: round(s.insertMs),
    sweepMs: round(s.sweepMs),
    againMs: round(s.againMs),
  })),
  ballotRuns: ballots,
};
console.log(JSON.stringify(summary, null, 2));
mkdirSync(path.join(HERE, "results"), { recursive: true });
// The embedded database's figures are the reference; a server run is kept beside them.
const file = database.driver === "postgres" ? "decisions-postgres.json" : "decisions.json";
writeFileSync(path.join(HERE, "results", file), `${JSON.stringify(result, null, 2)}\n`);
await database.close();
