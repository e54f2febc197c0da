/** Unit tests of the charter rules on small, made-up inputs (people, roles, terms, cadences, kinds). */
import { describe, expect, it } from "vitest";
import { cadenceOf, reportingCadenceOf } from "./cadence.ts";
import { membershipModelOf, termMonthsOf, termWindowOf } from "./membership-model.ts";
import { kindFromTitle, parseCharter, statusFromPath } from "./parse-charter.ts";
import {
  classifyRoleLabel,
  isPlaceholder,
  isQualifierSegment,
  normaliseRoleTitle,
  parsePerson,
} from "./people.ts";
import { classifyHeading } from "./sections.ts";

describe("people", () => {
  it("reads handles beside names in every form seen", () => {
    const person = (t: string) => {
      const r = parsePerson(t);
      return r.kind === "person" ? r.person : r.kind;
    };
    expect(person("Andrew Miller (nanorepublica)")).toEqual({
      name: "Andrew Miller",
      handle: "nanorepublica",
    });
    expect(person("Tom Carrick (forum: tom, discord: wynne)")).toEqual({
      name: "Tom Carrick",
      handle: "tom",
    });
    expect(person("Dan Ryan (discord: dryan77)")).toEqual({ name: "Dan Ryan", handle: "dryan77" });
    expect(person("@ada_l")).toEqual({ name: "ada_l", handle: "ada_l" });
    expect(person("Ada Lovelace @ada")).toEqual({ name: "Ada Lovelace", handle: "ada" });
    expect(person("Andrew Godwin (interim)")).toEqual({ name: "Andrew Godwin", handle: null });
    expect(person("Jacob Kaplan-Moss (acting)")).toEqual({ name: "Jacob Kaplan-Moss", handle: null });
    expect(person("DSF President (currently Chaim Kirby)")).toEqual({ name: "Chaim Kirby", handle: null });
    expect(person("Sheena")).toEqual({ name: "Sheena", handle: null });
    expect(person("Joseph V. Cardenas")).toEqual({ name: "Joseph V. Cardenas", handle: null });
  });

  it("knows placeholders are not people", () => {
    for (const t of [
      "TBC",
      "TBD",
      "You?",
      "todo",
      "?",
      "",
      "N/A",
      "None",
      "Other options TBC",
      "TKTK",
      "tbd.",
      " ",
    ]) {
      expect(isPlaceholder(t), t).toBe(true);
      expect(parsePerson(t).kind, t).toBe("placeholder");
    }
    expect(isPlaceholder("Tom Carrick")).toBe(false);
  });

  it("classifies role labels with template text, [Optional] prefixes and other wordings", () => {
    expect(
      classifyRoleLabel("Board Liaison (must be an active Board member; may be the same as Chair/Co-Chair)")
        ?.slot,
    ).toBe("boardLiaison");
    expect(classifyRoleLabel("[Optional] Steering Council Liaison (must be ...)")?.slot).toBe(
      "steeringCouncilLiaison",
    );
    expect(classifyRoleLabel("Vice-Chair")?.slot).toBe("coChair");
    expect(classifyRoleLabel("DSF Board President and board liaison")?.slot).toBe("boardLiaison");
    expect(classifyRoleLabel("Other members")?.slot).toBe("members");
    expect(classifyRoleLabel("Designated manager")).toEqual({ slot: "other", title: "Designated Manager" });
    expect(classifyRoleLabel("Membership is self-managed")).toBeNull();
    expect(normaliseRoleTitle("liason for Online Communities working group")).toBe(
      "Online Communities WG Liaison",
    );
    expect(normaliseRoleTitle("Online Communities WG Liason")).toBe("Online Communities WG Liaison");
  });
});

