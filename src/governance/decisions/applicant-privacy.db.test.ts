/**
 * An applicant's privacy. Applying gives a newcomer's account a person, and that person is not
 * public until they are a member: not on /people, not on the group's page, not in the API, not
 * offered to others to claim. Its name is the one typed in the application (asked for when the
 * account has only its email address), and the account can still claim the charter person it
 * really is, which merges the applicant's person (and its applications) into that one.
 */
import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { signedInBrowser, TestBrowser } from "../../../test/browser.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createMemberAccount, createTestAccount } from "../../../test/factories/accounts.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import { PeopleIndex } from "../registry/people.repo.ts";
import { addCharterRoles, charterWith, makeGroup } from "./decisions.fixtures.ts";

let database: Database;
let app: Hono<AppEnv>;
const clock = new FixedClock("2026-03-01T12:00:00Z");
let charterPerson = 0;
let inviter = { token: "" };
const application = { statement: "I organise meetups", skills: "events", timeCommitment: "2 hours a week" };

async function personOf(userId: number): Promise<number | null> {
  const [u] = await database.db.select().from(schema.users).where(eq(schema.users.id, userId));
  return u?.personId ?? null;
}

async function personRow(id: number) {
  return (await database.db.select().from(schema.people).where(eq(schema.people.id, id)))[0];
}

/** An account that has only its email address (an email sign-in names it after the local part). */
async function emailAccount(local: string) {
  const account = await createTestAccount({
    db: database.db,
    clock,
    email: `${local}@example.org`,
    scopes: ["read", "groups", "account"],
  });
  return { ...account, browser: signedInBrowser(app, account.sessionId) };
}

/** What anyone can see of people: both directory pages and both API answers. */
async function publicViews(person: { id: number; slug: string }) {
  const anonymous = new TestBrowser((path, init) => app.request(path, init));
  const list = (await (await anonymous.request("/api/people")).json()) as {
    people: Array<{ person: { id: number } }>;
  };
  return {
    listedInApi: list.people.some((p) => p.person.id === person.id),
    apiStatus: (await anonymous.request(`/api/people/${person.id}`)).status,
    pageStatus: (await anonymous.request(`/people/${person.slug}`)).status,
    peoplePage: (await anonymous.page("/people")).html,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await createTestApplication(database, {}, clock));
  const group = await makeGroup(
    database,
    charterWith({ slug: "quiet-group", name: "Quiet Group", meetingCadence: "monthly" }),
  );
  const invitation = await makeGroup(
    database,
    charterWith({ slug: "by-invitation", name: "By Invitation", membershipModel: "invitation" }),
  );
  charterPerson = await database.db.transaction(async (tx) =>
    (await PeopleIndex.load(tx, clock.now())).resolve({ name: "Jana Novák", handle: null }),
  );
  await addCharterRoles(database, group.id, [charterPerson], "member");
  const member = await database.db.transaction(async (tx) =>
    (await PeopleIndex.load(tx, clock.now())).resolve({ name: "Ivo Inviter", handle: null }),
  );
  await addCharterRoles(database, invitation.id, [member], "member");
  inviter = await createMemberAccount({ db: database.db, clock }, "ivo", member, { name: "Ivo Inviter" });
});

afterAll(async () => {
  await database?.close();
});

