import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestDatabase, createTestDatabase } from "../../../test/db.ts";
import { errorOf } from "../../../test/governance-refusal.ts";
import {
  captureMailer,
  decodeQuotedPrintable,
  type SmtpCapture,
  startSmtpCapture,
} from "../../../test/smtp-capture.ts";
import { deliverNotifications, type NotificationDeps, templateRegistry } from "../../kernel/index.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { applyToGroup } from "./apply-to-group.ts";
import { castBallot } from "./cast-ballot.ts";
import {
  addCharterRoles,
  addToGroup,
  charterWith,
  grantFoundationRole,
  groupWithMembers,
  makeGroup,
  makePeople,
  personActor,
} from "./decisions.fixtures.ts";
import { CLI_DECISION_ACTOR } from "./decisions.repo.ts";
import type { DecisionDeps } from "./deps.ts";
import { exportAudit } from "./export-audit.ts";
import { getBoardOverview } from "./get-board-overview.ts";
import { leaveGroup } from "./leave-group.ts";
import { listGroupAudit } from "./list-group-audit.ts";
import { listLiaisonProblems } from "./list-liaison-problems.ts";
import { openApplicationVote } from "./open-application-vote.ts";
import { renewTerm } from "./renew-term.ts";
import { setDecisionSettings } from "./set-decision-settings.ts";
import { sweepTerms } from "./sweep-terms.ts";
import { termReminderTemplate } from "./term-reminder.template.ts";

const { rolePeriods, membershipApplications, auditLog, users } = schema;

let database: Database;
let smtp: SmtpCapture;
const clock = new FixedClock("2026-03-01T12:00:00Z");
let deps: DecisionDeps;
let notificationDeps: NotificationDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpCapture();
  const mailer = captureMailer(smtp);
  deps = { database, clock };
  notificationDeps = {
    database,
    clock,
    mailer,
    config: { baseUrl: "https://guildhall.example" },
    notificationTemplates: templateRegistry([termReminderTemplate]),
  };
});
afterAll(async () => {
  await smtp.close();
  await closeTestDatabase(database);
});

const application = {
  statement: "I love Django",
  skills: "writing, design",
  timeCommitment: "2 hours a week",
};

