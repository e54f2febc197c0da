/**
 * The lifecycle on the database, state by state: a proposal drafted from the template, refused as
 * incomplete field by field, revised (every text kept), marked ready (the Board and the named
 * liaison notified through the outbox), decided by a Board vote (approved with its set-up
 * checklist, after which the group is active; or rejected with feedback and revised); charter
 * changes applied directly or after a Board vote; shutdowns by consensus (a majority is not
 * enough), by the Board, and forced, then archived with the checklist.
 */
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { buildCharter } from "../../../test/factories/governance.ts";
import { sharedData } from "../../../test/shared-data.ts";
import { FixedClock } from "../../platform/clock.ts";
import { toAppError } from "../../platform/db/errors.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { loadAgendaSections } from "../board/agenda.ts";
import { renderCharterMarkdown } from "../charter/render-charter.ts";
import { castBallot } from "../decisions/cast-ballot.ts";
import { closeVote } from "../decisions/close-vote.ts";
import {
  addToGroup,
  charterWith,
  grantFoundationRole,
  makeGroup,
  makePeople,
  personActor,
} from "../decisions/decisions.fixtures.ts";
import { CLI_DECISION_ACTOR } from "../decisions/decisions.repo.ts";
import type { DecisionDeps } from "../decisions/deps.ts";
import { personKey } from "../registry/person-key.ts";
import { draftProposal } from "./draft-proposal.ts";
import "./lifecycle-agenda.ts";
import { importProposals } from "./import-proposals.ts";
import { loadProposal, selectRevisions } from "./lifecycle.repo.ts";
import { markProposalReady } from "./mark-proposal-ready.ts";
import { openLifecycleVote } from "./open-lifecycle-vote.ts";
import { proposeCharterChange } from "./propose-charter-change.ts";
import { recordChecklistStep } from "./record-checklist-step.ts";
import { recordProposalFeedback } from "./record-proposal-feedback.ts";
import { reviseProposal } from "./revise-proposal.ts";
import { startShutdown } from "./start-shutdown.ts";

const { groups, notifications, groupShutdowns, personAliases, people } = schema;

let database: Database;
const clock = new FixedClock("2026-03-02T12:00:00Z");
let deps: DecisionDeps;
const inAWeek = () => new Date(clock.now().getTime() + 7 * 86_400_000).toISOString();
let board: number[];
let author: number;
let liaison: number;

/** A success where a refusal was expected fails the test. */
const unexpected = (): never => {
  throw new Error("expected a refusal");
};
const groupRow = async (id: number) => (await database.db.select().from(groups).where(eq(groups.id, id)))[0];
const vote = async (voteId: number, voters: number[], choice: "yes" | "no") => {
  for (const personId of voters) {
    const [row] = await database.db.select().from(schema.votes).where(eq(schema.votes.id, voteId));
    if (row?.status !== "open") return;
    await castBallot({ deps, actor: personActor(personId), input: { voteId, choice } });
  }
};
const close = (voteId: number) => closeVote({ deps, actor: CLI_DECISION_ACTOR, input: { voteId } });
const toClose = (v: { status: string; id: number }) => (v.status === "open" ? close(v.id) : v);

/** A complete charter for a new group, named with the liaison's name. */
const completeCharter = (slug: string, name: string) =>
  renderCharterMarkdown(
    buildCharter({
      slug,
      name,
      status: "proposed",
      roles: {
        chair: [{ name: "Ada Lovelace", handle: null }],
        coChair: [{ name: "Brook Smith", handle: null }],
        boardLiaison: [{ name: "Lia Jones", handle: null }],
        steeringCouncilLiaison: [],
        other: [],
      },
      members: ["Ada Lovelace", "Brook Smith", "Lia Jones"].map((n) => ({ name: n, handle: null })),
    }),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { database, clock };
  board = await makePeople(database, 3, "board");
  await grantFoundationRole(database, board, "board-member");
  [author = 0] = await makePeople(database, 1, "author");
  const [row] = await database.db
    .insert(people)
    .values({ slug: "lia-jones", name: "Lia Jones", createdAt: clock.now() })
    .returning();
  liaison = row?.id ?? 0;
  await database.db.insert(personAliases).values({
    personId: liaison,
    alias: "Lia Jones",
    aliasKey: personKey("Lia Jones"),
    source: "import",
    createdAt: clock.now(),
  });
});