describe("an applicant's person", () => {
  it("asks for a name when the account has none, and the person takes what was typed", async () => {
    const { user, browser } = await emailAccount("qf42");
    const page = await browser.page("/groups/quiet-group/decisions");
    expect(page.html).toContain("Your name, as the group will see it");
    const csrf = TestBrowser.csrfIn(page.html);
    // Without a name: refused, the form re-shown with the problem beside the name field.
    const refused = await browser.submit("/groups/quiet-group/apply", application, { csrf });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain("say the name the group will see");
    expect(html).toContain("I organise meetups");
    expect(await personOf(user.id)).toBeNull();

    const res = await browser.submit(
      "/groups/quiet-group/apply",
      { ...application, name: "Quentin Fresh" },
      { csrf },
    );
    expect(res.status, await res.clone().text()).toBe(303);
    const personId = (await personOf(user.id)) ?? 0;
    const person = await personRow(personId);
    // Today's code named the person after the email address ("qf42").
    expect(person?.name).toBe("Quentin Fresh");
  });

  it("is not on /people, the person page, the API or the group page until a member", async () => {
    const { user, browser } = await emailAccount("rosa.private");
    const csrf = TestBrowser.csrfIn((await browser.page("/groups/quiet-group/decisions")).html);
    const res = await browser.submit(
      "/groups/quiet-group/apply",
      { ...application, name: "Rosa Private" },
      { csrf },
    );
    expect(res.status).toBe(303);
    const person = await personRow((await personOf(user.id)) ?? 0);
    if (!person) throw new Error("no person made on applying");
    const seen = await publicViews(person);
    expect(seen.listedInApi).toBe(false);
    expect(seen.apiStatus).toBe(404);
    expect(seen.pageStatus).toBe(404);
    expect(seen.peoplePage).not.toContain("Rosa Private");
    expect(seen.peoplePage).toContain("Jana Novák");
    const groupPage = await (await new TestBrowser((p, i) => app.request(p, i)).page("/groups/quiet-group"))
      .html;
    expect(groupPage).not.toContain("Rosa Private");
    // Another account cannot claim it (it is as unknown as on /people).
    const other = await emailAccount("claims.others");
    const claim = await other.browser.submit(
      "/account/claim",
      { person: person.slug },
      { csrf: TestBrowser.csrfIn((await other.browser.page("/account")).html) },
    );
    expect(claim.status).toBe(422);
    expect((await other.browser.page("/account")).html).not.toContain("Rosa Private");
    // The applicant themself sees it, and the group's deciders see the application's name.
    expect((await browser.page("/me")).html).toContain("Rosa Private");
  });

  it("becomes public once admitted", async () => {
    const { user, token } = await emailAccount("tomas.joins");
    const applied = await app.request("/api/groups/by-invitation/applications", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ ...application, name: "Tomas Joins" }),
    });
    expect(applied.status, await applied.clone().text()).toBe(201);
    const { application: received } = (await applied.json()) as { application: { applicationId: number } };
    const person = await personRow((await personOf(user.id)) ?? 0);
    if (!person) throw new Error("no person made on applying");
    expect((await publicViews(person)).listedInApi).toBe(false);
    const admitted = await app.request("/api/groups/by-invitation/admissions", {
      method: "POST",
      headers: { authorization: `Bearer ${inviter.token}`, "content-type": "application/json" },
      body: JSON.stringify({ applicationId: received.applicationId }),
    });
    expect(admitted.status, await admitted.clone().text()).toBe(201);
    const seen = await publicViews(person);
    expect(seen.listedInApi).toBe(true);
    expect(seen.apiStatus).toBe(200);
    expect(seen.pageStatus).toBe(200);
    expect(seen.peoplePage).toContain("Tomas Joins");
  });

  it("does not stop its account claiming the charter person it really is", async () => {
    const { user, browser, token } = await emailAccount("jana.n");
    const applied = await app.request("/api/groups/by-invitation/applications", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ ...application, name: "Jana N." }),
    });
    expect(applied.status).toBe(201);
    const applicant = (await personOf(user.id)) ?? 0;
    expect(applicant).not.toBe(charterPerson);
    const account = await browser.page("/account");
    expect(account.html).toContain("Jana Novák");
    // Today's code refused: "Your account is already linked to a person."
    const claim = await browser.submit(
      "/account/claim",
      { person: "jana-novak", note: "I am in the Quiet Group's charter" },
      { csrf: TestBrowser.csrfIn(account.html) },
    );
    expect(claim.status, await claim.clone().text()).toBe(303);
    const [pending] = await database.db
      .select()
      .from(schema.personClaims)
      .where(eq(schema.personClaims.userId, user.id));
    const admin = await createTestAccount({
      db: database.db,
      clock,
      email: "admin@example.org",
      admin: true,
    });
    const confirmed = await app.request(`/api/admin/claims/${pending?.id}/confirm`, {
      method: "POST",
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(confirmed.status, await confirmed.clone().text()).toBe(200);
    // The account is the charter's person now; the application moved with it; the applicant's person is gone.
    expect(await personOf(user.id)).toBe(charterPerson);
    const apps = await database.db
      .select()
      .from(schema.membershipApplications)
      .where(eq(schema.membershipApplications.userId, user.id));
    expect(apps.map((a) => a.personId)).toEqual([charterPerson]);
    expect(await personRow(applicant)).toBeUndefined();
    // The spelling typed when applying never becomes public.
    const page = await new TestBrowser((p, i) => app.request(p, i)).page("/people/jana-novak");
    expect(page.res.status).toBe(200);
    expect(page.html).not.toContain("Jana N.");
  });
});
