import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedData } from "../../../test/shared-data.ts";
import { checkCharter, isCharterComplete } from "./check-charter.ts";
import { parseCharter } from "./parse-charter.ts";

const SNAPSHOT = sharedData("dsf-working-groups");
const parseFile = (rel: string) =>
  parseCharter({ markdown: readFileSync(path.join(SNAPSHOT, rel), "utf8"), path: rel });

describe("checkCharter", () => {
  it("flags what the marketing proposal still lacks", () => {
    const findings = checkCharter(parseFile("proposals/marketing.md"));
    const required = findings.filter((f) => f.severity === "required").map((f) => f.field);
    expect(required).toEqual(["chair", "coChair", "boardLiaison"]);
    expect(findings.find((f) => f.field === "size")?.message).toMatch(/^1 member\(s\); a good size is 3-7/u);
    expect(isCharterComplete(findings)).toBe(false);
  });

  it("finds nothing required missing in a complete working group charter", () => {
    const findings = checkCharter(parseFile("active/social-media.md"));
    expect(isCharterComplete(findings)).toBe(true);
    expect(findings.map((f) => f.field)).toContain("size"); // 10 members
  });

  it("flags an unfilled template as lacking every required field", () => {
    const findings = checkCharter(parseFile("template.md"));
    expect(findings.filter((f) => f.severity === "required").map((f) => f.field)).toEqual([
      "scope",
      "chair",
      "coChair",
      "boardLiaison",
      "members",
      "membershipModel",
      "budget",
      "channels",
      "reportingCadence",
    ]);
  });

  it("treats a missing chair as recommended for teams and budget TBD as required", () => {
    const mergers = checkCharter(parseFile("active/mergers.md"));
    expect(mergers.find((f) => f.field === "chair")?.severity).toBe("recommended");
    expect(mergers.some((f) => f.field === "boardLiaison")).toBe(false);
    const dceu = checkCharter(parseFile("archive/dceu.md"));
    expect(dceu.find((f) => f.field === "budget")?.severity).toBe("required");
    expect(dceu.find((f) => f.field === "reportingCadence")?.severity).toBe("required");
  });

  it("accepts another size range", () => {
    const c = parseFile("active/social-media.md");
    expect(checkCharter(c, { size: { min: 3, max: 12 } }).some((f) => f.field === "size")).toBe(false);
  });
});
