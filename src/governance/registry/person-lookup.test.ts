import { describe, expect, it } from "vitest";
import { lookupPerson, matchingPeople, type PersonCandidate, suggestionValues } from "./person-lookup.ts";

const people: PersonCandidate[] = [
  { id: 1, slug: "eliana-rosselli", name: "Eliana Rosselli", aliases: ["Eli"] },
  { id: 2, slug: "cagil-ulusahin", name: "Çağıl Uluşahin", aliases: [] },
  { id: 3, slug: "ada-lovelace", name: "Ada Lovelace", aliases: [] },
  { id: 4, slug: "ada-lovelace-2", name: "Ada Lovelace", aliases: [] },
  { id: 5, slug: "adam-smith", name: "Adam Smith", aliases: [] },
];

describe("lookupPerson", () => {
  it("resolves an exact name, however it is spelt, an alias, a slug and an id", () => {
    expect(lookupPerson(people, "  cagil   ULUSAHIN ")).toMatchObject({ kind: "one", person: { id: 2 } });
    expect(lookupPerson(people, "Eli")).toMatchObject({ kind: "one", person: { id: 1 } });
    expect(lookupPerson(people, "eliana-rosselli")).toMatchObject({ kind: "one", person: { id: 1 } });
    expect(lookupPerson(people, "5")).toMatchObject({ kind: "one", person: { id: 5 } });
    expect(lookupPerson(people, "Ada Lovelace (ada-lovelace-2)")).toMatchObject({
      kind: "one",
      person: { id: 4 },
    });
  });

  it("offers choices for a shared name and for a partial one, never guessing", () => {
    const shared = lookupPerson(people, "ada lovelace");
    expect(shared.kind).toBe("choose");
    expect(shared.kind === "choose" && shared.people.map((p) => p.id)).toEqual([3, 4]);
    const partial = lookupPerson(people, "Ada");
    expect(partial.kind === "choose" && partial.people.map((p) => p.id)).toEqual([3, 4, 5]);
    // One partial match is still a choice to confirm, not a pick.
    const one = lookupPerson(people, "Rosse");
    expect(one.kind === "choose" && one.people.map((p) => p.id)).toEqual([1]);
  });

  it("finds nobody for an unknown name, an unknown id or an empty text", () => {
    expect(lookupPerson(people, "Grace Hopper")).toEqual({ kind: "none" });
    expect(lookupPerson(people, "99")).toEqual({ kind: "none" });
    expect(lookupPerson(people, "   ")).toEqual({ kind: "none" });
    expect(lookupPerson(people, "!!!")).toEqual({ kind: "none" });
  });
});

describe("matchingPeople and suggestionValues", () => {
  it("matches every typed word against the start of a word, and bounds the list", () => {
    expect(matchingPeople(people, "lov ad").map((p) => p.id)).toEqual([3, 4]);
    expect(matchingPeople(people, "a", 2)).toHaveLength(2);
    expect(matchingPeople(people, "")).toEqual([]);
  });

  it("writes the slug into the suggestion only where people share a name", () => {
    const values = suggestionValues(people);
    expect(values.get(3)).toBe("Ada Lovelace (ada-lovelace)");
    expect(values.get(4)).toBe("Ada Lovelace (ada-lovelace-2)");
    expect(values.get(5)).toBe("Adam Smith");
    for (const [id, value] of values) {
      expect(lookupPerson(people, value)).toMatchObject({ kind: "one", person: { id } });
    }
  });
});
