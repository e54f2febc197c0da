import { describe, expect, it } from "vitest";
import { currentMembership, effectiveRoles } from "./current-membership.ts";

const charter = (personId: number, role: string, position: number) => ({
  groupId: 1,
  personId,
  role,
  title: "",
  position,
  person: personId,
});
const period = (personId: number, role: string, startedOn: string, endedOn: string | null = null) => ({
  groupId: 1,
  personId,
  role,
  title: "",
  startedOn,
  endedOn,
  person: personId,
});

describe("current membership", () => {
  const charterRoles = [
    charter(1, "chair", 0),
    charter(2, "member", 1),
    charter(3, "member", 2),
    charter(4, "alumnus", 3),
  ];

  it("counts the charter's roles while a person has no period in the group", () => {
    const held = currentMembership({ charterRoles, periods: [], day: "2026-03-01" });
    expect(held.map((r) => [r.personId, r.role, r.source])).toEqual([
      [1, "chair", "charter"],
      [2, "member", "charter"],
      [3, "member", "charter"],
      [4, "alumnus", "charter"],
    ]);
  });

  it("lets periods alone decide once one exists: left, admitted, future and re-joined", () => {
    const periods = [
      period(2, "member", "2025-01-01", "2026-02-01"), // left
      period(5, "member", "2026-02-15"), // admitted by a vote
      period(6, "member", "2026-04-01"), // starts later
      period(4, "member", "2026-01-10"), // an alumnus back in the group
    ];
    const held = currentMembership({ charterRoles, periods, day: "2026-03-01" });
    expect(held.map((r) => [r.personId, r.role, r.since])).toEqual([
      [1, "chair", null],
      [3, "member", null],
      [4, "member", "2026-01-10"],
      [5, "member", "2026-02-15"],
      [2, "alumnus", null],
    ]);
    // The end day itself is no longer held; the day before is.
    expect(
      currentMembership({ charterRoles, periods, day: "2026-01-31" }).find((r) => r.personId === 2)?.role,
    ).toBe("member");
  });

  it("gives dated roles for the policy: periods dated, charter roles undated, alumni left out", () => {
    const roles = effectiveRoles({
      charterRoles,
      periods: [period(3, "co-chair", "2026-01-01", "2026-06-01")],
    });
    expect(roles.map((r) => [r.personId, r.role, r.startedOn, r.endedOn])).toEqual([
      [1, "chair", null, null],
      [2, "member", null, null],
      [3, "co-chair", "2026-01-01", "2026-06-01"],
    ]);
  });

  it("adds ex officio roles while the foundation role runs, without hiding the charter's roles", () => {
    const exOfficio = [
      { groupId: 1, personId: 9, role: "member", startedOn: "2026-01-01", endedOn: "2027-01-01", person: 9 },
      { groupId: 1, personId: 2, role: "board-liaison", startedOn: "2026-01-01", endedOn: null, person: 2 },
    ];
    const held = currentMembership({ charterRoles, periods: [], exOfficio, day: "2026-03-01" });
    expect(held.map((r) => [r.personId, r.role, r.source])).toEqual([
      [1, "chair", "charter"],
      [2, "member", "charter"],
      [2, "board-liaison", "ex-officio"],
      [3, "member", "charter"],
      [4, "alumnus", "charter"],
      [9, "member", "ex-officio"],
    ]);
    const after = currentMembership({ charterRoles, periods: [], exOfficio, day: "2027-01-01" });
    expect(after.some((r) => r.personId === 9)).toBe(false);
  });
});
