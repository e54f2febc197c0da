/**
 * Each membership model from charter text to decision: the charter is parsed, stored, and the
 * policy and the decision operations then do what it says. Invitation: a member's invitation
 * admits, no vote. Consensus: every other member must approve, one objection refuses. Appointment:
 * the named role holder admits. Not stated: no vote is run, applying is refused, and the message
 * says to ask the Board. Direct: the group still votes 50%+1.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { errorOf } from "../../../test/governance-refusal.ts";
import { decide } from "../../kernel/index.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { parseCharter } from "../charter/parse-charter.ts";
import { groupResourceOf } from "../policy/actor.repo.ts";
import { registerGovernance } from "../policy/room-router.ts";
import { admitMember } from "./admit-member.ts";
import { applyToGroup } from "./apply-to-group.ts";
import { castBallot } from "./cast-ballot.ts";
import { addToGroup, makeGroup, makePeople, openVoteAs, personActor } from "./decisions.fixtures.ts";
import type { DecisionDeps } from "./deps.ts";
import { openApplicationVote } from "./open-application-vote.ts";

const { rolePeriods, membershipApplications, votes } = schema;
// The policy consults what governance registers (as its routers do).
registerGovernance();

let database: Database;
const clock = new FixedClock("2026-03-01T12:00:00Z");
let deps: DecisionDeps;
const DAY = "2026-03-01";
const inAWeek = () => new Date(clock.now().getTime() + 7 * 86_400_000);

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { database, clock };
});
afterAll(async () => {
  await database.close();
});

let n = 0;
/** A group stored from charter markdown whose "Future membership" section is `future`. */
async function groupFromCharter(future: string) {
  const slug = `model-${++n}`;
  const charter = parseCharter({
    markdown: `# Model ${n} Working Group\n\n## Membership\n\n- Chair: Chair ${n}\n\n## Future membership\n\n${future}\n`,
    path: `active/${slug}.md`,
  });
  const group = await makeGroup(database, charter);
  return { group, charter };
}

/** Members with role periods; the first is the Chair. */
async function members(groupId: number, count: number) {
  const ids = await makePeople(database, count, "m");
  await addToGroup(database, groupId, ids.slice(0, 1), { role: "chair" });
  await addToGroup(database, groupId, ids.slice(1));
  return ids;
}

async function apply(groupId: number) {
  const [applicant] = await makePeople(database, 1, "applicant");
  const result = await applyToGroup({
    deps,
    actor: personActor(applicant ?? 0),
    input: { group: groupId, statement: "I would like to help", skills: "triage", timeCommitment: "2h" },
  });
  return { applicant: applicant ?? 0, applicationId: result.applicationId, decidedBy: result.decidedBy };
}

async function isMember(groupId: number, personId: number) {
  const rows = await database.db.select().from(rolePeriods).where(eq(rolePeriods.personId, personId));
  return rows.some((r) => r.groupId === groupId && r.role === "member" && r.endedOn === null);
}

