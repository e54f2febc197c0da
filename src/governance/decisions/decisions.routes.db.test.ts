/**
 * Membership decisions over HTTP: pages with forms (CSRF, no JavaScript) and the JSON API, and a
 * secret ballot checked on every surface: pages, API, exports, log lines, errors and storage.
 */
import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInBrowser, TestBrowser } from "../../../test/browser.ts";
import { closeTestDatabase, createTestDatabase } from "../../../test/db.ts";
import { createMemberAccount } from "../../../test/factories/accounts.ts";
import { createApplication } from "../../app.ts";
import { csrfTokenFor } from "../../platform/auth/index.ts";
import { FixedClock } from "../../platform/clock.ts";
import { loadConfig } from "../../platform/config.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import { createServices } from "../../platform/services.ts";
import {
  addToGroup,
  charterWith,
  grantFoundationRole,
  groupWithMembers,
  makeGroup,
  makePeople,
} from "./decisions.fixtures.ts";

let database: Database;
let app: Hono<AppEnv>;
const clock = new FixedClock("2026-03-01T12:00:00Z");
const logLines: string[] = [];
let members: number[] = [];
const tokens = new Map<number, string>();
const browsers = new Map<number, TestBrowser>();
let groupSlug = "";

async function account(personId: number, name: string) {
  const { user, token, sessionId } = await createMemberAccount({ db: database.db, clock }, name, personId);
  tokens.set(personId, token);
  browsers.set(personId, signedInBrowser(app, sessionId));
  return user;
}

function api(personId: number | null, path: string, init: { method?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = {};
  const token = personId === null ? undefined : tokens.get(personId);
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  return app.request(path, {
    method: init.method ?? "GET",
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

function browserOf(personId: number): TestBrowser {
  const b = browsers.get(personId);
  if (!b) throw new Error("no browser");
  return b;
}

const at = (i: number) => members[i] ?? 0;

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    GUILDHALL_SESSION_SECRET: "test-session-secret",
    GUILDHALL_BASE_URL: "http://guildhall.test",
    GUILDHALL_TRUST_PROXY: "true",
  });
  const log = pino({ level: "trace" }, { write: (line: string) => void logLines.push(line) });
  const services = await createServices(config, { database, clock, log });
  app = createApplication(services);
  const direct = await groupWithMembers(
    database,
    charterWith({ slug: "http-direct", name: "HTTP Direct", termMonths: 12, meetingCadence: "monthly" }),
    5,
    { chair: true, prefix: "http" },
  );
  groupSlug = direct.group.slug;
  members = direct.ids;
  for (const [i, id] of members.entries()) await account(id, `member${i}`);
});
afterAll(() => closeTestDatabase(database));

