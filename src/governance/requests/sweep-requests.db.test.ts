/**
 * The request sweep driven by the clock, day by day: the reminder, lazy consensus, each escalation
 * step and expiry happen exactly once, on the day the rules give, each audited and notified to the
 * right people; an answer arriving at the deadline is not overridden by a sweep running at once.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { insertPerson } from "../../../test/factories/governance.ts";
import { askersAndAnswerers } from "../../../test/factories/requests.ts";
import { CLI_ACTOR, grantFoundationRole } from "../../kernel/index.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { CLI_DECISION_ACTOR } from "../decisions/decisions.repo.ts";
import { openRequest } from "./open-request.ts";
import { answerRequest, commentOnRequest } from "./request-records.ts";
import { saveRequestSettings } from "./requests.repo.ts";
import { addDays } from "./rules.ts";
import { defineRequestSubject } from "./subjects.ts";
import { sweepRequests } from "./sweep-requests.ts";

let database: Database;
const clock = new FixedClock("2026-05-01T09:00:00Z");
const people = { askChair: 0, member: 0, ansChair: 0, liaison: 0, ansMember: 0, board: 0, outsider: 0 };
const deps = () => ({ database, clock });
const cli = CLI_DECISION_ACTOR;
const answered: string[] = [];

defineRequestSubject({
  type: "sweep.item",
  load: async () => ({ title: "An item" }),
  link: (id) => `/items/${id}`,
  onAnswered: async ({ subjectId, outcome, byLazyConsensus }) => {
    answered.push(`${subjectId}:${outcome}:${byLazyConsensus}`);
  },
});

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const { answerers, people: groupPeople } = await askersAndAnswerers(db);
  Object.assign(people, groupPeople);
  people.board = (await insertPerson(db, { name: "Bo Ard" })).id;
  people.outsider = (await insertPerson(db, { name: "Out Sider" })).id;
  await grantFoundationRole({
    db,
    now: clock.now(),
    by: CLI_ACTOR,
    personId: people.board,
    role: "board-member",
    startedOn: "2026-01-01",
  });
  await saveRequestSettings(db, { groupId: answerers.id, allowLazyConsensus: true, now: clock.now() });
});

afterAll(async () => {
  await database?.close();
});

beforeEach(() => {
  clock.set("2026-05-01T09:00:00Z");
});

async function open(over: Record<string, unknown> = {}) {
  const actor = { userId: null, personId: people.member, label: "member" };
  const { id } = await openRequest({
    deps: deps(),
    actor,
    from: "askers",
    input: {
      target: "group:answerers",
      kind: "decision",
      title: "Decide on the thing",
      answerNeeded: "approval",
      deadline: "2026-05-11",
      visibility: "private",
      ...over,
    },
  });
  return id;
}

async function eventsOf(id: number) {
  const rows = await database.db
    .select()
    .from(schema.requestEvents)
    .where(eq(schema.requestEvents.requestId, id));
  return rows.map((r) => `${r.kind}@${r.dueOn}:${r.recordedAt.toISOString().slice(0, 10)}`).sort();
}

async function noticesOf(id: number) {
  const rows = await database.db
    .select({ kind: schema.notifications.kind, to: schema.notifications.recipientPersonId })
    .from(schema.notifications)
    .where(eq(schema.notifications.cause, `request:${id}`));
  return rows;
}

async function requestRow(id: number) {
  const [row] = await database.db.select().from(schema.groupRequests).where(eq(schema.groupRequests.id, id));
  return row;
}

/** Sweeps twice a day (09:00 and 21:00) from the clock's day through `last`. */
async function sweepDaily(last: string) {
  let day = clock.now().toISOString().slice(0, 10);
  while (day <= last) {
    for (const time of ["09:00:00", "21:00:00"]) {
      clock.set(`${day}T${time}Z`);
      await sweepRequests({ deps: deps() });
    }
    day = addDays(day, 1);
  }
}