describe("a proposal, drafted to approved", () => {
  it("starts from the template, refuses to be marked ready while incomplete, and keeps every revision", async () => {
    const draft = await draftProposal({
      deps,
      actor: personActor(author),
      input: { slug: "outreach", name: "Outreach Working Group", kind: "working-group" },
    });
    expect(draft).toMatchObject({ status: "draft", source: "guildhall", authorPersonId: author });
    expect(draft.revision.markdown).toContain("# Outreach Working Group");
    expect(draft.revision.markdown).toContain("- Chair: todo");
    const refused = await markProposalReady({ deps, actor: personActor(author), proposalId: draft.id }).then(
      unexpected,
      toAppError,
    );
    expect(refused.code).toBe("validation");
    expect((refused.issues ?? []).map((i) => i.field)).toEqual(
      expect.arrayContaining(["scope", "chair", "coChair", "boardLiaison", "budget", "reportingCadence"]),
    );
    expect((await loadProposal(database.db, draft.id)).status).toBe("draft");

    const revised = await reviseProposal({
      deps,
      actor: personActor(author),
      proposalId: draft.id,
      input: { markdown: completeCharter("outreach", "Outreach Working Group"), note: "Filled in." },
    });
    expect(revised.revision.number).toBe(2);
    expect((await selectRevisions(database.db, draft.id)).map((r) => r.number)).toEqual([1, 2]);
    const same = await reviseProposal({
      deps,
      actor: personActor(author),
      proposalId: draft.id,
      input: { markdown: revised.revision.markdown },
    }).then(unexpected, toAppError);
    expect(same.code).toBe("validation");
  });

  it("marked ready: the proposed group exists, the Board and the named liaison are notified once", async () => {
    const [proposal] = await database.db
      .select()
      .from(schema.groupProposals)
      .where(eq(schema.groupProposals.slug, "outreach"));
    if (!proposal) throw new Error("no proposal");
    const ready = await markProposalReady({ deps, actor: personActor(author), proposalId: proposal.id });
    expect(ready.status).toBe("ready");
    const group = await groupRow(ready.groupId ?? 0);
    expect(group).toMatchObject({ slug: "outreach", status: "proposed", sourcePath: null });
    const sent = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, "proposal.ready"));
    expect(sent.map((n) => n.recipientPersonId).sort()).toEqual([...board, liaison].sort());
    expect(sent.find((n) => n.recipientPersonId === liaison)?.data).toMatchObject({ recipient: "liaison" });
    const twice = await markProposalReady({
      deps,
      actor: personActor(author),
      proposalId: proposal.id,
    }).then(unexpected, toAppError);
    expect(twice.code).toBe("conflict");
  });

  it("the Board votes; only a Board member opens the vote; passed, it is approved with a set-up checklist", async () => {
    const [proposal] = await database.db
      .select()
      .from(schema.groupProposals)
      .where(eq(schema.groupProposals.slug, "outreach"));
    if (!proposal) throw new Error("no proposal");
    const outsider = await openLifecycleVote({
      deps,
      actor: personActor(author),
      subject: { kind: "proposal", id: proposal.id },
      input: { closesAt: inAWeek() },
    }).then(unexpected, toAppError);
    expect(outsider.code).toBe("forbidden");
    const v = await openLifecycleVote({
      deps,
      actor: personActor(board[0] ?? 0),
      subject: { kind: "proposal", id: proposal.id },
      input: { closesAt: inAWeek() },
    });
    expect(v).toMatchObject({
      kind: "group-proposal",
      body: "board",
      subjectId: String(proposal.id),
      electorateSize: 3,
    });
    expect((await loadProposal(database.db, proposal.id)).status).toBe("voting");
    const revise = await reviseProposal({
      deps,
      actor: personActor(author),
      proposalId: proposal.id,
      input: { markdown: "# Changed" },
    }).then(unexpected, toAppError);
    expect(revise.code).toBe("conflict");
    await vote(v.id, board.slice(0, 2), "yes");
    await toClose((await database.db.select().from(schema.votes).where(eq(schema.votes.id, v.id)))[0] ?? v);
    const approved = await loadProposal(database.db, proposal.id);
    expect(approved.status).toBe("approved");

    const skip = await recordChecklistStep({
      deps,
      actor: personActor(author),
      subject: { kind: "proposal", id: proposal.id },
      input: { step: "channels", outcome: "skipped" },
    }).then(unexpected, toAppError);
    expect(skip.code).toBe("validation");
    for (const step of ["charter-pr", "channels"]) {
      const r = await recordChecklistStep({
        deps,
        actor: personActor(author),
        subject: { kind: "proposal", id: proposal.id },
        input: { step, note: "done" },
      });
      expect(r).toEqual({ complete: false, groupStatus: "proposed" });
    }
    const last = await recordChecklistStep({
      deps,
      actor: personActor(author),
      subject: { kind: "proposal", id: proposal.id },
      input: { step: "first-meeting" },
    });
    expect(last).toEqual({ complete: true, groupStatus: "active" });
    expect((await groupRow(approved.groupId ?? 0))?.charter).toMatchObject({ status: "active" });
  });

  it("rejected: feedback, then a revision back to draft, the earlier texts kept", async () => {
    const draft = await draftProposal({
      deps,
      actor: personActor(author),
      input: {
        slug: "juggling",
        name: "Juggling Team",
        kind: "team",
        markdown: completeCharter("juggling", "Juggling Team"),
      },
    });
    await markProposalReady({ deps, actor: personActor(author), proposalId: draft.id });
    const v = await openLifecycleVote({
      deps,
      actor: personActor(board[0] ?? 0),
      subject: { kind: "proposal", id: draft.id },
      input: { closesAt: inAWeek() },
    });
    await vote(v.id, board, "no");
    await toClose((await database.db.select().from(schema.votes).where(eq(schema.votes.id, v.id)))[0] ?? v);
    expect((await loadProposal(database.db, draft.id)).status).toBe("rejected");
    const early = await recordChecklistStep({
      deps,
      actor: personActor(author),
      subject: { kind: "proposal", id: draft.id },
      input: { step: "channels" },
    }).then(unexpected, toAppError);
    expect(early.code).toBe("conflict");
    const fed = await recordProposalFeedback({
      deps,
      actor: personActor(board[1] ?? 0),
      proposalId: draft.id,
      input: { feedback: "Say which powers you ask for." },
    });
    expect(fed.feedback).toBe("Say which powers you ask for.");
    const again = await reviseProposal({
      deps,
      actor: personActor(author),
      proposalId: draft.id,
      input: { markdown: `${draft.revision.markdown}\n\nMore detail.`, note: "After the Board's feedback." },
    });
    expect(again).toMatchObject({ status: "draft", feedback: "Say which powers you ask for." });
    expect((await selectRevisions(database.db, draft.id)).length).toBe(2);
  });

  it("imports proposals/ from the charter repository once", async () => {
    const dir = sharedData("dsf-working-groups");
    const first = await importProposals({ deps, actor: CLI_DECISION_ACTOR, dir });
    expect(first.imported.map((p) => p.slug)).toEqual(["marketing"]);
    const p = await loadProposal(database.db, first.imported[0]?.id ?? 0);
    expect(p).toMatchObject({ source: "import", status: "draft" });
    expect(p.revision.markdown).toBe(readFileSync(`${dir}/proposals/marketing.md`, "utf8"));
    const second = await importProposals({ deps, actor: CLI_DECISION_ACTOR, dir });
    expect(second.imported).toEqual([]);
    expect(second.skipped[0]?.reason).toContain("exists");
  });

  it("a slug taken by an active group is refused", async () => {
    await makeGroup(database, charterWith({ slug: "taken" }));
    const e = await draftProposal({
      deps,
      actor: personActor(author),
      input: { slug: "taken", name: "Taken", kind: "team" },
    }).then(unexpected, toAppError);
    expect(e.code).toBe("conflict");
  });
});

