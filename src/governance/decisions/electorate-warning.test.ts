import { describe, expect, it } from "vitest";
import { electorateWarning } from "./electorate-warning.ts";

describe("electorateWarning", () => {
  it("says nothing when everyone can vote", () => {
    expect(electorateWarning({ size: 4, withoutAccount: 0, baseRule: "electorate" })).toEqual({
      withoutAccount: 0,
      canPass: true,
      text: "",
    });
  });

  it("against the whole electorate: passable while those who can vote are more than half", () => {
    const ok = electorateWarning({ size: 5, withoutAccount: 2, baseRule: "electorate" });
    expect(ok.canPass).toBe(true);
    expect(ok.text).toContain("2 people in the electorate have no Guildhall account");
    const tie = electorateWarning({ size: 4, withoutAccount: 2, baseRule: "electorate" });
    expect(tie.canPass).toBe(false);
    expect(tie.text).toContain("This vote cannot pass");
    expect(tie.text).toContain("(3 of 4), and only 2 can vote");
  });

  it("by consensus one missing account makes the vote impossible", () => {
    const w = electorateWarning({ size: 6, withoutAccount: 1, baseRule: "consensus" });
    expect(w.canPass).toBe(false);
    expect(w.text).toMatch(/^1 person in the electorate has no Guildhall account/);
  });

  it("against the votes cast it stays passable while anyone can vote", () => {
    expect(electorateWarning({ size: 6, withoutAccount: 5, baseRule: "cast" }).canPass).toBe(true);
    expect(electorateWarning({ size: 3, withoutAccount: 3, baseRule: "cast" }).canPass).toBe(false);
  });
});
