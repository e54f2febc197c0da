/**
 * The signed-in API (decisions and accounts) in /api/openapi.json: every documented operation is
 * called for real, its request body checked against the documented request schema and its
 * response (success and error) against the documented response schema; Bearer auth is declared.
 */
import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerRequest, createTestApplication } from "../../../test/app.ts";
import { closeTestDatabase, createTestDatabase } from "../../../test/db.ts";
import { createTestAccount } from "../../../test/factories/accounts.ts";
import { loadOpenApi } from "../../../test/openapi.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import { renderCharterMarkdown } from "../charter/render-charter.ts";
import type { ParsedCharter } from "../charter/types.ts";
import {
  addCharterRoles,
  charterWith,
  grantFoundationRole,
  makeGroup,
  makePeople,
} from "../decisions/decisions.fixtures.ts";

let database: Database;
let app: Hono<AppEnv>;
let api: Awaited<ReturnType<typeof loadOpenApi>>;
const clock = new FixedClock("2026-03-01T12:00:00Z");
let boardPersonId = 0;
const slug = "api-direct";
const tokens = new Map<string, string>();
const exercised = new Set<string>();
let members: number[] = [];

async function account(key: string, personId: number | null, email: string) {
  const { user, token } = await createTestAccount({
    db: database.db,
    clock,
    email,
    name: key,
    personId,
    scopes: ["read", "account", "groups", "votes", "admin"],
  });
  tokens.set(key, token);
  return user;
}

/** Calls one operation as `who` and checks the request and the response against the document. */
async function call(
  who: string | null,
  method: string,
  url: string,
  route: string,
  status: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const op = api.operation(method, route);
  expect(op, `${method} ${route} documented`).toBeDefined();
  if (!op) return {};
  exercised.add(`${method} ${route}`);
  // A request the server accepts fits the documented schema.
  if (body !== undefined && status.startsWith("2")) {
    expect(api.requestProblems(method, route, body), `${route} request`).toEqual([]);
  }
  const res = await bearerRequest(app, who === null ? undefined : tokens.get(who), url, {
    method,
    json: body,
  });
  const json = (await res.json()) as Record<string, unknown>;
  expect(String(res.status), `${method} ${url}: ${JSON.stringify(json)}`).toBe(status);
  expect(op.responses[status], `${method} ${route} ${status} documented`).toBeDefined();
  expect(api.responseProblems(method, route, Number(status), json), `${method} ${url}`).toEqual([]);
  return json;
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await createTestApplication(database, {}, clock));
  const group = await makeGroup(
    database,
    charterWith({ slug, name: "API Direct", termMonths: 12, meetingCadence: "monthly" }),
  );
  members = await makePeople(database, 3, "api");
  await addCharterRoles(database, group.id, members);
  await addCharterRoles(database, group.id, [members[0] ?? 0], "chair");
  for (const [i, id] of members.entries()) await account(`m${i}`, id, `m${i}@example.org`);
  const [boardPerson] = await makePeople(database, 1, "board");
  boardPersonId = boardPerson ?? 0;
  await account("admin", boardPerson ?? null, "admin@example.org");
  await grantFoundationRole(database, [boardPerson ?? 0], "board-member");
  await grantFoundationRole(database, [boardPerson ?? 0], "site-admin");
  await account("newcomer", null, "newcomer@example.org");
  await account("claimer", null, "claimer@example.org");
  api = await loadOpenApi(app);
});

afterAll(() => closeTestDatabase(database));