describe("charter changes", () => {
  let groupId: number;
  let members: number[];
  beforeAll(async () => {
    const named = (n: string) => ({ name: n, handle: null });
    const charter = buildCharter({
      slug: "docs",
      name: "Docs Working Group",
      roles: {
        chair: [named("Ada Lovelace")],
        coChair: [named("Brook Smith")],
        boardLiaison: [named("Cyd Jones")],
        steeringCouncilLiaison: [],
        other: [],
      },
      members: ["Ada Lovelace", "Brook Smith", "Cyd Jones", "Dee Brown"].map(named),
    });
    const g = await makeGroup(database, charter);
    groupId = g.id;
    members = await makePeople(database, 3, "docs");
    await addToGroup(database, g.id, members);
  });
  const stored = async () => renderCharterMarkdown((await groupRow(groupId))?.charter as never);

  it("a meeting or channel change applies directly, but only for the Chair (mayApplyDirectly)", async () => {
    const md = (await stored()).replace("Private channel in the DSF Slack", "Private channel on Discord");
    const refused = await proposeCharterChange({
      deps,
      actor: personActor(members[0] ?? 0),
      slug: "docs",
      input: { markdown: md },
      mayApplyDirectly: false,
    }).then(unexpected, toAppError);
    expect(refused.code).toBe("forbidden");
    const change = await proposeCharterChange({
      deps,
      actor: personActor(members[0] ?? 0),
      slug: "docs",
      input: { markdown: md },
      mayApplyDirectly: true,
    });
    expect(change).toMatchObject({ status: "applied", class: "arrangements" });
    expect((await groupRow(groupId))?.charter).toMatchObject({ channels: ["Private channel on Discord"] });
  });

  it("a change to the members is refused: membership is decided as the charter says", async () => {
    const md = (await stored()).replace("  - Dee Brown", "  - Dee Brown\n  - Eve Newcomer");
    const e = await proposeCharterChange({
      deps,
      actor: personActor(members[0] ?? 0),
      slug: "docs",
      input: { markdown: md },
      mayApplyDirectly: true,
    }).then(unexpected, toAppError);
    expect(e.code).toBe("validation");
  });

  it("a budget change waits for the Board's vote and applies when it passes", async () => {
    const md = (await stored()).replace("No allocated budget.", "USD 1,000 a year for tools.");
    const change = await proposeCharterChange({
      deps,
      actor: personActor(members[1] ?? 0),
      slug: "docs",
      input: { markdown: md, summary: "A budget for tools" },
      mayApplyDirectly: false,
    });
    expect(change).toMatchObject({ status: "proposed", class: "substantive", summary: "A budget for tools" });
    const dup = await proposeCharterChange({
      deps,
      actor: personActor(members[1] ?? 0),
      slug: "docs",
      input: { markdown: md.replace("tools", "events") },
      mayApplyDirectly: false,
    }).then(unexpected, toAppError);
    expect(dup.code).toBe("conflict");
    const v = await openLifecycleVote({
      deps,
      actor: personActor(board[2] ?? 0),
      subject: { kind: "change", id: change.id },
      input: { closesAt: inAWeek() },
    });
    expect(v).toMatchObject({ kind: "charter-change", body: "board" });
    expect((await groupRow(groupId))?.charter).toMatchObject({ budget: "No allocated budget." });
    await vote(v.id, board.slice(0, 2), "yes");
    await toClose((await database.db.select().from(schema.votes).where(eq(schema.votes.id, v.id)))[0] ?? v);
    expect((await groupRow(groupId))?.charter).toMatchObject({ budget: "USD 1,000 a year for tools." });
  });
});

