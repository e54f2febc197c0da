/**
 * Votes on subjects other than membership: kinds registered with defineVoteSubject, each with its
 * electorate (the Board, the Steering Council, the group by its membership model) and an outcome
 * handler that runs inside the closing transaction; when the handler throws, the close rolls back.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestDatabase, createTestDatabase } from "../../../test/db.ts";
import { errorOf } from "../../../test/governance-refusal.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { castBallot } from "./cast-ballot.ts";
import { closeVote } from "./close-vote.ts";
import {
  charterWith,
  grantFoundationRole,
  groupWithMembers,
  makePeople,
  openVoteAs,
  personActor,
} from "./decisions.fixtures.ts";
import { CLI_DECISION_ACTOR, recordAudit } from "./decisions.repo.ts";
import type { DecisionDeps } from "./deps.ts";
import { openVote } from "./open-vote.ts";
import {
  defineVoteSubject,
  ELECTORATES,
  type OutcomeContext,
  registeredVoteSubjectKinds,
} from "./subjects.ts";

const { votes, auditLog, voteElectorate } = schema;

let database: Database;
const clock = new FixedClock("2026-03-01T12:00:00Z");
let deps: DecisionDeps;
const inAWeek = () => new Date(clock.now().getTime() + 7 * 86_400_000).toISOString();

/** What the charter-change handler saw, in order; and whether it must fail (after writing). */
const applied: Array<{ voteId: number; subjectId: string | null; outcome: string; title: string }> = [];
let failNext = false;

async function applyCharterChange(c: OutcomeContext): Promise<void> {
  // A write of its own, in the closing transaction: it must vanish when the close rolls back.
  await recordAudit(c.tx, {
    by: c.actor,
    at: c.now,
    action: "charter-change.decided",
    subjectType: "charter_change",
    subjectId: c.vote.subjectId ?? "",
    before: null,
    after: { outcome: c.outcome },
    cause: `vote:${c.vote.id}`,
  });
  if (failNext) {
    failNext = false;
    throw new AppError("conflict", { message: "The charter changed since the vote opened." });
  }
  applied.push({ voteId: c.vote.id, subjectId: c.vote.subjectId, outcome: c.outcome, title: c.vote.title });
}

defineVoteSubject({
  kind: "charter-change",
  subject: "record",
  electorate: ELECTORATES.board,
  describe: ({ subjectId }) => `Charter change ${subjectId}`,
  check: async ({ subjectId }) => {
    if (subjectId === "withdrawn") throw new AppError("conflict", { message: "That change was withdrawn." });
  },
  onOutcome: applyCharterChange,
});
/** People the content-item kind leaves out of the electorate, by subject id (the excludedVoters hook). */
const excludedBySubject = new Map<string, number[]>();
defineVoteSubject({
  kind: "content-item",
  subject: "record",
  electorate: ELECTORATES.groupByModel,
  describe: ({ subjectId }) => `Publish ${subjectId}`,
  excludedVoters: async ({ subjectId }) => excludedBySubject.get(subjectId ?? "") ?? [],
  onOutcome: async () => {},
});
defineVoteSubject({
  kind: "funding-request",
  subject: "record",
  electorate: ELECTORATES.steeringCouncil,
  describe: ({ subjectId }) => `Fund ${subjectId}`,
  onOutcome: async () => {},
});

let board: number[];
let council: number[];

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { database, clock };
  board = await makePeople(database, 3, "board");
  council = await makePeople(database, 2, "council");
  await grantFoundationRole(database, board, "board-member");
  await grantFoundationRole(database, council, "steering-council-member");
});
afterAll(() => closeTestDatabase(database));

async function directGroup(slug: string, members: number) {
  return groupWithMembers(database, charterWith({ slug }), members);
}

async function electorateOf(voteId: number): Promise<number[]> {
  const rows = await database.db.select().from(voteElectorate).where(eq(voteElectorate.voteId, voteId));
  return rows.map((r) => r.personId).sort((a, b) => a - b);
}

