import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { sharedData } from "../../../test/shared-data.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { groupRoles, groups, people, personAliases, personMerges } from "../../platform/db/schema.ts";
import { acceptAliasSuggestion } from "./accept-alias-suggestion.ts";
import { addPersonAlias } from "./add-person-alias.ts";
import { importCharters } from "./import-charters.ts";
import { listAliasSuggestions } from "./list-alias-suggestions.ts";
import { rejectAliasSuggestion } from "./reject-alias-suggestion.ts";

const SNAPSHOT = sharedData("dsf-working-groups");

describe("alias suggestions and the alias table", () => {
  let database: Database;
  let tmp: string;
  const clock = new FixedClock("2026-05-10T12:00:00Z");
  const services = () => ({ database, clock });
  beforeAll(async () => {
    database = await createTestDatabase();
    tmp = mkdtempSync(path.join(tmpdir(), "guildhall-aliases-"));
    await importCharters({ services: services(), dir: SNAPSHOT });
  });
  afterAll(async () => {
    await database.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const personBySlug = async (slug: string) =>
    (await database.db.select().from(people).where(eq(people.slug, slug)))[0];
  const rolesOf = async (personId: number) =>
    (
      await database.db
        .select({ slug: groups.slug, role: groupRoles.role })
        .from(groupRoles)
        .innerJoin(groups, eq(groups.id, groupRoles.groupId))
        .where(eq(groupRoles.personId, personId))
    )
      .map((r) => `${r.slug}:${r.role}`)
      .sort();

  it("lists Eli/Eliana and the single names as pending suggestions", async () => {
    const list = await listAliasSuggestions({ services: services() });
    const pairs = list.map((s) => `${s.keep.name} <- ${s.merge.name}: ${s.reason}`);
    expect(pairs).toContain("Eliana Rosselli <- Eli Rosselli: same surname, first name is a prefix");
    expect(pairs).toContain("Abigail Afi Gbadago <- Afi: one name is a token of the other");
    expect(list.every((s) => s.status === "pending")).toBe(true);
  });

  it("accepting merges roles, events and aliases into the kept person in one go", async () => {
    const list = await listAliasSuggestions({ services: services() });
    const s = list.find((x) => x.merge.slug === "eli-rosselli");
    expect(s).toBeDefined();
    const r = await acceptAliasSuggestion({ services: services(), id: s?.id ?? -1 });
    expect(r.kept.slug).toBe("eliana-rosselli");
    expect(r.merged.slug).toBe("eli-rosselli");
    expect(r.moved.roles).toBe(1);
    expect(await personBySlug("eli-rosselli")).toBeUndefined();
    const eliana = await personBySlug("eliana-rosselli");
    expect(await rolesOf(eliana?.id ?? -1)).toEqual(["accessibility:co-chair", "fundraising:member"]);
    const aliases = await database.db
      .select()
      .from(personAliases)
      .where(eq(personAliases.personId, eliana?.id ?? -1));
    expect(aliases.map((a) => a.aliasKey).sort()).toEqual(["eli rosselli", "eliana rosselli"]);
    const merges = await database.db.select().from(personMerges);
    expect(merges).toEqual([
      expect.objectContaining({
        keptPersonId: eliana?.id,
        mergedSlug: "eli-rosselli",
        mergedName: "Eli Rosselli",
      }),
    ]);
    await expect(acceptAliasSuggestion({ services: services(), id: s?.id ?? -1 })).rejects.toThrow(
      /No alias suggestion/,
    );
    // The next import resolves "Eli Rosselli" to Eliana and finds nothing to change.
    const again = await importCharters({ services: services(), dir: SNAPSHOT });
    expect(again.changed).toBe(false);
    expect(await personBySlug("eli-rosselli")).toBeUndefined();
  });

  it("rejecting keeps the two apart, and they are not suggested again", async () => {
    const list = await listAliasSuggestions({ services: services() });
    const s = list.find((x) => x.merge.slug === "afi");
    expect(s).toBeDefined();
    await rejectAliasSuggestion({ services: services(), id: s?.id ?? -1 });
    await expect(rejectAliasSuggestion({ services: services(), id: s?.id ?? -1 })).rejects.toThrow(
      /already rejected/,
    );
    expect(await personBySlug("afi")).toBeDefined();
    expect(await personBySlug("abigail-afi-gbadago")).toBeDefined();
    const after = await listAliasSuggestions({ services: services() });
    expect(after.find((x) => x.id === s?.id)).toBeUndefined();
    const all = await listAliasSuggestions({ services: services(), all: true });
    expect(all.find((x) => x.id === s?.id)?.status).toBe("rejected");
    const pending = after.length;
    await importCharters({ services: services(), dir: SNAPSHOT });
    expect(await listAliasSuggestions({ services: services() })).toHaveLength(pending);
  });

  it("a manual alias resolves on the next import", async () => {
    const r = await addPersonAlias({ services: services(), alias: "T. Carrick", personSlug: "tom-carrick" });
    expect(r).toMatchObject({ created: true, aliasKey: "t carrick" });
    expect(
      (await addPersonAlias({ services: services(), alias: "t  carrick", personSlug: "tom-carrick" }))
        .created,
    ).toBe(false);
    await expect(
      addPersonAlias({ services: services(), alias: "Tim Schilling", personSlug: "tom-carrick" }),
    ).rejects.toThrow(/already belongs to tim-schilling/);
    await expect(
      addPersonAlias({ services: services(), alias: "X", personSlug: "nobody-at-all" }),
    ).rejects.toThrow(/No person with slug nobody-at-all/);
    const dir = path.join(tmp, "spelled");
    cpSync(SNAPSHOT, dir, { recursive: true });
    const file = path.join(dir, "active/accessibility.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Chair: Tom Carrick", "Chair: T. Carrick"));
    const peopleBefore = (await database.db.select().from(people)).length;
    const s = await importCharters({ services: services(), dir });
    expect(s.peopleCreated).toEqual([]);
    expect(s.joined).toEqual([]);
    expect(s.left).toEqual([]);
    expect(s.updated).toEqual(["accessibility"]);
    expect((await database.db.select().from(people)).length).toBe(peopleBefore);
  });
});
