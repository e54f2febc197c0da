import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BallotChoice,
  type BallotCounts,
  checkClosingTime,
  countBallots,
  decidedOutcome,
  finalOutcome,
  freezeElectorate,
  kindHasSubject,
  tallyVote,
  type VoteBaseRule,
} from "./tally.ts";

const c = (yes: number, no: number, abstain: number): BallotCounts => ({ yes, no, abstain });

describe("freezeElectorate", () => {
  it("keeps distinct eligible voters, sorted", () => {
    expect(freezeElectorate({ kind: "admit-member", eligible: [3, 1, 3, 2], subjectId: 9 })).toEqual([
      1, 2, 3,
    ]);
  });
  it("leaves the subject of a removal vote out", () => {
    expect(freezeElectorate({ kind: "remove-member", eligible: [1, 2, 3], subjectId: 2 })).toEqual([1, 3]);
  });
  it("leaves a candidate for Chair or Co-Chair out (the subject of a vote never votes in it)", () => {
    expect(freezeElectorate({ kind: "elect-chair", eligible: [1, 2, 3], subjectId: 2 })).toEqual([1, 3]);
    expect(freezeElectorate({ kind: "elect-co-chair", eligible: [1, 2, 3], subjectId: 3 })).toEqual([1, 2]);
  });
  it("a proposal keeps everyone", () => {
    expect(freezeElectorate({ kind: "proposal", eligible: [2, 1], subjectId: null })).toEqual([1, 2]);
  });
  it("knows which kinds have a subject", () => {
    expect(kindHasSubject("proposal")).toBe(false);
    expect(kindHasSubject("remove-member")).toBe(true);
  });
});

describe("tallyVote", () => {
  it("passes on a strict majority of the electorate", () => {
    expect(tallyVote({ electorateSize: 5, baseRule: "electorate", counts: c(3, 0, 0) })).toEqual({
      cast: 3,
      base: 5,
      needed: 3,
      passes: true,
    });
  });
  it("fails on a tie", () => {
    expect(tallyVote({ electorateSize: 4, baseRule: "electorate", counts: c(2, 2, 0) }).passes).toBe(false);
    expect(tallyVote({ electorateSize: 10, baseRule: "cast", counts: c(2, 2, 0) }).passes).toBe(false);
  });
  it("counts abstentions as cast but never as yes", () => {
    const t = tallyVote({ electorateSize: 10, baseRule: "cast", counts: c(2, 1, 2) });
    expect(t.cast).toBe(5);
    expect(t.base).toBe(5);
    expect(t.passes).toBe(false);
    expect(tallyVote({ electorateSize: 10, baseRule: "cast", counts: c(2, 1, 0) }).passes).toBe(true);
  });
  it("with base = electorate, non-voters count against", () => {
    expect(tallyVote({ electorateSize: 7, baseRule: "electorate", counts: c(3, 0, 0) }).passes).toBe(false);
    expect(tallyVote({ electorateSize: 7, baseRule: "electorate", counts: c(4, 3, 0) }).passes).toBe(true);
  });
  it("with base = cast, a vote nobody cast fails", () => {
    expect(tallyVote({ electorateSize: 3, baseRule: "cast", counts: c(0, 0, 0) })).toMatchObject({
      base: 0,
      passes: false,
    });
  });
  it("an empty electorate fails", () => {
    expect(finalOutcome({ electorateSize: 0, baseRule: "electorate", counts: c(0, 0, 0) })).toBe("failed");
  });
  it("needed is the smallest passing yes count", () => {
    expect(tallyVote({ electorateSize: 6, baseRule: "electorate", counts: c(0, 0, 0) }).needed).toBe(4);
    expect(tallyVote({ electorateSize: 7, baseRule: "electorate", counts: c(0, 0, 0) }).needed).toBe(4);
  });
  it("rejects impossible counts with a message naming the problem", () => {
    expect(() => tallyVote({ electorateSize: 2, baseRule: "electorate", counts: c(2, 1, 0) })).toThrow(
      /more ballots \(3\) than voters in the electorate \(2\)/,
    );
    expect(() => tallyVote({ electorateSize: 2, baseRule: "electorate", counts: c(-1, 0, 0) })).toThrow(
      /yes/,
    );
    expect(() => tallyVote({ electorateSize: 2.5, baseRule: "electorate", counts: c(0, 0, 0) })).toThrow(
      /electorateSize/,
    );
  });
});