describe("a Board vote on a group's charter change", () => {
  it("is decided by the Board, not the group, and its handler applies the outcome as the vote closes", async () => {
    const { group, ids } = await directGroup("charter-change", 3);
    const byMember = await errorOf(
      openVoteAs(deps, ids[0] ?? 0, {
        group: group.id,
        kind: "charter-change",
        subjectId: "change-7",
        closesAt: inAWeek(),
      }),
    );
    expect(byMember.code).toBe("forbidden");
    const vote = await openVoteAs(deps, board[0] ?? 0, {
      group: group.id,
      kind: "charter-change",
      subjectId: "change-7",
      closesAt: inAWeek(),
    });
    expect(vote).toMatchObject({
      kind: "charter-change",
      subjectId: "change-7",
      subjectPersonId: null,
      body: "board",
      electorateSize: 3,
      title: "Charter change change-7",
    });
    expect(await electorateOf(vote.id)).toEqual([...board].sort((a, b) => a - b));
    const memberBallot = await errorOf(
      castBallot({ deps, actor: personActor(ids[1] ?? 0), input: { voteId: vote.id, choice: "yes" } }),
    );
    expect(memberBallot.code).toBe("forbidden");
    // A second vote on the same change while this one is open is refused.
    const twice = await errorOf(
      openVoteAs(deps, board[1] ?? 0, {
        group: group.id,
        kind: "charter-change",
        subjectId: "change-7",
        closesAt: inAWeek(),
      }),
    );
    expect(twice.message).toMatch(new RegExp(`Vote #${vote.id} on the same question is already open`));

    expect(applied).toEqual([]);
    await castBallot({ deps, actor: personActor(board[0] ?? 0), input: { voteId: vote.id, choice: "yes" } });
    // Two yes votes of three decide an open ballot: it closes, and the handler runs in that transaction.
    const decided = await castBallot({
      deps,
      actor: personActor(board[1] ?? 0),
      input: { voteId: vote.id, choice: "yes" },
    });
    expect(decided).toMatchObject({ closed: true });
    expect(applied).toEqual([
      { voteId: vote.id, subjectId: "change-7", outcome: "passed", title: "Charter change change-7" },
    ]);
    const [row] = await database.db.select().from(votes).where(eq(votes.id, vote.id));
    expect(row).toMatchObject({ status: "closed", outcome: "passed", closeReason: "decided" });
    const written = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "charter-change.decided"), eq(auditLog.subjectId, "change-7")));
    expect(written.map((a) => a.after)).toEqual([{ outcome: "passed" }]);
  });

  it("stays open, with nothing of the close written, when the handler fails; closes once it succeeds", async () => {
    const { group } = await directGroup("charter-change-fails", 2);
    const vote = await openVoteAs(deps, board[0] ?? 0, {
      group: group.id,
      kind: "charter-change",
      subjectId: "change-8",
      closesAt: inAWeek(),
      secrecy: "secret",
    });
    await castBallot({ deps, actor: personActor(board[0] ?? 0), input: { voteId: vote.id, choice: "no" } });
    await castBallot({ deps, actor: personActor(board[1] ?? 0), input: { voteId: vote.id, choice: "no" } });
    const opened = clock.now();
    clock.set(new Date(vote.closesAt.getTime() + 60_000));
    try {
      failNext = true;
      const err = await errorOf(closeVote({ deps, actor: CLI_DECISION_ACTOR, input: { voteId: vote.id } }));
      expect(err.message).toBe("The charter changed since the vote opened.");
      const [still] = await database.db.select().from(votes).where(eq(votes.id, vote.id));
      expect(still).toMatchObject({ status: "open", outcome: null, closedAt: null, no: 2 });
      const trail = async () =>
        (
          await database.db
            .select()
            .from(auditLog)
            .where(eq(auditLog.cause, `vote:${vote.id}`))
        ).map((a) => a.action);
      expect(await trail()).not.toContain("vote.closed");
      expect(await trail()).not.toContain("charter-change.decided");
      expect(applied.some((a) => a.voteId === vote.id)).toBe(false);

      const closed = await closeVote({ deps, actor: CLI_DECISION_ACTOR, input: { voteId: vote.id } });
      expect(closed).toMatchObject({ status: "closed", outcome: "failed", closeReason: "deadline" });
      expect(applied.at(-1)).toMatchObject({ voteId: vote.id, outcome: "failed" });
      expect(await trail()).toEqual(expect.arrayContaining(["vote.closed", "charter-change.decided"]));
    } finally {
      clock.set(opened);
    }
  });
});

