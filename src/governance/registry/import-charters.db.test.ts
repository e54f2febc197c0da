import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { sharedData } from "../../../test/shared-data.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import {
  aliasSuggestions,
  charterImports,
  groupEvents,
  groupRoles,
  groups,
  people,
} from "../../platform/db/schema.ts";
import { countRegistryRows } from "./groups.repo.ts";
import { importCharters } from "./import-charters.ts";
import { SNAPSHOT_SLUGS } from "./registry.fixtures.ts";

const SNAPSHOT = sharedData("dsf-working-groups");

describe("importCharters on the real snapshot", () => {
  let database: Database;
  let clock: FixedClock;
  let tmp: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    clock = new FixedClock("2026-05-10T12:00:00Z");
    tmp = mkdtempSync(path.join(tmpdir(), "guildhall-import-"));
  });
  afterAll(async () => {
    await database.close();
    rmSync(tmp, { recursive: true, force: true });
  });
  const services = () => ({ database, clock });

  async function rolesOf(slug: string): Promise<Array<[string, string, string]>> {
    const rows = await database.db
      .select({ name: people.name, role: groupRoles.role, title: groupRoles.title })
      .from(groupRoles)
      .innerJoin(groups, eq(groups.id, groupRoles.groupId))
      .innerJoin(people, eq(people.id, groupRoles.personId))
      .where(eq(groups.slug, slug))
      .orderBy(groupRoles.position);
    return rows.map((r) => [r.name, r.role, r.title]);
  }

  it("stores every group, person and role of the snapshot", async () => {
    const s = await importCharters({ services: services(), dir: SNAPSHOT });
    expect(s.changed).toBe(true);
    expect(s.groupsChecked).toBe(16);
    expect(s.groupsAdded.map((g) => g.slug).sort()).toEqual(SNAPSHOT_SLUGS);
    const rows = await database.db.select().from(groups);
    expect(rows).toHaveLength(16);
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    expect(bySlug.get("dceu")?.status).toBe("archived");
    expect(bySlug.get("package-maintainers")?.status).toBe("draft");
    expect(bySlug.get("marketing")?.status).toBe("proposed");
    expect(bySlug.get("accessibility")?.status).toBe("active");
    expect(bySlug.get("accessibility")?.sourcePath).toBe("active/accessibility.md");
    expect(bySlug.get("accessibility")?.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const a11y = await rolesOf("accessibility");
    expect(a11y.slice(0, 3)).toEqual([
      ["Tom Carrick", "chair", ""],
      ["Eli Rosselli", "co-chair", ""],
      ["Tim Schilling", "steering-council-liaison", ""],
    ]);
    expect(a11y).toContainEqual(["Thibaud Colas", "member", ""]);
    expect(a11y).toContainEqual(["Marijke Luttekes", "alumnus", ""]);
    expect(a11y.filter((r) => r[1] === "member")).toHaveLength(5);
    const fundraising = await rolesOf("fundraising");
    expect(fundraising).toContainEqual(["Ryan Cheley", "board-liaison", ""]);
    expect(fundraising).toContainEqual(["Eliana Rosselli", "member", ""]);
    expect(fundraising).toContainEqual(["Jacob Kaplan-Moss", "member", ""]);
    const fellowship = await rolesOf("fellowship");
    expect(fellowship.find((r) => r[1] === "other")?.[2]).toMatch(/Designated Line Manager/);

    // One person, several groups: Tom Carrick is a single row with roles in four groups.
    const tom = await database.db.select().from(people).where(eq(people.slug, "tom-carrick"));
    expect(tom).toHaveLength(1);
    const tomRoles = await database.db
      .select()
      .from(groupRoles)
      .where(eq(groupRoles.personId, tom[0]?.id ?? -1));
    expect(tomRoles.length).toBeGreaterThanOrEqual(4);

    // Similar spellings are suggested, never merged.
    const eli = await database.db.select().from(people).where(eq(people.slug, "eli-rosselli"));
    const eliana = await database.db.select().from(people).where(eq(people.slug, "eliana-rosselli"));
    expect(eli).toHaveLength(1);
    expect(eliana).toHaveLength(1);
    const [sug] = await database.db
      .select()
      .from(aliasSuggestions)
      .where(
        and(
          eq(aliasSuggestions.personId, eliana[0]?.id ?? -1),
          eq(aliasSuggestions.otherPersonId, eli[0]?.id ?? -1),
        ),
      );
    expect(sug?.reason).toBe("same surname, first name is a prefix");
    expect(sug?.status).toBe("pending");
    expect(s.suggestionsCreated.map((x) => `${x.a}/${x.b}`)).toContain("Abigail Afi Gbadago/Afi");

    const runs = await database.db.select().from(charterImports);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.mode).toBe("snapshot");
    // An import writes no timeline events: it does not know when anything happened.
    expect(await database.db.select().from(groupEvents)).toEqual([]);
    expect(s.eventsRecorded).toBe(0);
    // The snapshot folder is not a git work tree: its commit is the one SNAPSHOT.txt names.
    expect(s.commit).toMatchObject({ sha: "ae29c583b7740c42f8f97d2e317b587665d16953", from: "SNAPSHOT.txt" });
    expect(bySlug.get("accessibility")?.sourceCommit).toBe("ae29c583b7740c42f8f97d2e317b587665d16953");
  });

  it("changes nothing on a second run and says so", async () => {
    const before = await database.db.transaction((tx) => countRegistryRows(tx));
    clock.advance(60_000);
    const s = await importCharters({ services: services(), dir: SNAPSHOT });
    expect(s.changed).toBe(false);
    expect(s.lines).toEqual([]);
    expect(s.importId).toBeNull();
    expect(await database.db.transaction((tx) => countRegistryRows(tx))).toEqual(before);
    expect(await database.db.select().from(charterImports)).toHaveLength(1);
  });

  it("reports exactly what a modified checkout changed", async () => {
    const dir = path.join(tmp, "modified");
    cpSync(SNAPSHOT, dir, { recursive: true });
    const a11y = path.join(dir, "active/accessibility.md");
    writeFileSync(
      a11y,
      readFileSync(a11y, "utf8")
        .replace("  - Sage Abdullah\n", "")
        .replace("  - Thibaud Colas\n", "  - Thibaud Colas\n  - Zora Quillfeather\n"),
    );
    const fr = path.join(dir, "active/fundraising.md");
    writeFileSync(
      fr,
      readFileSync(fr, "utf8").replace("Board Liaison: Ryan Cheley", "Board Liaison: Paolo Melchiorre"),
    );
    renameSync(
      path.join(dir, "draft/package-maintainers.md"),
      path.join(dir, "active/package-maintainers.md"),
    );
    clock.set("2026-06-01T08:00:00Z");
    const s = await importCharters({ services: services(), dir });
    expect(s.changed).toBe(true);
    expect(s.groupsAdded).toEqual([]);
    expect(s.groupsRemoved).toEqual([]);
    expect(s.statusChanges).toEqual([{ slug: "package-maintainers", from: "draft", to: "active" }]);
    expect(s.joined).toEqual([
      { slug: "accessibility", person: "Zora Quillfeather", roles: ["member"] },
      { slug: "fundraising", person: "Paolo Melchiorre", roles: ["board-liaison"] },
    ]);
    expect(s.left).toEqual([
      { slug: "accessibility", person: "Sage Abdullah", roles: ["member"], alumnus: false },
      { slug: "fundraising", person: "Ryan Cheley", roles: ["board-liaison"], alumnus: false },
    ]);
    expect(s.roleChanges).toEqual([]);
    expect(s.peopleCreated).toEqual(["Zora Quillfeather"]);
    expect(s.lines).toContain("package-maintainers: activated (draft -> active)");
    // The changes are the import's summary, not timeline events dated by the import's clock.
    expect(await database.db.select().from(groupEvents)).toEqual([]);
    const [pm] = await database.db.select().from(groups).where(eq(groups.slug, "package-maintainers"));
    expect(pm?.status).toBe("active");
    expect(pm?.sourcePath).toBe("active/package-maintainers.md");
    const runs = await database.db.select().from(charterImports);
    expect(runs).toHaveLength(2);
    expect((runs[1]?.summary as { joined?: unknown[] } | undefined)?.joined).toHaveLength(2);
  });

  it("imports a charter that does not parse well, with its warnings, and marks removed groups", async () => {
    const dir = path.join(tmp, "broken");
    cpSync(SNAPSHOT, dir, { recursive: true });
    writeFileSync(path.join(dir, "active/broken.md"), "just some words\n\n- Chair\n");
    rmSync(path.join(dir, "proposals/marketing.md"));
    clock.set("2026-06-02T08:00:00Z");
    const s = await importCharters({ services: services(), dir });
    expect(s.groupsAdded).toEqual([{ slug: "broken", status: "active" }]);
    expect(s.warnings.find((w) => w.path === "active/broken.md")?.warnings.length).toBeGreaterThan(0);
    expect(s.groupsRemoved).toEqual(["marketing"]);
    const [marketing] = await database.db.select().from(groups).where(eq(groups.slug, "marketing"));
    expect(marketing?.status).toBe("unknown");
    expect(marketing?.sourcePath).toBeNull();
  });

  it("refuses a folder that is not a charter checkout and changes nothing", async () => {
    const before = await database.db.transaction((tx) => countRegistryRows(tx));
    await expect(importCharters({ services: services(), dir: `${tmp}/nowhere` })).rejects.toThrow(
      /is not a directory/,
    );
    const empty = mkdtempSync(path.join(tmp, "empty-"));
    await expect(importCharters({ services: services(), dir: empty })).rejects.toThrow(
      `${empty} is not a charter checkout: it has none of the folders active/, draft/, archive/, proposals/`,
    );
    expect(await database.db.transaction((tx) => countRegistryRows(tx))).toEqual(before);
  });
});
