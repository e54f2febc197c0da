/**
 * A newcomer with an account but no person in any charter applies to a group, by the page form
 * and by the API: the account gets its own person on the way, never silently merged with a
 * charter's person of the same name (a pending alias suggestion pairs them instead).
 */
import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { signedInBrowser, TestBrowser } from "../../../test/browser.ts";
import { closeTestDatabase, createTestDatabase } from "../../../test/db.ts";
import { createTestAccount } from "../../../test/factories/accounts.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import { acceptAliasSuggestion } from "../registry/accept-alias-suggestion.ts";
import { PeopleIndex } from "../registry/people.repo.ts";
import { addCharterRoles, charterWith, makeGroup } from "./decisions.fixtures.ts";

let database: Database;
let app: Hono<AppEnv>;
const clock = new FixedClock("2026-03-01T12:00:00Z");
const slug = "newcomers-welcome";
let charterPerson = 0;

async function account(name: string, githubLogin: string | null = null) {
  const { user, token, sessionId } = await createTestAccount({
    db: database.db,
    clock,
    email: `${githubLogin ?? name.replace(/\W/g, "")}@example.org`,
    name,
    githubLogin,
    scopes: ["read", "groups"],
  });
  return { user, token, browser: signedInBrowser(app, sessionId) };
}

const application = { statement: "I organise meetups", skills: "events", timeCommitment: "2 hours a week" };

async function personOf(userId: number): Promise<number | null> {
  const [u] = await database.db.select().from(schema.users).where(eq(schema.users.id, userId));
  return u?.personId ?? null;
}

const countPeople = async () =>
  (await database.db.select({ id: schema.people.id }).from(schema.people)).length;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await createTestApplication(database, {}, clock));
  const group = await makeGroup(
    database,
    charterWith({ slug, name: "Newcomers Welcome", meetingCadence: "monthly" }),
  );
  // A person imported from a charter, with their spelling recorded as an alias.
  charterPerson = await database.db.transaction(async (tx) =>
    (await PeopleIndex.load(tx, clock.now())).resolve({ name: "Jana Novák", handle: null }),
  );
  await addCharterRoles(database, group.id, [charterPerson], "member");
});

afterAll(() => closeTestDatabase(database));

describe("a newcomer applies", () => {
  it("through the page form: the account gets a new person, and no alias suggestion when no one is similar", async () => {
    const { user, browser } = await account("Quentin Fresh");
    expect(await personOf(user.id)).toBeNull();
    const page = await browser.page(`/groups/${slug}/decisions`);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain("Apply to join");
    const before = await countPeople();
    const res = await browser.submit(`/groups/${slug}/apply`, application, {
      csrf: TestBrowser.csrfIn(page.html),
    });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get("location")).toMatch(/applied=\d+/);
    const personId = await personOf(user.id);
    expect(personId).not.toBeNull();
    expect(await countPeople()).toBe(before + 1);
    const [person] = await database.db
      .select()
      .from(schema.people)
      .where(eq(schema.people.id, personId ?? 0));
    expect(person).toMatchObject({ name: "Quentin Fresh", slug: "quentin-fresh" });
    const apps = await database.db
      .select()
      .from(schema.membershipApplications)
      .where(eq(schema.membershipApplications.personId, personId ?? 0));
    expect(apps).toHaveLength(1);
    expect(await database.db.select().from(schema.aliasSuggestions)).toEqual([]);
    const audit = await database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, "account.person-created"));
    expect(audit).toHaveLength(1);
  });

  it("through the API: same name as a charter person gives a new person and a pending suggestion, not a merge", async () => {
    const { user, token } = await account("Jana Novak", "jnovak");
    const before = await countPeople();
    const apply = () =>
      app.request(`/api/groups/${slug}/applications`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(application),
      });
    const res = await apply();
    expect(res.status, await res.clone().text()).toBe(201);
    const personId = await personOf(user.id);
    expect(personId).not.toBeNull();
    expect(personId).not.toBe(charterPerson);
    expect(await countPeople()).toBe(before + 1);
    const suggestions = await database.db.select().from(schema.aliasSuggestions);
    expect(suggestions).toEqual([
      expect.objectContaining({ personId: charterPerson, otherPersonId: personId, status: "pending" }),
    ]);
    // Applying again: refused (still open), and no second person is created.
    expect((await apply()).status).toBe(409);
    expect(await countPeople()).toBe(before + 1);

    // An administrator accepts the suggestion: the account and its application move to the charter's person.
    await acceptAliasSuggestion({ services: { database, clock }, id: suggestions[0]?.id ?? 0 });
    expect(await personOf(user.id)).toBe(charterPerson);
    const apps = await database.db
      .select()
      .from(schema.membershipApplications)
      .where(eq(schema.membershipApplications.personId, charterPerson));
    expect(apps).toHaveLength(1);
    expect(await countPeople()).toBe(before);
  });

  it("refuses an anonymous application and creates no one", async () => {
    const before = await countPeople();
    const res = await app.request(`/api/groups/${slug}/applications`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(application),
    });
    // Refused before the policy by the CSRF check (no session, no token), or by the policy.
    expect([401, 403]).toContain(res.status);
    expect(await countPeople()).toBe(before);
  });
});
