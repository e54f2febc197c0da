/**
 * Requests over HTTP with a real database: the page form opens a request through the same
 * `openRequest` as the JSON route (the row exists, the redirect goes to its page), a refused
 * submission re-shows what was typed, `/requests` lists what the viewer may see by state, and a
 * private request stays with its two sides everywhere: pages, the API, the Board's agenda (open to
 * site administrators, who are not in it) and the notifications written as it is swept to expiry.
 */
import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { signedInBrowser, TestBrowser } from "../../../test/browser.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createTestAccounts } from "../../../test/factories/accounts.ts";
import { insertPerson } from "../../../test/factories/governance.ts";
import { askersAndAnswerers, sprintPlanReview as form } from "../../../test/factories/requests.ts";
import type { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import { sweepRequests } from "./sweep-requests.ts";

let database: Database;
let app: Hono<AppEnv>;
let clock: FixedClock;
const browsers: Record<string, TestBrowser> = {};
const people: Record<string, number> = {};

const as = (who: string) => {
  const b = browsers[who];
  if (!b) throw new Error(`no browser for ${who}`);
  return b;
};

async function requestRows() {
  return database.db.select().from(schema.groupRequests).orderBy(schema.groupRequests.id);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const built = await createTestApplication(database);
  app = built.app;
  clock = built.clock;
  Object.assign(people, (await askersAndAnswerers(database.db)).people);
  people.outsider = (await insertPerson(database.db, { name: "Otto Outsider" })).id;
  people.board = (await insertPerson(database.db, { name: "Bea Board" })).id;
  people.admin = (await insertPerson(database.db, { name: "Ada Admin" })).id;
  people.named = (await insertPerson(database.db, { name: "Nora Named" })).id;
  const accounts = await createTestAccounts(
    { db: database.db, clock, scopes: ["read", "groups"], sessionDays: 400 },
    [
      ["member", people.member],
      ["askChair", people.askChair],
      ["ansChair", people.ansChair],
      ["outsider", people.outsider],
      ["board", people.board, { roles: ["board-member"] }],
      ["admin", people.admin, { admin: true }],
    ],
  );
  for (const [who, account] of Object.entries(accounts))
    browsers[who] = signedInBrowser(app, account.sessionId);
  browsers.anonymous = new TestBrowser((path, init) => app.request(path, init));
});

afterAll(async () => {
  await database?.close();
});

const ids = { public: 0, board: 0, group: 0 };