describe("membership section", () => {
  const demo = [
    "# Demo Working Group",
    "",
    "## Members",
    "",
    "Current members:",
    "",
    "<!-- Ghost Person -->",
    "",
    "- Chair: [Jane Doe](https://github.com/janedoe)",
    "- Co-Chair: @kim",
    "- [Optional] Board Liaison (must be an active Board member; may be the same as Chair/Co-Chair): Sam Lee (acting)",
    "- Line Manager: Pat Quinn (he/him)",
    "- Other members:",
    "    - Sheena",
    "    - Jane Doe (jdoe)",
    "    - TBD",
    "    - This line is a long sentence that is not a person at all, really.",
    "    - Omar Haddad, Vice-Chair",
    "",
    "### Past members",
    "",
    "- Old Timer",
  ].join("\n");

  it("reads roles, members once in order, alumni, and warns with line numbers", () => {
    const c = parseCharter({ markdown: demo, path: "proposals/demo.md" });
    expect(c.status).toBe("proposed");
    expect(c.roles.chair).toEqual([{ name: "Jane Doe", handle: "janedoe" }]);
    expect(c.roles.coChair).toEqual([
      { name: "kim", handle: "kim" },
      { name: "Omar Haddad", handle: null },
    ]);
    expect(c.roles.boardLiaison).toEqual([{ name: "Sam Lee", handle: null }]);
    expect(c.roles.other).toEqual([{ title: "Line Manager", people: [{ name: "Pat Quinn", handle: null }] }]);
    expect(c.members.map((m) => m.name)).toEqual([
      "Jane Doe",
      "kim",
      "Sam Lee",
      "Pat Quinn",
      "Sheena",
      "Omar Haddad",
    ]);
    expect(c.alumni).toEqual([{ name: "Old Timer", handle: null }]);
    expect(c.warnings).toEqual([
      "line 15: Jane Doe is listed with different handles (janedoe, jdoe); keeping janedoe",
      'line 17: could not read a person from "This line is a long sentence that is not a person at all, really." (too many words for a name)',
    ]);
  });

  it("reads role lines in a top-level paragraph and names on unbulleted lines", () => {
    const md =
      "# X Team\n\n## Membership\n\nChair: Ana Núñez\nCo-Chair: Bo Li\n\n- Members:\n    Cy Twombly\n    Di Ng\n";
    const c = parseCharter({ markdown: md });
    expect(c.kind).toBe("team");
    expect(c.members.map((m) => m.name)).toEqual(["Ana Núñez", "Bo Li", "Cy Twombly", "Di Ng"]);
    expect(c.missing).not.toContain("boardLiaison");
  });
});

describe("other membership layouts", () => {
  it("reads tables, spaced-dash roles, struck-out names and e-mail addresses", () => {
    const md = [
      "# Security Team",
      "",
      "## Members (as of 2025)",
      "",
      "| Role | Name | GitHub |",
      "|---|---|---|",
      "| Chair | Ana Núñez | @ananu |",
      "| Member | Bo Li | |",
      "| Board Liaison | TBD | |",
      "",
      "- Co-Chair - ~~Old Person~~ Cy Twombly",
      "- Di Ng – Line Manager",
      "- Ed Wu <ed@example.com>",
      "",
      "## Membership and roles",
      "",
      "- Fay Ray",
    ].join("\n");
    const c = parseCharter({ markdown: md });
    expect(c.roles.chair).toEqual([{ name: "Ana Núñez", handle: "ananu" }]);
    expect(c.roles.coChair).toEqual([{ name: "Cy Twombly", handle: null }]);
    expect(c.roles.boardLiaison).toEqual([]);
    expect(c.roles.other).toEqual([{ title: "Line Manager", people: [{ name: "Di Ng", handle: null }] }]);
    expect(c.members.map((m) => m.name)).toEqual([
      "Ana Núñez",
      "Bo Li",
      "Cy Twombly",
      "Di Ng",
      "Ed Wu",
      "Fay Ray",
    ]);
    expect(c.warnings).toEqual([]);
  });
});

describe("alumni", () => {
  it("keeps everyone under Alumni out of members and roles, whatever role they held", () => {
    const md =
      "# A Team\n\n## Membership\n\n- Chair: Bo Li\n\n### Alumni\n\n- Chair (2023): Ana Bo\n- Cy Do, Co-Chair\n- Di Ng - Board Liaison\n";
    const c = parseCharter({ markdown: md });
    expect(c.roles.chair).toEqual([{ name: "Bo Li", handle: null }]);
    expect(c.roles.coChair).toEqual([]);
    expect(c.members.map((m) => m.name)).toEqual(["Bo Li"]);
    expect(c.alumni.map((m) => m.name)).toEqual(["Ana Bo", "Cy Do", "Di Ng"]);
  });
});

