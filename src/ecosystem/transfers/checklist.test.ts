/** The transfer checklist's rules: the PyPI roles step verifying itself, completion, and who gets the next transfer. */
import { describe, expect, it } from "vitest";
import { isComplete, partyLabel, partyName, stepState, suggestRoadie, verifyRoles } from "./checklist.ts";

const opened = new Date("2026-11-20T00:00:00Z");
const plan = { add: ["new-owner"], remove: ["old-owner"], openedAt: opened };

describe("the PyPI roles step", () => {
  it("waits while the package was never synced", () => {
    expect(verifyRoles(plan, { owners: ["old-owner"], syncedAt: null })).toMatchObject({
      state: "waiting-for-sync",
      why: "not verified: the package has never been synced from PyPI",
    });
  });

  it("does not trust a sync older than the transfer", () => {
    const v = verifyRoles(plan, { owners: ["New-Owner"], syncedAt: new Date("2026-11-19T00:00:00Z") });
    expect(v.state).toBe("waiting-for-sync");
    expect(v.why).toContain("older than the transfer");
  });

  it("waits while the new owner is missing or the old one still listed, saying which", () => {
    const at = new Date("2026-11-21T00:00:00Z");
    const none = verifyRoles(plan, { owners: ["old-owner"], syncedAt: at });
    expect(none).toMatchObject({
      state: "waiting-for-sync",
      missing: ["new-owner"],
      stillListed: ["old-owner"],
    });
    expect(none.why).toBe(
      "as of the sync of 2026-11-21T00:00:00.000Z: PyPI does not list new-owner yet; PyPI still lists old-owner",
    );
    const half = verifyRoles(plan, { owners: ["old-owner", "new-owner"], syncedAt: at });
    expect(half).toMatchObject({ state: "waiting-for-sync", missing: [], stillListed: ["old-owner"] });
  });

  it("is verified once the new owner is listed (any case) and the leaver is gone", () => {
    const v = verifyRoles(plan, { owners: ["NEW-OWNER"], syncedAt: new Date("2026-11-21T00:00:00Z") });
    expect(v.state).toBe("verified");
    expect(v.why).toContain("PyPI lists new-owner and no longer old-owner");
    // Nobody planned to leave: the new owner suffices.
    expect(
      verifyRoles({ ...plan, remove: [] }, { owners: ["x", "new-owner"], syncedAt: new Date("2026-11-21") })
        .state,
    ).toBe("verified");
  });

  it("cannot verify a plan that names nobody", () => {
    const v = verifyRoles({ add: [], remove: [], openedAt: opened }, { owners: ["a"], syncedAt: new Date() });
    expect(v.state).toBe("waiting-for-sync");
  });

  it("a step people set keeps its state; the verified step shows the sync's verdict unless not needed", () => {
    const roles = verifyRoles(plan, { owners: ["new-owner"], syncedAt: new Date("2026-11-21") });
    expect(
      stepState({ step: "repository", owner: "from", state: "in-progress", note: "" }, roles).state,
    ).toBe("in-progress");
    expect(stepState({ step: "pypi-roles", owner: "from", state: "to-do", note: "" }, roles).state).toBe(
      "verified",
    );
    expect(stepState({ step: "pypi-roles", owner: "from", state: "not-needed", note: "" }, roles).state).toBe(
      "not-needed",
    );
  });
});

describe("completion and parties", () => {
  it("is complete only when every step is done, verified or not needed", () => {
    expect(isComplete(["done", "verified", "not-needed"])).toBe(true);
    expect(isComplete(["done", "waiting-for-sync"])).toBe(false);
    expect(isComplete(["done", "to-do"])).toBe(false);
    expect(isComplete(["in-progress"])).toBe(false);
  });

  it("names Jazzband as closing and the known organisations by their names", () => {
    expect(partyLabel("jazzband", "Jazzband")).toBe("Jazzband (closing)");
    expect(partyName("django-commons", null)).toBe("Django Commons");
    expect(partyName("wagtail-nest", "ignored")).toBe("Wagtail Nest");
    expect(partyName("person", "  ")).toBeNull();
    expect(partyLabel("organisation", "Acme")).toBe("Acme (organisation)");
  });
});

describe("the roadie with capacity", () => {
  const roster = [
    { userId: 1, name: "A", capacity: 2, open: 2 },
    { userId: 2, name: "B", capacity: 4, open: 1 },
    { userId: 3, name: "C", capacity: 2, open: 0 },
  ];
  it("skips full roadies and takes the most room, then the fewest open", () => {
    expect(suggestRoadie(roster)?.userId).toBe(2);
    expect(suggestRoadie([roster[0], roster[2]].flatMap((r) => (r ? [r] : [])))?.userId).toBe(3);
    expect(suggestRoadie(roster, [2])?.userId).toBe(3);
    // Equal room: the one with fewer open transfers.
    expect(
      suggestRoadie([
        { userId: 5, name: "E", capacity: 3, open: 1 },
        { userId: 6, name: "F", capacity: 2, open: 0 },
      ])?.userId,
    ).toBe(6);
  });
  it("suggests nobody when everyone is full", () => {
    expect(suggestRoadie([{ userId: 1, name: "A", capacity: 1, open: 1 }])).toBeNull();
    expect(suggestRoadie([])).toBeNull();
  });
});
