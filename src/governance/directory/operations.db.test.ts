import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, onPostgres } from "../../../test/db.ts";
import { insertEvent, seedRealisticRegistry } from "../../../test/factories/governance.ts";
import type { Database } from "../../platform/db/index.ts";
import { getGroup } from "./get-group.ts";
import { getGroupTimeline } from "./get-group-timeline.ts";
import { getPerson } from "./get-person.ts";
import { DEFAULT_HEALTH_CONFIG } from "./health.ts";
import { listGroups } from "./list-groups.ts";
import { listPeople } from "./list-people.ts";

let database: Database;
let queries = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  const seeded = await seedRealisticRegistry(database.db);
  const website = seeded.find((g) => g.slug === "website");
  const someone = website ? [...website.people.values()][3] : undefined;
  if (website && someone) {
    await insertEvent(database.db, {
      groupId: website.id,
      kind: "left",
      personId: someone,
      occurredAt: "2024-06-01T00:00:00Z",
    });
    await insertEvent(database.db, {
      groupId: website.id,
      kind: "joined",
      personId: someone,
      occurredAt: "2025-06-01T00:00:00Z",
    });
  }
  // Count the statements the operations send (embedded database only: one connection to watch).
  const pglite = database.pglite;
  if (pglite) {
    const query = pglite.query.bind(pglite);
    pglite.query = ((...args: Parameters<typeof query>) => {
      queries++;
      return query(...args);
    }) as typeof pglite.query;
  }
});

afterAll(async () => {
  await database?.close();
});

async function counted<T>(run: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const before = queries;
  const result = await run();
  return { result, queries: queries - before };
}

const db = () => database.db;
const health = DEFAULT_HEALTH_CONFIG;
const day = "2026-01-01";

describe("directory operations", () => {
  it("lists every group, active first then draft, proposed, archived, in six queries", async () => {
    const { result, queries: n } = await counted(() => listGroups({ db: db(), health, filter: {}, day }));
    expect(result.groups).toHaveLength(17);
    const statuses = result.groups.map((g) => g.status);
    const firstIndex = (s: string) => statuses.indexOf(s as (typeof statuses)[number]);
    expect(firstIndex("active")).toBe(0);
    expect(firstIndex("active")).toBeLessThan(firstIndex("draft"));
    expect(firstIndex("draft")).toBeLessThan(firstIndex("proposed"));
    expect(firstIndex("proposed")).toBeLessThan(firstIndex("archived"));
    expect(result.groups.find((g) => g.slug === "fundraising")?.health.map((f) => f.code)).toEqual([
      "no-board-liaison",
    ]);
    if (!onPostgres()) expect(n).toBe(6);
  });

  it("filters by kind and status", async () => {
    const teams = await listGroups({ db: db(), health, filter: { kind: "team" }, day });
    expect(teams.groups.map((g) => g.slug).sort()).toEqual([
      "mergers",
      "operations",
      "releasers",
      "triage-and-review",
    ]);
    const drafts = await listGroups({
      db: db(),
      health,
      filter: { kind: "working-group", status: "draft" },
      day,
    });
    expect(drafts.groups.map((g) => g.slug).sort()).toEqual(["package-maintainers", "translations"]);
    expect(drafts.filter).toEqual({ kind: "working-group", status: "draft" });
  });

  it("loads a group with the most recent history join as member since, in six queries", async () => {
    const { result, queries: n } = await counted(() => getGroup({ db: db(), health, slug: "website", day }));
    expect(result.group.size).toBe(16);
    const rejoined = result.group.members[3];
    expect(rejoined?.since).toBe("2025-06-01T00:00:00.000Z");
    expect(result.group.members[0]?.since).toBe("2024-03-09T10:00:00.000Z");
    expect(result.timeline.at(-1)?.kind).toBe("joined");
    if (!onPostgres()) expect(n).toBe(6);
  });

  it("throws not_found for an unknown slug or person", async () => {
    await expect(getGroup({ db: db(), health, slug: "nope", day })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(getGroupTimeline({ db: db(), slug: "nope" })).rejects.toMatchObject({ code: "not_found" });
    await expect(getPerson({ db: db(), idOrSlug: "0", day })).rejects.toMatchObject({ code: "not_found" });
    await expect(getPerson({ db: db(), idOrSlug: "no-one", day })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("loads a person with roles and timeline in eight queries, and the people index in six", async () => {
    const { result, queries: n } = await counted(() => getPerson({ db: db(), idOrSlug: "fel-manager", day }));
    expect(result.roles).toEqual([
      {
        group: {
          slug: "fellowship",
          name: "fellowship Working Group",
          kind: "working-group",
          status: "active",
        },
        role: "other",
        title: "Designated Line Manager",
      },
    ]);
    expect(result.timeline.map((e) => e.kind)).toEqual(["joined"]);
    if (!onPostgres()) expect(n).toBe(8);
    const people = await counted(() => listPeople({ db: db(), day }));
    expect(people.result.find((p) => p.person.slug === "fel-manager")?.groups).toEqual([
      { slug: "fellowship", name: "fellowship Working Group" },
    ]);
    if (!onPostgres()) expect(people.queries).toBe(6);
  });
});
