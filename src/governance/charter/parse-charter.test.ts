import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedData } from "../../../test/shared-data.ts";
import { termWindowText } from "./membership-model.ts";
import { parseCharter } from "./parse-charter.ts";
import { renderCharterMarkdown } from "./render-charter.ts";
import type { Cadence, GroupKind, GroupStatus, MembershipModel, ParsedCharter, Person } from "./types.ts";
import { charterData, ParsedCharterSchema } from "./types.ts";

const SNAPSHOT = sharedData("dsf-working-groups");

function parseFile(rel: string): ParsedCharter {
  return parseCharter({ markdown: readFileSync(path.join(SNAPSHOT, rel), "utf8"), path: rel });
}

const p = (name: string, handle: string | null = null): Person => ({ name, handle });
const names = (...list: string[]) => list.map((n) => p(n));

interface Expected {
  name: string;
  kind: GroupKind;
  status: GroupStatus;
  chair: Person[];
  coChair: Person[];
  boardLiaison: Person[];
  steeringCouncilLiaison: Person[];
  other: { title: string; people: Person[] }[];
  members: Person[];
  alumni: Person[];
  termMonths: number | null;
  termWindow: { start: string; end: string } | null;
  membershipModel: MembershipModel | null;
  meetingCadence: Cadence | null;
  reportingCadence: Cadence | null;
  missing: string[];
}

const none: Person[] = [];

/** An active team whose charter names no Chair, Co-Chair, liaison or other role. */
const ACTIVE_TEAM_WITHOUT_OFFICERS = {
  kind: "team",
  status: "active",
  chair: none,
  coChair: none,
  boardLiaison: none,
  steeringCouncilLiaison: none,
  other: [],
} satisfies Partial<Expected>;