describe("terms, models and cadences", () => {
  it("reads member terms but not a group's lifetime", () => {
    expect(termMonthsOf("Members join the group for a 6-month term.")).toBe(6);
    expect(termMonthsOf("Members join the group for a 12-month term.")).toBe(12);
    expect(termMonthsOf("Members will serve for a one year term.")).toBe(12);
    expect(termMonthsOf("Members serve a 1-year term, April 1st to March 31st.")).toBe(12);
    expect(termMonthsOf("Members must opt-in to remain on the team on an annual basis.")).toBe(12);
    expect(termMonthsOf("Each year, every member will need to reaffirm their membership with the team")).toBe(
      12,
    );
    expect(termMonthsOf("The group is a one-off research project of four months.")).toBeNull();
    expect(termWindowOf("Members serve a 1-year term, April 1st to March 31st.")).toEqual({
      start: "04-01",
      end: "03-31",
    });
    expect(termWindowOf("Terms run from 1 September to 31 August.")).toEqual({
      start: "09-01",
      end: "08-31",
    });
  });

  it("reads the membership model, labelled statements first", () => {
    expect(membershipModelOf(["The Steering Council selects Releasers by voting."])).toBe(
      "steering-council-managed",
    );
    expect(membershipModelOf(["Board-managed: the DSF Board appoints members."])).toBe("board-managed");
    expect(membershipModelOf(["Membership is self-managed: volunteers are screened."])).toBe("direct");
    expect(
      membershipModelOf([
        "Members may be removed by a vote of the Steering Council.",
        "Direct membership: we vote.",
      ]),
    ).toBe("direct");
    expect(membershipModelOf(["Anyone can join."])).toBeNull();
    expect(membershipModelOf(["New members are elected by a majority vote of current members."])).toBe(
      "direct",
    );
    expect(membershipModelOf(["Adding members requires Steering Council approval."])).toBe(
      "steering-council-managed",
    );
    expect(membershipModelOf(["Membership changes require Board approval."])).toBe("board-managed");
    expect(membershipModelOf(["Members can be removed by a vote of the Steering Council."])).toBeNull();
  });

  it("normalises cadence wording", () => {
    expect(cadenceOf("Fortnightly synchronous meeting")).toBe("fortnightly");
    expect(cadenceOf("The team meets online once per month.")).toBe("monthly");
    expect(cadenceOf("Frequency: at least quarterly")).toBe("quarterly");
    expect(cadenceOf("We'll email a written report to the board every quarter.")).toBe("quarterly");
    expect(cadenceOf("every two months")).toBe("every-two-months");
    expect(cadenceOf("twice a year")).toBe("twice-yearly");
    expect(reportingCadenceOf("The team does not produce reports at this time.")).toBe("none");
    expect(reportingCadenceOf("This is an as-needed reporting structure.")).toBe("as-needed");
    expect(reportingCadenceOf("We keep a changelog.")).toBeNull();
  });
});

describe("headings, kinds and statuses", () => {
  it("maps heading synonyms to sections", () => {
    expect(classifyHeading("Initial membership")).toBe("membership");
    expect(classifyHeading("Current members:")).toBe("membership");
    expect(classifyHeading("Future membership")).toBe("future");
    expect(classifyHeading("Comms within the group")).toBe("comms");
    expect(classifyHeading("Group communications")).toBe("comms");
    expect(classifyHeading("Responsibilities")).toBe("scope");
    expect(
      classifyHeading("Who is eligible to join? Any volunteer, or are there specific requirements?"),
    ).toBe("eligibility");
    expect(classifyHeading("Expressing Interest")).toBe("howToJoin");
    expect(classifyHeading("Membership terms")).toBe("terms");
    expect(classifyHeading("Qualifications")).toBe("eligibility");
    expect(classifyHeading("Which actions will the WG take back to the Board for votes?")).toBe(
      "boardActions",
    );
    expect(classifyHeading("Past members")).toBe("alumni");
  });

  it("uses a first unrecognised heading as the title when there is no level-1 heading", () => {
    const c = parseCharter({
      markdown:
        "## Foo Working Group\n\n### 1. Scope of responsibilities\n\nDo things.\n\n### 2. Membership\n\n- Chair: Ana Bo\n",
    });
    expect(c.name).toBe("Foo Working Group");
    expect(c.scope).toBe("Do things.");
    expect(c.roles.chair).toEqual([{ name: "Ana Bo", handle: null }]);
    expect(c.missing).not.toContain("name");
  });

  it("takes the kind from the title, then from team-template evidence", () => {
    expect(kindFromTitle("Mergers Team")).toBe("team");
    expect(kindFromTitle("Website Working Group")).toBe("working-group");
    expect(kindFromTitle("AI research working group")).toBe("working-group");
    expect(kindFromTitle("DjangoCon Europe Support")).toBeNull();
    const evidence =
      "# Security\n\n## Membership\n\n- [Optional] Board Liaison (must be ...): \n- Other members:\n  - Ana\n";
    expect(parseCharter({ markdown: evidence }).kind).toBe("team");
    expect(parseCharter({ markdown: "# Security\n\n## Membership\n\n- Chair: Ana\n" }).kind).toBe(
      "working-group",
    );
  });

  it("takes the status from the folder, unknown for a lone file unless given", () => {
    expect(statusFromPath("active/x.md")).toBe("active");
    expect(statusFromPath("/repo/archive/x.md")).toBe("archived");
    expect(statusFromPath("proposals/x.md")).toBe("proposed");
    expect(statusFromPath("x.md")).toBe("unknown");
    expect(statusFromPath("drafts/x.md")).toBe("draft");
    expect(statusFromPath("draft/x.md")).toBe("draft");
    expect(statusFromPath(undefined)).toBe("unknown");
    expect(parseCharter({ markdown: "", path: "x.md", status: "draft" }).status).toBe("draft");
    const lone = parseCharter({ markdown: "" });
    expect(lone.slug).toBe("charter");
    expect(lone.missing).toContain("name");
  });
});