describe("the page form opening a request", () => {
  it("is linked from the group's requests page and carries the CSRF field and the schema's field names", async () => {
    const group = await as("member").page("/groups/askers/requests");
    expect(group.html).toContain('href="/groups/askers/requests/new"');
    const outsiderView = await as("outsider").page("/groups/askers/requests");
    expect(outsiderView.html).not.toContain("/groups/askers/requests/new");
    const { res, html } = await as("member").page("/groups/askers/requests/new");
    expect(res.status).toBe(200);
    expect(html).toContain('action="/groups/askers/requests"');
    expect(html).toMatch(/name="_csrf" value="[^"]+"/u);
    for (const name of [
      "target",
      "person",
      "targetRole",
      "kind",
      "title",
      "link",
      "answerNeeded",
      "deadline",
      "visibility",
      "lazyConsensus",
      "owner",
    ]) {
      expect(html, name).toContain(`name="${name}"`);
    }
    expect(html).toContain('value="group:answerers"');
    expect(html).not.toContain('value="group:askers"');
    // The person fields suggest people by slug, without JavaScript (a datalist).
    expect(html).toMatch(/<datalist[^>]*>[\s\S]*value="nora-named"/u);
  });

  it("opens the request: the row exists, the redirect goes to its page, the target's Chair is told", async () => {
    const before = (await requestRows()).length;
    const res = await as("member").submit("/groups/askers/requests", form);
    expect(res.status).toBe(303);
    const rows = await requestRows();
    expect(rows).toHaveLength(before + 1);
    const row = rows.at(-1);
    expect(row).toMatchObject({
      title: "Review our sprint plan",
      link: "https://example.org/plan",
      targetKind: "group",
      kind: "review",
      answerNeeded: "approval",
      deadline: "2026-12-05",
      visibility: "public",
      lazyConsensus: false,
      state: "open",
      ownerPersonId: people.member,
      openedByPersonId: people.member,
    });
    ids.public = row?.id ?? 0;
    expect(res.headers.get("location")).toBe(`/requests/${ids.public}`);
    const page = await as("member").page(`/requests/${ids.public}`);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain("Review our sprint plan");
    const told = await database.db
      .select()
      .from(schema.notifications)
      .where(eq(schema.notifications.kind, "request.opened"));
    expect(told.map((n) => n.recipientPersonId)).toEqual([people.ansChair]);
  });

  it("opens a request to a named person from the person field", async () => {
    const res = await as("member").submit("/groups/askers/requests", {
      ...form,
      target: "person",
      person: "nora-named",
      title: "Your view on the venue",
      answerNeeded: "comment",
      link: "",
    });
    expect(res.status).toBe(303);
    const row = (await requestRows()).at(-1);
    expect(row).toMatchObject({ targetKind: "person", targetPersonId: people.named, link: null });
    expect(res.headers.get("location")).toBe(`/requests/${row?.id}`);
  });

  it("a refusal re-shows the form with what was typed and the problem beside its field; nothing is opened", async () => {
    const before = (await requestRows()).length;
    const late = await as("member").submit("/groups/askers/requests", {
      ...form,
      title: "Typed before the mistake",
      deadline: "2026-11-01",
    });
    expect(late.status).toBe(422);
    const html = await late.text();
    expect(html).toContain('value="Typed before the mistake"');
    expect(html).toContain("must be after today (2026-11-21)");
    expect(html).toMatch(/name="deadline"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="deadline"/u);
    const noPerson = await as("member").submit("/groups/askers/requests", { ...form, target: "person" });
    expect(noPerson.status).toBe(422);
    expect(await noPerson.text()).toContain("name the person the request goes to");
    const lazy = await as("member").submit("/groups/askers/requests", { ...form, lazyConsensus: "on" });
    expect(lazy.status).toBe(422);
    expect(await lazy.text()).toContain("does not take requests by lazy consensus");
    expect(await requestRows()).toHaveLength(before);
  });

  it("is refused to outsiders (403) and sends anonymous visitors to sign in; no CSRF token, no request", async () => {
    const before = (await requestRows()).length;
    expect((await as("outsider").page("/groups/askers/requests/new")).res.status).toBe(403);
    const csrf = await as("outsider").csrf("/requests");
    expect((await as("outsider").submit("/groups/askers/requests", form, { csrf })).status).toBe(403);
    const anon = await as("anonymous").page("/groups/askers/requests/new");
    expect(anon.res.status).toBe(303);
    expect(anon.res.headers.get("location")).toContain("/sign-in");
    expect((await as("member").submit("/groups/askers/requests", form, { csrf: false })).status).toBe(403);
    expect(await requestRows()).toHaveLength(before);
  });
});

