import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedData } from "../../../test/shared-data.ts";
import { nextMeeting } from "../meetings/next-meeting.ts";
import { checkEligibility, readEligibility } from "./eligibility.ts";

const ACTIVE = sharedData("dsf-working-groups", "active");

/** The charter's "Future membership" section, read at run time from the shared snapshot. */
function futureMembership(slug: string): string {
  const text = readFileSync(path.join(ACTIVE, `${slug}.md`), "utf8");
  const start = text.indexOf("## Future membership");
  expect(start).toBeGreaterThan(-1);
  const end = text.indexOf("\n## ", start + 5);
  return text.slice(start, end === -1 ? undefined : end);
}

describe("readEligibility on the real charters", () => {
  it("social-media requires DSF Individual Membership", () => {
    const req = readEligibility(futureMembership("social-media"));
    expect(req.foundationRoles).toEqual(["dsf-member"]);
    expect(checkEligibility({ requirements: req, heldRoles: [] })[0]).toMatch(/DSF Individual Member/);
    expect(checkEligibility({ requirements: req, heldRoles: ["dsf-member"] })).toEqual([]);
  });
  it("online-community accepts a nomination as an alternative, so nothing is enforced", () => {
    const req = readEligibility(futureMembership("online-community"));
    expect(req).toEqual({ foundationRoles: [], alternatives: true });
    expect(checkEligibility({ requirements: req, heldRoles: [] })).toEqual([]);
  });
  it("website asks for nothing Guildhall can check", () => {
    expect(readEligibility(futureMembership("website")).foundationRoles).toEqual([]);
  });
  it("reads a requirement written as a link the same way", () => {
    const req = readEligibility(
      "Members must be registered as a [Django Software Foundation](https://www.djangoproject.com/foundation/) Individual Member.",
    );
    expect(req.foundationRoles).toEqual(["dsf-member"]);
  });
  it("no eligibility text means no requirements", () => {
    expect(readEligibility(null)).toEqual({ foundationRoles: [], alternatives: false });
  });
});

describe("nextMeeting", () => {
  it("gives a recorded future date as it is", () => {
    expect(nextMeeting({ today: "2026-03-01", recorded: "2026-03-10", cadence: "monthly" })).toEqual({
      on: "2026-03-10",
      text: "The group meets monthly; the next meeting is on 2026-03-10.",
    });
  });
  it("rolls a past date forward by the cadence", () => {
    expect(nextMeeting({ today: "2026-03-01", recorded: "2026-01-05", cadence: "fortnightly" }).on).toBe(
      "2026-03-02",
    );
    expect(nextMeeting({ today: "2026-03-01", recorded: "2025-12-15", cadence: "quarterly" }).on).toBe(
      "2026-03-15",
    );
  });
  it("says so when the date is unknown", () => {
    expect(nextMeeting({ today: "2026-03-01", recorded: null, cadence: "quarterly" })).toEqual({
      on: null,
      text: "The group meets quarterly; the next meeting date has not been recorded yet.",
    });
    expect(nextMeeting({ today: "2026-03-01", recorded: "2026-01-01", cadence: "as-needed" }).on).toBeNull();
    expect(nextMeeting({ today: "2026-03-01", recorded: null, cadence: null }).text).toMatch(
      /no meeting cadence/,
    );
  });
});
