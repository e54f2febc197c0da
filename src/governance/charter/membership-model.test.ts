/**
 * A paraphrase corpus for the membership-model rules: invented sentences in many wordings (deciding
 * body, verb inflection, passive and active voice, vote thresholds), with negatives that must not set a
 * model (removal-only sentences, decisions about budgets or chairs, negations).
 */
import { describe, expect, it } from "vitest";
import {
  admissionInClause,
  bodyNamedInClause,
  membershipModelOf,
  membershipReadingOf,
  policyTopicOf,
  termMonthsOf,
  weakModelOf,
} from "./membership-model.ts";
import { type MembershipModel, MembershipModelSchema } from "./types.ts";

const CORPUS: [string, MembershipModel | null][] = [
  // The group decides.
  ["The group votes (50%+1) to approve new members.", "direct"],
  ["The team voted to approve the new members.", "direct"],
  ["Our WG approves new members by a simple majority.", "direct"],
  ["New members are approved by a majority of the existing members.", "direct"],
  ["Candidates need a 50% + 1 vote of the working group.", "direct"],
  ["We elect new members at our monthly meeting.", "direct"],
  ["The committee selects volunteers from the applications it receives.", "direct"],
  ["Volunteers are screened and inducted by the current team.", "direct"],
  ["The team manages its own membership.", "direct"],
  ["Adding members takes a majority vote.", "direct"],
  ["They will be voted in by the remaining members.", "direct"],
  ["The Chair and Co-Chair invite new members after a team vote.", "direct"],
  ["Membership is self-managed.", "direct"],
  ["New members are chosen by the group, which votes on each candidate.", "direct"],
  ["Decisions on adding members are made by the whole group.", "direct"],
  // A member's invitation admits, no vote.
  ["Any current member may invite a contributor to join.", "invitation"],
  ["Any existing member can invite an active contributor to join the team", "invitation"],
  ["The team manages its own membership by invitation.", "invitation"],
  ["New members join by invitation of an existing member.", "invitation"],
  ["Members of the group invite new members when they see fit.", "invitation"],
  ["Contributors are invited to join by any member of the team.", "invitation"],
  ["Membership is by invitation from the current members.", "invitation"],
  ["By invitation: any existing member may invite a new member to join; no vote is held.", "invitation"],
  // Consensus of the rest: every other member must agree.
  ["Existing members decide on new members by consensus.", "consensus"],
  ["Applicants are accepted by consensus.", "consensus"],
  ["New members are admitted by unanimous agreement of the current members.", "consensus"],
  ["Candidates join after the full consensus of the rest of the team.", "consensus"],
  ["The group admits volunteers only with the consensus of all its members.", "consensus"],
  ["Adding someone to the team needs the consensus of the existing members.", "consensus"],
  ["New members are approved unanimously by the team.", "consensus"],
  // A role holder appoints.
  ["The Chair appoints new members.", "appointment"],
  ["New members are selected by the Chair and Co-Chair.", "appointment"],
  ["Volunteers are chosen by the Chair/Co-Chair after an interview.", "appointment"],
  ["The Board Liaison admits new members to the group.", "appointment"],
  ["New members are invited by the Chair.", "appointment"],
  ["Applications are approved by the Co-Chair.", "appointment"],
  ["The Chair, Co-Chair and Board Liaison select new members from the applicants.", "appointment"],
  ["By appointment: new members are appointed by the Chair.", "appointment"],
  // The Board decides.
  ["The Board votes on new members.", "board-managed"],
  ["New members must be voted in by the DSF Board.", "board-managed"],
  ["The DSF Board appointed the members of this group.", "board-managed"],
  ["Membership is open to anyone, subject to Board approval.", "board-managed"],
  ["Adding people to the group requires the Board's approval.", "board-managed"],
  ["Candidates are elected by the Board of Directors.", "board-managed"],
  ["New members may self-nominate, but the Board decides on each nomination.", "board-managed"],
  ["The Board selects members after consulting the current members.", "board-managed"],
  ["Joining requires approval of the board.", "board-managed"],
  ["Board-managed: the Board chooses.", "board-managed"],
  // The Steering Council decides.
  ["The Steering Council selects Releasers by voting.", "steering-council-managed"],
  ["New members are appointed by the Steering Council.", "steering-council-managed"],
  ["The Steering Council voted in two new members last year.", "steering-council-managed"],
  ["Membership changes need Steering Council approval.", "steering-council-managed"],
  ["Volunteers are approved by a vote of the Steering Council.", "steering-council-managed"],
  ["Steering Council-managed: the SC approves new members.", "steering-council-managed"],
  ["The Steering Council elects new Mergers each year.", "steering-council-managed"],
  // Negatives: removal only, other objects, negations, no deciding action, who-decides not stated.
  ["The team decides when new members are needed.", null],
  ["New members are chosen from a list of volunteers.", null],
  ["The working group will recruit new members when it needs them.", null],
  ["If you are interested in joining, please use our form.", null],
  ["The Chair, Co-Chair and Board Liaison manage the membership of the group.", null],
  ["If the team determines it needs new members, a call for volunteers will be posted.", null],
  ["Members can be removed by a vote of the Steering Council.", null],
  ["A member may be removed with a 50%+1 vote of the group.", null],
  ["The Board can expel a member who breaks the Code of Conduct.", null],
  ["A vote of the Steering Council", null],
  ["Board Liaison approves budget.", null],
  ["The Board approves the budget requested by members.", null],
  ["The Board votes on changes to the charter.", null],
  ["The group elects its Chair and Co-Chair.", null],
  ["The Online Communities WG appoints their own Liaison.", null],
  ["New members do not need Board approval.", null],
  ["Members serve a one-year term.", null],
  ["New members may self-nominate.", null],
  ["Anyone can join.", null],
  ["The Board Liaison must be an active Board member.", null],
  ["If any member wishes to leave before the end of their term, they can do so without a vote.", null],
  ["Members who step down are thanked by the Board.", null],
];

