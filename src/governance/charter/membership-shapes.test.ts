/**
 * Two shapes seen in charter versions proposed in the repository's pull requests, written here as
 * invented charters in several variants each: lists of duties inside the membership section
 * ("Role definitions", what a Chair does) are not people; and a name written tentatively
 * ("Name?") is that role's proposed holder, kept and marked tentative, not dropped.
 */
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { parseCharter } from "./parse-charter.ts";
import { renderCharterMarkdown } from "./render-charter.ts";
import type { ParsedCharter, Person } from "./types.ts";

const ROSTER = `- Chair: Ada Lovelace
- Co-Chair: Grace Hopper
- Board Liaison: Mary Jackson
- Other members:
  - Alan Turing
  - Edsger Dijkstra`;

const NAMES = ["Ada Lovelace", "Grace Hopper", "Mary Jackson", "Alan Turing", "Edsger Dijkstra"];

function charter(membership: string): ParsedCharter {
  return parseCharter({
    markdown: `# Example Working Group\n\n## Scope of responsibilities\n\nLooks after examples.\n\n## Membership\n\n${membership}\n\n## Future membership\n\nDirect membership: the WG will vote (50%+1) to approve new members.\n`,
  });
}

function roundTrips(c: ParsedCharter): boolean {
  const { warnings: _w, ...data } = c;
  const { warnings: _again, ...again } = parseCharter({
    markdown: renderCharterMarkdown(c),
    status: c.status,
  });
  return isDeepStrictEqual(again, data);
}

const names = (people: readonly Person[]) => people.map((p) => p.name);

describe("lists of duties in the membership section are not people", () => {
  const variants: Record<string, string> = {
    "a Role definitions subsection with role lines": `${ROSTER}

### Role definitions

- Chair: runs the meetings and sets the agenda
- Co-Chair: supports the Chair and stands in for them
- Board Liaison: relays information between the group and the Board`,
    "a subsection on one role's responsibilities": `${ROSTER}

### Responsibilities of the Chair

- Schedule meetings
- Keep the notes
- Report to the Board`,
    "a subsection named after a role, listing its duties": `${ROSTER}

### Co-Chair

- Supports the Chair
- Runs meetings when the Chair is away`,
    "a lead-in sentence in the membership section": `${ROSTER}

The Board Liaison will:

- Attend meetings once a quarter
- Carry requests to the Board`,
    "duties nested under a filled role line": `- Chair: Ada Lovelace
  - coordinates the group
  - keeps the notes
- Co-Chair: Grace Hopper
- Board Liaison: Mary Jackson
- Other members:
  - Alan Turing
  - Edsger Dijkstra`,
    "title-case duties under a duties heading": `${ROSTER}

### Duties

- Meeting Facilitation
- Budget Tracking`,
    "a what-each-role-does subsection with its own sub-headings": `${ROSTER}

### What each role does

#### Chair

- Leads the group

#### Board Liaison

- Speaks for the group at Board meetings.`,
    "roles and responsibilities written as a paragraph of lines": `${ROSTER}

### Roles and responsibilities

Chair: leads the group
Co-Chair: helps the Chair`,
  };
  for (const [shape, text] of Object.entries(variants)) {
    it(`reads only the roster from ${shape}`, () => {
      const c = charter(text);
      expect(names(c.members)).toEqual(NAMES);
      expect(names(c.roles.chair)).toEqual(["Ada Lovelace"]);
      expect(names(c.roles.coChair)).toEqual(["Grace Hopper"]);
      expect(c.roles.other).toEqual([]);
      expect(c.warnings.filter((w) => /could not read a person/u.test(w))).toEqual([]);
      expect(roundTrips(c)).toBe(true);
    });
  }

  it("still reads a roster under a lead-in that is not about duties, and names in a subsection", () => {
    const c = charter(`The group currently has these members:

- Ada Lovelace
- Grace Hopper

### New members

- Alan Turing`);
    expect(names(c.members)).toEqual(["Ada Lovelace", "Grace Hopper", "Alan Turing"]);
  });
});

describe("a name written tentatively is kept as the role's proposed holder", () => {
  const cases: Array<[string, string, string[]]> = [
    ["- Chair: Ada Lovelace?", "chair", ["Ada Lovelace"]],
    ["- Chair: Ada Lovelace ?", "chair", ["Ada Lovelace"]],
    ["- Co-Chair: Grace Hopper (tentative)", "coChair", ["Grace Hopper"]],
    ["- Board Liaison: Mary Jackson (TBC)", "boardLiaison", ["Mary Jackson"]],
    ["- Board Liaison: Mary Jackson TBC", "boardLiaison", ["Mary Jackson"]],
    ["- Co-Chair: Maybe Katherine Johnson", "coChair", ["Katherine Johnson"]],
    ["- Chair: Ada Lovelace (@ada)?", "chair", ["Ada Lovelace"]],
    ["- Ada Lovelace?, Chair", "chair", ["Ada Lovelace"]],
    ["- Vice-Chair: Grace Hopper (?)", "coChair", ["Grace Hopper"]],
  ];
  for (const [line, slot, expected] of cases) {
    it(`reads "${line}"`, () => {
      const c = charter(`${line}\n- Other members:\n  - Alan Turing`);
      const held = c.roles[slot as "chair" | "coChair" | "boardLiaison"];
      expect(names(held)).toEqual(expected);
      expect(held.every((p) => p.tentative === true)).toBe(true);
      const member = c.members.find((m) => m.name === expected[0]);
      expect(member?.tentative).toBe(true);
      expect(c.members.find((m) => m.name === "Alan Turing")?.tentative).toBeUndefined();
      expect(roundTrips(c)).toBe(true);
    });
  }

  it("keeps handles beside a tentative name", () => {
    const c = charter("- Chair: Ada Lovelace (@ada)?");
    expect(c.roles.chair).toEqual([{ name: "Ada Lovelace", handle: "ada", tentative: true }]);
  });

  it("still drops placeholders written with a question mark", () => {
    const c = charter(
      "- Chair: You?\n- Co-Chair: TBD?\n- Board Liaison: ?\n- Other members:\n  - Someone?\n  - You?",
    );
    expect(c.members).toEqual([]);
    expect(c.roles.chair).toEqual([]);
  });

  it("keeps a firm member firm when only their role is tentative, and round-trips it", () => {
    const c = charter("- Chair: Ada Lovelace?\n- Other members:\n  - Ada Lovelace\n  - Alan Turing?");
    expect(c.roles.chair).toEqual([{ name: "Ada Lovelace", handle: null, tentative: true }]);
    expect(c.members).toEqual([
      { name: "Ada Lovelace", handle: null },
      { name: "Alan Turing", handle: null, tentative: true },
    ]);
    expect(roundTrips(c)).toBe(true);
  });

  it("lets a firm mention of the same role win over a tentative one", () => {
    const c = charter("- Chair: Ada Lovelace?\n- Chair: Ada Lovelace\n- Other members:\n  - Alan Turing");
    expect(c.roles.chair).toEqual([{ name: "Ada Lovelace", handle: null }]);
  });
});
