/**
 * Opening requests over a real database: who may open for a group, the target forms, lazy
 * consensus only where the target allows it, registered subjects, the audit entry and the
 * target's notification in the same transaction.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { insertGroup, insertPerson } from "../../../test/factories/governance.ts";
import { refusal } from "../../../test/governance-refusal.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { CLI_DECISION_ACTOR } from "../decisions/decisions.repo.ts";
import { openRequest } from "./open-request.ts";
import { saveRequestSettings } from "./requests.repo.ts";
import { defineRequestSubject } from "./subjects.ts";

let database: Database;
const clock = new FixedClock("2026-03-02T10:00:00Z");
let asker = 0;
let outsider = 0;
let targetChair = 0;
let targetGroupId = 0;

const deps = () => ({ database, clock });
const base = {
  target: "group:answerers",
  kind: "review",
  title: "Review our proposal",
  answerNeeded: "approval",
  deadline: "2026-03-16",
  visibility: "public",
};

const things = new Map([["7", "Spring campaign"]]);
const answers: string[] = [];
defineRequestSubject({
  type: "test.thing",
  load: async (_db, id) => (things.has(id) ? { title: things.get(id) ?? "" } : null),
  link: (id) => `/things/${id}`,
  onAnswered: async ({ subjectId, outcome }) => {
    answers.push(`${subjectId}:${outcome}`);
  },
});

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const from = await insertGroup(db, { slug: "askers", chairs: ["Ask Chair"], members: ["Ask Member"] });
  asker = from.people.get("Ask Member") ?? 0;
  const to = await insertGroup(db, { slug: "answerers", chairs: ["Ans Chair"], coChairs: [], members: [] });
  targetGroupId = to.id;
  targetChair = to.people.get("Ans Chair") ?? 0;
  outsider = (await insertPerson(db, { name: "Out Sider" })).id;
});

afterAll(async () => {
  await database?.close();
});

describe("openRequest", () => {
  it("opens a request from a member on the group's behalf, audits it and tells the target's Chair", async () => {
    const actor = { userId: null, personId: asker, label: "person" };
    const { id } = await openRequest({ deps: deps(), actor, from: "askers", input: base });
    const [row] = await database.db
      .select()
      .from(schema.groupRequests)
      .where(eq(schema.groupRequests.id, id));
    expect(row).toMatchObject({ state: "open", ownerPersonId: asker, targetGroupId, lazyConsensus: false });
    const audit = await database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.subjectId, String(id)));
    expect(audit.map((a) => a.action)).toEqual(["request.opened"]);
    const sent = await database.db
      .select()
      .from(schema.notifications)
      .where(eq(schema.notifications.kind, "request.opened"));
    expect(sent.map((n) => n.recipientPersonId)).toEqual([targetChair]);
  });

  it("refuses someone outside the asking group, a past deadline, a request to itself and an unknown target", async () => {
    const outside = { userId: null, personId: outsider, label: "person" };
    expect(
      (await refusal(openRequest({ deps: deps(), actor: outside, from: "askers", input: base }))).code,
    ).toBe("forbidden");
    const cli = CLI_DECISION_ACTOR;
    const late = await refusal(
      openRequest({ deps: deps(), actor: cli, from: "askers", input: { ...base, deadline: "2026-03-02" } }),
    );
    expect(late.issues[0]?.field).toBe("deadline");
    const self = await refusal(openRequest({ deps: deps(), actor: cli, from: "answerers", input: base }));
    expect(self.issues[0]?.field).toBe("target");
    const nobody = await refusal(
      openRequest({ deps: deps(), actor: cli, from: "askers", input: { ...base, target: "group:nowhere" } }),
    );
    expect(nobody.issues[0]?.field).toBe("target");
    const bad = await refusal(
      openRequest({ deps: deps(), actor: cli, from: "askers", input: { ...base, target: "chair" } }),
    );
    expect(bad.issues[0]?.field).toBe("target");
  });

  it("allows lazy consensus only when the target group says so, and only for approvals", async () => {
    const cli = CLI_DECISION_ACTOR;
    const lazy = { ...base, lazyConsensus: true };
    expect(
      (await refusal(openRequest({ deps: deps(), actor: cli, from: "askers", input: lazy }))).issues[0]
        ?.field,
    ).toBe("lazyConsensus");
    expect(
      (
        await refusal(
          openRequest({ deps: deps(), actor: cli, from: "askers", input: { ...lazy, target: "board" } }),
        )
      ).issues[0]?.field,
    ).toBe("lazyConsensus");
    await saveRequestSettings(database.db, {
      groupId: targetGroupId,
      allowLazyConsensus: true,
      now: clock.now(),
    });
    const { id } = await openRequest({ deps: deps(), actor: cli, from: "askers", input: lazy });
    expect(id).toBeGreaterThan(0);
    const comment = await refusal(
      openRequest({ deps: deps(), actor: cli, from: "askers", input: { ...lazy, answerNeeded: "comment" } }),
    );
    expect(comment.issues[0]?.field).toBe("lazyConsensus");
  });

  it("opens a request about a registered subject, and refuses an unknown type or id", async () => {
    const cli = CLI_DECISION_ACTOR;
    const about = { ...base, target: "board", subjectType: "test.thing", subjectId: "7" };
    const { id } = await openRequest({ deps: deps(), actor: cli, from: "askers", input: about });
    const [row] = await database.db
      .select()
      .from(schema.groupRequests)
      .where(eq(schema.groupRequests.id, id));
    expect(row).toMatchObject({ subjectType: "test.thing", subjectId: "7", targetKind: "board" });
    const unknownType = await refusal(
      openRequest({
        deps: deps(),
        actor: cli,
        from: "askers",
        input: { ...about, subjectType: "test.other" },
      }),
    );
    expect(unknownType.issues[0]?.field).toBe("subjectType");
    const unknownId = await refusal(
      openRequest({ deps: deps(), actor: cli, from: "askers", input: { ...about, subjectId: "8" } }),
    );
    expect(unknownId.issues[0]?.field).toBe("subjectId");
    const half = await refusal(
      openRequest({
        deps: deps(),
        actor: cli,
        from: "askers",
        input: { ...base, subjectType: "test.thing" },
      }),
    );
    expect(half.issues[0]?.field).toBe("subjectId");
  });

  it("sends to a named person with their role, and checks the owner takes part in the asking group", async () => {
    const cli = CLI_DECISION_ACTOR;
    const [p] = await database.db.select().from(schema.people).where(eq(schema.people.id, targetChair));
    const { id } = await openRequest({
      deps: deps(),
      actor: cli,
      from: "askers",
      input: { ...base, target: `person:${p?.slug}`, targetRole: "Chair", owner: "ask-chair" },
    });
    const [row] = await database.db
      .select()
      .from(schema.groupRequests)
      .where(eq(schema.groupRequests.id, id));
    expect(row?.targetPersonId).toBe(targetChair);
    expect(row?.ownerPersonId).not.toBeNull();
    const wrongOwner = await refusal(
      openRequest({ deps: deps(), actor: cli, from: "askers", input: { ...base, owner: "out-sider" } }),
    );
    expect(wrongOwner.issues[0]?.field).toBe("owner");
  });
});

describe("acknowledging and handing on a waiting request", () => {
  it("the target acknowledges once; the owner moves to a participant of the asking side only", async () => {
    const { acknowledgeRequest, reassignRequest } = await import("./request-records.ts");
    const actor = { userId: null, personId: asker, label: "person" };
    const { id } = await openRequest({ deps: deps(), actor, from: "askers", input: base });
    const chair = { userId: null, personId: targetChair, label: "person" };
    await acknowledgeRequest({ deps: deps(), actor: chair, id });
    await acknowledgeRequest({ deps: deps(), actor: chair, id });
    const [row] = await database.db
      .select()
      .from(schema.groupRequests)
      .where(eq(schema.groupRequests.id, id));
    expect(row).toMatchObject({ state: "acknowledged", acknowledgedByPersonId: targetChair });
    const acks = await database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, "request.acknowledged"));
    expect(acks.filter((a) => a.subjectId === String(id))).toHaveLength(1);

    const [askChair] = await database.db
      .select()
      .from(schema.people)
      .where(eq(schema.people.name, "Ask Chair"));
    const [outside] = await database.db.select().from(schema.people).where(eq(schema.people.id, outsider));
    const refused = await refusal(
      reassignRequest({ deps: deps(), actor, id, input: { owner: outside?.slug ?? "" } }),
    );
    expect(refused.code).toBe("validation");
    expect(refused.message).toContain("does not take part in the asking group");
    await reassignRequest({ deps: deps(), actor, id, input: { owner: askChair?.slug ?? "" } });
    const [moved] = await database.db
      .select()
      .from(schema.groupRequests)
      .where(eq(schema.groupRequests.id, id));
    expect(moved?.ownerPersonId).toBe(askChair?.id);
  });
});
