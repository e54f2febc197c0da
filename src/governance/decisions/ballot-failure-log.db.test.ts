/**
 * A ballot statement that fails (a trigger raising on purpose; on PostgreSQL also a lock timeout
 * behind another transaction's uncommitted ballot) leaves no voter-with-choice, and no choice at
 * all, in the log: statement parameters and PostgreSQL's key details are redacted everywhere.
 */
import type { Hono } from "hono";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres } from "../../../test/db.ts";
import { createTestAccount } from "../../../test/factories/accounts.ts";
import { createApplication } from "../../app.ts";
import { FixedClock } from "../../platform/clock.ts";
import { loadConfig } from "../../platform/config.ts";
import { type Database, openDatabase } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import { createLogger } from "../../platform/log.ts";
import { createServices } from "../../platform/services.ts";
import { addToGroup, charterWith, makeGroup, makePeople } from "./decisions.fixtures.ts";

const clock = new FixedClock("2026-03-01T12:00:00Z");
const logLines: string[] = [];
let database: Database;
let app: Hono<AppEnv>;
let people: number[] = [];
const tokens: string[] = [];
let slug = "";

async function build(db: Database): Promise<Hono<AppEnv>> {
  const config = loadConfig({ NODE_ENV: "test", GUILDHALL_SESSION_SECRET: "s", LOG_LEVEL: "info" });
  const log = createLogger(config, { write: (line: string) => void logLines.push(line) });
  return createApplication(await createServices(config, { database: db, clock, log }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await build(database);
  const group = await makeGroup(database, charterWith({ slug: "secret-log", name: "Secret Log" }));
  slug = group.slug;
  people = await makePeople(database, 4, "secret-log");
  await addToGroup(database, group.id, people);
  for (const [i, personId] of people.entries()) {
    const { token } = await createTestAccount({
      db: database.db,
      clock,
      email: `secret-log-${i}@example.org`,
      personId,
      scopes: ["read", "votes"],
    });
    tokens.push(token);
  }
});

afterAll(async () => {
  await database?.close();
});

const bearer = (i: number) => ({ authorization: `Bearer ${tokens[i]}`, "content-type": "application/json" });

async function openSecretVote(): Promise<number> {
  const res = await app.request(`/api/groups/${slug}/votes`, {
    method: "POST",
    headers: bearer(0),
    body: JSON.stringify({
      kind: "proposal",
      title: "Sensitive",
      closesAt: "2026-03-08T12:00:00Z",
      secrecy: "secret",
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { vote: { id: number } }).vote.id;
}

/** Everything in the log that could pair a voter with a choice, or name a choice at all. */
function leaks(lines: string[], voteId: number, voter: number): string[] {
  const found: string[] = [];
  for (const line of lines) {
    // The statement's values, in drizzle's message ("params: 3,7,2026-03-01,1,0,0") or as an array.
    if (/params: (?!\[redacted\])/.test(line)) found.push(`params line: ${line}`);
    if (/"params":\[/.test(line)) found.push(`params array: ${line}`);
    // The count increments that encode the choice, and the voter beside the vote.
    if (/\b[01],[01],[01]\b/.test(line)) found.push(`choice increments: ${line}`);
    if (line.includes(`${voteId},${voter}`) || line.includes(`(${voteId}, ${voter})`)) {
      found.push(`voter beside vote: ${line}`);
    }
    if (/"detail"/.test(line)) found.push(`detail: ${line}`);
    if (/"choice"\s*:\s*"(yes|no|abstain)"|choice=(yes|no|abstain)/.test(line)) found.push(`choice: ${line}`);
  }
  return found;
}

describe("a failing secret ballot statement is logged without its values", () => {
  it("a trigger refusing the ballot: a 500, logged with the statement text only", async () => {
    const voteId = await openSecretVote();
    await database.exec(`
      create function refuse_ballot() returns trigger language plpgsql as $$
      begin raise exception 'ballot store refused on purpose'; end $$;
      create trigger refuse_ballot before insert on vote_participation
        for each row execute function refuse_ballot();`);
    try {
      logLines.length = 0;
      const res = await app.request(`/api/votes/${voteId}/ballots`, {
        method: "POST",
        headers: bearer(1),
        body: JSON.stringify({ choice: "yes" }),
      });
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(body).not.toMatch(/yes|ballot store|params/);
      const failed = logLines.filter((l) => l.includes("request failed"));
      expect(failed).toHaveLength(1);
      // The log still says what failed: the statement's text and the database's own message.
      expect(failed[0]).toContain("insert into");
      expect(failed[0]).toContain("ballot store refused on purpose");
      expect(failed[0]).toContain("P0001");
      expect(leaks(logLines, voteId, people[1] ?? 0)).toEqual([]);
    } finally {
      await database.exec("drop trigger refuse_ballot on vote_participation; drop function refuse_ballot();");
    }
  });

  it.runIf(onPostgres())(
    "a lock timeout behind another transaction's uncommitted ballot: a 503, logged without values",
    async () => {
      const voteId = await openSecretVote();
      const voter = people[2] ?? 0;
      // The server's connections time out on locks after 300 ms, as a busy production database might.
      const url = new URL(String(database.pool?.options.connectionString));
      url.searchParams.set("options", "-c lock_timeout=300");
      const timed = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 }, { migrate: false });
      const holder = new pg.Client({ connectionString: String(database.pool?.options.connectionString) });
      await holder.connect();
      try {
        const timedApp = await build(timed);
        await holder.query("begin");
        await holder.query(
          "insert into vote_participation (vote_id, person_id, voted_on) values ($1, $2, $3)",
          [voteId, voter, "2026-03-01"],
        );
        logLines.length = 0;
        const res = await timedApp.request(`/api/votes/${voteId}/ballots`, {
          method: "POST",
          headers: bearer(2),
          body: JSON.stringify({ choice: "no" }),
        });
        expect(res.status).toBe(503);
        expect(res.headers.get("retry-after")).toBe("2");
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unavailable");
        const warned = logLines.filter((l) => l.includes("database unavailable"));
        expect(warned).toHaveLength(1);
        expect(warned[0]).toContain("55P03");
        expect(leaks(logLines, voteId, voter)).toEqual([]);
      } finally {
        await holder.query("rollback");
        await holder.end();
        await timed.close();
      }
    },
  );
});
