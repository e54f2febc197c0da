/**
 * Choosing people by name on the decision forms (no JavaScript: plain form posts), the electorate
 * of a vote with the warning about members who have no account, the Board Liaison form on
 * /board, and audit entries in words.
 */
import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { signedInBrowser, TestBrowser } from "../../../test/browser.ts";
import { closeTestDatabase, createTestDatabase } from "../../../test/db.ts";
import { createMemberAccount } from "../../../test/factories/accounts.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import {
  addCharterRoles,
  addToGroup,
  charterWith,
  grantFoundationRole,
  makeGroup,
  makePeople,
} from "./decisions.fixtures.ts";

let database: Database;
let app: Hono<AppEnv>;
const clock = new FixedClock("2026-03-01T12:00:00Z");
const tokens = new Map<string, string>();
const browsers = new Map<string, TestBrowser>();
const ids = new Map<string, number>();

async function person(name: string, slug = name.toLowerCase().replace(/\s+/g, "-")): Promise<number> {
  const [row] = await database.db
    .insert(schema.people)
    .values({ slug, name, createdAt: clock.now() })
    .returning({ id: schema.people.id });
  if (!row) throw new Error("no person");
  ids.set(slug, row.id);
  return row.id;
}

async function account(personId: number, key: string) {
  const { token, sessionId } = await createMemberAccount({ db: database.db, clock }, key, personId);
  tokens.set(key, token);
  browsers.set(key, signedInBrowser(app, sessionId));
}

function browserOf(key: string): TestBrowser {
  const b = browsers.get(key);
  if (!b) throw new Error(`no browser for ${key}`);
  return b;
}