describe("membership model paraphrase corpus", () => {
  it(`classifies all ${CORPUS.length} sentences`, () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    const wrong = CORPUS.filter(([s, model]) => membershipModelOf([s]) !== model).map(
      ([s, model]) => `${s} -> ${membershipModelOf([s])}, expected ${model}`,
    );
    expect(wrong).toEqual([]);
  });

  it("covers each model and the negatives", () => {
    for (const model of [...MembershipModelSchema.options.filter((m) => m !== "other"), null]) {
      expect(CORPUS.filter(([, m]) => m === model).length).toBeGreaterThanOrEqual(7);
    }
  });

  it("names the roles that appoint, in a fixed order", () => {
    const roles = (s: string) => membershipReadingOf([s])?.appointedBy;
    expect(roles("The Chair appoints new members.")).toEqual(["chair"]);
    expect(roles("New members are selected by the Co-Chair and the Chair.")).toEqual(["chair", "co-chair"]);
    expect(roles("The Vice-Chair selects new members.")).toEqual(["co-chair"]);
    expect(roles("The Board Liaison and the Chair admit new members.")).toEqual(["chair", "board-liaison"]);
    expect(roles("By appointment: new members are appointed by the Steering Council Liaison.")).toEqual([
      "steering-council-liaison",
    ]);
    expect(roles("The team votes on new members.")).toEqual([]);
  });

  it("reads how a group decides: a vote, consensus, an invitation or another decision", () => {
    expect(admissionInClause("New members are approved by the team")).toEqual({
      body: "group",
      roles: [],
      how: "decision",
    });
    expect(admissionInClause("New members need the consensus of the team")?.how).toBe("consensus");
    expect(admissionInClause("Any member may invite new members")?.how).toBe("invitation");
    expect(admissionInClause("The Chair invites new members after a team vote")).toEqual({
      body: "group",
      roles: [],
      how: "vote",
    });
    expect(admissionInClause("The team decides when new members are needed")).toBeNull();
  });

  it("keeps removal clauses apart from adding clauses in one sentence", () => {
    expect(
      weakModelOf("Members are removed by the Steering Council; new members are approved by the team."),
    ).toBe("direct");
    expect(weakModelOf("Members are removed by the Steering Council.")).toBeNull();
  });

  it("takes the deciding body from the agent, then the approver, then the subject", () => {
    expect(bodyNamedInClause("New members are approved by the Board")).toBe("board");
    expect(bodyNamedInClause("The team admits new members with the Board's approval")).toBe("board");
    expect(bodyNamedInClause("The Steering Council consults the team before it appoints members")).toBe(
      "steering-council",
    );
    expect(bodyNamedInClause("New members need a majority vote")).toBe("group");
    expect(bodyNamedInClause("New members are welcome")).toBeNull();
  });

  it("marks model sentences as such, so the sentence after a joining rule is not joined to it", () => {
    expect(policyTopicOf("The group votes (50%+1) to approve new members.")).toBe("model");
    expect(policyTopicOf("New members may self-nominate.")).toBe("howToJoin");
    expect(policyTopicOf("Members can be removed by a vote of the Steering Council.")).toBe("removal");
  });

  it("reads an answer in the light of the question it follows", () => {
    expect(
      membershipModelOf(["How will decisions on adding/removing members be handled? The team votes."]),
    ).toBe("direct");
    expect(membershipModelOf(["How are new members chosen? By the Steering Council."])).toBe(
      "steering-council-managed",
    );
    expect(membershipModelOf(["How are new members chosen?", "The Board decides."])).toBe("board-managed");
    expect(membershipModelOf(["Who approves the budget? The Board."])).toBeNull();
    expect(membershipModelOf(["The team votes."])).toBeNull();
  });

  it("lets the first labelled statement win over implied ones", () => {
    expect(
      membershipModelOf([
        "The Board consults the group.",
        "Direct membership: the group votes on new members.",
      ]),
    ).toBe("direct");
    expect(
      membershipModelOf(["The team votes on new members.", "Membership changes require Board approval."]),
    ).toBe("direct");
  });
});