describe("the request sweep, day by day", () => {
  it("reminds two days before, escalates to the Chair and liaison the day after, to the Board a week later, then expires: each once", async () => {
    const id = await open();
    await sweepDaily("2026-06-30");
    expect(await eventsOf(id)).toEqual([
      "escalated-board@2026-05-19:2026-05-19",
      "escalated-target@2026-05-12:2026-05-12",
      "expired@2026-06-16:2026-06-16",
      "reminder@2026-05-09:2026-05-09",
    ]);
    const notices = await noticesOf(id);
    const to = (kind: string) =>
      notices
        .filter((n) => n.kind === kind)
        .map((n) => n.to)
        .sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(to("request.opened")).toEqual([people.ansChair]);
    expect(to("request.reminder")).toEqual([people.ansChair]);
    expect(to("request.escalated-target")).toEqual([people.ansChair, people.liaison].sort((a, b) => a - b));
    expect(to("request.escalated-board")).toEqual([people.member, people.board].sort((a, b) => a - b));
    expect(to("request.expired")).toEqual([people.member]);
    // A private request's notices never reach anyone outside its two sides and the Board.
    expect(notices.map((n) => n.to)).not.toContain(people.outsider);
    expect(notices.map((n) => n.to)).not.toContain(people.ansMember);
    const row = await requestRow(id);
    expect(row).toMatchObject({ state: "expired", escalation: 2 });
    const audit = await database.db
      .select({ action: schema.auditLog.action, at: schema.auditLog.occurredAt })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.subjectType, "request"), eq(schema.auditLog.subjectId, String(id))));
    expect(audit.map((a) => `${a.action}@${a.at.toISOString().slice(0, 10)}`)).toEqual([
      "request.opened@2026-05-01",
      "request.reminded@2026-05-09",
      "request.escalated@2026-05-12",
      "request.escalated@2026-05-19",
      "request.expired@2026-06-16",
    ]);
  });

  it("applies lazy consensus the day after the deadline when nobody objected, recorded as such, and escalates nothing", async () => {
    const id = await open({ lazyConsensus: true, subjectType: "sweep.item", subjectId: "lazy" });
    await sweepDaily("2026-05-11");
    expect((await requestRow(id))?.state).toBe("open");
    await sweepDaily("2026-05-25");
    expect(await requestRow(id)).toMatchObject({
      state: "answered",
      outcome: "approved",
      byLazyConsensus: true,
      answeredByPersonId: null,
    });
    expect(await eventsOf(id)).toEqual([
      "lazy-consensus@2026-05-12:2026-05-12",
      "reminder@2026-05-09:2026-05-09",
    ]);
    expect(answered).toContain("lazy:approved:true");
    expect((await noticesOf(id)).filter((n) => n.kind === "request.lazy-consensus").map((n) => n.to)).toEqual(
      [people.member],
    );
  });

  it("does not apply lazy consensus after an objection: the request escalates instead", async () => {
    const id = await open({ lazyConsensus: true });
    clock.set("2026-05-05T10:00:00Z");
    await commentOnRequest({
      deps: deps(),
      actor: { userId: null, personId: people.ansMember, label: "m" },
      authorName: "Ans Member",
      id,
      input: { body: "We object: not without a budget.", objection: "on" },
    });
    await sweepDaily("2026-05-12");
    expect(await requestRow(id)).toMatchObject({ state: "open", byLazyConsensus: false, escalation: 1 });
    expect(await eventsOf(id)).toEqual([
      "escalated-target@2026-05-12:2026-05-12",
      "reminder@2026-05-09:2026-05-09",
    ]);
  });

  it("a sweep that missed days records each step once, on the day the rules give", async () => {
    const id = await open();
    clock.set("2026-05-25T12:00:00Z");
    await sweepRequests({ deps: deps() });
    await sweepRequests({ deps: deps() });
    // The reminder's day went by with the deadline: it is dropped rather than sent late.
    expect(await eventsOf(id)).toEqual([
      "escalated-board@2026-05-19:2026-05-25",
      "escalated-target@2026-05-12:2026-05-25",
    ]);
  });

  it("an answer arriving at the deadline is not overridden by the sweep running at the same moment", async () => {
    const id = await open({ lazyConsensus: true, subjectType: "sweep.item", subjectId: "race" });
    // The deadline's end: 2026-05-12T00:00:00Z. The answer takes the row first, the sweep waits for it.
    clock.set("2026-05-12T00:00:00Z");
    let sweep: Promise<unknown> | undefined;
    const answer = answerRequest({
      deps: deps(),
      actor: { userId: null, personId: people.ansChair, label: "chair" },
      id,
      input: { outcome: "rejected", note: "No, sorry." },
      hooks: {
        afterLock: async () => {
          sweep = sweepRequests({ deps: deps() });
          await new Promise((r) => setTimeout(r, 50));
        },
      },
    });
    await answer;
    await sweep;
    await sweepDaily("2026-06-30");
    expect(await requestRow(id)).toMatchObject({
      state: "answered",
      outcome: "rejected",
      byLazyConsensus: false,
      answeredByPersonId: people.ansChair,
      escalation: 0,
    });
    expect(await eventsOf(id)).toEqual([]);
    expect(answered.filter((a) => a.startsWith("race:"))).toEqual(["race:rejected:false"]);
  });

  it("an answer after lazy consensus applied is refused, naming what happened", async () => {
    const id = await open({ lazyConsensus: true });
    await sweepDaily("2026-05-12");
    await expect(
      answerRequest({
        deps: deps(),
        actor: { userId: null, personId: people.ansChair, label: "chair" },
        id,
        input: { outcome: "rejected" },
      }),
    ).rejects.toThrow(/already answered \(approved, by lazy consensus\)/);
  });

  it("refuses an outcome the request did not ask for", async () => {
    const id = await open({ answerNeeded: "comment" });
    await expect(
      answerRequest({ deps: deps(), actor: cli, id, input: { outcome: "approved" } }),
    ).rejects.toThrow(/needs a comment/);
    await answerRequest({
      deps: deps(),
      actor: cli,
      id,
      input: { outcome: "commented", note: "Looks fine." },
    });
    expect((await requestRow(id))?.outcome).toBe("commented");
  });
});
