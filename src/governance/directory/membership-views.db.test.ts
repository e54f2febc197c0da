/**
 * The directory shows the one current membership: a member admitted by a vote appears on the
 * group page, in the API, in the size and the health flags; one who leaves, is removed or lapses
 * disappears and is shown among the alumni; the cached page changes right after each decision.
 */
import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerRequest, createTestApplication } from "../../../test/app.ts";
import { closeTestDatabase, createTestDatabase } from "../../../test/db.ts";
import { createMemberAccount, createTestAccount } from "../../../test/factories/accounts.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import {
  addCharterRoles,
  charterWith,
  grantFoundationRole,
  makeGroup,
  makePeople,
} from "../decisions/decisions.fixtures.ts";
import { sweepTerms } from "../decisions/sweep-terms.ts";

let database: Database;
let app: Hono<AppEnv>;
const clock = new FixedClock("2026-03-01T12:00:00Z");
const tokens = new Map<number, string>();
let charterMembers: number[] = [];
let admitted = 0;
const slug = "views-team";

async function account(personId: number, name: string) {
  const { token } = await createMemberAccount({ db: database.db, clock }, name, personId, { tokenDays: 365 });
  tokens.set(personId, token);
}

/** GET `path` as `personId` (anonymous when null), or POST `json` when given. */
function api(personId: number | null, path: string, json?: unknown) {
  const token = personId === null ? undefined : tokens.get(personId);
  return bearerRequest(app, token, path, json === undefined ? {} : { method: "POST", json });
}

interface GroupJson {
  size: number;
  members: Array<{ person: { id: number; name: string }; since: string | null }>;
  alumni: Array<{ id: number }>;
  health: Array<{ code: string }>;
}

async function groupJson(): Promise<GroupJson> {
  const res = await api(null, `/api/groups/${slug}`);
  expect(res.status).toBe(200);
  return (await res.json()) as GroupJson;
}

async function listed(): Promise<{ size: number; health: Array<{ code: string }> } | undefined> {
  const list = (await (await api(null, "/api/groups")).json()) as {
    groups: Array<{ slug: string; size: number; health: Array<{ code: string }> }>;
  };
  return list.groups.find((g) => g.slug === slug);
}

/** The anonymous (cached) group page's members section. */
async function membersOnPage(): Promise<string> {
  const res = await app.request(`/groups/${slug}`);
  expect(res.status).toBe(200);
  const html = await res.text();
  const start = html.indexOf('<h2 id="members">');
  const end = html.indexOf("<h3>Alumni");
  return html.slice(start, end);
}

/** The link to a person's page, as the group page writes it. */
async function linkOf(personId: number): Promise<string> {
  const [row] = await database.db
    .select({ slug: schema.people.slug })
    .from(schema.people)
    .where(eq(schema.people.id, personId));
  return `href="/people/${row?.slug ?? "?"}"`;
}

/** Opens a vote about `subject` and has every charter member vote yes (the vote closes early). */
async function decide(kind: "admit-member" | "remove-member", subject: number, voters: number[]) {
  const opened = await api(voters[0] ?? 0, `/api/groups/${slug}/votes`, {
    kind,
    subjectPersonId: subject,
    title: `${kind} ${subject}`,
    closesAt: "2026-03-20T12:00:00Z",
  });
  expect(opened.status, await opened.clone().text()).toBe(201);
  const voteId = ((await opened.json()) as { vote: { id: number } }).vote.id;
  for (const v of voters) {
    expect((await api(v, `/api/votes/${voteId}/ballots`, { choice: "yes" })).status).toBe(201);
  }
  const view = (await (await api(voters[0] ?? 0, `/api/votes/${voteId}`)).json()) as {
    vote: { status: string; outcome: string };
  };
  expect(view.vote).toMatchObject({ status: "closed", outcome: "passed" });
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await createTestApplication(database, {}, clock));
  const group = await makeGroup(
    database,
    charterWith({ slug, name: "Views Team", kind: "team", termMonths: 6 }),
  );
  charterMembers = await makePeople(database, 2, "charter");
  await addCharterRoles(database, group.id, charterMembers);
  for (const [i, id] of charterMembers.entries()) await account(id, `charter${i}`);
});

afterAll(() => closeTestDatabase(database));