describe("shutdowns", () => {
  it("voluntary: a majority of the members is not enough; everyone's yes shuts it down, then archiving", async () => {
    const g = await makeGroup(database, charterWith({ slug: "retiring", kind: "team" }));
    const members = await makePeople(database, 3, "retiring");
    await addToGroup(database, g.id, members);
    const outsider = await startShutdown({
      deps,
      actor: personActor(board[0] ?? 0),
      slug: "retiring",
      kind: "voluntary",
      input: { reason: "Done.", closesAt: inAWeek() },
    }).then(unexpected, toAppError);
    expect(outsider.code).toBe("forbidden");
    const first = await startShutdown({
      deps,
      actor: personActor(members[0] ?? 0),
      slug: "retiring",
      kind: "voluntary",
      input: { reason: "Our work is done.", closesAt: inAWeek() },
    });
    expect(first).toMatchObject({ ground: "voluntary", status: "voting", reason: "Our work is done." });
    const v1 = (
      await database.db
        .select()
        .from(schema.votes)
        .where(eq(schema.votes.id, first.voteId ?? 0))
    )[0];
    expect(v1).toMatchObject({ kind: "group-shutdown", baseRule: "consensus", electorateSize: 3 });
    await vote(first.voteId ?? 0, members.slice(0, 2), "yes");
    await vote(first.voteId ?? 0, members.slice(2), "no");
    const closed1 = await database.db
      .select()
      .from(schema.votes)
      .where(eq(schema.votes.id, first.voteId ?? 0));
    await toClose(closed1[0] ?? { status: "closed", id: 0 });
    const after1 = (
      await database.db.select().from(groupShutdowns).where(eq(groupShutdowns.id, first.id))
    )[0];
    expect(after1?.status).toBe("rejected");
    expect((await groupRow(g.id))?.status).toBe("active");

    const second = await startShutdown({
      deps,
      actor: personActor(members[1] ?? 0),
      slug: "retiring",
      kind: "voluntary",
      input: { reason: "Really done.", closesAt: inAWeek() },
    });
    await vote(second.voteId ?? 0, members, "yes");
    const v2 = await database.db
      .select()
      .from(schema.votes)
      .where(eq(schema.votes.id, second.voteId ?? 0));
    await toClose(v2[0] ?? { status: "closed", id: 0 });
    expect(
      (await database.db.select().from(groupShutdowns).where(eq(groupShutdowns.id, second.id)))[0]?.status,
    ).toBe("archiving");
    const step = (s: string, outcome: "done" | "skipped" = "done") =>
      recordChecklistStep({
        deps,
        actor: personActor(members[0] ?? 0),
        subject: { kind: "shutdown", id: second.id },
        input: { step: s, outcome },
      });
    expect(await step("final-report", "skipped")).toEqual({ complete: false, groupStatus: "active" });
    expect(await step("charter-archived")).toEqual({ complete: false, groupStatus: "active" });
    expect(await step("channels-closed")).toEqual({ complete: true, groupStatus: "archived" });
    expect((await groupRow(g.id))?.charter).toMatchObject({ status: "archived" });
    const again = await step("channels-closed").then(unexpected, toAppError);
    expect(again.code).toBe("conflict");
  });

  it("forced: membership below the minimum is recorded by the Board; a healthy group is refused on that ground", async () => {
    const healthy = await makeGroup(database, charterWith({ slug: "healthy" }));
    const [chair = 0, co = 0] = await makePeople(database, 2, "healthy");
    await addToGroup(database, healthy.id, [chair], { role: "chair" });
    await addToGroup(database, healthy.id, [co], { role: "co-chair" });
    await addToGroup(database, healthy.id, [board[0] ?? 0], { role: "board-liaison" });
    const refused = await startShutdown({
      deps,
      actor: personActor(board[1] ?? 0),
      slug: "healthy",
      kind: "forced",
      input: { ground: "membership", reason: "Nobody left." },
    }).then(unexpected, toAppError);
    expect(refused.code).toBe("conflict");
    const notDefunct = await startShutdown({
      deps,
      actor: personActor(board[1] ?? 0),
      slug: "healthy",
      kind: "forced",
      input: { ground: "defunct", reason: "Silent." },
    }).then(unexpected, toAppError);
    expect(notDefunct.code).toBe("conflict");

    const shrunk = await makeGroup(database, charterWith({ slug: "shrunk" }));
    await addToGroup(database, shrunk.id, await makePeople(database, 1, "shrunk"), { role: "chair" });
    const forced = await startShutdown({
      deps,
      actor: personActor(board[1] ?? 0),
      slug: "shrunk",
      kind: "forced",
      input: { ground: "membership", reason: "No Co-Chair or Board member found in three months." },
    });
    expect(forced).toMatchObject({ ground: "membership", status: "archiving" });
    expect(forced.evidence).toMatchObject({
      ground: "membership",
      rule: expect.stringContaining("README.md:87"),
    });
    const twice = await startShutdown({
      deps,
      actor: personActor(board[1] ?? 0),
      slug: "shrunk",
      kind: "forced",
      input: { ground: "membership", reason: "Again." },
    }).then(unexpected, toAppError);
    expect(twice.code).toBe("conflict");
  });

  it("by a Board vote: the Board's majority decides", async () => {
    const g = await makeGroup(database, charterWith({ slug: "stalled" }));
    await addToGroup(database, g.id, await makePeople(database, 2, "stalled"));
    const s = await startShutdown({
      deps,
      actor: personActor(board[0] ?? 0),
      slug: "stalled",
      kind: "forced",
      input: { ground: "board-vote", reason: "No longer functional.", closesAt: inAWeek() },
    });
    expect(s).toMatchObject({ ground: "board-vote", status: "voting" });
    await vote(s.voteId ?? 0, board.slice(0, 2), "yes");
    const v = await database.db
      .select()
      .from(schema.votes)
      .where(eq(schema.votes.id, s.voteId ?? 0));
    await toClose(v[0] ?? { status: "closed", id: 0 });
    expect(
      (await database.db.select().from(groupShutdowns).where(eq(groupShutdowns.id, s.id)))[0]?.status,
    ).toBe("archiving");
  });
});

describe("the Board's agenda", () => {
  it("carries the lifecycle's sections: shutdowns under way and groups a forced ground holds for", async () => {
    const sections = await loadAgendaSections({
      db: database.db,
      day: "2026-03-02",
      lastMeetingOn: null,
      since: "2026-02-01",
      nextMeetingOn: null,
      viewerPersonId: null,
    });
    const by = new Map(sections.map((s) => [s.key, s]));
    expect(by.get("proposals-waiting")?.items).toEqual([]);
    expect(by.get("charter-changes-waiting")?.items).toEqual([]);
    expect(
      by
        .get("shutdowns")
        ?.items.map((i) => i.text)
        .sort(),
    ).toEqual(["shrunk: shutdown (membership)", "stalled: shutdown (board-vote)"]);
    const atRisk = by.get("shutdown-grounds")?.items ?? [];
    expect(atRisk.find((i) => i.text.startsWith("taken:"))).toMatchObject({
      href: "/groups/taken/lifecycle",
      facts: [expect.stringContaining("README.md:87")],
    });
    // Archived and shutting-down groups are not "at risk".
    expect(atRisk.some((i) => /^(retiring|shrunk|stalled):/.test(i.text))).toBe(false);
  });
});