describe("decidedOutcome", () => {
  it("is passed once yes exceeds half the electorate", () => {
    expect(decidedOutcome({ electorateSize: 5, baseRule: "electorate", counts: c(3, 0, 0) })).toBe("passed");
    expect(decidedOutcome({ electorateSize: 5, baseRule: "cast", counts: c(3, 0, 0) })).toBe("passed");
  });
  it("is failed once too few voters remain to pass", () => {
    expect(decidedOutcome({ electorateSize: 5, baseRule: "electorate", counts: c(0, 2, 1) })).toBe("failed");
    expect(decidedOutcome({ electorateSize: 4, baseRule: "electorate", counts: c(0, 2, 0) })).toBe("failed");
  });
  it("is undecided while the rest could still tip it", () => {
    expect(decidedOutcome({ electorateSize: 5, baseRule: "electorate", counts: c(2, 2, 0) })).toBeNull();
    expect(decidedOutcome({ electorateSize: 5, baseRule: "cast", counts: c(2, 0, 0) })).toBeNull();
  });
  it("with base = cast, remaining voters who abstain from voting can still matter", () => {
    // 1 yes, 2 no, 2 still to vote: if both vote yes it passes 3-2; if nobody votes it fails.
    expect(decidedOutcome({ electorateSize: 5, baseRule: "cast", counts: c(1, 2, 0) })).toBeNull();
    // 1 yes, 3 no, 1 left: best case 2-3, fails.
    expect(decidedOutcome({ electorateSize: 5, baseRule: "cast", counts: c(1, 3, 0) })).toBe("failed");
  });
  it("is the final outcome when everyone has voted", () => {
    expect(decidedOutcome({ electorateSize: 4, baseRule: "cast", counts: c(2, 1, 1) })).toBe("failed");
    expect(decidedOutcome({ electorateSize: 4, baseRule: "cast", counts: c(3, 1, 0) })).toBe("passed");
  });
});

describe("checkClosingTime", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  it("accepts a closing time in the future", () => {
    expect(checkClosingTime({ now, closesAt: new Date("2026-03-08T12:00:00Z") })).toEqual([]);
  });
  it("refuses now and the past", () => {
    expect(checkClosingTime({ now, closesAt: now })[0]).toMatch(/must be in the future/);
    expect(checkClosingTime({ now, closesAt: new Date("2026-02-01T00:00:00Z") })).toHaveLength(1);
  });
  it("refuses an invalid date", () => {
    expect(checkClosingTime({ now, closesAt: new Date("nope") })).toEqual([
      "closing time is not a valid date",
    ]);
  });
  it("requires an extension to move the closing time later", () => {
    const currentClosesAt = new Date("2026-03-08T12:00:00Z");
    expect(checkClosingTime({ now, closesAt: new Date("2026-03-05T00:00:00Z"), currentClosesAt })[0]).toMatch(
      /later than/,
    );
    expect(checkClosingTime({ now, closesAt: new Date("2026-03-09T00:00:00Z"), currentClosesAt })).toEqual(
      [],
    );
  });
});

const choiceArb = fc.constantFrom<BallotChoice>("yes", "no", "abstain");
const baseArb = fc.constantFrom<VoteBaseRule>("electorate", "cast");
/** An electorate and the full list of ballots that will be cast (a prefix of it so far). */
const scenarioArb = fc
  .record({ electorateSize: fc.integer({ min: 0, max: 40 }), baseRule: baseArb })
  .chain(({ electorateSize, baseRule }) =>
    fc.record({
      electorateSize: fc.constant(electorateSize),
      baseRule: fc.constant(baseRule),
      ballots: fc.array(choiceArb, { maxLength: electorateSize }),
      prefix: fc.nat(),
    }),
  );

