/**
 * Property-based tests: any text parses without throwing into valid data, and generated charter-like
 * markdown (headings from the synonym sets, role lines in both orders, placeholders, nesting, unicode
 * names) gives the people it was built from and reads back the same after export (warnings aside).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCharter } from "./check-charter.ts";
import { parseCharter } from "./parse-charter.ts";
import { isPlaceholder } from "./people.ts";
import { renderCharterMarkdown } from "./render-charter.ts";
import { charterData, ParsedCharterSchema } from "./types.ts";

const FIRST = [
  "Çağıl",
  "Zoë",
  "Łukasz",
  "José",
  "Ægir",
  "Søren",
  "Ana",
  "Thibaud",
  "Sheena",
  "Jiří",
  "Nguyễn",
  "Ōta",
  "Amara",
];
const LAST = [
  "Sönmez",
  "Ørsted",
  "Núñez",
  "Kowalski",
  "Colas",
  "Abderemane",
  "Holtermann",
  "Mbeki",
  "Kaplan-Moss",
  "",
];
const PLACEHOLDERS = ["TBC", "TBD", "You?", "todo", "?", "", "N/A", "Other options TBC", "None"];

const personName = fc
  .tuple(fc.constantFrom(...FIRST), fc.constantFrom(...LAST))
  .map(([f, l]) => (l ? `${f} ${l}` : f));
const handle = fc.stringMatching(/^[a-z][a-z0-9_]{1,10}$/u);
const personText = fc.oneof(
  personName.map((n) => ({ text: n, name: n as string | null })),
  fc.tuple(personName, handle).map(([n, h]) => ({ text: `${n} (${h})`, name: n as string | null })),
  fc.tuple(personName, handle).map(([n, h]) => ({ text: `${n} (discord: ${h})`, name: n as string | null })),
  personName.map((n) => ({ text: `${n} (interim)`, name: n as string | null })),
  personName.map((n) => ({ text: `${n}?`, name: n as string | null })),
  fc
    .tuple(personName, handle)
    .map(([n, h]) => ({ text: `${n} (${h}) (tentative)`, name: n as string | null })),
  fc.constantFrom(...PLACEHOLDERS).map((t) => ({ text: t, name: null as string | null })),
);

const ROLE_LABELS = [
  "Chair",
  "Co-Chair",
  "Vice-Chair",
  "Board Liaison",
  "Board Liaison (must be an active Board member; may be the same as Chair/Co-Chair)",
  "[Optional] Board Liaison (must be an active Board member; may be the same as Chair/Co-Chair)",
  "[Optional] Steering Council Liaison (must be an active Steering Council member; may be the same as Chair/Co-Chair)",
  "CoC Liaison",
  "Designated Line Manager",
];
const MEMBERSHIP_HEADINGS = [
  "Membership",
  "Initial membership",
  "Members",
  "Current members",
  "Current membership",
];
const COMMS_HEADINGS = [
  "Comms",
  "Communication channels",
  "Communications",
  "Group communications",
  "Comms within the group",
];
const SCOPE_HEADINGS = ["Scope of responsibilities", "Responsibilities", "Scope"];
const TITLES = ["Team", "Working Group", "WG"];

const roleLine = fc.tuple(fc.constantFrom(...ROLE_LABELS), personText).map(([label, p]) => ({
  line: `- ${label}: ${p.text}`,
  name: p.name,
}));
const nameRoleLine = fc
  .tuple(
    personName,
    fc.constantFrom(
      "Chair",
      "Vice-Chair",
      "DSF Board President and board liaison",
      "Online Communities WG Liason",
    ),
  )
  .map(([n, role]) => ({ line: `- ${n}, ${role}`, name: n as string | null }));

const membershipBlock = fc
  .record({
    heading: fc.constantFrom(...MEMBERSHIP_HEADINGS),
    roles: fc.array(fc.oneof(roleLine, nameRoleLine), { maxLength: 5 }),
    indent: fc.constantFrom("  ", "    "),
    others: fc.array(personText, { maxLength: 6 }),
    label: fc.constantFrom("Other members:", "Members:"),
    alumni: fc.array(personName, { maxLength: 3 }),
    comment: fc.boolean(),
    duties: fc.constantFrom(
      "",
      "### Role definitions\n\n- Chair: runs the meetings\n- Co-Chair: supports the Chair",
      "### Responsibilities of the Chair\n\n- Schedule meetings\n- Keep the notes",
      "The Co-Chair will:\n\n- Support the Chair\n- Stand in when needed",
    ),
  })
  .map((m) => {
    const lines = [`## ${m.heading}`, ""];
    if (m.comment) lines.push("<!-- Keep in sync with the team page -->", "");
    if (m.heading === "Members") lines.push("Current members:", "");
    lines.push(...m.roles.map((r) => r.line));
    lines.push(`- ${m.label}`, ...m.others.map((o) => `${m.indent}- ${o.text}`));
    if (m.duties) lines.push("", m.duties);
    if (m.alumni.length) lines.push("", "### Alumni", "", ...m.alumni.map((a) => `- ${a}`));
    const named = [...m.roles.map((r) => r.name), ...m.others.map((o) => o.name)].filter(
      (n): n is string => n !== null,
    );
    return { text: lines.join("\n"), named, alumni: m.alumni };
  });

const FUTURE_HEADINGS = [
  "### Eligibility",
  "### How to join",
  "### Membership terms",
  "### Expressing Interest",
  "### Qualifications",
];
const FUTURE = [
  "Direct membership: new members may self-nominate; the WG will vote (50%+1) to approve/deny new members.",
  "Board-managed: the DSF Board appoints members of this WG.",
  "The Steering Council selects members by voting.",
  "Members join the group for a 6-month term.",
  "Members serve a 1-year term, April 1st to March 31st.",
  "Members can propose a vote on removing a member from the working group.",
  "Membership is open to all Individual Members of the Django Software Foundation.",
  "To join, use our form.",
  "TBD",
  "New members may self-nominate. The group votes (50% + 1) to approve new members.",
  "Board-managed: new members may self-nominate, but must be voted in by the Board.",
  "How are new members chosen? By the Steering Council.",
  "Terms last 12 months; members who step down are thanked.",
  "Any existing member can invite an active contributor to join the team.",
  "New members are admitted by consensus of the existing members.",
  "The Chair and Co-Chair appoint new members.",
  "The team decides when new members are needed.",
];
const COMMS = [
  "- Private channel in the DSF Slack",
  "- Fortnightly synchronous meeting",
  "- TBC Forum category",
  "The team meets online once per month.",
  "- A mailing list, `team@example.com`",
  "Meetings: Quarterly video call meeting on Discord.",
];
const REPORTING = [
  "We'll email a written report to the board every quarter.",
  "The team does not produce reports at this time.",
  "This is an as-needed reporting structure.",
  "The group posts public meeting notes to the forum.",
  "TBD",
  "We keep a changelog.",
];

const charterMarkdown = fc
  .record({
    title: fc.tuple(fc.constantFrom("Events", "Ops", "Ünïcode", "Fellowship"), fc.constantFrom(...TITLES)),
    hasTitle: fc.boolean(),
    scopeHeading: fc.constantFrom(...SCOPE_HEADINGS),
    scope: fc
      .array(
        fc.constantFrom(
          "Supports organizers.",
          "TBD",
          "Delegated responsibilities:\n\n- Grant access\n- Post content",
          "Actions to take back to the DSF Board for votes:\n\n- New platforms",
          "The team will request Board approval before any other decision.",
          "### What actions are you proposing the WG be allowed to take directly?\n\n- Moderate",
          "- What powers are you asking the board to delegate to you?",
          "Scope with *emphasis*, `code`, [a link](https://example.com/a_b) and a_b_c.",
          "- Nested\n  - deeper\n    - deepest\n\n1. ordered\n2. list",
        ),
        { maxLength: 4 },
      )
      .map((parts) => parts.join("\n\n")),
    membership: membershipBlock,
    future: fc.array(fc.constantFrom(...FUTURE, ...FUTURE_HEADINGS), { maxLength: 8 }),
    budget: fc.constantFrom(
      "TBD",
      "No allocated budget.",
      "- How much money or spending discretion do you need?\n  - None.",
    ),
    commsHeading: fc.constantFrom(...COMMS_HEADINGS),
    comms: fc.subarray(COMMS),
    reporting: fc.subarray(REPORTING, { maxLength: 2 }),
  })
  .map((r) => ({
    markdown: [
      r.hasTitle ? `# ${r.title[0]} ${r.title[1]}` : "",
      `## ${r.scopeHeading}`,
      r.scope,
      r.membership.text,
      "## Future membership",
      r.future.join("\n\n"),
      "## Budget",
      r.budget,
      `## ${r.commsHeading}`,
      r.comms.join("\n"),
      "## Reporting",
      r.reporting.join("\n\n"),
    ].join("\n\n"),
    named: r.membership.named,
    alumni: r.membership.alumni,
  }));

describe("parseCharter properties", () => {
  it("never throws on arbitrary text and always validates", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const c = parseCharter({ markdown: text, path: "active/x.md" });
        expect(ParsedCharterSchema.safeParse(c).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("never throws on arbitrary markdown-ish text and never reports a placeholder as a person", () => {
    const mdish = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            "# ",
            "## ",
            "### ",
            "- ",
            "  - ",
            "    ",
            "* ",
            "1. ",
            "> ",
            ": ",
            "(",
            ")",
            "[",
            "](",
            "<!--",
            "-->",
          ),
          fc.constantFrom(
            "Chair",
            "Membership",
            "Members:",
            "TBD",
            "You?",
            "Alumni",
            "Comms",
            "\n",
            "\n\n",
            ",",
          ),
          fc.string({ maxLength: 12 }),
        ),
        { maxLength: 60 },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(mdish, (text) => {
        const c = parseCharter({ markdown: text });
        expect(ParsedCharterSchema.safeParse(c).success).toBe(true);
        for (const m of c.members) expect(isPlaceholder(m.name)).toBe(false);
        expect(() => checkCharter(c)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });

  it("finds every person a generated charter names, once, and no placeholder", () => {
    fc.assert(
      fc.property(charterMarkdown, ({ markdown, named, alumni }) => {
        const c = parseCharter({ markdown, path: "proposals/generated.md" });
        expect(ParsedCharterSchema.safeParse(c).success).toBe(true);
        const expected = [...new Set(named.map((n) => n.toLowerCase()))];
        expect(c.members.map((m) => m.name.toLowerCase())).toEqual(expected);
        expect(c.alumni.map((a) => a.name.toLowerCase())).toEqual([
          ...new Set(alumni.map((n) => n.toLowerCase())),
        ]);
        for (const p of c.members) expect(PLACEHOLDERS.includes(p.name)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  // Every field but `warnings`, which describe the source file (its line numbers), not the charter.
  it("reads the export of a generated charter back to the same data, warnings aside", () => {
    fc.assert(
      fc.property(charterMarkdown, ({ markdown }) => {
        const parsed = parseCharter({ markdown, path: "draft/generated.md" });
        const exported = renderCharterMarkdown(parsed);
        const c = charterData(parsed);
        const again = charterData(parseCharter({ markdown: exported, status: c.status }));
        expect(again).toEqual(c);
      }),
      { numRuns: 150 },
    );
  });
});
