import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestDatabase, createTestDatabase } from "../../../test/db.ts";
import {
  endFoundationRole,
  type HandoverListing,
  handoverNoteTemplate,
  listHandovers,
  renderNotification,
  writeHandoverNote,
} from "../../kernel/index.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import {
  addToGroup,
  charterWith,
  grantFoundationRole,
  makeGroup,
  makePeople,
  personActor,
} from "../decisions/decisions.fixtures.ts";
import type { DecisionDeps } from "../decisions/deps.ts";
import { leaveGroup } from "../decisions/leave-group.ts";
import { listLiaisonProblems } from "../decisions/list-liaison-problems.ts";
import { sweepTerms } from "../decisions/sweep-terms.ts";
import { registerTurnover } from "./register.ts";
import { meetingWithActionItems, reassignItem } from "./turnover.fixtures.ts";

const { meetingActionItems, votes, notifications, auditLog, handovers, foundationRoles } = schema;

let database: Database;
const clock = new FixedClock("2026-03-01T12:00:00Z");
let deps: DecisionDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { database, clock };
  registerTurnover();
});
afterAll(() => closeTestDatabase(database));

let meetingSeq = 0;
/** A meeting of the group with action items owned by the given people; returns the items' ids. */
async function actionItems(groupId: number, owners: number[]): Promise<string[]> {
  meetingSeq++;
  const rows = await meetingWithActionItems(
    database,
    {
      groupId,
      uid: `turnover-${process.pid}-${meetingSeq}@test`,
      title: "Monthly",
      startsAt: new Date("2026-02-20T15:00:00Z"),
      createdAt: clock.now(),
    },
    owners.map((ownerPersonId, i) => ({
      title: `Item ${meetingSeq}.${i} of ${ownerPersonId}`,
      ownerPersonId,
      dueOn: "2026-04-01",
    })),
  );
  return rows.map((r) => String(r.id));
}

/** An open vote the person opened in the group. */
async function openVoteBy(groupId: number, personId: number): Promise<string> {
  const now = clock.now();
  const [v] = await database.db
    .insert(votes)
    .values({
      groupId,
      kind: "proposal",
      title: `Proposal by ${personId}`,
      body: "group",
      secrecy: "open",
      baseRule: "electorate",
      electorateSize: 3,
      openedByPersonId: personId,
      openedAt: now,
      closesAt: new Date("2026-04-15T12:00:00Z"),
      latestClosesAt: new Date("2026-05-15T12:00:00Z"),
      status: "open",
    })
    .returning();
  if (!v) throw new Error("no vote");
  return String(v.id);
}

const flagged = (list: HandoverListing[]) =>
  list
    .flatMap((h) => h.items.filter((i) => i.state === "needs-owner").map((i) => `${i.kind}:${i.itemId}`))
    .sort();

const asked = async (personId: number) =>
  database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.kind, "handover.note-asked"), eq(notifications.recipientPersonId, personId)));