describe("a person with an affiliation is one person", () => {
  const read = (line: string) =>
    parseCharter({ markdown: `# X Working Group\n\n## Membership\n\n${line}\n` });

  it("keeps organisations, job titles, suffixes and non-name tokens with the person before them", () => {
    const cases: [string, string[]][] = [
      ["- Chair: Jane Doe, Company X", ["Jane Doe"]],
      ["- Chair: Jane Doe, Acme Inc", ["Jane Doe"]],
      ["- Chair: Jane Doe, Acme Ltd.", ["Jane Doe"]],
      ["- Chair: Jane Doe, Initech LLC", ["Jane Doe"]],
      ["- Chair: Jane Doe, Müller GmbH", ["Jane Doe"]],
      ["- Chair: Jane Doe, Python Software Foundation", ["Jane Doe"]],
      ["- Chair: Jane Doe, University of Lagos", ["Jane Doe"]],
      ["- Chair: Jane Doe, Umbrella Corp", ["Jane Doe"]],
      ["- Chair: Jane Doe, CTO", ["Jane Doe"]],
      ["- Chair: Jane Doe, independent", ["Jane Doe"]],
      ["- Chair: Jane Doe, she/her", ["Jane Doe"]],
      ["- Chair: Jane Doe, Jr.", ["Jane Doe"]],
      ["- Chair: Jane Doe, IBM", ["Jane Doe"]],
      ["- Chair: Jane Doe, CTO, Acme Inc", ["Jane Doe"]],
      ["- Other members: Jane Doe, Company X, Bo Li, Acme Inc", ["Jane Doe", "Bo Li"]],
      ["- Jane Doe, University of Lagos", ["Jane Doe"]],
    ];
    for (const [line, people] of cases) {
      const c = read(line);
      expect(
        c.members.map((m) => m.name),
        line,
      ).toEqual(people);
      expect(c.warnings, line).toEqual(["working group has no Board Liaison"]);
    }
  });

  it("still reads a list of people as a list", () => {
    const cases: [string, string[]][] = [
      ["- Other members: Ana Bo, Bo Li and Cy Do", ["Ana Bo", "Bo Li", "Cy Do"]],
      ["- Other members: Sheena, Afi, Lilian", ["Sheena", "Afi", "Lilian"]],
      ["- Chair: Ana Bo & Bo Li", ["Ana Bo", "Bo Li"]],
      ["- Co-Chair: Ana Bo; Çağıl Sönmez", ["Ana Bo", "Çağıl Sönmez"]],
      ["- Other members: Ana Bo, TBC", ["Ana Bo"]],
    ];
    for (const [line, people] of cases)
      expect(
        read(line).members.map((m) => m.name),
        line,
      ).toEqual(people);
  });

  it("reads a role written after the name in a members list as that role", () => {
    const c = read("- Other members: Ana Bo, Co-Chair, Bo Li");
    expect(c.roles.coChair).toEqual([{ name: "Ana Bo", handle: null }]);
    expect(c.members.map((m) => m.name)).toEqual(["Ana Bo", "Bo Li"]);
    expect(isQualifierSegment("Company X")).toBe(true);
    expect(isQualifierSegment("Sheena")).toBe(false);
    expect(isQualifierSegment("Bo Li")).toBe(false);
  });
});

