import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { insertGroup, insertPerson } from "../../../test/factories/governance.ts";
import {
  CLI_ACTOR,
  createUser,
  decide,
  endFoundationRole,
  grantFoundationRole,
  loadActor,
} from "../../kernel/index.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { endRolePeriod } from "../accounts/end-role-period.ts";
import { recordRolePeriod } from "../accounts/record-role-period.ts";
import { loadGroupResource } from "./actor.repo.ts";
import { registerGovernance } from "./room-router.ts";

let database: Database;
const now = new Date("2026-11-21T12:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

// The policy and the actor consult what governance registers (as its routers do).
registerGovernance();

/** A new account named `name`, linked to the person `personId` when given. */
async function account(email: string, name: string, personId?: number) {
  const user = await createUser({ db: database.db, now, by: CLI_ACTOR, email, name });
  if (personId !== undefined)
    await database.db.update(schema.users).set({ personId }).where(eq(schema.users.id, user.id));
  return user;
}

/** The group as the policy decides on it; throws when there is none. */
async function groupResource(slug: string) {
  const resource = await loadGroupResource(database.db, { slug });
  if (!resource) throw new Error(`group ${slug} not loaded`);
  return resource;
}

/** What a command-line operation is given besides the database, the time and CLI_ACTOR. */
type CliInput<F extends (input: never) => unknown> = Omit<Parameters<F>[0], "db" | "now" | "by">;

/** Records a group role period, by the command line. */
const recordPeriod = (input: CliInput<typeof recordRolePeriod>) =>
  recordRolePeriod({ db: database.db, now, by: CLI_ACTOR, ...input });

/** Ends a group role period on `endedOn`, by the command line. */
const endPeriod = (periodId: number, endedOn: string, reason: string) =>
  endRolePeriod({ db: database.db, now, by: CLI_ACTOR, periodId, endedOn, reason });

/** Grants a foundation role, by the command line. */
const grantRole = (input: CliInput<typeof grantFoundationRole>) =>
  grantFoundationRole({ db: database.db, now, by: CLI_ACTOR, ...input });

/** Ends a foundation role on `endedOn`, by the command line. */
const endRole = (roleId: number, endedOn: string, reason: string) =>
  endFoundationRole({ db: database.db, now, by: CLI_ACTOR, roleId, endedOn, reason });

describe("loading an actor for the policy", () => {
  it("takes group rights from dated role periods, with their decision, and ends them", async () => {
    const db = database.db;
    const group = await insertGroup(db, {
      slug: "board-run",
      charter: { membershipModel: "board-managed" },
      chairs: ["Rosa Chair"],
      members: [],
    });
    const person = await insertPerson(db, { name: "Nell Newcomer" });
    const user = await account("nell@example.org", "Nell", person.id);
    const period = await recordPeriod({
      groupId: group.id,
      personId: person.id,
      role: "co-chair",
      startedOn: "2026-03-01",
      termEndsOn: "2027-03-01",
      reason: "elected co-chair",
      decisionRef: "vote 12",
    });
    const resource = await groupResource("board-run");
    expect(resource.membershipModel).toBe("board-managed");

    const actor = await loadActor(db, { userId: user.id, scopes: null });
    expect(actor.personId).toBe(person.id);
    expect(decide(actor, "group.manage-applications", resource, "2026-02-28").allowed).toBe(false);
    expect(decide(actor, "group.manage-applications", resource, "2026-03-01").allowed).toBe(true);
    // Board-managed: a co-chair does not take membership decisions.
    expect(decide(actor, "group.decide-membership", resource, "2026-03-01").allowed).toBe(false);

    await endPeriod(period.id, "2026-09-01", "stepped down");
    const later = await loadActor(db, { userId: user.id, scopes: null });
    expect(decide(later, "group.manage-applications", resource, "2026-09-01").allowed).toBe(false);
    expect(decide(later, "group.manage-applications", resource, "2026-08-31").allowed).toBe(true);

    const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.subjectType, "group"));
    expect(audit.map((a) => [a.action, a.cause])).toEqual([
      ["role-period.start", "vote 12"],
      ["role-period.end", "stepped down"],
    ]);
  });

  it("counts a charter's roles until role periods are recorded for the person in that group", async () => {
    const db = database.db;
    const group = await insertGroup(db, { slug: "charter-only", chairs: ["Cass Charter"], members: [] });
    const personId = group.people.get("Cass Charter");
    if (personId === undefined) throw new Error("no chair");
    const user = await account("cass@example.org", "Cass", personId);
    const resource = await groupResource("charter-only");
    const before = await loadActor(db, { userId: user.id, scopes: null });
    expect(decide(before, "group.manage-applications", resource, "2026-11-21").allowed).toBe(true);
    // Left the group: the period ended, and the charter line no longer counts.
    const period = await recordPeriod({
      groupId: group.id,
      personId,
      role: "chair",
      startedOn: "2025-01-01",
    });
    await endPeriod(period.id, "2026-11-01", "left");
    const after = await loadActor(db, { userId: user.id, scopes: null });
    expect(decide(after, "group.manage-applications", resource, "2026-11-21").allowed).toBe(false);
    expect(decide(after, "group.report", resource, "2026-11-21").allowed).toBe(false);
  });

  it("refuses a bad role period naming the field, recording nothing", async () => {
    const db = database.db;
    const group = await insertGroup(db, { slug: "strict" });
    const person = await insertPerson(db, { name: "Olu Other" });
    const before = (await db.select().from(schema.rolePeriods)).length;
    const attempt = (over: Record<string, unknown>) =>
      recordPeriod({
        groupId: group.id,
        personId: person.id,
        role: "member",
        startedOn: "2026-01-01",
        ...over,
      });
    await expect(attempt({ role: "emperor" })).rejects.toThrow(/role: must be one of/);
    await expect(attempt({ role: "other" })).rejects.toThrow(/title: a titled role needs its title/);
    await expect(attempt({ endedOn: "2025-01-01" })).rejects.toThrow(/endedOn: must be after the start date/);
    await expect(attempt({ startedOn: "2026-02-30" })).rejects.toThrow(/startedOn/);
    expect((await db.select().from(schema.rolePeriods)).length).toBe(before);
  });

  it("takes foundation roles held by the account or by its linked person, as of the day", async () => {
    const db = database.db;
    const person = await insertPerson(db, { name: "Bea Board" });
    const user = await account("bea@example.org", "Bea", person.id);
    const role = await grantRole({
      personId: person.id,
      role: "board-member",
      startedOn: "2025-01-01",
      termEndsOn: "2026-12-31",
      decisionRef: "2024 election",
    });
    const resource = await groupResource("board-run");
    const actor = await loadActor(db, { userId: user.id, scopes: null });
    expect(decide(actor, "group.decide-membership", resource, "2026-11-21").allowed).toBe(true);
    await endRole(role.id, "2026-11-01", "resigned");
    const after = await loadActor(db, { userId: user.id, scopes: null });
    expect(decide(after, "group.decide-membership", resource, "2026-11-21").allowed).toBe(false);
    expect(decide(after, "group.decide-membership", resource, "2026-10-31").allowed).toBe(true);
  });

  it("an unknown viewer is anonymous", async () => {
    const actor = await loadActor(database.db, { userId: 987654, scopes: null });
    expect(actor.userId).toBeNull();
  });

  it("adds ex officio roles: the President in the Code of Conduct WG, a Fellow in mergers and releasers", async () => {
    const db = database.db;
    await insertGroup(db, { slug: "code-of-conduct", charter: { membershipModel: "board-managed" } });
    await insertGroup(db, {
      slug: "mergers",
      kind: "team",
      charter: { membershipModel: "steering-council-managed" },
    });
    await insertGroup(db, {
      slug: "releasers",
      kind: "team",
      charter: { membershipModel: "steering-council-managed" },
    });
    const coc = await groupResource("code-of-conduct");
    const mergers = await groupResource("mergers");
    const releasers = await groupResource("releasers");
    const president = await account("pres@example.org", "Pres");
    await grantRole({
      userId: president.id,
      role: "president",
      startedOn: "2026-01-01",
    });
    const fellow = await account("fellow@example.org", "Fellow");
    await grantRole({
      userId: fellow.id,
      role: "fellow",
      startedOn: "2026-04-01",
    });

    const p = await loadActor(db, { userId: president.id, scopes: null });
    expect(decide(p, "group.view-private", coc, "2026-11-21").allowed).toBe(true);
    expect(decide(p, "group.leave", coc, "2026-11-21").allowed).toBe(true);
    expect(decide(p, "group.view-private", mergers, "2026-11-21").allowed).toBe(false);
    expect(
      p.groupRoles
        .filter((r) => r.groupId === coc.groupId)
        .map((r) => r.role)
        .sort(),
    ).toEqual(["board-liaison", "member"]);

    const f = await loadActor(db, { userId: fellow.id, scopes: null });
    expect(decide(f, "group.report", mergers, "2026-11-21").allowed).toBe(true);
    expect(decide(f, "group.report", releasers, "2026-11-21").allowed).toBe(true);
    expect(decide(f, "group.report", mergers, "2026-03-31").allowed).toBe(false);
    expect(decide(f, "group.report", coc, "2026-11-21").allowed).toBe(false);
  });
});