// Values checked by hand against each charter in the snapshot.
const EXPECTED: Record<string, Expected> = {
  "active/accessibility.md": {
    name: "Accessibility Team",
    kind: "team",
    status: "active",
    chair: names("Tom Carrick"),
    coChair: names("Eli Rosselli"),
    boardLiaison: none,
    steeringCouncilLiaison: names("Tim Schilling"),
    other: [],
    members: names(
      "Tom Carrick",
      "Eli Rosselli",
      "Tim Schilling",
      "Rahmat Akintola",
      "Sage Abdullah",
      "Saptak Sengupta",
      "Sarah Abderemane",
      "Thibaud Colas",
    ),
    alumni: names("Marijke Luttekes", "Tushar Gupta"),
    termMonths: 12, // "opt-in to remain on the team on an annual basis"
    termWindow: null,
    membershipModel: null, // "The team decides when new members are needed": who admits them is not stated
    meetingCadence: "monthly",
    reportingCadence: "monthly", // public meeting notes at the monthly meeting cadence come first
    missing: ["membershipModel"],
  },
  "active/ai.md": {
    name: "AI research working group",
    kind: "working-group",
    status: "active",
    chair: names("Thibaud Colas"),
    coChair: names("Sheena"),
    boardLiaison: names("Afi"),
    steeringCouncilLiaison: none,
    other: [],
    members: names(
      "Thibaud Colas",
      "Sheena",
      "Afi",
      "Jan Gondol",
      "Jeff Triplett",
      "Paolo Melchiorre",
      "Tom Carrick",
      "Lilian",
    ),
    alumni: none,
    termMonths: null, // "one-off research project of four months" is the group's lifetime
    termWindow: null,
    membershipModel: null, // a form to apply; who decides is not stated
    meetingCadence: "monthly",
    reportingCadence: "monthly",
    missing: ["membershipModel"],
  },
  "active/code-of-conduct.md": {
    name: "Code of Conduct Working Group",
    kind: "working-group",
    status: "active",
    chair: names("Dan Ryan"),
    coChair: names("Elena Williams"),
    boardLiaison: names("Jeff Triplett"),
    steeringCouncilLiaison: none,
    other: [{ title: "Online Communities WG Liaison", people: names("Natalia Bidart") }],
    members: names(
      "Dan Ryan",
      "Elena Williams",
      "Ariane Djeupang",
      "Jeff Triplett",
      "Natalia Bidart",
      "Priya Pahwa",
      "Thibaud Colas",
    ),
    alumni: none,
    termMonths: null,
    termWindow: null,
    membershipModel: "direct",
    meetingCadence: null,
    reportingCadence: "as-needed",
    missing: ["meetingCadence"],
  },
  "active/events-support.md": {
    name: "Events Support Working Group",
    kind: "working-group",
    status: "active",
    chair: names("Thibaud Colas"),
    coChair: names("David Vaz"),
    boardLiaison: names("Paolo Melchiorre"),
    steeringCouncilLiaison: none,
    other: [],
    members: names(
      "Thibaud Colas",
      "David Vaz",
      "Paolo Melchiorre",
      "Theresa Seyram Agbenyegah",
      "Benjamin Balder Bach",
      "Çağıl Uluşahin Sönmez",
    ),
    alumni: none,
    termMonths: 12,
    termWindow: null,
    membershipModel: "direct",
    meetingCadence: "monthly",
    reportingCadence: "quarterly",
    missing: [],
  },
  "active/fellowship.md": {
    name: "Fellowship Working Group",
    kind: "working-group",
    status: "active",
    chair: names("Tom Carrick"),
    coChair: none,
    boardLiaison: names("Jeff Triplett"),
    steeringCouncilLiaison: none,
    other: [{ title: "Designated Line Manager", people: names("Andrew Godwin") }],
    members: names("Tom Carrick", "Jeff Triplett", "Andrew Godwin", "Carlton Gibson"),
    alumni: none,
    termMonths: 12,
    termWindow: { start: "04-01", end: "03-31" },
    membershipModel: "board-managed",
    meetingCadence: null,
    reportingCadence: "quarterly",
    missing: ["coChair", "meetingCadence"],
  },
  "active/fundraising.md": {
    name: "Fundraising Working Group",
    kind: "working-group",
    status: "active",
    chair: names("Thibaud Colas"),
    coChair: names("Priya Pahwa"),
    boardLiaison: names("Ryan Cheley"),
    steeringCouncilLiaison: none,
    other: [],
    members: names(
      "Thibaud Colas",
      "Priya Pahwa",
      "Ryan Cheley",
      "Tom Carrick",
      "Sarah Abderemane",
      "Chris Adams",
      "Catherine Holmes",
      "Abigail Afi Gbadago",
      "Eliana Rosselli",
      "Jacob Kaplan-Moss",
      "Jeff Triplett",
    ),
    alumni: none,
    termMonths: null,
    termWindow: null,
    membershipModel: "direct",
    meetingCadence: "monthly",
    reportingCadence: "quarterly",
    missing: ["eligibility"],
  },
  "active/mergers.md": {
    name: "Mergers Team",
    ...ACTIVE_TEAM_WITHOUT_OFFICERS,
    members: names("Claude Paroz", "Jacob Walls", "Mariusz Felisiak", "Natalia Bidart", "Sarah Boyce"),
    alumni: none,
    termMonths: 12, // "Each year, every non-Fellow member will need to reaffirm"
    termWindow: null,
    membershipModel: "steering-council-managed",
    meetingCadence: null,
    reportingCadence: "none",
    missing: ["chair", "coChair", "eligibility", "meetingCadence"],
  },
  "active/online-community.md": {
    name: "Online Community Working Group",
    kind: "working-group",
    status: "active",
    chair: [p("Andrew Miller", "nanorepublica")],
    coChair: [p("Ben Cardy", "benbacardi")],
    boardLiaison: [p("Tom Carrick", "tom")],
    steeringCouncilLiaison: none,
    other: [{ title: "CoC Liaison", people: [p("Dan Ryan", "dryan77")] }],
    members: [
      p("Andrew Miller", "nanorepublica"),
      p("Ben Cardy", "benbacardi"),
      p("Tom Carrick", "tom"),
      p("Dan Ryan", "dryan77"),
      p("Natalia Bidart", "nessita"),
    ],
    alumni: none,
    termMonths: 12,
    termWindow: null,
    membershipModel: "direct",
    meetingCadence: "quarterly",
    reportingCadence: "quarterly",
    missing: [],
  },
  "active/operations.md": {
    name: "Operations Team",
    ...ACTIVE_TEAM_WITHOUT_OFFICERS,
    members: names(
      "Baptiste Mispelon",
      "Mariusz Felisiak",
      "Markus Holtermann",
      "Natalia Bidart",
      "Sarah Boyce",
      "Tobias McNulty",
    ),
    alumni: none,
    termMonths: 12,
    termWindow: null,
    membershipModel: "invitation", // "manages its own membership by invitation"
    meetingCadence: "monthly",
    reportingCadence: "none",
    missing: ["chair", "coChair"],
  },
  "active/releasers.md": {
    name: "Releasers Team",
    ...ACTIVE_TEAM_WITHOUT_OFFICERS,
    members: names("Jacob Walls", "Mariusz Felisiak", "Natalia Bidart", "Sarah Boyce"),
    alumni: none,
    termMonths: 12,
    termWindow: null,
    membershipModel: "steering-council-managed",
    meetingCadence: null,
    reportingCadence: "none",
    missing: ["chair", "coChair", "eligibility", "meetingCadence"],
  },
  "active/social-media.md": {
    name: "Social Media Working Group",
    kind: "working-group",
    status: "active",
    chair: names("Benjamin Balder Bach"),
    coChair: names("Bhuvnesh Sharma"),
    boardLiaison: names("Priya Pahwa"),
    steeringCouncilLiaison: none,
    other: [],
    members: names(
      "Benjamin Balder Bach",
      "Bhuvnesh Sharma",
      "Priya Pahwa",
      "Cory Zue",
      "Jason Judkins",
      "Sarah Boyce",
      "Sarah Abderemane",
      "Thibaud Colas",
      "Lidya Kefelegn",
      "Nischal Lamichhane",
    ),
    alumni: none,
    termMonths: 6,
    termWindow: null,
    membershipModel: "direct",
    meetingCadence: "fortnightly",
    reportingCadence: "quarterly",
    missing: [],
  },
  "active/triage-and-review.md": {
    name: "Triage and Review Team",
    ...ACTIVE_TEAM_WITHOUT_OFFICERS,
    members: names(
      "Clifford Gama",
      "David Sanders",
      "David Smith",
      "Hasan Ramezani",
      "Jacob Walls",
      "JaeHyuck Sa",
      "Lilian Tran",
      "Lily Foote",
      "Mariusz Felisiak",
      "Mike Edmunds",
      "Natalia Bidart",
      "Nick Pope",
      "Raffaella Suardini",
      "Sarah Boyce",
      "SiHyunLee",
      "Simon Charette",
    ),
    alumni: none,
    termMonths: 12,
    termWindow: null,
    membershipModel: "invitation", // "Any existing member can invite an active contributor"
    meetingCadence: null,
    reportingCadence: "none",
    missing: ["chair", "coChair", "meetingCadence"],
  },
  "active/website.md": {
    name: "Website Working Group",
    kind: "working-group",
    status: "active",
    chair: names("Sarah Abderemane"),
    coChair: names("Saptak Sengupta"),
    boardLiaison: names("Paolo Melchiorre"),
    steeringCouncilLiaison: none,
    other: [],
    // Paolo Melchiorre is Board Liaison and listed again under other members: counted once.
    members: names(
      "Sarah Abderemane",
      "Saptak Sengupta",
      "Paolo Melchiorre",
      "Mark Walker",
      "Jason Judkins",
      "Sanyam Khurana",
      "Tobias McNulty",
      "Ron Maravanyika",
      "Alex Gómez",
      "Storm Heg",
      "Ülgen Sarıkavak",
      "Adam Zapletal",
      "Baptiste Mispelon",
      "Johanan Oppong Amoateng",
      "Sarah Boyce",
    ),
    alumni: none,
    termMonths: 12,
    termWindow: null,
    membershipModel: "direct",
    meetingCadence: null,
    reportingCadence: "other", // a changelog, no cadence
    missing: ["meetingCadence"],
  },
  "archive/dceu.md": {
    name: "DjangoCon Europe Support",
    kind: "working-group",
    status: "archived",
    chair: names("Tobias Kunze"),
    coChair: names("Raphael Michel"),
    boardLiaison: names("Çağıl Uluşahin Sönmez"),
    steeringCouncilLiaison: none,
    other: [],
    // Unbulleted names under "- Other members:"; chair and co-chair repeated there count once.
    members: names(
      "Tobias Kunze",
      "Raphael Michel",
      "Çağıl Uluşahin Sönmez",
      "Becky Smith",
      "Benjamin Balder Bach",
      "Iacopo Spalletti",
    ),
    alumni: none,
    termMonths: null,
    termWindow: null,
    membershipModel: "direct",
    meetingCadence: null,
    reportingCadence: null, // "TBD"
    missing: ["budget", "meetingCadence", "reportingCadence"],
  },
  "draft/package-maintainers.md": {
    name: "Package Maintainers Working Group",
    kind: "working-group",
    status: "draft",
    chair: none,
    coChair: none,
    boardLiaison: none,
    steeringCouncilLiaison: none,
    other: [],
    members: none, // every slot is "You?"
    alumni: none,
    termMonths: 12,
    termWindow: null,
    membershipModel: "direct",
    meetingCadence: "monthly",
    reportingCadence: "monthly",
    missing: ["chair", "coChair", "boardLiaison", "members"],
  },
  "proposals/marketing.md": {
    name: "Marketing Working Group",
    kind: "working-group",
    status: "proposed",
    chair: none,
    coChair: none,
    boardLiaison: none,
    steeringCouncilLiaison: none,
    other: [],
    members: names("Raffaella Suardini"),
    alumni: none,
    termMonths: 12,
    termWindow: null,
    membershipModel: "direct",
    meetingCadence: null,
    reportingCadence: "annual", // meeting notes without a meeting cadence, then an annual report
    missing: ["chair", "coChair", "boardLiaison", "meetingCadence"],
  },
};