describe("applications", () => {
  it("checks DSF membership when the charter asks for it, tells the next meeting, and opens the group's vote", async () => {
    const { group, ids: members } = await groupWithMembers(
      database,
      charterWith({
        slug: "apply-direct",
        eligibility: "Members must be registered as a Django Software Foundation Individual Member.",
        meetingCadence: "fortnightly",
        termMonths: 6,
      }),
      3,
      { chair: true },
    );
    await setDecisionSettings({
      deps,
      actor: CLI_DECISION_ACTOR,
      input: { group: group.id, nextMeetingOn: "2026-02-20" },
    });
    const [applicant] = await makePeople(database, 1, "applicant");
    const refused = await errorOf(
      applyToGroup({
        deps,
        actor: personActor(applicant ?? 0),
        input: { group: group.slug, ...application },
      }),
    );
    expect(refused.message).toMatch(/Not eligible .*DSF Individual Member/);
    expect(await database.db.select().from(membershipApplications)).toHaveLength(0);

    await grantFoundationRole(database, [applicant ?? 0], "dsf-member");
    const result = await applyToGroup({
      deps,
      actor: personActor(applicant ?? 0),
      input: { group: group.slug, ...application },
    });
    expect(result.nextMeeting).toEqual({
      on: "2026-03-06",
      text: "The group meets every two weeks; the next meeting is on 2026-03-06.",
    });
    expect(result.decidedBy).toBe("a vote of the group's members (50%+1)");
    const again = await errorOf(
      applyToGroup({
        deps,
        actor: personActor(applicant ?? 0),
        input: { group: group.slug, ...application },
      }),
    );
    expect(again.message).toMatch(/still open/);
    const blank = await errorOf(
      applyToGroup({
        deps,
        actor: personActor(applicant ?? 0),
        input: { group: group.slug, ...application, skills: " " },
      }),
    );
    expect(blank.message).toMatch(/skills/);

    const vote = await openApplicationVote({
      deps,
      actor: personActor(members[0] ?? 0),
      input: { applicationId: result.applicationId, closesAt: "2026-03-08T12:00:00Z" },
    });
    expect(vote).toMatchObject({
      kind: "admit-member",
      body: "group",
      subjectPersonId: applicant,
      applicationId: result.applicationId,
    });
    for (const m of members.slice(0, 2))
      await castBallot({ deps, actor: personActor(m), input: { voteId: vote.id, choice: "yes" } });
    const [app] = await database.db
      .select()
      .from(membershipApplications)
      .where(eq(membershipApplications.id, result.applicationId));
    expect(app?.status).toBe("accepted");
    const [period] = await database.db
      .select()
      .from(rolePeriods)
      .where(and(eq(rolePeriods.groupId, group.id), eq(rolePeriods.personId, applicant ?? 0)));
    expect(period).toMatchObject({
      role: "member",
      termEndsOn: "2026-09-01",
      decisionRef: `vote:${vote.id}`,
    });
  });

  it("a board-managed group's application goes to a Board vote, started by the chair", async () => {
    const group = await makeGroup(
      database,
      charterWith({
        slug: "apply-board",
        membershipModel: "board-managed",
        termWindow: { start: "04-01", end: "03-31" },
      }),
    );
    const [chair] = await makePeople(database, 1, "bchair");
    await addToGroup(database, group.id, [chair ?? 0], { role: "chair" });
    const board = await makePeople(database, 3, "board2");
    await grantFoundationRole(database, board, "board-member");
    const [applicant] = await makePeople(database, 1, "applicant2");
    const result = await applyToGroup({
      deps,
      actor: personActor(applicant ?? 0),
      input: { group: group.id, ...application },
    });
    expect(result.decidedBy).toBe("a vote of the DSF Board (50%+1)");
    expect(result.nextMeeting.on).toBeNull();
    const [bystander] = await makePeople(database, 1, "bystander");
    await addToGroup(database, group.id, [bystander ?? 0]);
    const notChair = await errorOf(
      openApplicationVote({
        deps,
        actor: personActor(bystander ?? 0),
        input: { applicationId: result.applicationId, closesAt: "2026-03-10T00:00:00Z" },
      }),
    );
    expect(notChair.code).toBe("forbidden");
    const badSetting = await errorOf(
      setDecisionSettings({
        deps,
        actor: CLI_DECISION_ACTOR,
        input: { group: group.id, nextMeetingOn: "10 March" },
      }),
    );
    expect(badSetting.message).toMatch(/nextMeetingOn: must be a date written YYYY-MM-DD/);
    const vote = await openApplicationVote({
      deps,
      actor: personActor(chair ?? 0),
      input: { applicationId: result.applicationId, closesAt: "2026-03-10T00:00:00Z" },
    });
    expect(vote).toMatchObject({ body: "board", electorateSize: 3 });
    const notBoard = await errorOf(
      castBallot({ deps, actor: personActor(chair ?? 0), input: { voteId: vote.id, choice: "yes" } }),
    );
    expect(notBoard.code).toBe("forbidden");
    for (const b of board.slice(0, 2))
      await castBallot({ deps, actor: personActor(b), input: { voteId: vote.id, choice: "yes" } });
    const [period] = await database.db
      .select()
      .from(rolePeriods)
      .where(and(eq(rolePeriods.groupId, group.id), eq(rolePeriods.personId, applicant ?? 0)));
    expect(period?.termEndsOn).toBe("2026-04-01");
  });
});

