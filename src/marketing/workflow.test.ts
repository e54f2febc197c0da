import { describe, expect, it } from "vitest";
import { ITEM_STATES } from "./content-kinds.ts";
import {
  editVoidsReview,
  isOverdue,
  moveRefusal,
  type ReviewerFacts,
  roundOutcome,
  type StepFacts,
  stepRefusal,
} from "./workflow.ts";

const NOW = new Date("2026-12-03T10:00:00Z");
const GROUP = 1;
const PARTNER = 2;
const reviewer = (over: Partial<ReviewerFacts> = {}): ReviewerFacts => ({
  userId: 10,
  groupIds: new Set([GROUP]),
  board: false,
  steeringCouncil: false,
  ...over,
});
const step = (over: Partial<StepFacts> = {}): StepFacts => ({
  step: "member",
  groupId: GROUP,
  dueAt: null,
  status: "pending",
  ...over,
});
const refusal = (s: StepFacts, r: ReviewerFacts, authors: number[] = [99]) =>
  stepRefusal({ step: s, reviewer: r, groupId: GROUP, authorUserIds: new Set(authors), now: NOW });

describe("workflow moves", () => {
  it("allows each move only from its states", () => {
    expect(moveRefusal("submit", "draft")).toBeNull();
    expect(moveRefusal("submit", "changes-requested")).toBeNull();
    expect(moveRefusal("submit", "approved")).toMatch(/Only a draft/u);
    expect(moveRefusal("schedule", "approved")).toBeNull();
    expect(moveRefusal("schedule", "draft")).toMatch(/approved/u);
    expect(moveRefusal("publish", "scheduled")).toBeNull();
    expect(moveRefusal("publish", "in-review")).not.toBeNull();
    expect(moveRefusal("archive", "archived")).not.toBeNull();
    expect(moveRefusal("edit", "published")).toMatch(/cannot be edited/u);
    for (const s of ITEM_STATES)
      expect(editVoidsReview(s)).toBe(s === "in-review" || s === "approved" || s === "scheduled");
  });
});

describe("who decides a step", () => {
  it("nobody approves their own item", () => {
    expect(refusal(step(), reviewer(), [10])).toMatch(/own item/u);
    expect(refusal(step({ step: "board", groupId: null }), reviewer({ board: true }), [10])).toMatch(
      /own item/u,
    );
  });
  it("another member decides a member step; an outsider does not", () => {
    expect(refusal(step(), reviewer())).toBeNull();
    expect(refusal(step(), reviewer({ groupIds: new Set([PARTNER]) }))).toMatch(/another member/u);
  });
  it("the partner group decides a partner step; the Board only after its deadline", () => {
    const due = new Date(NOW.getTime() + 1000);
    const s = step({ step: "partner", groupId: PARTNER, dueAt: due });
    expect(refusal(s, reviewer({ groupIds: new Set([PARTNER]) }))).toBeNull();
    expect(refusal(s, reviewer())).toMatch(/partner group/u);
    expect(refusal(s, reviewer({ groupIds: new Set(), board: true }))).toMatch(/Board may once/u);
    const late = step({ step: "partner", groupId: PARTNER, dueAt: new Date(NOW.getTime() - 1000) });
    expect(isOverdue(late, NOW)).toBe(true);
    expect(refusal(late, reviewer({ groupIds: new Set(), board: true }))).toBeNull();
    expect(refusal(late, reviewer())).toMatch(/deadline has passed/u);
  });
  it("a partner the directory has no group for is decided by the Steering Council", () => {
    const s = step({ step: "partner", groupId: null, dueAt: new Date(NOW.getTime() + 1000) });
    expect(refusal(s, reviewer({ steeringCouncil: true, groupIds: new Set() }))).toBeNull();
    expect(refusal(s, reviewer())).not.toBeNull();
  });
  it("the checking group makes the final check, the Board decides a Board step", () => {
    expect(
      refusal(step({ step: "final-check", groupId: 3 }), reviewer({ groupIds: new Set([3]) })),
    ).toBeNull();
    expect(refusal(step({ step: "final-check", groupId: 3 }), reviewer())).not.toBeNull();
    expect(refusal(step({ step: "board", groupId: null }), reviewer({ board: true }))).toBeNull();
    expect(refusal(step({ step: "board", groupId: null }), reviewer())).toMatch(/Board/u);
  });
  it("a decided step is not decided again", () => {
    expect(refusal(step({ status: "approved" }), reviewer())).toMatch(/already/u);
  });
});

describe("a round's outcome", () => {
  it("is approved when every live step is, changes requested when one asks", () => {
    expect(roundOutcome([{ status: "approved" }, { status: "pending" }])).toBe("in-review");
    expect(roundOutcome([{ status: "approved" }, { status: "approved" }, { status: "voided" }])).toBe(
      "approved",
    );
    expect(roundOutcome([{ status: "approved" }, { status: "changes-requested" }])).toBe("changes-requested");
    expect(roundOutcome([{ status: "voided" }])).toBe("in-review");
  });
});