describe("a secret ballot never reveals who voted how", () => {
  it("on pages, in the API, in exports, in log lines, in errors and in storage", async () => {
    const opened = await api(at(0), `/api/groups/${groupSlug}/votes`, {
      method: "POST",
      json: {
        kind: "proposal",
        title: "Code of Conduct matter",
        closesAt: "2026-03-08T12:00:00Z",
        secrecy: "secret",
      },
    });
    expect(opened.status).toBe(201);
    const voteId = ((await opened.json()) as { vote: { id: number; secrecy: string } }).vote.id;

    // member0 votes yes through the page form (no JavaScript), member1 no and member2 yes by API.
    const page = await browserOf(at(0)).page(`/votes/${voteId}`);
    expect(page.html).toContain('name="choice"');
    const form = await browserOf(at(0)).submit(
      `/votes/${voteId}/ballot`,
      { choice: "yes" },
      { csrf: TestBrowser.csrfIn(page.html) },
    );
    expect(form.status).toBe(303);
    expect(
      (await api(at(1), `/api/votes/${voteId}/ballots`, { method: "POST", json: { choice: "no" } })).status,
    ).toBe(201);
    expect(
      (await api(at(2), `/api/votes/${voteId}/ballots`, { method: "POST", json: { choice: "yes" } })).status,
    ).toBe(201);

    // A second ballot: refused, and the error says nothing of the first.
    const again = await api(at(1), `/api/votes/${voteId}/ballots`, {
      method: "POST",
      json: { choice: "yes" },
    });
    expect(again.status).toBe(409);
    const againText = await again.text();
    expect(againText).not.toMatch(/\b(yes|no|abstain)\b/i);

    // While open: no counts at all (they would reveal each ballot as it arrives).
    const whileOpen = (await (await api(at(3), `/api/votes/${voteId}`)).json()) as {
      vote: Record<string, unknown>;
    };
    expect(whileOpen.vote).toMatchObject({ cast: 3, counts: null, ballots: null, secrecy: "secret" });
    // Three ballots of five settle a 2-1 lead? No: a secret vote runs to its closing time.
    expect(whileOpen.vote.status).toBe("open");

    clock.set("2026-03-08T12:00:01Z");
    expect((await api(at(0), `/api/votes/${voteId}/close`, { method: "POST" })).status).toBe(200);
    const closedRes = await api(at(0), `/api/votes/${voteId}`);
    const closedJson = (await closedRes.json()) as { vote: Record<string, unknown> };
    expect(closedJson.vote).toMatchObject({
      status: "closed",
      counts: { yes: 2, no: 1, abstain: 0 },
      ballots: null,
      outcome: "failed",
    });
    const closedText = JSON.stringify(closedJson);
    expect(closedText).not.toContain('"choice"');

    // The page: counts after close, who voted, never a ballots table.
    const closedPage = await browserOf(at(0)).page(`/votes/${voteId}`);
    expect(closedPage.res.status).toBe(200);
    expect(closedPage.html).not.toContain("Ballots (open vote)");
    for (const name of ["http"]) expect(closedPage.html).toContain(name);

    // Exports and the audit page: participation only.
    for (const path of [
      `/groups/${groupSlug}/audit.txt`,
      `/groups/${groupSlug}/audit.csv`,
      `/groups/${groupSlug}/audit.json`,
      `/groups/${groupSlug}/audit`,
    ]) {
      const res = await browserOf(at(3)).request(path);
      expect(res.status).toBe(200);
      const text = await res.text();
      // The exports carry the action; the page says it in words ("… cast a ballot").
      const marker = /\/audit(\.txt)?$/.test(path) ? "cast a ballot" : "vote.ballot-cast";
      const castLines = text.split("\n").filter((l) => l.includes(marker));
      expect(castLines.length).toBeGreaterThan(0);
      for (const line of castLines) expect(line).not.toMatch(/choice|cast a ballot: (yes|no|abstain)/);
    }
    const apiAudit = (await (await api(at(3), `/api/groups/${groupSlug}/audit`)).json()) as {
      entries: Array<{ action: string; after: unknown; subjectId: string }>;
    };
    const secretCasts = apiAudit.entries.filter(
      (e) => e.action === "vote.ballot-cast" && e.subjectId === String(voteId),
    );
    expect(secretCasts).toHaveLength(3);
    for (const e of secretCasts) expect(Object.keys(e.after as object)).toEqual(["personId"]);

    // Storage: the voter-choice link was never written.
    expect(
      await database.db.select().from(schema.openBallots).where(eq(schema.openBallots.voteId, voteId)),
    ).toEqual([]);
    const participation = await database.db
      .select()
      .from(schema.voteParticipation)
      .where(eq(schema.voteParticipation.voteId, voteId));
    expect(participation).toHaveLength(3);
    for (const p of participation) expect(Object.keys(p).sort()).toEqual(["personId", "voteId", "votedOn"]);

    // Log lines: nothing about choices.
    expect(
      logLines.filter((l) => l.includes("ballot cast") && l.includes(`"voteId":${voteId}`)),
    ).toHaveLength(3);
    for (const line of logLines) expect(line).not.toMatch(/"choice"|\bchoice=/);
    clock.set("2026-03-01T12:00:00Z");
  });
});

