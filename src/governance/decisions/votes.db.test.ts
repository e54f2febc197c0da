import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestDatabase, createTestDatabase } from "../../../test/db.ts";
import { errorOf } from "../../../test/governance-refusal.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { castBallot } from "./cast-ballot.ts";
import { closeDueVotes } from "./close-due-votes.ts";
import { closeVote } from "./close-vote.ts";
import {
  addCharterRoles,
  addToGroup,
  charterWith,
  grantFoundationRole,
  groupWithMembers,
  makeGroup,
  makePeople,
  openVoteAs,
  personActor,
} from "./decisions.fixtures.ts";
import { CLI_DECISION_ACTOR } from "./decisions.repo.ts";
import type { DecisionDeps } from "./deps.ts";
import { extendVote } from "./extend-vote.ts";
import { openVote } from "./open-vote.ts";

const { votes, rolePeriods, auditLog, voteParticipation, openBallots, voteExtensions, voteElectorate } =
  schema;

let database: Database;
const clock = new FixedClock("2026-03-01T12:00:00Z");
let deps: DecisionDeps;
const inAWeek = () => new Date(clock.now().getTime() + 7 * 86_400_000).toISOString();

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { database, clock };
});
afterAll(() => closeTestDatabase(database));

async function directGroup(slug: string, members: number, settings?: Parameters<typeof makeGroup>[2]) {
  return groupWithMembers(database, charterWith({ slug, termMonths: 12 }), members, { settings });
}

describe("opening a vote", () => {
  it("freezes the electorate from the group's members and stores the base rule", async () => {
    const { group, ids } = await directGroup("open-direct", 5, { baseRule: "cast" });
    const [candidate] = await makePeople(database, 1, "cand");
    const vote = await openVoteAs(deps, ids[0] ?? 0, {
      group: group.slug,
      kind: "admit-member",
      subjectPersonId: candidate,
      closesAt: inAWeek(),
    });
    expect(vote).toMatchObject({
      electorateSize: 5,
      baseRule: "cast",
      body: "group",
      secrecy: "open",
      status: "open",
    });
    // A member joining after the vote opened is not in its electorate.
    const [late] = await makePeople(database, 1, "late");
    await addToGroup(database, group.id, [late ?? 0], { startedOn: "2026-03-01" });
    const err = await errorOf(
      castBallot({ deps, actor: personActor(late ?? 0), input: { voteId: vote.id, choice: "yes" } }),
    );
    expect(err.message).toMatch(/not in the electorate/);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, String(vote.id)));
    expect(audit.map((a) => a.action)).toContain("vote.opened");
  });

  it("leaves the subject of a removal vote out of the electorate", async () => {
    const { group, ids } = await directGroup("remove-subject", 4);
    const vote = await openVoteAs(deps, ids[0] ?? 0, {
      group: group.id,
      kind: "remove-member",
      subjectPersonId: ids[3],
      closesAt: inAWeek(),
    });
    expect(vote.electorateSize).toBe(3);
    const electorate = await database.db
      .select()
      .from(voteElectorate)
      .where(eq(voteElectorate.voteId, vote.id));
    expect(electorate.map((e) => e.personId)).not.toContain(ids[3]);
  });

  it("uses the Board for a board-managed group and the Steering Council for a steering-council-managed one", async () => {
    const board = await makePeople(database, 3, "board");
    const council = await makePeople(database, 2, "sc");
    await grantFoundationRole(database, board, "board-member");
    await grantFoundationRole(database, council, "steering-council-member");
    const [former] = await makePeople(database, 1, "former-board");
    await grantFoundationRole(database, [former ?? 0], "board-member", {
      startedOn: "2024-01-01",
      endedOn: "2026-01-01",
    });
    const bm = await makeGroup(
      database,
      charterWith({ slug: "board-managed", membershipModel: "board-managed" }),
    );
    const sc = await makeGroup(
      database,
      charterWith({ slug: "sc-managed", membershipModel: "steering-council-managed" }),
    );
    const [a, b] = await makePeople(database, 2, "cand");
    const v1 = await openVoteAs(deps, board[0] ?? 0, {
      group: bm.id,
      kind: "admit-member",
      subjectPersonId: a,
      closesAt: inAWeek(),
    });
    expect(v1).toMatchObject({ body: "board", electorateSize: 3 });
    const v2 = await openVoteAs(deps, council[0] ?? 0, {
      group: sc.id,
      kind: "admit-member",
      subjectPersonId: b,
      closesAt: inAWeek(),
    });
    expect(v2).toMatchObject({ body: "steering-council", electorateSize: 2 });
    const err = await errorOf(
      openVoteAs(deps, board[0] ?? 0, { group: sc.id, kind: "proposal", title: "x", closesAt: inAWeek() }),
    );
    expect(err.code).toBe("forbidden");
  });

  it("refuses bad input with a message naming the field, and writes nothing", async () => {
    const { group, ids } = await directGroup("bad-input", 3);
    const actor = personActor(ids[0] ?? 0);
    const before = (await database.db.select().from(votes)).length;
    const past = await errorOf(
      openVote({
        deps,
        actor,
        input: { group: group.id, kind: "proposal", title: "t", closesAt: "2026-02-01T00:00:00Z" },
      }),
    );
    expect(past.message).toMatch(/closesAt: .*must be in the future/);
    const noSubject = await errorOf(
      openVote({ deps, actor, input: { group: group.id, kind: "admit-member", closesAt: inAWeek() } }),
    );
    expect(noSubject.message).toMatch(/subjectPersonId/);
    const badKind = await errorOf(
      openVote({ deps, actor, input: { group: group.id, kind: "coup", closesAt: inAWeek() } }),
    );
    expect(badKind.message).toMatch(/kind/);
    const member = await errorOf(
      openVote({
        deps,
        actor,
        input: { group: group.id, kind: "admit-member", subjectPersonId: ids[1], closesAt: inAWeek() },
      }),
    );
    expect(member.message).toMatch(/already in/);
    expect((await database.db.select().from(votes)).length).toBe(before);
  });
});

