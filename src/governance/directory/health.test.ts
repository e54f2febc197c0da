import { describe, expect, it } from "vitest";
import {
  computeHealthFlags,
  DEFAULT_HEALTH_CONFIG,
  HEALTH_RULES,
  type HealthConfig,
  type HealthInput,
} from "./health.ts";

const healthyWorkingGroup: HealthInput = {
  kind: "working-group",
  status: "active",
  memberCount: 5,
  chairCount: 1,
  coChairCount: 1,
  boardLiaisonCount: 1,
  missingFields: [],
};

const healthyTeam: HealthInput = {
  kind: "team",
  status: "active",
  memberCount: 5,
  chairCount: 0,
  coChairCount: 0,
  boardLiaisonCount: 0,
  missingFields: [],
};

const codes = (input: HealthInput, config?: HealthConfig) =>
  computeHealthFlags(input, config).map((f) => f.code);

describe("computeHealthFlags", () => {
  it("flags nothing for a working group with Chair, Co-Chair, Board Liaison and 3-7 members", () => {
    expect(computeHealthFlags(healthyWorkingGroup)).toEqual([]);
  });

  it("does not require a Chair, Co-Chair or Board Liaison of a team", () => {
    expect(computeHealthFlags(healthyTeam)).toEqual([]);
  });

  it("flags a working group without a Board Liaison, citing the rule", () => {
    const flags = computeHealthFlags({ ...healthyWorkingGroup, boardLiaisonCount: 0 });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      code: "no-board-liaison",
      severity: "critical",
      rule: HEALTH_RULES["no-board-liaison"],
    });
    expect(flags[0]?.rule.source).toContain("README.md:44");
  });

  it("flags a working group below the minimum count, naming the numbers", () => {
    const flags = computeHealthFlags({ ...healthyWorkingGroup, memberCount: 2 });
    expect(flags.map((f) => f.code)).toEqual(["below-minimum-membership", "size-outside-range"]);
    expect(flags[0]?.message).toBe("Below minimum membership: 2 members, fewer than the minimum of 3.");
    expect(flags[0]?.severity).toBe("critical");
    expect(flags[0]?.rule.source).toContain("README.md:87");
  });

  it("flags a working group with enough people but no Chair or no Co-Chair", () => {
    const noChair = computeHealthFlags({ ...healthyWorkingGroup, chairCount: 0 });
    expect(noChair.map((f) => f.code)).toEqual(["below-minimum-membership"]);
    expect(noChair[0]?.message).toBe("Below minimum membership: 5 members, no Chair.");
    const neither = computeHealthFlags({ ...healthyWorkingGroup, chairCount: 0, coChairCount: 0 });
    expect(neither[0]?.message).toBe("Below minimum membership: 5 members, no Chair, no Co-Chair.");
  });

  it("flags a team below its own minimum but never for a missing chair", () => {
    expect(codes({ ...healthyTeam, memberCount: 2 })).toEqual([
      "below-minimum-membership",
      "size-outside-range",
    ]);
    expect(computeHealthFlags({ ...healthyTeam, memberCount: 1 })[0]?.message).toBe(
      "Below minimum membership: 1 member, fewer than the minimum of 3.",
    );
  });

  it("uses the minimum configured for each kind separately", () => {
    const config: HealthConfig = { ...DEFAULT_HEALTH_CONFIG, minMembers: { "working-group": 3, team: 5 } };
    expect(codes({ ...healthyTeam, memberCount: 4 }, config)).toEqual(["below-minimum-membership"]);
    expect(codes({ ...healthyWorkingGroup, memberCount: 4 }, config)).toEqual([]);
    const zeroTeam: HealthConfig = { ...DEFAULT_HEALTH_CONFIG, minMembers: { "working-group": 3, team: 0 } };
    expect(codes({ ...healthyTeam, memberCount: 0 }, { ...zeroTeam, sizeMin: 0 })).toEqual([]);
  });

  it("applies the minimum exactly at the boundary", () => {
    expect(codes({ ...healthyWorkingGroup, memberCount: 3 })).toEqual([]);
    const config: HealthConfig = { ...DEFAULT_HEALTH_CONFIG, minMembers: { "working-group": 4, team: 3 } };
    expect(codes({ ...healthyWorkingGroup, memberCount: 3 }, config)).toEqual(["below-minimum-membership"]);
    expect(codes({ ...healthyWorkingGroup, memberCount: 4 }, config)).toEqual([]);
  });

  it("flags sizes outside the range and not at its edges", () => {
    expect(codes({ ...healthyWorkingGroup, memberCount: 7 })).toEqual([]);
    const big = computeHealthFlags({ ...healthyWorkingGroup, memberCount: 14 });
    expect(big.map((f) => f.code)).toEqual(["size-outside-range"]);
    expect(big[0]).toMatchObject({
      severity: "warning",
      message: "14 members: outside the suggested size of 3-7.",
    });
  });

  it("follows a configured size range", () => {
    const config: HealthConfig = { ...DEFAULT_HEALTH_CONFIG, sizeMin: 2, sizeMax: 15 };
    expect(codes({ ...healthyWorkingGroup, memberCount: 14 }, config)).toEqual([]);
    expect(codes({ ...healthyWorkingGroup, memberCount: 16 }, config)).toEqual(["size-outside-range"]);
    expect(computeHealthFlags({ ...healthyWorkingGroup, memberCount: 16 }, config)[0]?.message).toContain(
      "2-15",
    );
  });

  it("lists missing charter fields in one warning", () => {
    const flags = computeHealthFlags({
      ...healthyWorkingGroup,
      missingFields: ["budget", "reportingCadence"],
    });
    expect(flags).toEqual([
      {
        code: "missing-charter-fields",
        severity: "warning",
        message: "The charter does not fill in: budget, reporting cadence.",
        rule: HEALTH_RULES["missing-charter-fields"],
      },
    ]);
  });

  it("names missing fields readably and leaves role lines to the membership flags", () => {
    const team = computeHealthFlags({
      ...healthyTeam,
      missingFields: ["chair", "coChair", "meetingCadence", "howToJoin", "someNewField"],
    });
    expect(team.map((f) => f.message)).toEqual([
      "The charter does not fill in: meeting cadence, how to join, some new field.",
    ]);
    expect(computeHealthFlags({ ...healthyTeam, missingFields: ["chair", "coChair"] })).toEqual([]);
    const wg = computeHealthFlags({
      ...healthyWorkingGroup,
      coChairCount: 0,
      missingFields: ["coChair", "budget"],
    });
    expect(wg.map((f) => f.message)).toEqual([
      "Below minimum membership: 5 members, no Co-Chair.",
      "The charter does not fill in: budget.",
    ]);
  });

  it("flags drafts and proposals like active groups", () => {
    expect(codes({ ...healthyWorkingGroup, status: "draft", boardLiaisonCount: 0 })).toEqual([
      "no-board-liaison",
    ]);
    expect(codes({ ...healthyWorkingGroup, status: "proposed", memberCount: 1 })).toEqual([
      "below-minimum-membership",
      "size-outside-range",
    ]);
  });

  it("does not flag archived groups, which have already shut down", () => {
    expect(
      computeHealthFlags({
        ...healthyWorkingGroup,
        status: "archived",
        memberCount: 0,
        boardLiaisonCount: 0,
      }),
    ).toEqual([]);
  });

  it("orders flags critical first, in a stable order", () => {
    const all = computeHealthFlags({
      kind: "working-group",
      status: "active",
      memberCount: 0,
      chairCount: 0,
      coChairCount: 0,
      boardLiaisonCount: 0,
      missingFields: ["scope"],
    });
    expect(all.map((f) => [f.code, f.severity])).toEqual([
      ["below-minimum-membership", "critical"],
      ["no-board-liaison", "critical"],
      ["size-outside-range", "warning"],
      ["missing-charter-fields", "warning"],
    ]);
    expect(all[0]?.message).toBe(
      "Below minimum membership: 0 members, fewer than the minimum of 3, no Chair, no Co-Chair.",
    );
  });
});