describe("terms", () => {
  it("reminds through the outbox once, lets the member renew, lapses the unrenewed with a reason, idempotently", async () => {
    const group = await makeGroup(database, charterWith({ slug: "terms", termMonths: 12 }));
    const [renewer, lapser, noTerm] = await makePeople(database, 3, "terms");
    const [pRenew] = await addToGroup(database, group.id, [renewer ?? 0], {
      startedOn: "2025-03-20",
      termEndsOn: "2026-03-20",
    });
    const [pLapse] = await addToGroup(database, group.id, [lapser ?? 0], {
      startedOn: "2025-03-20",
      termEndsOn: "2026-03-20",
    });
    await addToGroup(database, group.id, [noTerm ?? 0]);
    const now = new Date();
    await database.db
      .insert(users)
      .values({ email: "lapser@example.org", name: "Lapser", personId: lapser, createdAt: now });

    const seen = smtp.messages.length;
    const first = await sweepTerms({ deps });
    expect(first).toMatchObject({ day: "2026-03-01", lapsed: 0, reminded: 2, notified: 2 });
    // The sweep sends nothing itself: the outbox's delivery does, to the one member with an address.
    expect(smtp.messages.length).toBe(seen);
    expect(await deliverNotifications({ deps: notificationDeps })).toMatchObject({ sent: 1, skipped: 1 });
    const mail = await smtp.next(seen);
    expect(mail.to).toEqual(["lapser@example.org"]);
    expect(mail.raw).toMatch(/^Subject: Your term in .+ ends on 2026-03-20$/m);
    const body = decodeQuotedPrintable(mail.raw);
    expect(body).toMatch(/ends on 2026-03-20 \(in 19 days\)/);
    // The link works from a mail client: absolute, from the configured base URL.
    expect(body).toContain(`https://guildhall.example/groups/${group.slug}/decisions`);
    expect(body).not.toMatch(/\s\/groups\//);
    expect(await sweepTerms({ deps })).toMatchObject({ lapsed: 0, reminded: 0, notified: 0 });
    expect(await deliverNotifications({ deps: notificationDeps })).toMatchObject({ claimed: 0 });
    expect(smtp.messages.length).toBe(seen + 1);

    const early = await errorOf(
      renewTerm({ deps, actor: personActor(lapser ?? 0), input: { rolePeriodId: pRenew?.id ?? 0 } }),
    );
    expect(early.code).toBe("forbidden");
    const renewed = await renewTerm({
      deps,
      actor: personActor(renewer ?? 0),
      input: { rolePeriodId: pRenew?.id ?? 0 },
    });
    expect(renewed.termEndsOn).toBe("2027-03-20");

    clock.set("2026-03-20T08:00:00Z");
    const sweep = await sweepTerms({ deps });
    expect(sweep.lapsed).toBe(1);
    const [lapsed] = await database.db
      .select()
      .from(rolePeriods)
      .where(eq(rolePeriods.id, pLapse?.id ?? 0));
    expect(lapsed).toMatchObject({ endedOn: "2026-03-20", reason: "term ended without renewal" });
    const [kept] = await database.db
      .select()
      .from(rolePeriods)
      .where(eq(rolePeriods.id, pRenew?.id ?? 0));
    expect(kept?.endedOn).toBeNull();
    expect((await sweepTerms({ deps })).lapsed).toBe(0);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, "role_period"), eq(auditLog.subjectId, String(pLapse?.id))));
    expect(audit.map((a) => [a.action, a.cause])).toContainEqual([
      "role-period.lapsed",
      "term-sweep:2026-03-20",
    ]);
    clock.set("2026-03-01T12:00:00Z");
  });

  it("a member may leave at any time without a vote", async () => {
    const group = await makeGroup(database, charterWith({ slug: "leaving" }));
    const [leaver, charterLeaver] = await makePeople(database, 2, "leaving");
    await addToGroup(database, group.id, [leaver ?? 0]);
    await addCharterRoles(database, group.id, [charterLeaver ?? 0], "co-chair");
    expect(await leaveGroup({ deps, actor: personActor(leaver ?? 0), input: { group: group.slug } })).toEqual(
      { ended: 1 },
    );
    expect(
      await leaveGroup({
        deps,
        actor: personActor(charterLeaver ?? 0),
        input: { group: group.slug, note: "moving on" },
      }),
    ).toEqual({ ended: 1 });
    const again = await errorOf(
      leaveGroup({ deps, actor: personActor(leaver ?? 0), input: { group: group.slug } }),
    );
    expect(again.message).toMatch(/not a member/);
    const [p] = await database.db
      .select()
      .from(rolePeriods)
      .where(eq(rolePeriods.personId, charterLeaver ?? 0));
    expect(p).toMatchObject({ role: "co-chair", endedOn: "2026-03-01", reason: "left the group: moving on" });
  });
});