describe("term, eligibility, joining and removal paraphrases", () => {
  it("reads member terms in many wordings", () => {
    const terms: [string, number | null][] = [
      ["Members serve two-year terms.", 24],
      ["Members serve a 1 year term and opt in to renew it.", 12],
      ["Terms last 12 months.", 12],
      ["Each term lasts one year.", 12],
      ["Membership is renewed every six months.", 6],
      ["Members are appointed for an annual term.", 12],
      ["Terms are one year long.", 12],
      ["Members serve 18-month terms.", 18],
      ["The term of membership is 2 years.", 24],
      ["Membership lasts a year, after which members can renew.", 12],
      ["The project is expected to last four months.", null],
      ["The group meets every two months.", null],
    ];
    for (const [s, months] of terms) expect(termMonthsOf(s), s).toBe(months);
  });

  it("sorts sentences into eligibility, how to join and removal", () => {
    const topics: [string, string | null][] = [
      ["Anyone who has contributed to Django may apply.", "eligibility"],
      ["Candidates should have at least two years of experience.", "eligibility"],
      ["To be considered, you must be a DSF Individual Member.", "eligibility"],
      ["Open to all community members.", "eligibility"],
      ["You can join by emailing the chair.", "howToJoin"],
      ["Interested people should post in the forum thread.", "howToJoin"],
      ["Fill in the application form.", "howToJoin"],
      ["Members who miss three meetings in a row are removed.", "removal"],
      ["Inactive members may be asked to step down.", "removal"],
      ["A member can be expelled by a two-thirds vote.", "removal"],
      ["New members must be voted in by the Board.", "model"],
      ["The Board approves the budget.", null],
    ];
    for (const [s, topic] of topics) expect(policyTopicOf(s), s).toBe(topic);
  });
});