describe("properties", () => {
  it("passes exactly when yes * 2 > base", () => {
    fc.assert(
      fc.property(scenarioArb, ({ electorateSize, baseRule, ballots }) => {
        const counts = countBallots(ballots);
        const base = baseRule === "electorate" ? electorateSize : ballots.length;
        expect(tallyVote({ electorateSize, baseRule, counts }).passes).toBe(counts.yes * 2 > base);
      }),
    );
  });

  it("an early decision never contradicts the final outcome, however the vote ends", () => {
    fc.assert(
      fc.property(scenarioArb, ({ electorateSize, baseRule, ballots, prefix }) => {
        const k = ballots.length === 0 ? 0 : prefix % (ballots.length + 1);
        const early = decidedOutcome({ electorateSize, baseRule, counts: countBallots(ballots.slice(0, k)) });
        const final = finalOutcome({ electorateSize, baseRule, counts: countBallots(ballots) });
        if (early !== null) expect(final).toBe(early);
      }),
      { numRuns: 2000 },
    );
  });

  it("when undecided, some way of finishing passes and some way fails", () => {
    fc.assert(
      fc.property(scenarioArb, ({ electorateSize, baseRule, ballots }) => {
        const counts = countBallots(ballots);
        if (decidedOutcome({ electorateSize, baseRule, counts }) !== null) return;
        const remaining = electorateSize - ballots.length;
        const allYes = { ...counts, yes: counts.yes + remaining };
        const allNo = { ...counts, no: counts.no + remaining };
        expect(finalOutcome({ electorateSize, baseRule, counts: allYes })).toBe("passed");
        expect(finalOutcome({ electorateSize, baseRule, counts: allNo })).toBe("failed");
      }),
      { numRuns: 2000 },
    );
  });

  it("once decided, the decision stays as more ballots come in", () => {
    fc.assert(
      fc.property(scenarioArb, ({ electorateSize, baseRule, ballots }) => {
        let decided: string | null = null;
        for (let i = 0; i <= ballots.length; i++) {
          const now = decidedOutcome({ electorateSize, baseRule, counts: countBallots(ballots.slice(0, i)) });
          if (decided !== null) expect(now).toBe(decided);
          decided = now;
        }
        if (ballots.length === electorateSize) {
          expect(decided).toBe(finalOutcome({ electorateSize, baseRule, counts: countBallots(ballots) }));
        }
      }),
    );
  });

  it("an abstention is never worth more than a no, nor a no more than a yes", () => {
    fc.assert(
      fc.property(scenarioArb, ({ electorateSize, baseRule, ballots }) => {
        const counts = countBallots(ballots);
        if (counts.yes === 0) return;
        const asAbstain = { ...counts, yes: counts.yes - 1, abstain: counts.abstain + 1 };
        const asNo = { ...counts, yes: counts.yes - 1, no: counts.no + 1 };
        const original = tallyVote({ electorateSize, baseRule, counts }).passes;
        if (tallyVote({ electorateSize, baseRule, counts: asAbstain }).passes) expect(original).toBe(true);
        expect(tallyVote({ electorateSize, baseRule, counts: asAbstain }).passes).toBe(
          tallyVote({ electorateSize, baseRule, counts: asNo }).passes,
        );
      }),
    );
  });

  it("a tie between yes and the rest of the base always fails", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), baseArb, (half, baseRule) => {
        const counts = c(half, half, 0);
        expect(finalOutcome({ electorateSize: half * 2, baseRule, counts })).toBe("failed");
      }),
    );
  });
});

describe("consensus", () => {
  const consensus = (yes: number, no: number, abstain: number, electorateSize = 4) => ({
    electorateSize,
    baseRule: "consensus" as const,
    counts: { yes, no, abstain },
  });
  it("passes only when everyone in the electorate votes yes", () => {
    expect(tallyVote(consensus(4, 0, 0))).toEqual({ cast: 4, base: 4, needed: 4, passes: true });
    expect(tallyVote(consensus(3, 0, 0)).passes).toBe(false);
    expect(tallyVote(consensus(3, 0, 1)).passes).toBe(false);
    expect(tallyVote(consensus(0, 0, 0, 0)).passes).toBe(false);
  });
  it("is decided by the first objection or abstention, or by the last yes", () => {
    expect(decidedOutcome(consensus(1, 1, 0))).toBe("failed");
    expect(decidedOutcome(consensus(3, 0, 1))).toBe("failed");
    expect(decidedOutcome(consensus(3, 0, 0))).toBeNull();
    expect(decidedOutcome(consensus(4, 0, 0))).toBe("passed");
    expect(finalOutcome(consensus(3, 0, 0))).toBe("failed");
  });
  it("never passes with a no, whatever the counts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(30), fc.nat(30), (n, y, a) => {
        const yes = Math.min(y, n - 1);
        const abstain = Math.min(a, n - 1 - yes);
        const input = consensus(yes, 1, abstain, n);
        expect(tallyVote(input).passes).toBe(false);
        expect(decidedOutcome(input)).toBe("failed");
      }),
    );
  });
});