describe("owners that survive turnover", () => {
  it("a term lapse orphans exactly the lapsed person's items in that group; reassigning clears the flag", async () => {
    clock.set("2026-03-01T12:00:00Z");
    const a = await makeGroup(database, charterWith({ slug: `lapse-a-${process.pid}`, name: "Lapse A" }));
    const b = await makeGroup(database, charterWith({ slug: `lapse-b-${process.pid}`, name: "Lapse B" }));
    const [leaver = 0, other = 0, chair = 0] = await makePeople(database, 3, "lapse");
    await addToGroup(database, a.id, [leaver], { termEndsOn: "2026-03-10" });
    await addToGroup(database, a.id, [other]);
    await addToGroup(database, a.id, [chair], { role: "chair" });
    // The chair's member term lapses too, but the Chair role keeps them in the group.
    await addToGroup(database, a.id, [chair], { termEndsOn: "2026-03-10" });
    await addToGroup(database, b.id, [leaver]);
    const [mine = ""] = await actionItems(a.id, [leaver]);
    const [othersItem = ""] = await actionItems(a.id, [other]);
    const [chairItem = ""] = await actionItems(a.id, [chair]);
    const [inB = ""] = await actionItems(b.id, [leaver]);
    const vote = await openVoteBy(a.id, leaver);

    expect(await listHandovers(database.db, { groupIds: [a.id, b.id] })).toEqual([]);
    clock.set("2026-03-11T06:00:00Z");
    const swept = await sweepTerms({ deps });
    expect(swept.lapsed).toBe(2);
    expect(swept.handedOver).toBe(1);

    const list = await listHandovers(database.db, { groupIds: [a.id, b.id], open: true });
    expect(list.map((h) => [h.person.id, h.group.id, h.cause, h.endedOn])).toEqual([
      [leaver, a.id, "lapsed", "2026-03-10"],
    ]);
    expect(flagged(list)).toEqual([`meeting-action-item:${mine}`, `vote:${vote}`].sort());
    for (const id of [othersItem, chairItem, inB])
      expect(flagged(list)).not.toContain(`meeting-action-item:${id}`);

    // Asked once, with a link to the form; a second sweep asks nothing more and flags nothing new.
    expect(await asked(leaver)).toHaveLength(1);
    await sweepTerms({ deps });
    clock.set("2026-03-12T06:00:00Z");
    await sweepTerms({ deps });
    expect(await asked(leaver)).toHaveLength(1);
    const [note] = await asked(leaver);
    expect(note?.templateId).toBe(handoverNoteTemplate.id);
    const message = renderNotification({
      template: handoverNoteTemplate,
      data: note?.data,
      baseUrl: "https://guildhall.example",
    });
    expect(message.text).toContain(`https://guildhall.example/handovers/${list[0]?.id}`);
    expect(message.text).toContain(`Item`);

    // The note is kept with the items.
    await writeHandoverNote({
      db: database.db,
      now: clock.now(),
      by: personActor(leaver),
      handoverId: list[0]?.id ?? 0,
      input: { note: "The sprint post is half written; ask Other." },
    });

    // Reassigning clears the flag, changes the owner at the source, and is audited.
    const item = list[0]?.items.find((i) => i.kind === "meeting-action-item");
    await reassignItem(database, clock, item?.id ?? 0, other, { userId: null, label: "chair" });
    const after = await listHandovers(database.db, { groupIds: [a.id] });
    expect(after[0]?.note).toBe("The sprint post is half written; ask Other.");
    expect(flagged(after)).toEqual([`vote:${vote}`]);
    expect(after[0]?.items.find((i) => i.id === item?.id)).toMatchObject({
      state: "reassigned",
      newOwner: { id: other },
    });
    const [row] = await database.db
      .select()
      .from(meetingActionItems)
      .where(eq(meetingActionItems.id, Number(mine)));
    expect(row?.ownerPersonId).toBe(other);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "ownership.reassigned"), eq(auditLog.subjectId, mine)));
    expect(audit).toHaveLength(1);
    // Twice is a conflict; handing it back to the leaver is refused.
    await expect(reassignItem(database, clock, item?.id ?? 0, chair)).rejects.toMatchObject({
      code: "conflict",
    });
    const voteItem = after[0]?.items.find((i) => i.kind === "vote");
    await expect(reassignItem(database, clock, voteItem?.id ?? 0, leaver)).rejects.toMatchObject({
      code: "validation",
    });
    await reassignItem(database, clock, voteItem?.id ?? 0, chair);
    const [v] = await database.db
      .select()
      .from(votes)
      .where(eq(votes.id, Number(vote)));
    expect(v?.ownerPersonId).toBe(chair);
    expect(v?.openedByPersonId).toBe(leaver);
    expect(await listHandovers(database.db, { groupIds: [a.id], open: true })).toEqual([]);
  });

  it("leaving orphans exactly the leaver's items in the group they leave, not in their other groups", async () => {
    clock.set("2026-03-01T12:00:00Z");
    const a = await makeGroup(database, charterWith({ slug: `leave-a-${process.pid}`, name: "Leave A" }));
    const b = await makeGroup(database, charterWith({ slug: `leave-b-${process.pid}`, name: "Leave B" }));
    const [leaver = 0, other = 0] = await makePeople(database, 2, "leave");
    await addToGroup(database, a.id, [leaver, other]);
    await addToGroup(database, b.id, [leaver, other]);
    const [inA = ""] = await actionItems(a.id, [leaver]);
    const [inB = "", othersInB = ""] = await actionItems(b.id, [leaver, other]);
    // A finished item is not handed over.
    const [done = ""] = await actionItems(b.id, [leaver]);
    await database.db
      .update(meetingActionItems)
      .set({ status: "done", doneAt: clock.now() })
      .where(eq(meetingActionItems.id, Number(done)));

    await leaveGroup({ deps, actor: personActor(leaver), input: { group: b.slug } });
    const list = await listHandovers(database.db, { groupIds: [a.id, b.id], open: true });
    expect(list.map((h) => [h.person.id, h.group.id, h.cause])).toEqual([[leaver, b.id, "left"]]);
    expect(flagged(list)).toEqual([`meeting-action-item:${inB}`]);
    expect(flagged(list)).not.toContain(`meeting-action-item:${othersInB}`);
    expect(flagged(list)).not.toContain(`meeting-action-item:${inA}`);
    expect(await asked(leaver)).toHaveLength(1);
    // An item marked done meanwhile drops out of what needs an owner.
    await database.db
      .update(meetingActionItems)
      .set({ status: "done", doneAt: clock.now() })
      .where(eq(meetingActionItems.id, Number(inB)));
    expect(await listHandovers(database.db, { groupIds: [b.id], open: true })).toEqual([]);
    expect((await listHandovers(database.db, { groupIds: [b.id] }))[0]?.items[0]?.state).toBe("closed");
  });

  it("leaving orphans the requests the leaver moves along for the group, while they wait", async () => {
    clock.set("2026-03-01T12:00:00Z");
    const from = await makeGroup(
      database,
      charterWith({ slug: `req-from-${process.pid}`, name: "Req From" }),
    );
    const to = await makeGroup(database, charterWith({ slug: `req-to-${process.pid}`, name: "Req To" }));
    const [leaver = 0, other = 0] = await makePeople(database, 2, "reqleave");
    await addToGroup(database, from.id, [leaver, other]);
    const request = async (owner: number, state: string) => {
      const [r] = await database.db
        .insert(schema.groupRequests)
        .values({
          fromGroupId: from.id,
          targetKind: "group",
          targetGroupId: to.id,
          kind: "review",
          title: `Review ${state}`,
          answerNeeded: "comment",
          deadline: "2026-03-20",
          visibility: "public",
          state,
          outcome: state === "answered" ? "commented" : null,
          answeredAt: state === "answered" ? clock.now() : null,
          ownerPersonId: owner,
          openedAt: clock.now(),
          updatedAt: clock.now(),
        })
        .returning({ id: schema.groupRequests.id });
      return String(r?.id);
    };
    const waiting = await request(leaver, "open");
    const acknowledged = await request(leaver, "acknowledged");
    const answered = await request(leaver, "answered");
    const others = await request(other, "open");

    await leaveGroup({ deps, actor: personActor(leaver), input: { group: from.slug } });
    const list = await listHandovers(database.db, { groupIds: [from.id], open: true });
    expect(
      flagged(list)
        .filter((k) => k.startsWith("request:"))
        .sort(),
    ).toEqual([`request:${waiting}`, `request:${acknowledged}`].sort());
    expect(flagged(list)).not.toContain(`request:${answered}`);
    expect(flagged(list)).not.toContain(`request:${others}`);
  });

  it("a Board term ending orphans the Board Liaison's items in the groups they liaise with, not other Board members'", async () => {
    clock.set("2026-03-01T12:00:00Z");
    const a = await makeGroup(database, charterWith({ slug: `board-a-${process.pid}`, name: "Board A" }));
    const b = await makeGroup(database, charterWith({ slug: `board-b-${process.pid}`, name: "Board B" }));
    const [liaison = 0, stays = 0, lapsing = 0, member = 0] = await makePeople(database, 4, "board");
    await grantFoundationRole(database, [liaison, stays], "board-member");
    await grantFoundationRole(database, [lapsing], "board-member", { termEndsOn: "2026-03-05" });
    await addToGroup(database, a.id, [liaison], { role: "board-liaison" });
    await addToGroup(database, b.id, [stays], { role: "board-liaison" });
    await addToGroup(database, b.id, [lapsing], { role: "board-liaison" });
    await addToGroup(database, a.id, [member]);
    const [liaisonItem = "", membersItem = ""] = await actionItems(a.id, [liaison, member]);
    const [staysItem = "", lapsingItem = ""] = await actionItems(b.id, [stays, lapsing]);

    // An administrator ends the liaison's Board role today.
    const [role] = await database.db
      .select()
      .from(foundationRoles)
      .where(eq(foundationRoles.personId, liaison));
    await endFoundationRole({
      db: database.db,
      now: clock.now(),
      by: { userId: null, label: "cli" },
      roleId: role?.id ?? 0,
      endedOn: "2026-03-01",
      reason: "resigned from the Board",
    });
    let list = await listHandovers(database.db, { groupIds: [a.id, b.id], open: true });
    expect(list.map((h) => [h.person.id, h.group.id, h.cause, h.endedOn])).toEqual([
      [liaison, a.id, "board-term", "2026-03-01"],
    ]);
    expect(flagged(list)).toEqual([`meeting-action-item:${liaisonItem}`]);
    expect(flagged(list)).not.toContain(`meeting-action-item:${membersItem}`);
    // The Board Liaison currency check links to what the outgoing liaison owned.
    const [problem] = await listLiaisonProblems({ db: database.db, day: "2026-03-01", groupId: a.id });
    expect(problem).toMatchObject({
      kind: "off-board",
      liaison: { id: liaison },
      owned: { openItems: 1, handover: { id: list[0]?.id, needingOwner: 1 } },
    });

    // The other Board term runs out by its end date: the sweep hands over that liaison's items only.
    clock.set("2026-03-06T06:00:00Z");
    await sweepTerms({ deps });
    await sweepTerms({ deps });
    list = await listHandovers(database.db, { groupIds: [b.id], open: true });
    expect(list.map((h) => [h.person.id, h.cause, h.endedOn])).toEqual([
      [lapsing, "board-term", "2026-03-05"],
    ]);
    expect(flagged(list)).toEqual([`meeting-action-item:${lapsingItem}`]);
    expect(flagged(list)).not.toContain(`meeting-action-item:${staysItem}`);
    expect(await asked(lapsing)).toHaveLength(1);
    expect(await database.db.select().from(handovers).where(eq(handovers.personId, lapsing))).toHaveLength(1);
  });
});