describe("casting ballots", () => {
  it("takes one ballot per voter; a second is refused clearly", async () => {
    const { group, ids } = await directGroup("one-ballot", 5);
    const vote = await openVote({
      deps,
      actor: CLI_DECISION_ACTOR,
      input: { group: group.id, kind: "proposal", title: "Adopt a logo", closesAt: inAWeek() },
    });
    await castBallot({ deps, actor: personActor(ids[0] ?? 0), input: { voteId: vote.id, choice: "no" } });
    const err = await errorOf(
      castBallot({ deps, actor: personActor(ids[0] ?? 0), input: { voteId: vote.id, choice: "yes" } }),
    );
    expect(err.code).toBe("conflict");
    expect(err.message).toMatch(/already voted in vote #\d+; a ballot cannot be cast twice or changed/);
    const row = (await database.db.select().from(votes).where(eq(votes.id, vote.id)))[0];
    expect(row).toMatchObject({ yes: 0, no: 1, abstain: 0 });
  });

  it("the unique constraint itself refuses a second participation row", async () => {
    const { group, ids } = await directGroup("constraint", 2);
    const vote = await openVote({
      deps,
      actor: CLI_DECISION_ACTOR,
      input: { group: group.id, kind: "proposal", title: "t", closesAt: inAWeek() },
    });
    const row = { voteId: vote.id, personId: ids[0] ?? 0, votedOn: "2026-03-01" };
    await database.db.insert(voteParticipation).values(row);
    await expect(database.db.insert(voteParticipation).values(row)).rejects.toThrow();
  });

  it("closes early once enough yes votes are in, and admits the member in the same transaction", async () => {
    const { group, ids } = await directGroup("early-pass", 5);
    const [candidate] = await makePeople(database, 1, "cand");
    const vote = await openVoteAs(deps, ids[0] ?? 0, {
      group: group.id,
      kind: "admit-member",
      subjectPersonId: candidate,
      closesAt: inAWeek(),
    });
    for (const i of [0, 1])
      await castBallot({ deps, actor: personActor(ids[i] ?? 0), input: { voteId: vote.id, choice: "yes" } });
    const third = await castBallot({
      deps,
      actor: personActor(ids[2] ?? 0),
      input: { voteId: vote.id, choice: "yes" },
    });
    expect(third).toEqual({ voteId: vote.id, closed: true, outcome: "passed" });
    const closed = (await database.db.select().from(votes).where(eq(votes.id, vote.id)))[0];
    expect(closed).toMatchObject({ status: "closed", outcome: "passed", closeReason: "decided", base: 5 });
    const periods = await database.db
      .select()
      .from(rolePeriods)
      .where(and(eq(rolePeriods.groupId, group.id), eq(rolePeriods.personId, candidate ?? 0)));
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({
      role: "member",
      startedOn: "2026-03-01",
      termEndsOn: "2027-03-01",
      decisionRef: `vote:${vote.id}`,
    });
    const late = await errorOf(
      castBallot({ deps, actor: personActor(ids[3] ?? 0), input: { voteId: vote.id, choice: "no" } }),
    );
    expect(late.message).toMatch(/is closed/);
  });

  it("closes early as failed once too few voters remain", async () => {
    const { group, ids } = await directGroup("early-fail", 4);
    const vote = await openVote({
      deps,
      actor: CLI_DECISION_ACTOR,
      input: { group: group.id, kind: "proposal", title: "t", closesAt: inAWeek() },
    });
    await castBallot({ deps, actor: personActor(ids[0] ?? 0), input: { voteId: vote.id, choice: "no" } });
    const r = await castBallot({
      deps,
      actor: personActor(ids[1] ?? 0),
      input: { voteId: vote.id, choice: "abstain" },
    });
    expect(r).toMatchObject({ closed: true, outcome: "failed" });
  });

  it("refuses ballots after the closing time and closes the vote on time as failed on a tie", async () => {
    const { group, ids } = await directGroup("deadline", 4, { baseRule: "cast" });
    const vote = await openVote({
      deps,
      actor: CLI_DECISION_ACTOR,
      input: { group: group.id, kind: "proposal", title: "t", closesAt: inAWeek() },
    });
    await castBallot({ deps, actor: personActor(ids[0] ?? 0), input: { voteId: vote.id, choice: "yes" } });
    await castBallot({ deps, actor: personActor(ids[1] ?? 0), input: { voteId: vote.id, choice: "no" } });
    const early = await errorOf(closeVote({ deps, actor: CLI_DECISION_ACTOR, input: { voteId: vote.id } }));
    expect(early.message).toMatch(/stays open until/);
    clock.advance(8 * 86_400_000);
    const late = await errorOf(
      castBallot({ deps, actor: personActor(ids[2] ?? 0), input: { voteId: vote.id, choice: "yes" } }),
    );
    expect(late.message).toMatch(/closed for ballots/);
    const { closed } = await closeDueVotes({ deps });
    expect(closed).toContain(vote.id);
    const row = (await database.db.select().from(votes).where(eq(votes.id, vote.id)))[0];
    expect(row).toMatchObject({ outcome: "failed", base: 2, closeReason: "deadline" });
    expect((await closeDueVotes({ deps })).closed).not.toContain(vote.id);
    clock.set("2026-03-01T12:00:00Z");
  });

  it("records extensions and refuses one that does not move the closing time later", async () => {
    const { group, ids } = await directGroup("extend", 3);
    const vote = await openVote({
      deps,
      actor: CLI_DECISION_ACTOR,
      input: { group: group.id, kind: "proposal", title: "t", closesAt: inAWeek() },
    });
    const later = new Date(vote.closesAt.getTime() + 86_400_000).toISOString();
    const bad = await errorOf(
      extendVote({
        deps,
        actor: personActor(ids[0] ?? 0),
        input: { voteId: vote.id, closesAt: vote.closesAt.toISOString(), reason: "more time" },
      }),
    );
    expect(bad.message).toMatch(/later than/);
    const noReason = await errorOf(
      extendVote({
        deps,
        actor: personActor(ids[0] ?? 0),
        input: { voteId: vote.id, closesAt: later, reason: " " },
      }),
    );
    expect(noReason.message).toMatch(/reason/);
    const extended = await extendVote({
      deps,
      actor: personActor(ids[0] ?? 0),
      input: { voteId: vote.id, closesAt: later, reason: "holidays" },
    });
    expect(extended.closesAt.toISOString()).toBe(later);
    const ext = await database.db.select().from(voteExtensions).where(eq(voteExtensions.voteId, vote.id));
    expect(ext).toHaveLength(1);
    expect(ext[0]).toMatchObject({ reason: "holidays", byPersonId: ids[0] });
  });
});

describe("applying outcomes", () => {
  it("removal ends the member's periods with the reason; chair election replaces the chair", async () => {
    const { group, ids } = await directGroup("apply", 5);
    const [oldChair] = ids;
    await addToGroup(database, group.id, [oldChair ?? 0], { role: "chair" });
    const removal = await openVote({
      deps,
      actor: CLI_DECISION_ACTOR,
      input: { group: group.id, kind: "remove-member", subjectPersonId: ids[4], closesAt: inAWeek() },
    });
    for (const i of [0, 1, 2])
      await castBallot({
        deps,
        actor: personActor(ids[i] ?? 0),
        input: { voteId: removal.id, choice: "yes" },
      });
    const removed = await database.db
      .select()
      .from(rolePeriods)
      .where(and(eq(rolePeriods.groupId, group.id), eq(rolePeriods.personId, ids[4] ?? 0)));
    expect(removed[0]).toMatchObject({
      endedOn: "2026-03-01",
      reason: `removed by vote (vote:${removal.id})`,
    });

    const election = await openVote({
      deps,
      actor: CLI_DECISION_ACTOR,
      input: { group: group.id, kind: "elect-chair", subjectPersonId: ids[1], closesAt: inAWeek() },
    });
    expect(election.electorateSize).toBe(3);
    const own = await errorOf(
      castBallot({ deps, actor: personActor(ids[1] ?? 0), input: { voteId: election.id, choice: "yes" } }),
    );
    expect(own.message).toMatch(/not in the electorate/);
    for (const i of [0, 2])
      await castBallot({
        deps,
        actor: personActor(ids[i] ?? 0),
        input: { voteId: election.id, choice: "yes" },
      });
    const chairs = await database.db
      .select()
      .from(rolePeriods)
      .where(
        and(eq(rolePeriods.groupId, group.id), eq(rolePeriods.role, "chair"), isNull(rolePeriods.endedOn)),
      );
    expect(chairs.map((c) => c.personId)).toEqual([ids[1]]);
  });
});

describe("members known only from the charter", () => {
  it("vote, and a removal records the charter role as a period before ending it", async () => {
    const group = await makeGroup(database, charterWith({ slug: "charter-only" }));
    const ids = await makePeople(database, 3, "charter-only");
    await addCharterRoles(database, group.id, ids);
    const [alumnus] = await makePeople(database, 1, "alumnus");
    await addCharterRoles(database, group.id, [alumnus ?? 0], "alumnus");
    const removal = await openVoteAs(deps, ids[0] ?? 0, {
      group: group.id,
      kind: "remove-member",
      subjectPersonId: ids[2],
      closesAt: inAWeek(),
    });
    expect(removal.electorateSize).toBe(2);
    for (const i of [0, 1]) {
      await castBallot({
        deps,
        actor: personActor(ids[i] ?? 0),
        input: { voteId: removal.id, choice: "yes" },
      });
    }
    const periods = await database.db
      .select()
      .from(rolePeriods)
      .where(and(eq(rolePeriods.groupId, group.id), eq(rolePeriods.personId, ids[2] ?? 0)));
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({
      role: "member",
      decisionRef: "charter import",
      endedOn: "2026-03-01",
    });
    // The removed member no longer counts, even though the charter file still names them.
    const next = await openVoteAs(deps, ids[0] ?? 0, {
      group: group.id,
      kind: "proposal",
      title: "after",
      closesAt: inAWeek(),
    });
    expect(next.electorateSize).toBe(2);
  });
});

describe("concurrency and atomicity", () => {
  it("50 ballots cast at once on one vote give the exact tally", async () => {
    const { group, ids } = await directGroup("fifty", 60);
    const vote = await openVote({
      deps,
      actor: CLI_DECISION_ACTOR,
      input: { group: group.id, kind: "proposal", title: "t", closesAt: inAWeek() },
    });
    // 24 yes, 16 no, 10 abstain of 60: never decided early, so every ballot must be taken.
    const choices = [...Array(24).fill("yes"), ...Array(16).fill("no"), ...Array(10).fill("abstain")];
    const results = await Promise.allSettled(
      choices.map((choice, i) =>
        castBallot({ deps, actor: personActor(ids[i] ?? 0), input: { voteId: vote.id, choice } }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const row = (await database.db.select().from(votes).where(eq(votes.id, vote.id)))[0];
    expect(row).toMatchObject({ yes: 24, no: 16, abstain: 10, status: "open" });
    expect(await database.db.select().from(openBallots).where(eq(openBallots.voteId, vote.id))).toHaveLength(
      50,
    );
    expect(
      await database.db.select().from(voteParticipation).where(eq(voteParticipation.voteId, vote.id)),
    ).toHaveLength(50);
  });

  it("50 concurrent yes ballots on 50 voters: exactly 26 are taken, the vote closes once and admits once", async () => {
    const { group, ids } = await directGroup("fifty-early", 50);
    const [candidate] = await makePeople(database, 1, "cand");
    const vote = await openVote({
      deps,
      actor: CLI_DECISION_ACTOR,
      input: { group: group.id, kind: "admit-member", subjectPersonId: candidate, closesAt: inAWeek() },
    });
    const results = await Promise.allSettled(
      ids.map((id) =>
        castBallot({ deps, actor: personActor(id), input: { voteId: vote.id, choice: "yes" } }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(26);
    const row = (await database.db.select().from(votes).where(eq(votes.id, vote.id)))[0];
    expect(row).toMatchObject({ yes: 26, status: "closed", outcome: "passed" });
    const periods = await database.db
      .select()
      .from(rolePeriods)
      .where(and(eq(rolePeriods.groupId, group.id), eq(rolePeriods.personId, candidate ?? 0)));
    expect(periods).toHaveLength(1);
  });

  it("a crash between the tally and the membership change leaves neither applied", async () => {
    const { group, ids } = await directGroup("crash", 3);
    const [candidate] = await makePeople(database, 1, "cand");
    const vote = await openVote({
      deps,
      actor: CLI_DECISION_ACTOR,
      input: { group: group.id, kind: "admit-member", subjectPersonId: candidate, closesAt: inAWeek() },
    });
    await castBallot({ deps, actor: personActor(ids[0] ?? 0), input: { voteId: vote.id, choice: "yes" } });
    const auditBefore = (await database.db.select().from(auditLog)).length;
    let reached = false;
    const crash = await errorOf(
      castBallot({
        deps,
        actor: personActor(ids[1] ?? 0),
        input: { voteId: vote.id, choice: "yes" },
        hooks: {
          afterTally: (id) => {
            expect(id).toBe(vote.id);
            reached = true;
            throw new Error("power cut");
          },
        },
      }),
    );
    expect(reached).toBe(true);
    expect(crash.message).toBe("power cut");
    const row = (await database.db.select().from(votes).where(eq(votes.id, vote.id)))[0];
    expect(row).toMatchObject({ status: "open", outcome: null, yes: 1 });
    const periods = await database.db
      .select()
      .from(rolePeriods)
      .where(and(eq(rolePeriods.groupId, group.id), eq(rolePeriods.personId, candidate ?? 0)));
    expect(periods).toHaveLength(0);
    expect(
      await database.db.select().from(voteParticipation).where(eq(voteParticipation.voteId, vote.id)),
    ).toHaveLength(1);
    expect((await database.db.select().from(auditLog)).length).toBe(auditBefore);
    // The same ballot, without the crash, then goes through and applies everything.
    const ok = await castBallot({
      deps,
      actor: personActor(ids[1] ?? 0),
      input: { voteId: vote.id, choice: "yes" },
    });
    expect(ok.outcome).toBe("passed");
  });
});
