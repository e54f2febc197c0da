import { describe, expect, it } from "vitest";
import { matchPeople, preferredSpelling } from "./match-people.ts";
import { personKey } from "./person-key.ts";

const p = (name: string, handle: string | null = null) => ({ key: personKey(name), handle });

describe("matchPeople", () => {
  it("pairs a shortened first name with the same surname", () => {
    expect(matchPeople(p("Eli Rosselli"), p("Eliana Rosselli"))).toBe("same surname, first name is a prefix");
    expect(matchPeople(p("Sam Whitfield"), p("Samantha Whitfield"))).toBe(
      "same surname, first name is a prefix",
    );
  });

  it("pairs a single name with a fuller name containing it", () => {
    expect(matchPeople(p("Afi"), p("Abigail Afi Gbadago"))).toBe("one name is a token of the other");
    expect(matchPeople(p("Lilian Tran"), p("Lilian"))).toBe("one name is a token of the other");
    expect(matchPeople(p("Sheena"), p("Sheena O'Connell"))).toBe("one name is a token of the other");
  });

  it("pairs the same handle whatever the names", () => {
    expect(matchPeople(p("Andrew Miller", "@nanorepublica"), p("Andy M", "nanorepublica"))).toBe(
      "same handle",
    );
  });

  it("pairs a name written with and without a middle name", () => {
    expect(matchPeople(p("Benjamin Bach"), p("Benjamin Balder Bach"))).toBe("same first and last name");
  });

  it("does not pair different people", () => {
    expect(matchPeople(p("Tom Carrick"), p("Tim Schilling"))).toBeNull();
    expect(matchPeople(p("Sarah Boyce"), p("Sarah Abderemane"))).toBeNull();
    expect(matchPeople(p("Ryan Cheley"), p("Dan Ryan"))).toBeNull(); // a surname that is another's first name
    expect(matchPeople(p("Al"), p("Al Sweigart"))).toBeNull(); // too short to trust
    expect(matchPeople(p("Eli Rosselli"), p("eli  rosselli"))).toBeNull(); // same key: one person already
  });
});

describe("preferredSpelling", () => {
  it("keeps the fuller spelling", () => {
    expect(preferredSpelling("Eli Rosselli", "Eliana Rosselli")).toBe("b");
    expect(preferredSpelling("Abigail Afi Gbadago", "Afi")).toBe("a");
  });
});