describe("names on unbulleted top-level lines", () => {
  it("reads a paragraph of names, role lines and 'Name, Role' lines as a roster", () => {
    const md =
      "# Ops Team\n\n## Members\n\nAna Bo\nCy Do (@cydo)\n[Eve Li](https://github.com/eveli)\n\n## Roster\n\nChair: Fay Ray\nGus Lee, Co-Chair\nHal Ng\n";
    const c = parseCharter({ markdown: md });
    expect(c.members.map((m) => m.name)).toEqual([
      "Ana Bo",
      "Cy Do",
      "Eve Li",
      "Fay Ray",
      "Gus Lee",
      "Hal Ng",
    ]);
    expect(c.members.map((m) => m.handle)).toEqual([null, "cydo", "eveli", null, null, null]);
    expect(c.roles.coChair).toEqual([{ name: "Gus Lee", handle: null }]);
  });

  it("keeps prose and one-line paragraphs as prose", () => {
    const md =
      "# Ops Team\n\n## Membership\n\nDjango Fellows\n\nThe team does not have a fixed size.\nNew members are chosen from volunteers.\n\n- Chair: Ana Bo\n";
    const c = parseCharter({ markdown: md });
    expect(c.members.map((m) => m.name)).toEqual(["Ana Bo"]);
  });
});

describe("a spaced dash before an affiliation", () => {
  it("keeps the person and drops the organisation", () => {
    const md =
      "# X Team\n\n## Membership\n\n- Chair: Ana Bo - Acme Inc\n- Other members:\n  - Eve Li — Company X\n  - Bo Li – CTO\n";
    const c = parseCharter({ markdown: md });
    expect(c.members.map((m) => m.name)).toEqual(["Ana Bo", "Eve Li", "Bo Li"]);
    expect(c.roles.chair.map((m) => m.name)).toEqual(["Ana Bo"]);
  });
});

describe("membership-policy heading synonyms", () => {
  it("maps joining, adding and decision headings to their sections", () => {
    const cases: [string, string | null][] = [
      ["Adding and removing members", "decisions"],
      ["Adding members", "decisions"],
      ["Decision making", "decisions"],
      ["Becoming a member", "howToJoin"],
      ["How to get involved", "howToJoin"],
      ["Nominations", "howToJoin"],
      ["Recruitment", "howToJoin"],
      ["New members", "future"],
      ["Removing members", "removal"],
      ["Team members", "membership"],
      ["Adding content to the website", null],
    ];
    for (const [h, key] of cases) expect(classifyHeading(h), h).toBe(key);
  });

  it("reads the model and how to join under those headings", () => {
    const md =
      "# X Working Group\n\n## Members\n\n- Chair: Ana Bo\n\n## Becoming a member\n\nSend the chair a message.\n\n## Adding and removing members\n\nThe team votes by simple majority on each candidate.\n\nMembers who are inactive for a year are removed.\n";
    const c = parseCharter({ markdown: md });
    expect(c.membershipModel).toBe("direct");
    expect(c.howToJoin).toBe("Send the chair a message.");
    expect(c.removalRule).toBe("Members who are inactive for a year are removed.");
  });
});

describe("more person-line wordings", () => {
  const read = (body: string) =>
    parseCharter({ markdown: `# X Working Group\n\n## Membership\n\n${body}\n` });

  it("keeps a handle written after a dash or comma, and drops emoji", () => {
    const c = read("- Chair: Ana Bo - @anabo\n- Co-Chair: Cy Do, @cydo\n- Other members:\n  - Eve Li 🎉");
    expect(c.members).toEqual([
      { name: "Ana Bo", handle: "anabo" },
      { name: "Cy Do", handle: "cydo" },
      { name: "Eve Li", handle: null },
    ]);
  });

  it("reads roles in parentheses, bold labels, plural labels and numbered lists", () => {
    expect(read("- Ana Bo (Chair)\n- Cy Do (Co-Chair)\n- Fay Ray").roles.coChair).toEqual([
      { name: "Cy Do", handle: null },
    ]);
    expect(read("**Chair:** Ana Bo  \n**Members:** Eve Li, Fay Ray").members.map((m) => m.name)).toEqual([
      "Ana Bo",
      "Eve Li",
      "Fay Ray",
    ]);
    expect(read("- Co-Chairs: Ana Bo and Cy Do").roles.coChair.map((m) => m.name)).toEqual([
      "Ana Bo",
      "Cy Do",
    ]);
    expect(read("1. Ana Bo - Chair\n2. Eve Li").roles.chair.map((m) => m.name)).toEqual(["Ana Bo"]);
  });
});