describe("Board Liaison currency and the Board overview", () => {
  it("shows a liaison whose Board term ended until a new liaison is recorded", async () => {
    const group = await makeGroup(database, charterWith({ slug: "liaison" }));
    const [old, fresh] = await makePeople(database, 2, "liaison");
    await grantFoundationRole(database, [old ?? 0], "board-member", {
      startedOn: "2024-01-01",
      endedOn: "2026-01-01",
      termEndsOn: "2026-01-01",
    });
    await grantFoundationRole(database, [fresh ?? 0], "board-member", {
      startedOn: "2026-01-01",
      termEndsOn: "2028-01-01",
    });
    await addCharterRoles(database, group.id, [old ?? 0], "board-liaison");
    const problems = await listLiaisonProblems({ db: database.db, day: "2026-03-01", groupId: group.id });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: "off-board", boardTermEndsOn: "2026-01-01" });
    expect(problems[0]?.message).toMatch(/Board term ended on 1 January 2026/);
    const board = await getBoardOverview({ db: database.db, day: "2026-03-01", viewerPersonId: null });
    expect(board.liaisonProblems.map((p) => p.group.slug)).toContain("liaison");
    await addToGroup(database, group.id, [fresh ?? 0], { role: "board-liaison", startedOn: "2026-02-01" });
    expect(await listLiaisonProblems({ db: database.db, day: "2026-03-01", groupId: group.id })).toEqual([]);
  });

  it("flags a working group with no liaison, and lists open votes, applications and lapsing terms", async () => {
    const group = await makeGroup(database, charterWith({ slug: "no-liaison" }));
    const [m] = await makePeople(database, 1, "noliaison");
    await addToGroup(database, group.id, [m ?? 0], { termEndsOn: "2026-03-15" });
    const board = await getBoardOverview({ db: database.db, day: "2026-03-01", viewerPersonId: null });
    expect(board.liaisonProblems.find((p) => p.group.slug === "no-liaison")?.kind).toBe("no-liaison");
    expect(board.lapsingTerms.find((t) => t.group.slug === "no-liaison")?.termEndsOn).toBe("2026-03-15");
  });
});

describe("audit trail", () => {
  it("records every change with actor, time, before, after and cause, and exports CSV and JSON", async () => {
    const { group, ids: members } = await groupWithMembers(
      database,
      charterWith({ slug: "audited", termMonths: 12 }),
      3,
    );
    const [applicant] = await makePeople(database, 1, "audited-app");
    const { applicationId } = await applyToGroup({
      deps,
      actor: personActor(applicant ?? 0),
      input: { group: group.id, ...application },
    });
    const vote = await openApplicationVote({
      deps,
      actor: personActor(members[0] ?? 0),
      input: { applicationId, closesAt: "2026-03-05T00:00:00Z" },
    });
    for (const m of members.slice(0, 2))
      await castBallot({ deps, actor: personActor(m), input: { voteId: vote.id, choice: "yes" } });
    const entries = await listGroupAudit({ db: database.db, groupId: group.id });
    const actions = entries.map((e) => e.action);
    for (const a of [
      "application.submitted",
      "application.vote-opened",
      "vote.opened",
      "vote.ballot-cast",
      "vote.closed",
      "role-period.started",
      "application.accepted",
    ]) {
      expect(actions).toContain(a);
    }
    const started = entries.find((e) => e.action === "role-period.started");
    expect(started).toMatchObject({ cause: `vote:${vote.id}`, before: null, actor: `person:${members[1]}` });
    const csv = exportAudit({ entries, format: "csv" });
    const records = parse(csv, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(entries.length);
    expect(Object.keys(records[0] ?? {})).toEqual([
      "id",
      "occurred_at",
      "actor",
      "action",
      "subject_type",
      "subject_id",
      "before",
      "after",
      "cause",
    ]);
    expect(JSON.parse(exportAudit({ entries, format: "json" }))).toHaveLength(entries.length);
  });
});
