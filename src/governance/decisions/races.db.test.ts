/**
 * Parallel requests that used to leave duplicates: many applications by one person at once,
 * identical removal votes opened at once, admit votes opened at once (each passing and starting
 * its own member period), and overlapping role periods recorded at once. The database refuses the
 * duplicates (unique and exclusion constraints); the losers get a 409, never a 500. PGlite runs
 * one transaction at a time, so these races only bite on PostgreSQL; they run on both.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createMemberAccount } from "../../../test/factories/accounts.ts";
import { CLI_ACTOR } from "../../kernel/index.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema, toAppError } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import { recordRolePeriod } from "../accounts/record-role-period.ts";
import { charterWith, groupWithMembers, makePeople } from "./decisions.fixtures.ts";

const clock = new FixedClock("2026-03-01T12:00:00Z");
let database: Database;
let app: Hono<AppEnv>;
let groupId = 0;
let members: number[] = [];
const tokens = new Map<number, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await createTestApplication(database, {}, clock));
  const race = await groupWithMembers(
    database,
    charterWith({ slug: "race", name: "Race", termMonths: 12 }),
    5,
    {
      chair: true,
    },
  );
  groupId = race.group.id;
  members = race.ids;
  for (const personId of [...members, ...(await makePeople(database, 3, "race-newcomer"))]) {
    const { token } = await createMemberAccount({ db: database.db, clock }, `race-${personId}`, personId);
    tokens.set(personId, token);
  }
});

afterAll(async () => {
  await database?.close();
});

async function post(personId: number, path: string, json: unknown): Promise<Response> {
  return app.request(path, {
    method: "POST",
    headers: { authorization: `Bearer ${tokens.get(personId)}`, "content-type": "application/json" },
    body: JSON.stringify(json),
  });
}

/** Fires `n` requests at once and counts the answers by status. */
async function burst(n: number, send: (i: number) => Promise<Response>): Promise<Record<number, number>> {
  const responses = await Promise.all(Array.from({ length: n }, (_, i) => send(i)));
  const counts: Record<number, number> = {};
  for (const res of responses) {
    counts[res.status] = (counts[res.status] ?? 0) + 1;
    await res.arrayBuffer();
  }
  return counts;
}

const newcomer = (i: number) => [...tokens.keys()][members.length + i] ?? 0;
const at = (i: number) => members[i] ?? 0;

describe("parallel requests leave no duplicates", () => {
  it("20 applications by one person at once: one pending, 19 conflicts", async () => {
    const applicant = newcomer(0);
    const counts = await burst(20, () =>
      post(applicant, "/api/groups/race/applications", {
        statement: "I would like to help",
        skills: "reviewing",
        timeCommitment: "2 hours a week",
      }),
    );
    expect(counts).toEqual({ 201: 1, 409: 19 });
    const open = await database.db
      .select()
      .from(schema.membershipApplications)
      .where(
        and(
          eq(schema.membershipApplications.personId, applicant),
          inArray(schema.membershipApplications.status, ["pending", "voting"]),
        ),
      );
    expect(open).toHaveLength(1);
  });

  it("10 identical removal votes at once: one open, 9 conflicts", async () => {
    const counts = await burst(10, (i) =>
      post(at(i % 4), "/api/groups/race/votes", {
        kind: "remove-member",
        subjectPersonId: at(4),
        closesAt: "2026-03-10T12:00:00Z",
      }),
    );
    expect(counts).toEqual({ 201: 1, 409: 9 });
    const open = await database.db
      .select()
      .from(schema.votes)
      .where(and(eq(schema.votes.subjectPersonId, at(4)), eq(schema.votes.status, "open")));
    expect(open).toHaveLength(1);
  });

  it("5 admit votes opened at once, all voted through: one vote, one member period", async () => {
    const candidate = newcomer(1);
    const counts = await burst(5, (i) =>
      post(at(i), "/api/groups/race/votes", {
        kind: "admit-member",
        subjectPersonId: candidate,
        closesAt: "2026-03-10T12:00:00Z",
      }),
    );
    expect(counts).toEqual({ 201: 1, 409: 4 });
    const opened = await database.db
      .select()
      .from(schema.votes)
      .where(and(eq(schema.votes.subjectPersonId, candidate), eq(schema.votes.kind, "admit-member")));
    expect(opened).toHaveLength(1);
    // Everyone votes yes on every vote that opened, at once; an open ballot closes when decided.
    const ballots = await burst(opened.length * 5, (i) =>
      post(at(i % 5), `/api/votes/${opened[Math.floor(i / 5)]?.id}/ballots`, { choice: "yes" }),
    );
    expect(ballots[500] ?? 0).toBe(0);
    const periods = await database.db
      .select()
      .from(schema.rolePeriods)
      .where(and(eq(schema.rolePeriods.personId, candidate), eq(schema.rolePeriods.groupId, groupId)));
    expect(periods.map((p) => p.role)).toEqual(["member"]);
  });

  it("5 decisions started at once on one application: one admit vote", async () => {
    const applicant = newcomer(2);
    const applied = await post(applicant, "/api/groups/race/applications", {
      statement: "me too",
      skills: "triage",
      timeCommitment: "an hour",
    });
    expect(applied.status).toBe(201);
    const { applicationId } = ((await applied.json()) as { application: { applicationId: number } })
      .application;
    const counts = await burst(5, (i) =>
      post(at(i), `/api/applications/${applicationId}/vote`, { closesAt: "2026-03-10T12:00:00Z" }),
    );
    expect(counts[201]).toBe(1);
    expect((counts[409] ?? 0) + (counts[201] ?? 0)).toBe(5);
    const votes = await database.db
      .select()
      .from(schema.votes)
      .where(eq(schema.votes.applicationId, applicationId));
    expect(votes).toHaveLength(1);
  });

  it("overlapping periods of one role recorded at once: one stands, the others are conflicts", async () => {
    const person = newcomer(0);
    /** Records a co-chair period of the person. */
    const coChairPeriod = (period: { startedOn: string; endedOn?: string; reason: string }) =>
      recordRolePeriod({
        db: database.db,
        now: clock.now(),
        by: CLI_ACTOR,
        groupId,
        personId: person,
        role: "co-chair",
        ...period,
      });
    const results = await Promise.allSettled(
      ["2026-01-01", "2026-02-01", "2026-02-15", "2025-06-01", "2026-01-20"].map((startedOn) =>
        coChairPeriod({ startedOn, reason: "race" }),
      ),
    );
    const refused = results.flatMap((r) => (r.status === "rejected" ? [toAppError(r.reason)] : []));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(refused.map((e) => [e.code, e.status])).toEqual(Array(4).fill(["conflict", 409]));
    expect(refused[0]?.message).toContain("periods of one role may not overlap");
    // Periods that do not overlap are fine: an earlier, ended one.
    const stood = await database.db
      .select()
      .from(schema.rolePeriods)
      .where(and(eq(schema.rolePeriods.personId, person), eq(schema.rolePeriods.role, "co-chair")));
    const start = stood[0]?.startedOn ?? "";
    await coChairPeriod({ startedOn: "2020-01-01", endedOn: start, reason: "earlier term" });
  });
});