function api(key: string, path: string, json?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${tokens.get(key)}` };
  if (json !== undefined) headers["content-type"] = "application/json";
  return app.request(path, {
    method: json === undefined ? "GET" : "POST",
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
}

/** Submits a form from the page that holds it (the CSRF token as that page carries it). */
async function submitFrom(key: string, page: string, action: string, fields: Record<string, string>) {
  const b = browserOf(key);
  const csrf = TestBrowser.csrfIn((await b.page(page)).html);
  return b.submit(action, fields, { csrf });
}

/** The text of a page without tags, with whitespace folded. */
function textOf(html: string): string {
  return html
    .replace(/<\/?(time|a|strong)\b[^>]*>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
}

let groupId = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await createTestApplication(database, {}, clock));
  const group = await makeGroup(
    database,
    charterWith({ slug: "names", name: "Names Group", termMonths: 12, meetingCadence: "monthly" }),
  );
  groupId = group.id;
  // Five members: the chair and two others have accounts, two never signed up.
  const chair = await person("Ada Lovelace");
  const grace = await person("Grace Hopper");
  const alan = await person("Alan Turing");
  const edsger = await person("Edsger Dijkstra");
  const barbara = await person("Barbara Liskov");
  await addToGroup(database, group.id, [chair, grace, alan, edsger, barbara]);
  await addToGroup(database, group.id, [chair], { role: "chair" });
  await account(chair, "chair");
  await account(grace, "grace");
  await account(alan, "alan");
  // Candidates outside the group: two people share a first name, one is unique.
  await person("Ada Byron");
  await person("Katherine Johnson");
  await person("Dorothy Vaughan");
  await person("Dorothy Vaughan", "dorothy-vaughan-2");
});

afterAll(() => closeTestDatabase(database));

const decisions = "/groups/names/decisions";
const openFields = (subject: string, extra: Record<string, string> = {}) => ({
  kind: "admit-member",
  subject,
  title: "",
  closesAt: "2026-03-08T12:00",
  secrecy: "",
  ...extra,
});

describe("choosing the person a vote is about by name, without JavaScript", () => {
  it("suggests names in a datalist filled by the server", async () => {
    const { html } = await browserOf("chair").page(decisions);
    expect(html).toMatch(/<input[^>]*name="subject"[^>]*list="([^"]+)"/);
    const listId = /name="subject"[^>]*list="([^"]+)"/.exec(html)?.[1] ?? "";
    const list = new RegExp(`<datalist id="${listId}">([\\s\\S]*?)</datalist>`).exec(html)?.[1] ?? "";
    expect(list).toContain('value="Katherine Johnson"');
    // Two people called Dorothy Vaughan: each suggestion resolves to one of them.
    expect(list).toContain('value="Dorothy Vaughan (dorothy-vaughan)"');
    expect(list).toContain('value="Dorothy Vaughan (dorothy-vaughan-2)"');
    expect(html).not.toContain('name="subjectPersonId"');
  });

  it("a name nobody has re-shows the form with the typed name and the message beside the field", async () => {
    const res = await submitFrom("chair", decisions, "/groups/names/votes", openFields("Katherine Jonson"));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(
      /<input[^>]*name="subject"[^>]*value="Katherine Jonson"|value="Katherine Jonson"[^>]*name="subject"/,
    );
    expect(html).toContain('aria-invalid="true"');
    expect(textOf(html)).toContain('nobody called "Katherine Jonson" is known here');
  });

  it("a name several people match shows them as radio buttons; choosing one opens the vote about them", async () => {
    const res = await submitFrom("chair", decisions, "/groups/names/votes", openFields("Dorothy"));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(textOf(html)).toContain('2 people match "Dorothy"');
    const radios = [
      ...html.matchAll(/<input type="radio"[^>]*name="subjectPersonId"[^>]*value="(\d+)"/g),
    ].map((m) => Number(m[1]));
    expect(radios.sort()).toEqual([ids.get("dorothy-vaughan"), ids.get("dorothy-vaughan-2")].sort());
    expect(textOf(html)).toContain("Dorothy Vaughan (dorothy-vaughan-2)");

    const chosen = ids.get("dorothy-vaughan-2") ?? 0;
    const csrf = TestBrowser.csrfIn(html);
    const opened = await browserOf("chair").submit(
      "/groups/names/votes",
      openFields("Dorothy", { subjectPersonId: String(chosen) }),
      { csrf },
    );
    expect(opened.status).toBe(303);
    const [vote] = await database.db
      .select()
      .from(schema.votes)
      .where(eq(schema.votes.subjectPersonId, chosen));
    expect(vote?.title).toBe("Admit Dorothy Vaughan");
    expect(opened.headers.get("location")).toBe(`/votes/${vote?.id}?opened=1`);
  });

  it("a chosen id that the typed text no longer matches gives way to the text", async () => {
    const res = await submitFrom(
      "chair",
      decisions,
      "/groups/names/votes",
      openFields("Katherine Johnson", { subjectPersonId: String(ids.get("ada-byron")) }),
    );
    expect(res.status).toBe(303);
    const voteId = Number(/\/votes\/(\d+)/.exec(res.headers.get("location") ?? "")?.[1]);
    const [vote] = await database.db.select().from(schema.votes).where(eq(schema.votes.id, voteId));
    expect(vote?.subjectPersonId).toBe(ids.get("katherine-johnson"));
  });

  it("the API still takes the numeric id, and explains an ambiguous name with its choices", async () => {
    const byId = await api("chair", "/api/groups/names/votes", {
      kind: "admit-member",
      subjectPersonId: ids.get("ada-byron"),
      closesAt: "2026-03-08T12:00:00Z",
    });
    expect(byId.status).toBe(201);
    const ambiguous = await api("chair", "/api/groups/names/votes", {
      kind: "admit-member",
      subject: "Dorothy Vaughan",
      closesAt: "2026-03-08T12:00:00Z",
    });
    expect(ambiguous.status).toBe(422);
    const body = (await ambiguous.json()) as {
      error: {
        issues: Array<{ field: string; choices?: { field: string; options: Array<{ value: string }> } }>;
      };
    };
    expect(body.error.issues[0]?.field).toBe("subject");
    expect(body.error.issues[0]?.choices?.field).toBe("subjectPersonId");
    expect(body.error.issues[0]?.choices?.options).toHaveLength(2);
  });

  it("an applicant's own person, not yet a member, is neither suggested nor found by name", async () => {
    const applicant = await person("Dorothy Private");
    await database.db.insert(schema.applicantPeople).values({ personId: applicant, createdAt: clock.now() });
    const { html } = await browserOf("chair").page(decisions);
    expect(html).not.toContain("Dorothy Private");
    const res = await submitFrom("chair", decisions, "/groups/names/votes", openFields("Dorothy Private"));
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('nobody called "Dorothy Private" is known here');
  });

  it("the suggestion route answers what was typed", async () => {
    const res = await app.request("/api/people-suggestions?q=dor");
    expect(res.status).toBe(200);
    const { suggestions } = (await res.json()) as { suggestions: Array<{ value: string }> };
    expect(suggestions.map((s) => s.value)).toEqual([
      "Dorothy Vaughan (dorothy-vaughan)",
      "Dorothy Vaughan (dorothy-vaughan-2)",
    ]);
  });
});

describe("the electorate of a vote and the warning about members without an account", () => {
  it("warns the opener on the confirmation that the vote cannot pass, and names who cannot vote", async () => {
    // Against the whole electorate of 5 (the subject is outside the group), 3 yes votes are
    // needed; two members have no account, so 3 can vote: it can still pass.
    const proposal = await submitFrom("chair", decisions, "/groups/names/votes", {
      kind: "proposal",
      subject: "",
      title: "Meet fortnightly",
      closesAt: "2026-03-08T12:00",
      secrecy: "",
    });
    expect(proposal.status).toBe(303);
    const confirmation = await browserOf("chair").page(proposal.headers.get("location") ?? "");
    const text = textOf(confirmation.html);
    expect(text).toContain("The vote is open. 5 may vote; it closes 8 March 2026, 12:00 UTC");
    expect(confirmation.html).toContain('<time datetime="2026-03-08T12:00:00.000Z">');
    expect(text).toContain("2 people in the electorate have no Guildhall account and so can never vote");
    expect(text).toContain("Without an account: Barbara Liskov, Edsger Dijkstra.");
    expect(text).not.toContain("This vote cannot pass");
    // The electorate: names and roles as on the opening day.
    expect(text).toContain("Who may vote (5)");
    expect(text).toMatch(/Ada Lovelace, (member, Chair|Chair, member)/);
    expect(text).toContain("Barbara Liskov, member (no Guildhall account: cannot vote)");
  });

  it("says plainly when the base makes the vote impossible to pass", async () => {
    // A removal: the electorate is the rest of the group (4), 3 yes needed, only 2 can vote.
    const removal = await submitFrom("chair", decisions, "/groups/names/votes", {
      kind: "remove-member",
      subject: "Alan Turing",
      title: "",
      closesAt: "2026-03-08T12:00",
      secrecy: "",
    });
    expect(removal.status).toBe(303);
    const location = removal.headers.get("location") ?? "";
    const voteId = Number(/\/votes\/(\d+)/.exec(location)?.[1]);
    const confirmation = textOf((await browserOf("chair").page(location)).html);
    expect(confirmation).toContain("This vote cannot pass");
    expect(confirmation).toContain("(3 of 4), and only 2 can vote");
    // On the vote page later, the opener still sees it; a voter sees the electorate.
    expect(textOf((await browserOf("chair").page(`/votes/${voteId}`)).html)).toContain(
      "This vote cannot pass",
    );
    const voterView = textOf((await browserOf("grace").page(`/votes/${voteId}`)).html);
    expect(voterView).toContain("Edsger Dijkstra, member (no Guildhall account: cannot vote)");
    expect(voterView).not.toContain("Alan Turing, member");
    // The API gives the same.
    const res = await api("grace", `/api/votes/${voteId}/electorate`);
    const { electorate } = (await res.json()) as {
      electorate: { members: unknown[]; warning: { withoutAccount: number; canPass: boolean } };
    };
    expect(electorate.members).toHaveLength(4);
    expect(electorate.warning).toMatchObject({ withoutAccount: 2, canPass: false });
  });

  it("under a base of the votes cast the same electorate can pass, and the warning says so", async () => {
    await database.db
      .insert(schema.groupDecisionSettings)
      .values({ groupId, baseRule: "cast", secrecy: "open", updatedAt: clock.now() })
      .onConflictDoUpdate({ target: schema.groupDecisionSettings.groupId, set: { baseRule: "cast" } });
    const res = await api("chair", "/api/groups/names/votes", {
      kind: "remove-member",
      subject: "Grace Hopper",
      closesAt: "2026-03-08T12:00:00Z",
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { electorate: { warning: { canPass: boolean; text: string } } };
    expect(body.electorate.warning.canPass).toBe(true);
    expect(body.electorate.warning.text).toContain("have no Guildhall account");
    expect(body.electorate.warning.text).not.toContain("cannot pass");
  });
});

describe("recording a new Board Liaison from the warning on /board", () => {
  let liaisonGroup = 0;
  let oldLiaison = 0;
  let newLiaison = 0;

  beforeAll(async () => {
    const g = await makeGroup(database, charterWith({ slug: "liaised", name: "Liaised Group" }));
    liaisonGroup = g.id;
    oldLiaison = await person("Old Liaison");
    newLiaison = await person("Nadia Board");
    const [boardUser] = await makePeople(database, 1, "board-user");
    await grantFoundationRole(database, [oldLiaison], "board-member", {
      startedOn: "2024-01-01",
      endedOn: "2026-01-01",
    });
    await grantFoundationRole(database, [newLiaison, boardUser ?? 0], "board-member", {
      startedOn: "2025-06-01",
    });
    await addCharterRoles(database, g.id, [oldLiaison], "board-liaison");
    await account(boardUser ?? 0, "board");
    await person("Nadia Other");
  });

  it("shows the form beside the warning to the Board, and refuses anyone else", async () => {
    const { html } = await browserOf("board").page("/board");
    expect(textOf(html)).toContain("The Board Liaison Old Liaison's Board term ended on 1 January 2026");
    expect(html).toContain('action="/groups/liaised/board-liaison"');
    // Suggestions are today's Board members.
    expect(html).toContain('value="Nadia Board"');
    expect(html).not.toContain('value="Nadia Other"');
    const refused = await submitFrom("grace", decisions, "/groups/liaised/board-liaison", {
      person: "Nadia Board",
      startedOn: "2026-03-01",
    });
    expect(refused.status).toBe(403);
  });

  it("an ambiguous name shows the choices; someone not on the Board is refused beside the field", async () => {
    const ambiguous = await submitFrom("board", "/board", "/groups/liaised/board-liaison", {
      person: "Nadia",
      startedOn: "2026-03-01",
    });
    expect(ambiguous.status).toBe(422);
    const html = await ambiguous.text();
    expect([...html.matchAll(/type="radio"[^>]*name="personId"/g)]).toHaveLength(2);
    const notBoard = await browserOf("board").submit(
      "/groups/liaised/board-liaison",
      { person: "Nadia", personId: String(ids.get("nadia-other")), startedOn: "2026-03-01" },
      { csrf: TestBrowser.csrfIn(html) },
    );
    expect(notBoard.status).toBe(422);
    const refusedHtml = await notBoard.text();
    expect(textOf(refusedHtml)).toContain("Nadia Other is not a Board member on 2026-03-01");
    expect(refusedHtml).toMatch(/id="f-groups-liaised-board-liaison-person-error"/);
  });

  it("records the liaison by name, ends the old one's role, audits it, and the warning goes", async () => {
    const res = await submitFrom("board", "/board", "/groups/liaised/board-liaison", {
      person: "Nadia Board",
      startedOn: "2026-03-01",
    });
    expect(res.status).toBe(303);
    const location = res.headers.get("location") ?? "";
    expect(location).toMatch(/^\/board\?recorded=\d+$/);
    const page = textOf((await browserOf("board").page(location)).html);
    expect(page).toContain("Recorded: Nadia Board is Liaised Group's Board Liaison from 1 March 2026.");
    expect(page).not.toContain("Old Liaison's Board term ended");

    const periods = await database.db
      .select()
      .from(schema.rolePeriods)
      .where(eq(schema.rolePeriods.groupId, liaisonGroup));
    expect(periods.map((p) => [p.personId, p.role, p.startedOn, p.endedOn]).sort()).toEqual(
      [
        [newLiaison, "board-liaison", "2026-03-01", null],
        [oldLiaison, "board-liaison", "2026-01-01", "2026-03-01"],
      ].sort(),
    );
    const audit = await database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.cause, "board:liaison:liaised:2026-03-01"));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "role-period.ended",
      "role-period.recorded",
      "role-period.started",
    ]);
    expect(audit.every((a) => a.actor.startsWith("user:"))).toBe(true);
  });
});

describe("audit entries in words", () => {
  it("on the audit page and in the text export; the JSON export keeps every field", async () => {
    const [vote] = await database.db
      .select()
      .from(schema.votes)
      .where(eq(schema.votes.title, "Meet fortnightly"));
    const ballot = await api("grace", `/api/votes/${vote?.id}/ballots`, { choice: "yes" });
    expect(ballot.status).toBe(201);
    const page = textOf((await browserOf("grace").page("/groups/names/audit")).html);
    expect(page).toContain("Grace Hopper cast a ballot: yes");
    expect(page).toContain(
      'chair opened the vote "Meet fortnightly" (5 in the electorate, open ballot, closes 8 March 2026, 12:00 UTC)',
    );
    expect(page).not.toContain("{&quot;");
    const text = await (await browserOf("grace").request("/groups/names/audit.txt")).text();
    expect(text).toMatch(/^1 March 2026, 12:00 UTC: Grace Hopper cast a ballot: yes$/m);
    const json = JSON.parse(
      await (await browserOf("grace").request("/groups/names/audit.json")).text(),
    ) as Array<{
      action: string;
      after: { personId?: number };
    }>;
    expect(json.find((e) => e.action === "vote.ballot-cast")?.after.personId).toBe(ids.get("grace-hopper"));
  });

  it("the audit trail of the liaison group reads as what happened", async () => {
    const page = textOf((await browserOf("board").page("/groups/liaised/audit")).html);
    expect(page).toContain("board recorded Nadia Board as Board Liaison from 1 March 2026");
    expect(page).toContain(
      "Old Liaison's role as Board Liaison ended on 1 March 2026: succeeded as Board Liaison by Nadia Board",
    );
  });
});