describe("current membership on the directory", () => {
  it("shows the charter's members until decisions are recorded", async () => {
    const g = await groupJson();
    expect(g.size).toBe(2);
    expect(g.members.map((m) => m.person.id)).toEqual(charterMembers);
    expect(g.health.map((f) => f.code)).toContain("size-outside-range");
    expect(await listed()).toMatchObject({ size: 2 });
  });

  it("a member admitted by a vote appears on the page, in the API, the size and the flags", async () => {
    const [newcomer] = await makePeople(database, 1, "newcomer");
    const id = newcomer ?? 0;
    admitted = id;
    await account(id, "newcomer");
    expect(await membersOnPage()).not.toContain(await linkOf(id));

    await decide("admit-member", id, charterMembers);
    const g = await groupJson();
    expect(g.size).toBe(3);
    expect(g.members.map((m) => m.person.id)).toEqual([...charterMembers, id]);
    // Member since: the start of the role period the vote opened.
    expect(g.members.find((m) => m.person.id === id)?.since).toBe("2026-03-01T00:00:00.000Z");
    expect(g.health.map((f) => f.code)).not.toContain("size-outside-range");
    const summary = await listed();
    expect(summary?.size).toBe(3);
    expect(summary?.health.map((f) => f.code)).not.toContain("size-outside-range");
    // The cached anonymous page changed right after the decision.
    expect(await membersOnPage()).toContain(await linkOf(id));
    const person = (await (await api(null, `/api/people/${id}`)).json()) as {
      roles: Array<{ group: { slug: string }; role: string }>;
    };
    expect(person.roles).toEqual([
      expect.objectContaining({ group: expect.objectContaining({ slug }), role: "member" }),
    ]);
    const people = (await (await api(null, "/api/people")).json()) as {
      people: Array<{ person: { id: number }; groups: Array<{ slug: string }> }>;
    };
    expect(people.people.find((p) => p.person.id === id)?.groups.map((x) => x.slug)).toEqual([slug]);
  });

  it("a member who leaves disappears and is shown among the alumni, on the cached page too", async () => {
    const leaver = charterMembers[1] ?? 0;
    expect(await membersOnPage()).toContain(await linkOf(leaver));
    // The decisions page offers the member the form to leave.
    const page = await (await api(leaver, `/groups/${slug}/decisions`)).text();
    expect(page).toContain(`action="/groups/${slug}/leave"`);
    const res = await api(leaver, `/api/groups/${slug}/leave`, { note: "moving on" });
    expect(res.status, await res.clone().text()).toBe(200);
    const g = await groupJson();
    expect(g.members.map((m) => m.person.id)).not.toContain(leaver);
    expect(g.alumni.map((a) => a.id)).toContain(leaver);
    expect(g.size).toBe(2);
    expect(g.health.map((f) => f.code)).toContain("size-outside-range");
    expect(await membersOnPage()).not.toContain(await linkOf(leaver));
    const html = await (await app.request(`/groups/${slug}`)).text();
    expect(html.slice(html.indexOf("<h3>Alumni"))).toContain(await linkOf(leaver));
    const person = (await (await api(null, `/api/people/${leaver}`)).json()) as {
      roles: Array<{ role: string }>;
    };
    expect(person.roles.map((r) => r.role)).toEqual(["alumnus"]);
  });

  it("a member removed by a vote, or whose term lapses, disappears", async () => {
    const [a, b] = await makePeople(database, 2, "later");
    const stayer = charterMembers[0] ?? 0;
    await account(a ?? 0, "later-a");
    await account(b ?? 0, "later-b");
    await decide("admit-member", a ?? 0, [stayer, admitted]);
    await decide("admit-member", b ?? 0, [stayer, admitted]);
    expect((await groupJson()).size).toBe(4);
    await decide("remove-member", a ?? 0, [stayer, admitted]);
    let g = await groupJson();
    expect(g.members.map((m) => m.person.id)).not.toContain(a);
    expect(g.alumni.map((x) => x.id)).toContain(a);
    expect(g.size).toBe(3);
    expect(await membersOnPage()).not.toContain(await linkOf(a ?? 0));

    // Six-month terms: past the end, the sweep lapses the newcomers; the charter member stays.
    clock.set("2026-09-02T12:00:00Z");
    const swept = await sweepTerms({ deps: { database, clock } });
    expect(swept.lapsed).toBe(2);
    g = await groupJson();
    expect(g.members.map((m) => m.person.id)).toEqual([stayer]);
    expect(g.alumni.map((x) => x.id)).toEqual(expect.arrayContaining([a, b, admitted]));
    expect(await listed()).toMatchObject({ size: 1 });
  });

  describe("signed-in visitors on the cached directory pages", () => {
    it("see their own header on every directory page; anonymous visitors keep the shared cached page", async () => {
      const [person] = await makePeople(database, 1, "viewer");
      const { sessionId } = await createTestAccount({
        db: database.db,
        clock,
        email: "viewer@example.org",
        name: "Vera Viewer",
        personId: person ?? null,
      });
      const personSlug = (await linkOf(person ?? 0)).replace(/^href="\/people\/|"$/g, "");
      for (const path of ["/groups", `/groups/${slug}`, "/people", `/people/${personSlug}`]) {
        const first = await app.request(path);
        expect(first.headers.get("vary"), path).toContain("cookie");
        const anonymous = await first.text();
        expect(anonymous, path).toContain('href="/sign-in"');
        expect(anonymous).not.toContain("Signed in as");
        const signedRes = await app.request(path, { headers: { cookie: `guildhall_session=${sessionId}` } });
        expect(signedRes.headers.get("cache-control"), path).toBe("private, no-store");
        const signed = await signedRes.text();
        expect(signed, path).toContain("Signed in as");
        expect(signed).toContain("Vera Viewer");
        expect(signed).toContain('action="/sign-out"');
        // The navigation has People, marked as current on the people pages.
        expect(signed).toContain('href="/people"');
        const again = await (await app.request(path)).text();
        expect(again).not.toContain("Vera Viewer");
        expect(again).toBe(anonymous);
      }
    });
  });

  describe("ex officio members", () => {
    it("show the President in the Code of Conduct WG and a Fellow in mergers while their roles run", async () => {
      clock.set("2026-10-01T12:00:00Z");
      await makeGroup(database, charterWith({ slug: "code-of-conduct", name: "Code of Conduct" }));
      await makeGroup(database, charterWith({ slug: "mergers", name: "Mergers", kind: "team" }));
      const [president, fellow, pastFellow] = await makePeople(database, 3, "ex-officio");
      const coc = async () =>
        (await (await api(null, "/api/groups/code-of-conduct")).json()) as GroupJson & {
          roles: { boardLiaisons: Array<{ id: number }> };
        };
      expect((await coc()).size).toBe(0);
      await grantFoundationRole(database, [president ?? 0], "president", { startedOn: "2026-01-01" });
      // The cached page and API follow the grant at once.
      const g = await coc();
      expect(g.members.map((m) => m.person.id)).toEqual([president]);
      expect(g.roles.boardLiaisons.map((p) => p.id)).toEqual([president]);
      expect(g.health.map((f) => f.code)).not.toContain("no-board-liaison");
      await grantFoundationRole(database, [fellow ?? 0], "fellow", { startedOn: "2026-04-01" });
      await grantFoundationRole(database, [pastFellow ?? 0], "fellow", {
        startedOn: "2025-04-01",
        endedOn: "2026-04-01",
      });
      const mergers = (await (await api(null, "/api/groups/mergers")).json()) as GroupJson;
      expect(mergers.members.map((m) => m.person.id)).toEqual([fellow]);
      const person = (await (await api(null, `/api/people/${fellow}`)).json()) as {
        roles: Array<{ group: { slug: string }; role: string }>;
      };
      expect(person.roles.map((r) => [r.group.slug, r.role])).toEqual([["mergers", "member"]]);
      // An ex officio member cannot leave: the role ends with the foundation role.
      await account(president ?? 0, "president");
      const left = await api(president ?? 0, "/api/groups/code-of-conduct/leave", {});
      expect(left.status).toBe(409);
      expect(await left.text()).toMatch(/ex officio/);
      // ... so the decisions page explains that instead of offering a form that would be refused.
      const page = await (await api(president ?? 0, "/groups/code-of-conduct/decisions")).text();
      expect(page).not.toContain('action="/groups/code-of-conduct/leave"');
      expect(page).toMatch(/You are in Code of Conduct ex officio/);
    });
  });
});