describe("invitation: a member's invitation admits, no vote", () => {
  it("reads Triage & Review's wording, lets a member admit an applicant, and runs no vote", async () => {
    const { group, charter } = await groupFromCharter(
      "The membership will operate as follows:\n- Any existing member can invite an active contributor to join the team\n- Each year, every non-Fellow member will need to reaffirm their membership with the team",
    );
    expect(charter.membershipModel).toBe("invitation");
    const ids = await members(group.id, 3);
    const resource = groupResourceOf(group);
    expect(
      decide(
        {
          userId: 1,
          personId: ids[2] ?? 0,
          foundationRoles: [],
          groupRoles: [{ groupId: group.id, role: "member", title: "", startedOn: null, endedOn: null }],
          scopes: null,
        },
        "group.decide-membership",
        resource,
        DAY,
      ).allowed,
    ).toBe(true);

    const { applicant, applicationId, decidedBy } = await apply(group.id);
    expect(decidedBy).toBe("an invitation from any member of the group, without a vote");
    const vote = await errorOf(
      openApplicationVote({
        deps,
        actor: personActor(ids[0] ?? 0),
        input: { applicationId, closesAt: inAWeek() },
      }),
    );
    expect(vote.message).toMatch(/admits new members by a member's invitation, without a vote/u);
    const direct = await errorOf(
      openVoteAs(deps, ids[1] ?? 0, {
        group: group.id,
        kind: "remove-member",
        subjectPersonId: ids[2],
        closesAt: inAWeek(),
      }),
    );
    expect(direct.message).toMatch(/does not state how members are removed .* ask the DSF Board/u);

    const outsider = (await makePeople(database, 1, "outsider"))[0] ?? 0;
    const refused = await errorOf(
      admitMember({ deps, actor: personActor(outsider), input: { group: group.id, applicationId } }),
    );
    expect(refused.message).toMatch(/you cannot admit them/u);

    const admitted = await admitMember({
      deps,
      actor: personActor(ids[2] ?? 0),
      input: { group: group.id, applicationId },
    });
    expect(admitted.decisionRef).toBe(`invitation:${ids[2]}`);
    expect(await isMember(group.id, applicant)).toBe(true);
    const [app] = await database.db
      .select()
      .from(membershipApplications)
      .where(eq(membershipApplications.id, applicationId));
    expect(app?.status).toBe("accepted");
    expect(await database.db.select().from(votes).where(eq(votes.groupId, group.id))).toEqual([]);
    // Inviting someone who has not applied works the same way, once.
    const [guest] = await makePeople(database, 1, "guest");
    await admitMember({ deps, actor: personActor(ids[1] ?? 0), input: { group: group.id, personId: guest } });
    expect(await isMember(group.id, guest ?? 0)).toBe(true);
    const twice = await errorOf(
      admitMember({ deps, actor: personActor(ids[1] ?? 0), input: { group: group.id, personId: guest } }),
    );
    expect(twice.message).toMatch(/is already in/u);
  });
});

describe("consensus of the rest: every other member must approve", () => {
  it("passes only with everyone's yes, and fails at the first objection", async () => {
    const { group, charter } = await groupFromCharter(
      "New members are admitted by consensus of the existing members.",
    );
    expect(charter.membershipModel).toBe("consensus");
    const ids = await members(group.id, 3);
    const [a, b] = await makePeople(database, 2, "candidate");
    const everyone = await openVoteAs(deps, ids[0] ?? 0, {
      group: group.id,
      kind: "admit-member",
      subjectPersonId: a,
      closesAt: inAWeek(),
    });
    expect(everyone).toMatchObject({ baseRule: "consensus", body: "group", electorateSize: 3 });
    for (const voter of ids.slice(0, 2)) {
      const r = await castBallot({
        deps,
        actor: personActor(voter),
        input: { voteId: everyone.id, choice: "yes" },
      });
      expect(r.closed).toBe(false); // two yes of three are not consensus
    }
    const last = await castBallot({
      deps,
      actor: personActor(ids[2] ?? 0),
      input: { voteId: everyone.id, choice: "yes" },
    });
    expect(last).toMatchObject({ closed: true, outcome: "passed" });
    expect(await isMember(group.id, a ?? 0)).toBe(true);

    const objection = await openVoteAs(deps, ids[0] ?? 0, {
      group: group.id,
      kind: "admit-member",
      subjectPersonId: b,
      closesAt: inAWeek(),
    });
    await castBallot({
      deps,
      actor: personActor(ids[0] ?? 0),
      input: { voteId: objection.id, choice: "yes" },
    });
    // One objection is enough, whatever the others would vote: the vote closes at once.
    const no = await castBallot({
      deps,
      actor: personActor(ids[1] ?? 0),
      input: { voteId: objection.id, choice: "no" },
    });
    expect(no).toMatchObject({ closed: true, outcome: "failed" });
    expect(await isMember(group.id, b ?? 0)).toBe(false);
  });
});

describe("appointment: the named role holder admits", () => {
  it("lets the Chair admit, not another member, and runs no vote", async () => {
    const { group, charter } = await groupFromCharter("The Chair appoints new members from the volunteers.");
    expect(charter.membershipModel).toBe("appointment");
    expect(charter.appointedBy).toEqual(["chair"]);
    const ids = await members(group.id, 3);
    const { applicant, applicationId, decidedBy } = await apply(group.id);
    expect(decidedBy).toBe("appointment by the Chair, without a vote");
    const byMember = await errorOf(
      admitMember({ deps, actor: personActor(ids[1] ?? 0), input: { group: group.id, applicationId } }),
    );
    expect(byMember.code).toBe("forbidden");
    const vote = await errorOf(
      openVoteAs(deps, ids[0] ?? 0, {
        group: group.id,
        kind: "admit-member",
        subjectPersonId: applicant,
        closesAt: inAWeek(),
      }),
    );
    expect(vote.message).toMatch(/admits new members by appointment \(the Chair\), without a vote/u);
    const admitted = await admitMember({
      deps,
      actor: personActor(ids[0] ?? 0),
      input: { group: group.id, applicationId },
    });
    expect(admitted.decisionRef).toBe(`appointment:${ids[0]}`);
    expect(await isMember(group.id, applicant)).toBe(true);
  });
});

describe("not stated: no vote is run, and the page says to ask the Board", () => {
  it("reads Accessibility's wording as not stated and refuses votes and applications", async () => {
    const { group, charter } = await groupFromCharter(
      "The team does not have a fixed size.\nThe team decides when new members are needed.\nNew members are chosen from a list of volunteers.",
    );
    expect(charter.membershipModel).toBeNull();
    const ids = await members(group.id, 3);
    for (const kind of ["admit-member", "remove-member", "elect-chair", "proposal"] as const) {
      const [subject] = await makePeople(database, 1, "subject");
      const e = await errorOf(
        openVoteAs(deps, ids[0] ?? 0, {
          group: group.id,
          kind,
          subjectPersonId: kind === "remove-member" ? ids[1] : kind === "proposal" ? null : subject,
          title: kind === "proposal" ? "A proposal" : undefined,
          closesAt: inAWeek(),
        }),
      );
      expect(e.message, kind).toMatch(
        /does not state how its membership decisions are taken, so no vote is run; ask the DSF Board/u,
      );
    }
    const [applicant] = await makePeople(database, 1, "applicant");
    const applied = await errorOf(
      applyToGroup({
        deps,
        actor: personActor(applicant ?? 0),
        input: { group: group.id, statement: "Hello", skills: "a11y", timeCommitment: "1h" },
      }),
    );
    expect(applied.message).toMatch(/does not state how new members are admitted.*ask the DSF Board/u);
    const admit = await errorOf(
      admitMember({ deps, actor: personActor(ids[0] ?? 0), input: { group: group.id, personId: applicant } }),
    );
    expect(admit.code).toBe("conflict");
    expect(await database.db.select().from(votes).where(eq(votes.groupId, group.id))).toEqual([]);
  });
});

describe("direct: the group still votes 50%+1", () => {
  it("opens a majority vote of the members and refuses an admission without one", async () => {
    const { group, charter } = await groupFromCharter(
      "Direct membership: new members may self-nominate; the WG will vote (50%+1) to approve/deny new members.",
    );
    expect(charter.membershipModel).toBe("direct");
    const ids = await members(group.id, 3);
    const [candidate] = await makePeople(database, 1, "candidate");
    const vote = await openVoteAs(deps, ids[0] ?? 0, {
      group: group.id,
      kind: "admit-member",
      subjectPersonId: candidate,
      closesAt: inAWeek(),
    });
    expect(vote).toMatchObject({ baseRule: "electorate", body: "group", electorateSize: 3 });
    const e = await errorOf(
      admitMember({ deps, actor: personActor(ids[0] ?? 0), input: { group: group.id, personId: candidate } }),
    );
    expect(e.message).toMatch(
      /does not admit members without a vote: new members are decided by a vote of the group's members/u,
    );
  });
});
