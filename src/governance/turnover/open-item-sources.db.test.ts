/**
 * The lifecycle's open items in the owner registry (proposals for a new group, proposed charter
 * changes), a private request's subject kept off the hand-over lists, and the Chair's notice
 * when a leaver's items are flagged: written in the same transaction, once per hand-over.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { type HandoverListing, listHandovers, renderNotification } from "../../kernel/index.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import {
  addToGroup,
  charterWith,
  makeGroup,
  makePeople,
  personActor,
} from "../decisions/decisions.fixtures.ts";
import { SYSTEM_ACTOR } from "../decisions/decisions.repo.ts";
import { leaveGroup } from "../decisions/leave-group.ts";
import { handOverOneIfGone } from "./hand-over.ts";
import { handoverFlaggedTemplate } from "./handover-flagged.template.ts";
import { registerTurnover } from "./register.ts";
import { reassignItem } from "./turnover.fixtures.ts";

const { groupProposals, charterChanges, groupRequests, notifications } = schema;

let database: Database;
const clock = new FixedClock("2026-03-01T12:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  registerTurnover();
});
afterAll(async () => {
  await database?.close();
});

const flagged = (list: HandoverListing[]) =>
  list
    .flatMap((h) => h.items.filter((i) => i.state === "needs-owner").map((i) => `${i.kind}:${i.itemId}`))
    .sort();

async function proposal(groupId: number, author: number, status: string): Promise<string> {
  const [row] = await database.db
    .insert(groupProposals)
    .values({
      slug: `proposal-${groupId}-${status}-${author}`,
      status: status as "draft",
      source: "guildhall",
      authorPersonId: author,
      groupId,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    })
    .returning({ id: groupProposals.id });
  return String(row?.id);
}

async function charterChange(groupId: number, by: number, status: string): Promise<string> {
  const [row] = await database.db
    .insert(charterChanges)
    .values({
      groupId,
      status: status as "proposed",
      class: "substantive",
      fields: [],
      summary: `Change ${status} by ${by}`,
      beforeMarkdown: "# Before",
      afterMarkdown: "# After",
      afterCharter: {},
      proposedByPersonId: by,
      createdAt: clock.now(),
    })
    .returning({ id: charterChanges.id });
  return String(row?.id);
}

const flagNotices = (personId?: number) =>
  database.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.kind, "handover.flagged"),
        personId === undefined ? undefined : eq(notifications.recipientPersonId, personId),
      ),
    );

describe("lifecycle items and the Chair's notice", () => {
  let groupId = 0;
  let slug = "";
  let leaver = 0;
  let chair = 0;
  let other = 0;
  const ids: Record<string, string> = {};

  it("leaving flags the leaver's open proposals and charter changes, not decided ones or others'", async () => {
    const g = await makeGroup(database, charterWith({ slug: `life-${process.pid}`, name: "Life WG" }));
    groupId = g.id;
    slug = g.slug;
    [leaver = 0, chair = 0, other = 0] = await makePeople(database, 3, "life");
    await addToGroup(database, groupId, [leaver, other]);
    await addToGroup(database, groupId, [chair], { role: "chair" });
    ids.draft = await proposal(groupId, leaver, "draft");
    ids.voting = await proposal(groupId, leaver, "voting");
    ids.approved = await proposal(groupId, leaver, "approved");
    ids.othersProposal = await proposal(groupId, other, "ready");
    ids.change = await charterChange(groupId, leaver, "proposed");
    ids.applied = await charterChange(groupId, leaver, "applied");
    const [req] = await database.db
      .insert(groupRequests)
      .values({
        fromGroupId: groupId,
        targetKind: "board",
        kind: "decision",
        title: "Secret budget line",
        answerNeeded: "approval",
        deadline: "2026-03-20",
        visibility: "private",
        state: "open",
        ownerPersonId: leaver,
        openedAt: clock.now(),
        updatedAt: clock.now(),
      })
      .returning({ id: groupRequests.id });
    ids.request = String(req?.id);

    await leaveGroup({ deps: { database, clock }, actor: personActor(leaver), input: { group: slug } });
    const list = await listHandovers(database.db, { groupIds: [groupId], open: true });
    expect(flagged(list)).toEqual(
      [
        `group-proposal:${ids.draft}`,
        `group-proposal:${ids.voting}`,
        `charter-change:${ids.change}`,
        `request:${ids.request}`,
      ].sort(),
    );
    const titles = list.flatMap((h) => h.items.map((i) => i.title));
    expect(titles).toContain("Proposal: Life WG");
    expect(titles).toContain(`Charter change: Change proposed by ${leaver}`);
    // A private request's subject stays on its own page (the policy guards it).
    expect(titles).toContain(`Private request #${ids.request}`);
    expect(titles.join(" ")).not.toContain("Secret budget line");
  });

  it("the group's Chair is told once, in the outbox, with the items and a link; the leaver is not", async () => {
    const notices = await flagNotices();
    expect(notices.map((n) => n.recipientPersonId)).toEqual([chair]);
    expect(await flagNotices(leaver)).toEqual([]);
    const [notice] = notices;
    expect(notice?.templateId).toBe(handoverFlaggedTemplate.id);
    const message = renderNotification({
      template: handoverFlaggedTemplate,
      data: notice?.data,
      baseUrl: "https://guildhall.example",
    });
    expect(message.subject).toBe("Life WG: 4 open items need a new owner");
    expect(message.text).toContain(`https://guildhall.example/groups/${slug}/handovers`);
    expect(message.text).toContain("- Proposal: Life WG");
    expect(message.text).not.toContain("Secret budget line");
    // Recording the same end again flags nothing new and tells nobody again.
    const [handover] = await listHandovers(database.db, { groupIds: [groupId], open: true });
    await database.db.transaction((tx) =>
      handOverOneIfGone(tx, {
        groupId,
        personId: leaver,
        endedOn: handover?.endedOn ?? "",
        cause: "left",
        reason: "again",
        now: clock.now(),
        by: SYSTEM_ACTOR,
      }),
    );
    expect(await flagNotices()).toHaveLength(1);
  });

  it("reassigning a proposal and a charter change makes the new person their owner at the source", async () => {
    const list = await listHandovers(database.db, { groupIds: [groupId], open: true });
    for (const kind of ["group-proposal", "charter-change"]) {
      const item = list[0]?.items.find((i) => i.kind === kind && i.state === "needs-owner");
      await reassignItem(database, clock, item?.id ?? 0, other);
    }
    const [draft] = await database.db
      .select()
      .from(groupProposals)
      .where(eq(groupProposals.id, Number(ids.draft)));
    const [change] = await database.db
      .select()
      .from(charterChanges)
      .where(eq(charterChanges.id, Number(ids.change)));
    expect([draft?.ownerPersonId, draft?.authorPersonId]).toEqual([other, leaver]);
    expect([change?.ownerPersonId, change?.proposedByPersonId]).toEqual([other, leaver]);
    const after = flagged(await listHandovers(database.db, { groupIds: [groupId], open: true }));
    expect(after).toEqual([`group-proposal:${ids.voting}`, `request:${ids.request}`].sort());
  });

  it("a group with no Chair tells its Board Liaison instead", async () => {
    const g = await makeGroup(database, charterWith({ slug: `nochair-${process.pid}`, name: "No Chair WG" }));
    const [gone = 0, liaison = 0] = await makePeople(database, 2, "nochair");
    await addToGroup(database, g.id, [gone]);
    await addToGroup(database, g.id, [liaison], { role: "board-liaison" });
    await charterChange(g.id, gone, "voting");
    await leaveGroup({ deps: { database, clock }, actor: personActor(gone), input: { group: g.slug } });
    expect((await flagNotices(liaison)).map((n) => n.kind)).toEqual(["handover.flagged"]);
    expect(await flagNotices(gone)).toEqual([]);
  });
});