describe("parseCharter on every charter in the snapshot", () => {
  it("covers every charter file in the snapshot folders", () => {
    const files = ["active", "archive", "draft", "proposals"].flatMap((dir) =>
      readdirSync(path.join(SNAPSHOT, dir))
        .filter((f) => f.endsWith(".md"))
        .map((f) => `${dir}/${f}`),
    );
    expect(Object.keys(EXPECTED).sort()).toEqual(files.sort());
  });

  for (const [rel, e] of Object.entries(EXPECTED)) {
    it(`reads ${rel}`, () => {
      const c = parseFile(rel);
      expect(ParsedCharterSchema.safeParse(c).success).toBe(true);
      expect(c.slug).toBe(path.basename(rel, ".md"));
      expect({ name: c.name, kind: c.kind, status: c.status }).toEqual({
        name: e.name,
        kind: e.kind,
        status: e.status,
      });
      expect(c.roles).toEqual({
        chair: e.chair,
        coChair: e.coChair,
        boardLiaison: e.boardLiaison,
        steeringCouncilLiaison: e.steeringCouncilLiaison,
        other: e.other,
      });
      expect(c.members).toEqual(e.members);
      expect(c.alumni).toEqual(e.alumni);
      expect(c.termMonths).toBe(e.termMonths);
      expect(c.termWindow).toEqual(e.termWindow);
      expect(c.membershipModel).toBe(e.membershipModel);
      expect(c.meetingCadence).toBe(e.meetingCadence);
      expect(c.reportingCadence).toBe(e.reportingCadence);
      expect(c.missing).toEqual(e.missing);
    });
  }
});