describe("a private request stays with its two sides", () => {
  it("opens a private request to the Board and one to the other group", async () => {
    const toBoard = await as("member").submit("/groups/askers/requests", {
      ...form,
      target: "board",
      title: "Secret budget question",
      visibility: "private",
    });
    expect(toBoard.status).toBe(303);
    ids.board = Number(toBoard.headers.get("location")?.split("/").pop());
    const toGroup = await as("member").submit("/groups/askers/requests", {
      ...form,
      title: "Confidential partner review",
      visibility: "private",
    });
    expect(toGroup.status).toBe(303);
    ids.group = Number(toGroup.headers.get("location")?.split("/").pop());
    expect(ids.board).toBeGreaterThan(0);
    expect(ids.group).toBeGreaterThan(0);
  });

  it("the request page: the sides see it, outsiders get 403, anonymous visitors are sent to sign in", async () => {
    for (const who of ["member", "askChair", "ansChair"]) {
      expect((await as(who).page(`/requests/${ids.group}`)).res.status, who).toBe(200);
      expect((await as(who).request(`/api/requests/${ids.group}`)).status, who).toBe(200);
    }
    for (const who of ["outsider", "board", "admin"]) {
      const page = await as(who).page(`/requests/${ids.group}`);
      expect(page.res.status, who).toBe(403);
      expect(page.html, who).not.toContain("Confidential partner review");
      expect((await as(who).request(`/api/requests/${ids.group}`)).status, who).toBe(403);
    }
    const anon = await as("anonymous").page(`/requests/${ids.group}`);
    expect(anon.res.status).toBe(303);
    expect(anon.html).not.toContain("Confidential");
    expect((await as("board").page(`/requests/${ids.board}`)).res.status).toBe(200);
  });

  it("/requests, the group pages and the stalled view list it only to its sides", async () => {
    const titles = ["Secret budget question", "Confidential partner review"];
    for (const who of ["outsider", "anonymous", "admin"]) {
      for (const path of [
        "/requests",
        "/requests?state=all",
        "/groups/askers/requests",
        "/groups/answerers/requests",
        "/requests/stalled",
      ]) {
        const { res, html } = await as(who).page(path);
        expect(res.status, `${who} ${path}`).toBe(200);
        for (const t of titles) expect(html, `${who} ${path}`).not.toContain(t);
        if (path.startsWith("/requests?") || path === "/requests") {
          expect(html, `${who} ${path}`).toContain("Review our sprint plan");
        }
      }
    }
    const member = await as("member").page("/requests");
    for (const t of titles) expect(member.html).toContain(t);
    const chair = await as("ansChair").page("/groups/answerers/requests");
    expect(chair.html).toContain("Confidential partner review");
    expect(chair.html).not.toContain("Secret budget question");
    const board = await as("board").page("/requests");
    expect(board.html).toContain("Secret budget question");
    expect(board.html).not.toContain("Confidential partner review");
  });

  it("the API (open and stalled) lists it only to its sides", async () => {
    const listed = async (who: string, state: string) => {
      const res = await as(who).request(`/api/requests?state=${state}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { requests: Array<{ id: number }> }).requests.map((r) => r.id);
    };
    expect(await listed("outsider", "open")).toEqual([ids.public, expect.any(Number)]);
    expect(await listed("member", "open")).toEqual(expect.arrayContaining([ids.board, ids.group]));
    // Past the deadline, both are stalled.
    clock.set("2026-12-08T12:00:00Z");
    for (const who of ["outsider", "anonymous", "admin"]) {
      const stalled = await listed(who, "stalled");
      expect(stalled, who).toContain(ids.public);
      expect(stalled, who).not.toContain(ids.board);
      expect(stalled, who).not.toContain(ids.group);
    }
    expect(await listed("ansChair", "stalled")).toContain(ids.group);
    expect(await listed("board", "stalled")).toContain(ids.board);
  });

  it("the Board's agenda (also open to site administrators) lists the private one to Board members only", async () => {
    const boardMd = await as("board").page("/board/agenda.md");
    expect(boardMd.res.status).toBe(200);
    expect(boardMd.html).toContain("Secret budget question");
    const adminMd = await as("admin").page("/board/agenda.md");
    expect(adminMd.res.status).toBe(200);
    expect(adminMd.html).not.toContain("Secret budget question");
    const adminJson = await (await as("admin").request("/api/board/agenda")).text();
    expect(adminJson).not.toContain("Secret budget question");
    const adminPage = await as("admin").page("/board");
    expect(adminPage.html).not.toContain("Secret budget question");
    expect((await as("outsider").page("/board/agenda.md")).res.status).toBe(403);
  });

  it("swept through every step to expiry, its notifications go to its sides only, never to an outsider", async () => {
    for (const day of ["2026-12-03", "2026-12-06", "2026-12-13", "2027-01-10"]) {
      clock.set(`${day}T12:00:00Z`);
      await sweepRequests({ deps: { database, clock } });
    }
    const rows = await database.db.select().from(schema.notifications);
    const about = (id: number) => rows.filter((n) => n.dedupeKey.startsWith(`request:${id}:`));
    const groupSide = new Set([people.member, people.askChair, people.ansChair, people.liaison]);
    const toGroup = about(ids.group);
    expect(toGroup.length).toBeGreaterThan(1);
    for (const n of toGroup) {
      // The Board is told of the private group request only when it is escalated to it.
      if (n.recipientPersonId === people.board) expect(n.kind).toBe("request.escalated-board");
      else expect(groupSide.has(n.recipientPersonId ?? -1), n.kind).toBe(true);
    }
    const toBoard = about(ids.board);
    expect(toBoard.map((n) => n.recipientPersonId)).toContain(people.board);
    for (const n of rows) {
      expect(n.recipientPersonId, n.kind).not.toBe(people.outsider);
      expect(n.recipientPersonId, n.kind).not.toBe(people.admin);
    }
    const [expired] = await database.db
      .select()
      .from(schema.groupRequests)
      .where(eq(schema.groupRequests.id, ids.group));
    expect(expired?.state).toBe("expired");
    const expiredList = await as("outsider").page("/requests?state=expired");
    expect(expiredList.html).toContain("Review our sprint plan");
    expect(expiredList.html).not.toContain("Confidential partner review");
  });
});