describe("the electorate of each kind", () => {
  it("takes the group by its membership model, the Board, or the Steering Council, as the kind says", async () => {
    const { group: direct, ids } = await directGroup("kinds-direct", 4);
    const { group: managed, ids: managedMembers } = await groupWithMembers(
      database,
      charterWith({ slug: "kinds-board-managed", membershipModel: "board-managed" }),
      2,
      { prefix: "kinds-managed" },
    );

    const open = (group: number, kind: "content-item" | "funding-request", by: number, subjectId: string) =>
      openVoteAs(deps, by, { group, kind, subjectId, closesAt: inAWeek() });

    // Content in a direct group: its members decide; in a Board-managed group: the Board.
    const content = await open(direct.id, "content-item", ids[0] ?? 0, "post-1");
    expect(content).toMatchObject({ body: "group", electorateSize: 4, title: "Publish post-1" });
    expect(await electorateOf(content.id)).toEqual([...ids].sort((a, b) => a - b));
    const managedContent = await open(managed.id, "content-item", board[0] ?? 0, "post-2");
    expect(managedContent).toMatchObject({ body: "board", electorateSize: 3 });
    expect(await electorateOf(managedContent.id)).not.toContain(managedMembers[0]);
    // A funding request goes to the Steering Council whatever the group's model.
    const funding = await open(direct.id, "funding-request", council[0] ?? 0, "grant-3");
    expect(funding).toMatchObject({ body: "steering-council", electorateSize: 2 });
    expect(await electorateOf(funding.id)).toEqual([...council].sort((a, b) => a - b));
  });

  it("leaves out the people the kind's excludedVoters names, and refuses an opener among them", async () => {
    const { group, ids } = await directGroup("kinds-excluded", 4);
    const [a = 0, b = 0, c = 0, d = 0] = ids;
    excludedBySubject.set("post-x", [b, c]);
    const vote = await openVoteAs(deps, a, {
      group: group.id,
      kind: "content-item",
      subjectId: "post-x",
      closesAt: inAWeek(),
    });
    expect(vote.electorateSize).toBe(2);
    expect(await electorateOf(vote.id)).toEqual([a, d].sort((x, y) => x - y));
    const excludedCast = await errorOf(
      castBallot({ deps, actor: personActor(b), input: { voteId: vote.id, choice: "yes" } }),
    );
    expect(excludedCast.code).toBe("forbidden");
    excludedBySubject.set("post-y", [a]);
    const refused = await errorOf(
      openVoteAs(deps, a, {
        group: group.id,
        kind: "content-item",
        subjectId: "post-y",
        closesAt: inAWeek(),
      }),
    );
    expect(refused.code).toBe("forbidden");
  });

  it("refuses a kind no room registered, a record kind without its subject, and the owner's own refusals", async () => {
    const { group } = await directGroup("kinds-refused", 2);
    expect(registeredVoteSubjectKinds()).not.toContain("ownership-transfer");
    const unknown = await errorOf(
      openVote({
        deps,
        actor: CLI_DECISION_ACTOR,
        input: { group: group.id, kind: "ownership-transfer", subjectId: "pkg", closesAt: inAWeek() },
      }),
    );
    expect(unknown.message).toMatch(/kind: nothing here decides ownership-transfer votes/);
    const noSubject = await errorOf(
      openVote({
        deps,
        actor: CLI_DECISION_ACTOR,
        input: { group: group.id, kind: "charter-change", closesAt: inAWeek() },
      }),
    );
    expect(noSubject.message).toMatch(/subjectId: a charter-change vote needs the record it is about/);
    const withdrawn = await errorOf(
      openVote({
        deps,
        actor: CLI_DECISION_ACTOR,
        input: { group: group.id, kind: "charter-change", subjectId: "withdrawn", closesAt: inAWeek() },
      }),
    );
    expect(withdrawn.message).toBe("That change was withdrawn.");
    expect((await database.db.select().from(votes).where(eq(votes.groupId, group.id))).length).toBe(0);
  });

  it("keeps a vote open when nothing applies its kind's outcome, and the column refuses unknown kinds", async () => {
    const { group } = await directGroup("kinds-unhandled", 2);
    const now = clock.now();
    const [orphan] = await database.db
      .insert(votes)
      .values({
        groupId: group.id,
        kind: "ownership-transfer",
        subjectId: "some-package",
        title: "Transfer some-package",
        body: "board",
        secrecy: "open",
        baseRule: "electorate",
        electorateSize: 3,
        openedAt: now,
        closesAt: now,
        latestClosesAt: now,
        status: "open",
      })
      .returning();
    const err = await errorOf(closeVote({ deps, actor: CLI_DECISION_ACTOR, input: { voteId: orphan?.id } }));
    expect(err.message).toMatch(/nothing here applies the outcome of such votes: it stays open/);
    const [still] = await database.db
      .select()
      .from(votes)
      .where(eq(votes.id, orphan?.id ?? 0));
    expect(still?.status).toBe("open");
    await expect(
      database.db.execute(sql`update votes set kind = 'bake-sale' where id = ${orphan?.id ?? 0}`),
    ).rejects.toThrow();
  });
});