describe("open votes, forms and the API", () => {
  it("members see an open vote's ballots; early close admits the applicant", async () => {
    const [applicant] = await makePeople(database, 1, "applicant-http");
    await account(applicant ?? 0, "applicant");
    const applyPage = await browserOf(applicant ?? 0).page(`/groups/${groupSlug}/decisions`);
    expect(applyPage.res.status).toBe(200);
    expect(applyPage.html).toContain("Apply to join");
    expect(applyPage.html).toContain("The group meets monthly");
    const applied = await browserOf(applicant ?? 0).submit(
      `/groups/${groupSlug}/apply`,
      { statement: "I run meetups", skills: "events", timeCommitment: "3 hours a week" },
      { csrf: TestBrowser.csrfIn(applyPage.html) },
    );
    expect(applied.status, await applied.clone().text()).toBe(303);
    const location = applied.headers.get("location") ?? "";
    expect(location).toMatch(/applied=\d+/);
    const thanks = await browserOf(applicant ?? 0).page(location);
    expect(thanks.html).toMatch(/Your application #\d+ was received/);
    const applicationId = Number(/applied=(\d+)/.exec(location)?.[1]);

    // The chair starts the decision from the page form.
    const chairPage = await browserOf(at(0)).page(`/groups/${groupSlug}/decisions`);
    expect(chairPage.html).toContain("Start the decision");
    const started = await browserOf(at(0)).submit(
      `/applications/${applicationId}/vote`,
      { closesAt: "2026-03-05T12:00" },
      { csrf: TestBrowser.csrfIn(chairPage.html) },
    );
    expect(started.status).toBe(303);
    const voteId = Number(/\/votes\/(\d+)/.exec(started.headers.get("location") ?? "")?.[1]);
    for (const i of [0, 1, 2]) {
      const res = await api(at(i), `/api/votes/${voteId}/ballots`, {
        method: "POST",
        json: { choice: "yes" },
      });
      expect(res.status).toBe(201);
    }
    const view = (await (await api(at(4), `/api/votes/${voteId}`)).json()) as {
      vote: { status: string; outcome: string; ballots: Array<{ choice: string }> };
    };
    expect(view.vote).toMatchObject({ status: "closed", outcome: "passed" });
    expect(view.vote.ballots.map((b) => b.choice)).toEqual(["yes", "yes", "yes"]);
    const periods = await database.db
      .select()
      .from(schema.rolePeriods)
      .where(eq(schema.rolePeriods.personId, applicant ?? 0));
    expect(periods).toHaveLength(1);
  });

  it("refuses a form without its CSRF token, and ballots from outside the electorate", async () => {
    const opened = await api(at(0), `/api/groups/${groupSlug}/votes`, {
      method: "POST",
      json: { kind: "proposal", title: "Quarterly meetings", closesAt: "2026-03-09T12:00:00Z" },
    });
    const voteId = ((await opened.json()) as { vote: { id: number } }).vote.id;
    const noCsrf = await browserOf(at(1)).submit(
      `/votes/${voteId}/ballot`,
      { choice: "yes" },
      { csrf: false },
    );
    expect(noCsrf.status).toBe(403);
    const [outsider] = await makePeople(database, 1, "outsider");
    await account(outsider ?? 0, "outsider");
    const outside = await api(outsider ?? 0, `/api/votes/${voteId}/ballots`, {
      method: "POST",
      json: { choice: "yes" },
    });
    expect(outside.status).toBe(403);
    const bad = await api(at(1), `/api/votes/${voteId}/ballots`, {
      method: "POST",
      json: { choice: "maybe" },
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/choice/);
    expect((await api(null, `/api/votes/${voteId}`)).status).toBe(401);
  });

  it("/board is for the Board: pending decisions, lapsing terms, liaison problems", async () => {
    const [boardMember] = await makePeople(database, 1, "board-http");
    await grantFoundationRole(database, [boardMember ?? 0], "board-member");
    await account(boardMember ?? 0, "boardmember");
    const page = await browserOf(boardMember ?? 0).page("/board");
    expect(page.res.status).toBe(200);
    expect(page.html).toContain("Quarterly meetings");
    expect(page.html).toContain("No Board Liaison is recorded");
    expect((await browserOf(at(1)).page("/board")).res.status).toBe(403);
    const json = (await (await api(boardMember ?? 0, "/api/board")).json()) as {
      openVotes: unknown[];
      liaisonProblems: unknown[];
    };
    expect(json.openVotes.length).toBeGreaterThan(0);
  });

  it("a member renews and leaves through the forms", async () => {
    const [p] = await database.db
      .insert(schema.rolePeriods)
      .values({
        groupId:
          (await database.db.select().from(schema.groups).where(eq(schema.groups.slug, groupSlug)))[0]?.id ??
          0,
        personId: at(4),
        role: "co-chair",
        startedOn: "2025-03-20",
        termEndsOn: "2026-03-20",
        createdAt: clock.now(),
      })
      .returning();
    const page = await browserOf(at(4)).page(`/groups/${groupSlug}/decisions`);
    expect(page.html).toContain('ends on <time datetime="2026-03-20">20 March 2026</time>');
    const renewed = await browserOf(at(4)).submit(
      `/role-periods/${p?.id}/renew`,
      {},
      { csrf: TestBrowser.csrfIn(page.html) },
    );
    expect(renewed.status).toBe(303);
    const [after] = await database.db
      .select()
      .from(schema.rolePeriods)
      .where(eq(schema.rolePeriods.id, p?.id ?? 0));
    expect(after?.termEndsOn).toBe("2027-03-20");
    const left = await browserOf(at(4)).submit(
      `/groups/${groupSlug}/leave`,
      { note: "" },
      { csrf: TestBrowser.csrfIn(page.html) },
    );
    expect(left.status).toBe(303);
    expect((await browserOf(at(4)).page(`/groups/${groupSlug}/decisions`)).html).not.toContain(
      "Leave HTTP Direct",
    );
  });
});

describe("anonymous requests cannot tell which vote or application ids exist", () => {
  it("answers an existing id and a missing one alike, on pages and the API, reading and writing", async () => {
    const opened = await api(at(0), `/api/groups/${groupSlug}/votes`, {
      method: "POST",
      json: { kind: "proposal", title: "Probe", closesAt: "2026-03-08T12:00:00Z" },
    });
    expect(opened.status).toBe(201);
    const existing = ((await opened.json()) as { vote: { id: number } }).vote.id;
    const [application] = await database.db.select().from(schema.membershipApplications).limit(1);
    const missing = 987654;
    const anonymous = new TestBrowser((path, init) => app.request(path, init), "192.0.2.77");
    anonymous.cookies.set("guildhall_csrf", "probe-cookie");
    const csrf = csrfTokenFor("test-session-secret", "probe-cookie", undefined);
    const answer = async (method: string, path: string) => {
      const res = await anonymous.request(path, {
        method,
        headers: { "x-csrf-token": csrf, "content-type": "application/json" },
        body:
          method === "GET" ? undefined : JSON.stringify({ choice: "yes", closesAt: "2026-03-09T12:00:00Z" }),
      });
      const location = res.headers.get("location")?.replace(/\d+/g, "N") ?? null;
      return { status: res.status, location, body: (await res.text()).replace(/\d+/g, "N") };
    };
    const routes: Array<[string, (id: number) => string]> = [
      ["GET", (id) => `/votes/${id}`],
      ["GET", (id) => `/api/votes/${id}`],
      ["POST", (id) => `/votes/${id}/ballot`],
      ["POST", (id) => `/api/votes/${id}/ballots`],
      ["POST", (id) => `/api/votes/${id}/extend`],
      ["POST", (id) => `/api/votes/${id}/close`],
    ];
    for (const [method, path] of routes) {
      const a = await answer(method, path(existing));
      const b = await answer(method, path(missing));
      expect(a, `${method} ${path(existing)}`).toEqual(b);
      expect([401, 303]).toContain(a.status);
    }
    if (application) {
      const a = await answer("POST", `/api/applications/${application.id}/vote`);
      const b = await answer("POST", `/api/applications/${missing}/vote`);
      expect(a).toEqual(b);
      expect(a.status).toBe(401);
    }
  });
});

describe("the decisions page follows the membership model", () => {
  it("an invitation group offers a member an Invite button that admits without a vote", async () => {
    const group = await makeGroup(
      database,
      charterWith({
        slug: "http-invite",
        name: "HTTP Invite",
        membershipModel: "invitation",
        termMonths: 12,
      }),
    );
    await addToGroup(database, group.id, [at(1)]);
    const [applicant] = await makePeople(database, 1, "invitee");
    await account(applicant ?? 0, "invitee");
    const applied = await api(applicant ?? 0, "/api/groups/http-invite/applications", {
      method: "POST",
      json: { statement: "Hello", skills: "triage", timeCommitment: "1h" },
    });
    expect(applied.status).toBe(201);
    const { application } = (await applied.json()) as {
      application: { applicationId: number; decidedBy: string };
    };
    expect(application.decidedBy).toBe("an invitation from any member of the group, without a vote");
    const page = await browserOf(at(1)).page("/groups/http-invite/decisions");
    expect(page.html).toContain("New members are decided by an invitation from any member of the group");
    expect(page.html).toContain("(no vote)");
    expect(page.html).not.toContain("Start the decision");
    const admitted = await browserOf(at(1)).submit(
      "/groups/http-invite/admissions",
      { applicationId: String(application.applicationId) },
      { csrf: TestBrowser.csrfIn(page.html) },
    );
    expect(admitted.status).toBe(303);
    const periods = await database.db
      .select()
      .from(schema.rolePeriods)
      .where(eq(schema.rolePeriods.personId, applicant ?? 0));
    expect(periods.map((p) => [p.groupId, p.role, p.decisionRef])).toEqual([
      [group.id, "member", `invitation:${at(1)}`],
    ]);
  });

  it("a group whose charter does not say shows no application form and says to ask the Board", async () => {
    await makeGroup(
      database,
      charterWith({ slug: "http-unstated", name: "HTTP Unstated", membershipModel: null }),
    );
    const [visitor] = await makePeople(database, 1, "visitor");
    await account(visitor ?? 0, "visitor");
    const page = await browserOf(visitor ?? 0).page("/groups/http-unstated/decisions");
    expect(page.html).toContain("charter does not state how new members are admitted");
    expect(page.html).toContain('href="https://www.djangoproject.com/contact/foundation/"');
    expect(page.html).not.toContain('action="/groups/http-unstated/apply"');
    const applied = await api(visitor ?? 0, "/api/groups/http-unstated/applications", {
      method: "POST",
      json: { statement: "Hello", skills: "a11y", timeCommitment: "1h" },
    });
    expect(applied.status).toBe(409);
  });
});

describe("the vote page's extend and close forms", () => {
  it("are shown to a Chair outside the electorate, who may use them, and not to a member who may not", async () => {
    const managed = await makeGroup(
      database,
      charterWith({
        slug: "http-board-managed",
        name: "HTTP Board-managed",
        membershipModel: "board-managed",
      }),
    );
    const [chair, member, candidate, boardA, boardB] = await makePeople(database, 5, "manage-forms");
    await addToGroup(database, managed.id, [chair ?? 0], { role: "chair" });
    await addToGroup(database, managed.id, [member ?? 0]);
    await grantFoundationRole(database, [boardA ?? 0, boardB ?? 0], "board-member");
    for (const [id, name] of [
      [chair, "bm-chair"],
      [member, "bm-member"],
      [boardA, "bm-board-a"],
      [boardB, "bm-board-b"],
    ] as const)
      await account(id ?? 0, name);
    const opened = await api(boardA ?? 0, `/api/groups/${managed.slug}/votes`, {
      method: "POST",
      json: { kind: "admit-member", subjectPersonId: candidate, closesAt: "2026-03-08T12:00:00Z" },
    });
    expect(opened.status, await opened.clone().text()).toBe(201);
    const voteId = ((await opened.json()) as { vote: { id: number; body: string } }).vote.id;

    // The Chair is not in the Board's electorate: no ballot form, but the forms to extend and close.
    const chairPage = await browserOf(chair ?? 0).page(`/votes/${voteId}`);
    expect(chairPage.res.status).toBe(200);
    expect(chairPage.html).not.toContain('name="choice"');
    expect(chairPage.html).toContain(`action="/votes/${voteId}/extend"`);
    expect(chairPage.html).toContain(`action="/votes/${voteId}/close"`);
    const extended = await browserOf(chair ?? 0).submit(
      `/votes/${voteId}/extend`,
      { closesAt: "2026-03-10T12:00", reason: "the Board meets on the 9th" },
      { csrf: TestBrowser.csrfIn(chairPage.html) },
    );
    expect(extended.status, await extended.clone().text()).toBe(303);
    const [row] = await database.db.select().from(schema.votes).where(eq(schema.votes.id, voteId));
    expect(row?.closesAt.toISOString()).toBe("2026-03-10T12:00:00.000Z");

    // A Board member sees both the ballot and the forms; an ordinary member of the group neither.
    const boardPage = await browserOf(boardB ?? 0).page(`/votes/${voteId}`);
    expect(boardPage.html).toContain('name="choice"');
    expect(boardPage.html).toContain(`action="/votes/${voteId}/extend"`);
    const memberPage = await browserOf(member ?? 0).page(`/votes/${voteId}`);
    expect(memberPage.res.status).toBe(200);
    expect(memberPage.html).not.toContain('name="choice"');
    expect(memberPage.html).not.toContain(`action="/votes/${voteId}/extend"`);
    expect(memberPage.html).not.toContain(`action="/votes/${voteId}/close"`);
  });
});