describe("parseCharter text fields on snapshot charters", () => {
  it("keeps channels from comms lists and lines, leaving out meetings, intros and TBC entries", () => {
    expect(parseFile("active/ai.md").channels).toEqual([
      "Public #ai channel on [Django Discord server](https://chat.djangoproject.com/)",
      "Private channel on [Django Discord server](https://chat.djangoproject.com/) or on the DSF Slack workspace",
      "A private Google Drive folder and Group in the DSF Google workspace",
      "@django/ai in the Django organization",
    ]);
    expect(parseFile("active/social-media.md").channels).toEqual([
      "Collaborative documents when creating a content plan and/our campaign",
      "Private channel in the DSF slack",
    ]);
    expect(parseFile("active/operations.md").channels).toEqual([
      "The team can be contacted via the [ops@djangoproject.com](mailto:ops@djangoproject.com) email.",
      "[GitHub team](https://github.com/orgs/django/teams/ops-team)",
      "The team has a private channel on the [Django Discord server](https://chat.djangoproject.com).",
    ]);
    const marketing = parseFile("proposals/marketing.md").channels;
    expect(marketing).toHaveLength(3);
    expect(marketing.some((c) => /TBC/u.test(c))).toBe(false);
  });

  it("reads delegated powers and Board actions in their different wordings", () => {
    const social = parseFile("active/social-media.md");
    expect(social.delegated).toHaveLength(5);
    expect(social.boardActions).toHaveLength(5);
    expect(social.boardActions[0]).toBe("Amendments to the working group's goals.");
    const ops = parseFile("active/operations.md");
    expect(ops.delegated).toEqual([
      "Software and OS upgrades (major and minor)",
      "Updates to or migrations between established service providers",
      "Performance improvements",
      "Bug fixes",
      "Backwards compatible changes",
      "Access control requests",
      "DNS changes",
    ]);
    expect(ops.boardActions).toEqual([
      "The Ops team will request Board approval before moving forward any other decision.",
    ]);
    const events = parseFile("active/events-support.md");
    expect(events.delegated).toHaveLength(5);
    expect(events.delegated[0]).toBe(
      "Be the point of contact for organizers to ask questions and seek guidance.",
    );
    const oc = parseFile("active/online-community.md");
    expect(oc.boardActions).toEqual([
      "Proposals to trial a new platform.",
      "Proposals to migrate to a new platform.",
      "Proposals to retire an existing platform that is in use.",
      "Budget requests to improve existing platforms.",
    ]);
    expect(oc.delegated).toContain("Taking ideas from the community to improve the community spaces.");
    expect(parseFile("active/fundraising.md").delegated).toHaveLength(3);
    expect(parseFile("archive/dceu.md").delegated).toEqual([]);
  });

  it("reads eligibility, joining, removal and budget as plain text, TBD as absent", () => {
    const sm = parseFile("active/social-media.md");
    expect(sm.eligibility).toMatch(/^Members must have demonstrable experience with social media platforms/u);
    expect(sm.howToJoin).toBe(
      "To join, use our form: [Apply to join the Social media working group](https://forms.gle/vmhftHhDSyLKQKj66)",
    );
    expect(sm.removalRule).toMatch(/^Members can propose a vote on removing a member/u);
    expect(sm.budget).toBe("The working group will have no allocated budget.");
    const a11y = parseFile("active/accessibility.md");
    expect(a11y.removalRule).toContain("- A vote of the Steering Council");
    expect(parseFile("archive/dceu.md").budget).toBeNull();
    const oc = parseFile("active/online-community.md");
    expect(oc.budget).not.toMatch(/How much money/u);
    expect(oc.howToJoin).toMatch(/^Send one of the WG members a message/u);
    expect(parseFile("active/code-of-conduct.md").howToJoin).toMatch(
      /email \[conduct@djangoproject\.com\]\(mailto:conduct@djangoproject\.com\)/u,
    );
    expect(parseFile("active/fellowship.md").scope).toMatch(
      /^The Fellowship Working Group manages the \[Django Fellowship Program\]\(https:/u,
    );
  });

  it("keeps links (http, https, mailto) in text fields, email addresses as mailto links", () => {
    const coc = parseFile("active/code-of-conduct.md");
    expect(coc.scope).toContain("[Django Code of Conduct](https://djangoproject.com/conduct)");
    // A bare address in running text is a link too, as GFM reads it.
    expect(coc.scope).toContain(
      "See [https://github.com/django/code-of-conduct](https://github.com/django/code-of-conduct) for full details.",
    );
    const fellowship = parseFile("active/fellowship.md");
    expect(fellowship.howToJoin).toContain(
      "[Contact the board](https://www.djangoproject.com/contact/foundation/) to express interest.",
    );
    // Links to other files and anchors of the repository keep their text only.
    expect(fellowship.scope).toContain("reported to the Code of Conduct WG who will");
    expect(fellowship.scope).not.toContain("(code-of-conduct.md)");
    expect(fellowship.scope).toContain("See Fellow Management, below,");
    const dceu = parseFile("archive/dceu.md");
    expect(dceu.channels[0]).toContain(
      "[european-organizers-support@djangoproject.com](mailto:european-organizers-support@djangoproject.com)",
    );
    expect(parseFile("active/accessibility.md").channels).toContain(
      "Public #accessbility channel on [Django Discord server](https://chat.djangoproject.com)",
    );
    // Literal brackets are escaped so they never read as a link.
    expect(parseFile("proposals/marketing.md").howToJoin).toMatch(
      /^To apply to join the group, fill our \\\[marketing working group application form\\\]\.\n/u,
    );
  });

  it("keeps every criterion of Fellowship's eligibility list, the first one included", () => {
    const c = parseFile("active/fellowship.md");
    expect(c.eligibility).toMatch(
      /^The Board will select membership with some high-level goals in mind:\n\n- Diversity: /u,
    );
    expect(c.eligibility).toContain("\n- Management experience: ");
    expect(c.eligibility).toContain("\n- Django community experience: ");
    expect(termWindowText(c.termWindow ?? { start: "", end: "" })).toBe("1 April to 31 March each year");
  });

  it("warns about a working group without a Board Liaison and only then", () => {
    expect(parseFile("draft/package-maintainers.md").warnings).toContain(
      "working group has no Board Liaison",
    );
    expect(parseFile("active/fellowship.md").warnings).toEqual([]);
    expect(parseFile("active/mergers.md").warnings).toEqual([]);
  });

  it("reads the templates as empty charters with no people", () => {
    for (const t of ["template.md", "team-template.md"]) {
      const c = parseFile(t);
      expect(c.members).toEqual([]);
      expect(c.scope).toBeNull();
      expect(c.membershipModel).toBeNull();
      expect(c.channels).toEqual([]);
      expect(c.reportingCadence).toBeNull();
      expect(c.budget).toBeNull();
    }
  });
});

describe("parseCharter on the demo charters", () => {
  const DEMO = path.resolve(import.meta.dirname, "../../../demo/charters");
  const demo = (rel: string) =>
    parseCharter({ markdown: readFileSync(path.join(DEMO, rel), "utf8"), path: rel });

  it("reads the membership model from an unlabelled vote sentence and keeps the sentences apart", () => {
    const c = demo("active/community-events.md");
    expect(c.membershipModel).toBe("direct");
    expect(c.howToJoin).toBe("New members may self-nominate.");
    expect(c.termMonths).toBe(12);
    // Self-nomination is how to join; who may join is its own sentence.
    expect(c.eligibility).toBe(
      "Membership is open to anyone who has organised or volunteered at a community event.",
    );
    expect(c.missing).toEqual([]);
  });

  it("reads how to join from a clause of a labelled model statement", () => {
    const c = demo("active/grants.md");
    expect(c.membershipModel).toBe("board-managed");
    expect(c.howToJoin).toBe("New members may self-nominate.");
  });

  it("finds a membership model in every demo charter that states one", () => {
    for (const dir of ["active", "archive", "draft", "proposals"]) {
      for (const f of readdirSync(path.join(DEMO, dir)).filter((n) => n.endsWith(".md"))) {
        const c = demo(`${dir}/${f}`);
        const states = /vote|voted|approve/iu.test(readFileSync(path.join(DEMO, dir, f), "utf8"));
        expect(c.membershipModel !== null, `${dir}/${f}`).toBe(states);
      }
    }
  });
});

describe("export round trip on every snapshot charter", () => {
  // Every field but `warnings`: warnings are diagnostics about the source file (they cite its line
  // numbers), not charter data, so the export does not carry them.
  for (const rel of Object.keys(EXPECTED)) {
    it(`reads the export of ${rel} back to the same data, warnings aside`, () => {
      const parsed = parseFile(rel);
      const exported = renderCharterMarkdown(parsed);
      const c = charterData(parsed);
      const again = charterData(parseCharter({ markdown: exported, status: c.status }));
      expect(again).toEqual(c);
      // The comment keeps the slug only; the kind is in the content.
      expect(exported).toMatch(/^<!-- guildhall-charter \{"slug":"[^"]+"\} -->\n/u);
      const body = exported.replace(/^<!--.*-->\n/u, "");
      expect(parseCharter({ markdown: body, status: c.status }).kind).toBe(c.kind);
    });
  }

  it("states the kind by layout when the title does not say, and a file's path gives the slug", () => {
    const team = parseCharter({
      markdown: "# Security\n\n## Membership\n\n- [Optional] Board Liaison: \n- Chair: Ana Bo\n",
      path: "active/security.md",
    });
    expect(team.kind).toBe("team");
    const wg = parseCharter({
      markdown: "# Security\n\n## Membership\n\n- Steering Council Liaison: Bo Li\n- Chair: Ana Bo\n",
      path: "active/security.md",
    });
    expect(wg.kind).toBe("team"); // a Steering Council Liaison line is team-template evidence
    for (const c of [team, { ...wg, kind: "working-group" as const }]) {
      const exported = renderCharterMarkdown(c).replace(/^<!--.*-->\n/u, "");
      const again = parseCharter({ markdown: exported, path: "x/security.md", status: c.status });
      expect(again.kind).toBe(c.kind);
      expect(again.slug).toBe("security");
    }
  });

  it("does not carry warnings into the export", () => {
    const c = parseFile("draft/package-maintainers.md");
    expect(c.warnings.length).toBeGreaterThan(0);
    const again = parseCharter({ markdown: renderCharterMarkdown({ ...c, warnings: ["line 1: odd"] }) });
    expect(again.warnings).not.toContain("line 1: odd");
  });
});

describe("lists under a lead-in sentence or straight under a heading", () => {
  const future = (body: string) =>
    parseCharter({ markdown: `# Example Working Group\n\n## Future membership\n\n${body}\n` });

  it("keeps a list whose lead-in names no field whole, under the field its items are about", () => {
    const variants = [
      "The Board picks members with these goals in mind:\n\n- Breadth: members come from many places.\n- Experience with running events is welcome.\n- Candidates should have some time to give.",
      "We look for the following:\n\n- Curiosity above all.\n- Experience in writing documentation.\n- Members must be DSF Individual Members.",
      "When choosing, the group weighs:\n\n* A balance of regions\n* Requirements of the role\n* Prior experience with Django",
    ];
    for (const v of variants) {
      const c = future(v);
      const items = v.split("\n").filter((l) => /^[-*] /u.test(l));
      expect(c.eligibility, v).not.toBeNull();
      for (const item of items) expect(c.eligibility, v).toContain(`- ${item.slice(2)}`);
    }
  });

  it("reads a mixed list item by item, so terms and removal do not become eligibility", () => {
    const c = future(
      "The membership will operate as follows:\n\n- Anyone who has contributed may join.\n- Members serve a one-year term.\n- Members can be removed by a vote of the rest of the group.",
    );
    expect(c.eligibility).toBe("Anyone who has contributed may join.");
    expect(c.removalRule).toBe("Members can be removed by a vote of the rest of the group.");
    expect(c.termMonths).toBe(12);
  });

  it("keeps a list straight under the heading whole when its items are about one field", () => {
    const c = future(
      "- Open to everyone in the community.\n- Some knowledge of accessibility.\n- Experience with screen readers.",
    );
    expect(c.eligibility).toBe(
      "- Open to everyone in the community.\n- Some knowledge of accessibility.\n- Experience with screen readers.",
    );
  });

  it("writes a yearly window in words", () => {
    expect(termWindowText({ start: "04-01", end: "03-31" })).toBe("1 April to 31 March each year");
    expect(termWindowText({ start: "01-15", end: "12-31" })).toBe("15 January to 31 December each year");
    expect(termWindowText({ start: "13-01", end: "03-31" })).toBe("13-01 to 31 March each year");
  });
});