describe("the signed-in API in /api/openapi.json", () => {
  it("declares Bearer auth on every signed-in operation", () => {
    const doc = api.doc;
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    for (const route of [
      "/api/votes/{id}",
      "/api/groups/{slug}/applications",
      "/api/account",
      "/api/board",
      "/api/admin/foundation-roles",
    ]) {
      for (const op of Object.values(doc.paths[route] ?? {}))
        expect(op.security).toEqual([{ bearerAuth: [] }]);
    }
    // The public directory stays unauthenticated.
    expect(doc.paths["/api/groups"]?.get?.security).toBeUndefined();
  });

  it("documents the real requests and responses of decisions and accounts", async () => {
    // Accounts.
    await call(null, "GET", "/api/account", "/api/account", "401");
    await call("m1", "GET", "/api/account", "/api/account", "200");
    await call("m1", "PATCH", "/api/account", "/api/account", "200", { name: "Member One" });
    const created = await call("m1", "POST", "/api/account/tokens", "/api/account/tokens", "201", {
      name: "script",
      scopes: ["read"],
      expiresInDays: 7,
    });
    await call("m1", "GET", "/api/account/tokens", "/api/account/tokens", "200");
    await call("m1", "DELETE", `/api/account/tokens/${created.id}`, "/api/account/tokens/{id}", "200");
    const [claimable] = await makePeople(database, 1, "claimable");
    const [claimRow] = await database.db
      .select({ slug: schema.people.slug })
      .from(schema.people)
      .where(eq(schema.people.id, claimable ?? 0));
    const claimSlug = claimRow?.slug;
    const claim = await call("claimer", "POST", "/api/account/claim", "/api/account/claim", "201", {
      person: claimSlug,
    });
    await call("m1", "GET", "/api/admin/claims", "/api/admin/claims", "403");
    await call("admin", "GET", "/api/admin/claims", "/api/admin/claims", "200");
    await call(
      "admin",
      "POST",
      `/api/admin/claims/${claim.id}/confirm`,
      "/api/admin/claims/{id}/confirm",
      "200",
    );
    await call(
      "admin",
      "POST",
      `/api/admin/claims/${claim.id}/reject`,
      "/api/admin/claims/{id}/reject",
      "409",
    );
    // Foundation roles (administrators).
    const roles = "/api/admin/foundation-roles";
    await call("m1", "GET", roles, roles, "403");
    const granted = await call("admin", "POST", roles, roles, "201", {
      who: "m2@example.org",
      role: "dsf-member",
      startedOn: "2026-01-01",
      reason: "joined the DSF",
      decisionRef: "membership form 7",
    });
    await call("admin", "POST", roles, roles, "422", {
      who: "m2@example.org",
      role: "dsf-member",
      startedOn: "1 January 2026",
    });
    await call("admin", "GET", `${roles}?role=dsf-member&current=true`, roles, "200");
    const end = `${roles}/{id}/end`;
    await call("admin", "POST", `${roles}/${granted.id}/end`, end, "422", { endedOn: "soon" });
    await call("admin", "POST", `${roles}/${granted.id}/end`, end, "200", {
      endedOn: "2026-03-01",
      reason: "resigned",
    });
    await call("admin", "POST", `${roles}/999999/end`, end, "404", { endedOn: "2026-03-01" });
    await call(null, "GET", `/api/groups/${slug}/permissions`, "/api/groups/{slug}/permissions", "200");

    // Votes.
    const opened = await call("m0", "POST", `/api/groups/${slug}/votes`, "/api/groups/{slug}/votes", "201", {
      kind: "proposal",
      title: "Adopt a meeting time",
      closesAt: "2026-03-10T12:00:00Z",
    });
    const voteId = (opened.vote as { id: number }).id;
    await call("m1", "GET", `/api/votes/${voteId}`, "/api/votes/{id}", "200");
    await call("m1", "GET", "/api/votes/999999", "/api/votes/{id}", "404");
    await call("m1", "POST", `/api/votes/${voteId}/ballots`, "/api/votes/{id}/ballots", "201", {
      choice: "yes",
    });
    await call("m1", "POST", `/api/votes/${voteId}/ballots`, "/api/votes/{id}/ballots", "409", {
      choice: "no",
    });
    await call("m0", "POST", `/api/votes/${voteId}/extend`, "/api/votes/{id}/extend", "200", {
      closesAt: "2026-03-12T12:00:00Z",
      reason: "more time to discuss",
    });
    await call("m0", "POST", `/api/votes/${voteId}/close`, "/api/votes/{id}/close", "409");
    await call("m2", "GET", `/api/groups/${slug}/votes`, "/api/groups/{slug}/votes", "200");

    // Applications, settings, leaving, audit, the Board.
    await call(
      "newcomer",
      "POST",
      `/api/groups/${slug}/applications`,
      "/api/groups/{slug}/applications",
      "422",
      {
        statement: "",
        skills: "x",
        timeCommitment: "x",
      },
    );
    const applied = await call(
      "newcomer",
      "POST",
      `/api/groups/${slug}/applications`,
      "/api/groups/{slug}/applications",
      "201",
      // The account has only its email address, so it says the name the group will see.
      { statement: "I can help", skills: "writing", timeCommitment: "2 hours a week", name: "Nico Newcomer" },
    );
    const applicationId = (applied.application as { applicationId: number }).applicationId;
    await call("m0", "GET", `/api/groups/${slug}/applications`, "/api/groups/{slug}/applications", "200");
    await call(
      "m0",
      "POST",
      `/api/applications/${applicationId}/vote`,
      "/api/applications/{id}/vote",
      "201",
      {
        closesAt: "2026-03-09T12:00:00Z",
      },
    );
    // My groups: the applicant sees the vote on their application; a member sees a ballot to cast.
    await call(null, "GET", "/api/me", "/api/me", "401");
    const mine = await call("newcomer", "GET", "/api/me", "/api/me", "200");
    expect(mine.applications).toEqual([
      expect.objectContaining({ id: applicationId, status: "voting", open: true }),
    ]);
    const member = await call("m1", "GET", "/api/me", "/api/me", "200");
    expect(member.needs).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "cast-ballot" })]));
    // This group votes on new members (direct): admitting without a vote is refused.
    await call("m0", "POST", `/api/groups/${slug}/admissions`, "/api/groups/{slug}/admissions", "409", {
      applicationId,
    });
    await call(
      "m0",
      "PUT",
      `/api/groups/${slug}/decision-settings`,
      "/api/groups/{slug}/decision-settings",
      "200",
      { nextMeetingOn: "2026-03-15" },
    );
    await call("m2", "POST", `/api/groups/${slug}/leave`, "/api/groups/{slug}/leave", "200", {
      note: "moving on",
    });
    await call("m2", "POST", `/api/groups/${slug}/leave`, "/api/groups/{slug}/leave", "403", {});
    await call("m0", "POST", "/api/role-periods/999999/renew", "/api/role-periods/{id}/renew", "404");
    await call("m0", "GET", `/api/groups/${slug}/audit`, "/api/groups/{slug}/audit", "200");
    await call("admin", "GET", "/api/board", "/api/board", "200");
    await call("m1", "GET", "/api/board", "/api/board", "403");
    await call("admin", "GET", "/api/board/agenda", "/api/board/agenda", "200");
    await call("admin", "GET", "/api/board/agenda?since=2026-11-01", "/api/board/agenda", "200");
    await call("admin", "GET", "/api/board/agenda?since=nope", "/api/board/agenda", "422");
    await call("m1", "GET", "/api/board/agenda", "/api/board/agenda", "403");

    // A vote's electorate; people suggestions for person fields; the Board Liaison (Board members).
    await call("m1", "GET", `/api/votes/${voteId}/electorate`, "/api/votes/{id}/electorate", "200");
    await call("m1", "GET", "/api/people-suggestions?q=api", "/api/people-suggestions", "200");
    await call("m1", "POST", `/api/groups/${slug}/board-liaison`, "/api/groups/{slug}/board-liaison", "403", {
      personId: boardPersonId,
      startedOn: "2026-03-01",
    });
    await call(
      "admin",
      "POST",
      `/api/groups/${slug}/board-liaison`,
      "/api/groups/{slug}/board-liaison",
      "201",
      { personId: boardPersonId, startedOn: "2026-03-01" },
    );

    // Reports: this charter states no reporting cadence, so a report has no period to be for.
    await call("m0", "GET", `/api/groups/${slug}/reports`, "/api/groups/{slug}/reports", "200");
    await call("m1", "POST", `/api/groups/${slug}/reports`, "/api/groups/{slug}/reports", "403", {
      periodStart: "2026-02-01",
      visibility: "public",
      highlights: ["One", "Two", "Three"],
    });
    await call("m0", "GET", "/api/reports/999999", "/api/reports/{id}", "404");
    await call(
      "m1",
      "POST",
      `/api/groups/${slug}/reporting-decisions`,
      "/api/groups/{slug}/reporting-decisions",
      "403",
      { kind: "shutdown", reason: "not a Board member" },
    );
    await call(
      "admin",
      "POST",
      `/api/groups/${slug}/reporting-decisions`,
      "/api/groups/{slug}/reporting-decisions",
      "201",
      { kind: "exception", reason: "a new group", endsOn: "2026-06-30" },
    );

    // Requests: a member opens one to the Board; the Board answers it; outsiders are refused.
    const ask = {
      target: "board",
      kind: "review",
      title: "API request",
      answerNeeded: "approval",
      deadline: "2026-03-20",
      visibility: "public",
    };
    const requests = `/api/groups/${slug}/requests`;
    await call("newcomer", "POST", requests, "/api/groups/{slug}/requests", "403", ask);
    await call("m1", "POST", requests, "/api/groups/{slug}/requests", "422", {
      ...ask,
      deadline: "2026-02-01",
    });
    const openedRequest = await call("m1", "POST", requests, "/api/groups/{slug}/requests", "201", ask);
    const requestId = (openedRequest.request as { id: number }).id;
    await call("m1", "GET", "/api/requests?state=open", "/api/requests", "200");
    await call("m1", "GET", `/api/requests/${requestId}`, "/api/requests/{id}", "200");
    await call("m1", "GET", "/api/requests/999999", "/api/requests/{id}", "404");
    const answer = `/api/requests/${requestId}/answer`;
    await call("m1", "POST", answer, "/api/requests/{id}/answer", "403", { outcome: "approved" });
    await call("admin", "POST", answer, "/api/requests/{id}/answer", "200", { outcome: "approved" });
    await call("admin", "POST", answer, "/api/requests/{id}/answer", "409", { outcome: "rejected" });

    // Meetings: the Chair schedules, moves and cancels; members add items, notes and action items.
    const time = {
      title: "March meeting",
      date: "2026-03-20",
      time: "18:00",
      timeZone: "Europe/Amsterdam",
      durationMinutes: 60,
    };
    const meetings = `/api/groups/${slug}/meetings`;
    await call("m1", "POST", meetings, "/api/groups/{slug}/meetings", "403", time);
    const scheduled = await call("m0", "POST", meetings, "/api/groups/{slug}/meetings", "201", time);
    const meetingId = (scheduled.meeting as { id: number }).id;
    const one = `${meetings}/${meetingId}`;
    await call("m0", "PUT", one, "/api/groups/{slug}/meetings/{id}", "200", { ...time, time: "19:00" });
    await call("m1", "POST", `${one}/agenda-items`, "/api/groups/{slug}/meetings/{id}/agenda-items", "201", {
      title: "Budget",
    });
    await call("m1", "PUT", `${one}/notes`, "/api/groups/{slug}/meetings/{id}/notes", "200", {
      publicNotes: "Agreed the budget.",
      privateNotes: "Discussed a sponsor.",
      publish: true,
    });
    const item = await call(
      "m1",
      "POST",
      `${one}/action-items`,
      "/api/groups/{slug}/meetings/{id}/action-items",
      "201",
      { title: "Send the budget", ownerPersonId: members[1], dueOn: "2026-03-27" },
    );
    const itemId = (item.actionItem as { id: number }).id;
    await call(
      "m1",
      "POST",
      `/api/groups/${slug}/action-items/${itemId}/done`,
      "/api/groups/{slug}/action-items/{id}/done",
      "200",
    );
    await call("m0", "POST", `${one}/cancel`, "/api/groups/{slug}/meetings/{id}/cancel", "200");
    await call("m0", "POST", `${one}/cancel`, "/api/groups/{slug}/meetings/{id}/cancel", "409");

    // The meeting was scheduled, moved and cancelled: the members' inboxes say so.
    const inbox = (await call("m1", "GET", "/api/inbox", "/api/inbox", "200")) as {
      unread: number;
      items: Array<{ id: number; kind: string }>;
    };
    expect(inbox.items.map((i) => i.kind).slice(0, 3)).toEqual([
      "meeting.cancelled",
      "meeting.changed",
      "meeting.scheduled",
    ]);
    const first = inbox.items[0]?.id ?? 0;
    await call("m1", "POST", `/api/inbox/${first}/read`, "/api/inbox/{id}/read", "200", {});
    await call("newcomer", "POST", `/api/inbox/${first}/read`, "/api/inbox/{id}/read", "404", {});
    const all = await call("m1", "POST", "/api/inbox/read-all", "/api/inbox/read-all", "200", {});
    expect(all.marked).toBe(inbox.unread - 1);
    const prefs = "/api/account/notification-preferences";
    await call("m1", "GET", prefs, prefs, "200");
    const saved = await call("m1", "PUT", prefs, prefs, "200", { modes: { "meeting.scheduled": "digest" } });
    expect(saved.preferences).toContainEqual(
      expect.objectContaining({ kind: "meeting.scheduled", mode: "digest" }),
    );
    await call("m1", "PUT", prefs, prefs, "422", { modes: { "meeting.scheduled": "weekly" } });
    // The lifecycle: a proposal drafted, revised, marked ready and put to the Board; a charter
    // change waiting for the Board; a shutdown by consensus; the Board's agenda items.
    const complete = renderCharterMarkdown(
      charterWith({
        slug: "api-proposal",
        name: "API Proposal Working Group",
        scope: "Tries the API.",
        roles: {
          chair: [{ name: "Ann Example", handle: null }],
          coChair: [{ name: "Bob Example", handle: null }],
          boardLiaison: [{ name: "Cy Example", handle: null }],
          steeringCouncilLiaison: [],
          other: [],
        },
        members: ["Ann Example", "Bob Example", "Cy Example"].map((name) => ({ name, handle: null })),
        budget: "No allocated budget.",
        channels: ["A mailing list"],
        reportingCadence: "quarterly",
      }),
    );
    const drafted = await call("newcomer", "POST", "/api/proposals", "/api/proposals", "201", {
      slug: "api-proposal",
      name: "API Proposal Working Group",
      kind: "working-group",
    });
    const proposalId = (drafted.proposal as { id: number }).id;
    expect(drafted.proposal).toMatchObject({ status: "draft", complete: false, revision: 1 });
    const p = `/api/proposals/${proposalId}`;
    await call("newcomer", "POST", "/api/proposals", "/api/proposals", "409", {
      slug: "api-proposal",
      name: "Again",
      kind: "team",
    });
    await call(null, "GET", "/api/proposals", "/api/proposals", "200");
    await call("newcomer", "GET", p, "/api/proposals/{id}", "200");
    await call("newcomer", "POST", `${p}/ready`, "/api/proposals/{id}/ready", "422");
    await call("m1", "POST", `${p}/revisions`, "/api/proposals/{id}/revisions", "403", {
      markdown: complete,
    });
    const revised = await call("newcomer", "POST", `${p}/revisions`, "/api/proposals/{id}/revisions", "201", {
      markdown: complete,
      note: "Complete.",
    });
    expect(revised.proposal).toMatchObject({ revision: 2, complete: true });
    await call("newcomer", "POST", `${p}/ready`, "/api/proposals/{id}/ready", "200");
    await call("m1", "POST", `${p}/vote`, "/api/proposals/{id}/vote", "403", {
      closesAt: "2026-03-08T12:00:00Z",
    });
    await call("admin", "POST", `${p}/vote`, "/api/proposals/{id}/vote", "201", {
      closesAt: "2026-03-08T12:00:00Z",
    });
    await call("admin", "POST", `${p}/feedback`, "/api/proposals/{id}/feedback", "409", {
      feedback: "Not yet.",
    });
    await call("newcomer", "POST", `${p}/checklist`, "/api/proposals/{id}/checklist", "409", {
      step: "channels",
    });
    const lifecycle = `/api/groups/${slug}/lifecycle`;
    await call("m1", "GET", lifecycle, "/api/groups/{slug}/lifecycle", "200");
    const [stored] = await database.db.select().from(schema.groups).where(eq(schema.groups.slug, slug));
    const current = renderCharterMarkdown(stored?.charter as ParsedCharter);
    const changed = await call(
      "m1",
      "POST",
      `/api/groups/${slug}/charter-changes`,
      "/api/groups/{slug}/charter-changes",
      "201",
      {
        markdown: current.replace("## Budget", "## Budget\n\nUSD 500 a year."),
      },
    );
    expect(changed.change).toMatchObject({ class: "substantive", status: "proposed", needsBoardVote: true });
    const changeId = (changed.change as { id: number }).id;
    await call("m1", "GET", `/api/charter-changes/${changeId}`, "/api/charter-changes/{id}", "200");
    await call(
      "admin",
      "POST",
      `/api/charter-changes/${changeId}/vote`,
      "/api/charter-changes/{id}/vote",
      "201",
      {
        closesAt: "2026-03-08T12:00:00Z",
      },
    );
    const shutdowns = `/api/groups/${slug}/shutdowns`;
    await call(
      "newcomer",
      "POST",
      `${shutdowns}/voluntary`,
      "/api/groups/{slug}/shutdowns/voluntary",
      "403",
      {
        reason: "Done.",
        closesAt: "2026-03-08T12:00:00Z",
      },
    );
    const started = await call(
      "m1",
      "POST",
      `${shutdowns}/voluntary`,
      "/api/groups/{slug}/shutdowns/voluntary",
      "201",
      {
        reason: "Done.",
        closesAt: "2026-03-08T12:00:00Z",
      },
    );
    expect(started.shutdown).toMatchObject({ ground: "voluntary", status: "voting" });
    await call("admin", "POST", `${shutdowns}/forced`, "/api/groups/{slug}/shutdowns/forced", "409", {
      ground: "board-vote",
      reason: "Stalled.",
      closesAt: "2026-03-08T12:00:00Z",
    });
    const shutdownId = (started.shutdown as { id: number }).id;
    await call(
      "m0",
      "POST",
      `/api/shutdowns/${shutdownId}/checklist`,
      "/api/shutdowns/{id}/checklist",
      "409",
      {
        step: "channels-closed",
      },
    );
    await call("m1", "GET", "/api/lifecycle/agenda", "/api/lifecycle/agenda", "403");
    const agenda = await call("admin", "GET", "/api/lifecycle/agenda", "/api/lifecycle/agenda", "200");
    expect((agenda.proposals as unknown[]).length).toBe(1);
    expect((agenda.charterChanges as unknown[]).length).toBe(1);
    expect((agenda.shutdowns as unknown[]).length).toBe(1);
    // Hand-overs: m1 leaves owning an open action item; the Chair sees it, the Board hands it on.
    const [group] = await database.db.select().from(schema.groups).where(eq(schema.groups.slug, slug));
    const [owned] = await database.db
      .insert(schema.meetingActionItems)
      .values({
        groupId: group?.id ?? 0,
        meetingId,
        title: "Book the venue",
        ownerPersonId: members[1] ?? 0,
        dueOn: "2026-03-30",
        createdAt: clock.now(),
      })
      .returning();
    await call("m1", "POST", `/api/groups/${slug}/leave`, "/api/groups/{slug}/leave", "200", {});
    const handovers = `/api/groups/${slug}/handovers`;
    await call("m1", "GET", handovers, "/api/groups/{slug}/handovers", "403");
    const listed = await call("m0", "GET", handovers, "/api/groups/{slug}/handovers", "200");
    const [handover] = listed.handovers as Array<{
      person: { id: number };
      items: Array<{ id: number; itemId: string }>;
    }>;
    expect(handover?.person.id).toBe(members[1]);
    // m1 also opened the voluntary shutdown vote above: both of their open items need a new owner.
    const flagged = handover?.items ?? [];
    expect(flagged.map((i) => i.itemId)).toContain(String(owned?.id));
    const ownedItem = flagged.find((i) => i.itemId === String(owned?.id));
    const flagUrl = `${handovers}/items/${ownedItem?.id}/reassign`;
    const flagRoute = "/api/groups/{slug}/handovers/items/{id}/reassign";
    await call("m0", "POST", flagUrl, flagRoute, "422", { personId: members[1] });
    await call("m2", "POST", flagUrl, flagRoute, "403", { personId: members[0] });
    const handed = await call("admin", "POST", flagUrl, flagRoute, "200", { personId: members[0] });
    expect(handed.needingOwner).toBe(flagged.length - 1);
    await call("m0", "POST", flagUrl, flagRoute, "409", { personId: members[0] });

    // The marketing room's delegation matrix: none until the Marketing WG charter is imported.
    await call("m1", "GET", "/api/marketing/matrix", "/api/marketing/matrix", "404");

    // Board meeting days: an administrator records one (once); a member may not.
    const meetingDay = { heldOn: "2026-02-26" };
    await call("admin", "POST", "/api/board/meetings", "/api/board/meetings", "201", meetingDay);
    await call("admin", "POST", "/api/board/meetings", "/api/board/meetings", "409", meetingDay);
    await call("m1", "POST", "/api/board/meetings", "/api/board/meetings", "403", { heldOn: "2026-02-25" });

    // The group's annual report, and a funding request from a member, seen by the group.
    await call("m1", "GET", `/api/groups/${slug}/annual/2026`, "/api/groups/{slug}/annual/{year}", "200");
    const asked = await call(
      "m0",
      "POST",
      `/api/groups/${slug}/funding`,
      "/api/groups/{slug}/funding",
      "201",
      {
        purpose: "tools",
        description: "A year of a design tool for the group.",
        amount: "120.00",
        currency: "EUR",
        startsOn: "2026-03-01",
        endsOn: "2027-02-28",
      },
    );
    const fundingId = (asked.request as { id: number }).id;
    await call("m0", "POST", `/api/groups/${slug}/funding`, "/api/groups/{slug}/funding", "422", {
      purpose: "tools",
      description: "",
      amount: "-1",
      currency: "EUR",
      startsOn: "2026-03-01",
      endsOn: "2026-02-01",
    });
    await call("m0", "GET", "/api/funding", "/api/funding", "200");
    await call("m0", "GET", `/api/funding/${fundingId}`, "/api/funding/{id}", "200");
    await call("admin", "GET", `/api/funding/${fundingId}`, "/api/funding/{id}", "200");
    await call(null, "GET", `/api/funding/${fundingId}`, "/api/funding/{id}", "401");

    // Every documented signed-in operation was called.
    // (The ecosystem's signed-in routes, releases, reviews, packages' calls, contact attempts and
    // transfers, are called in test/openapi.db.test.ts.)
    const ecosystem = ["/api/releases", "/api/reviews", "/api/packages", "/api/transfers"];
    const documented = Object.entries(api.doc.paths)
      .filter(([route]) => !ecosystem.some((prefix) => route.startsWith(prefix)))
      .flatMap(([route, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => op.security !== undefined)
          .map(([method]) => `${method.toUpperCase()} ${route}`),
      );
    expect(documented.filter((k) => !exercised.has(k))).toEqual([]);
    // The documented schemas really constrain: a wrong shape is rejected.
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    expect(api.problems(ref("VoteResponse"), { vote: { id: 1 } })).not.toEqual([]);
    expect(api.problems(ref("CastBallotRequest"), { choice: "maybe" })).not.toEqual([]);
  });
});
