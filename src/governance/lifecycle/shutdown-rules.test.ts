import { describe, expect, it } from "vitest";
import {
  ARCHIVE_STEPS,
  checklistComplete,
  forcedShutdownGrounds,
  membershipShortfall,
  type Participant,
} from "./shutdown-rules.ts";

const p = (personId: number, roles: string[], onBoard = false): Participant => ({ personId, roles, onBoard });

describe("the minimum membership (README.md:87), per kind", () => {
  it("a working group with a Chair, a Co-Chair and a Board member has enough", () => {
    expect(
      membershipShortfall("working-group", [
        p(1, ["chair"]),
        p(2, ["co-chair"]),
        p(3, ["board-liaison"], true),
      ]),
    ).toEqual([]);
  });
  it("the Board member may be the Chair", () => {
    expect(membershipShortfall("working-group", [p(1, ["chair"], true), p(2, ["co-chair"])])).toEqual([]);
  });
  it("a Board Liaison who has left the Board does not count", () => {
    expect(
      membershipShortfall("working-group", [p(1, ["chair"]), p(2, ["co-chair"]), p(3, ["board-liaison"])]),
    ).toEqual(["a Board member"]);
  });
  it("names everything missing", () => {
    expect(membershipShortfall("working-group", [p(1, ["member"])])).toEqual([
      "a Chair",
      "a Co-Chair",
      "a Board member",
      "2 participants (has 1)",
    ]);
  });
  it("a team needs no Chair: two participants", () => {
    expect(membershipShortfall("team", [p(1, ["member"]), p(2, ["member"])])).toEqual([]);
    expect(membershipShortfall("team", [p(1, ["member"])])).toEqual(["2 participants (has 1)"]);
  });
});

describe("forced shutdown grounds", () => {
  it("none for a healthy group", () => {
    expect(
      forcedShutdownGrounds({
        kind: "team",
        participants: [p(1, ["member"]), p(2, ["member"])],
        defunctSince: null,
      }),
    ).toEqual([]);
  });
  it("membership below the minimum and defunct, each with its README line", () => {
    const found = forcedShutdownGrounds({
      kind: "working-group",
      participants: [p(1, ["chair"], true)],
      defunctSince: "2027-05-15",
    });
    expect(found.map((f) => f.ground)).toEqual(["membership", "defunct"]);
    expect(found[0]?.detail).toBe("Below the minimum: missing a Co-Chair, 2 participants (has 1).");
    expect(found[0]?.rule).toContain("README.md:87");
    expect(found[1]).toMatchObject({ rule: "README.md:88", detail: expect.stringContaining("2027-05-15") });
  });
});

describe("checklists", () => {
  it("the final report may be skipped; the other archive steps must be done", () => {
    const done = (step: string, outcome = "done") => ({ step, outcome });
    expect(checklistComplete(ARCHIVE_STEPS, [done("charter-archived"), done("channels-closed")])).toBe(false);
    expect(
      checklistComplete(ARCHIVE_STEPS, [
        done("final-report", "skipped"),
        done("charter-archived"),
        done("channels-closed"),
      ]),
    ).toBe(true);
    expect(
      checklistComplete(ARCHIVE_STEPS, [
        done("final-report"),
        done("charter-archived", "skipped"),
        done("channels-closed"),
      ]),
    ).toBe(false);
  });
});
