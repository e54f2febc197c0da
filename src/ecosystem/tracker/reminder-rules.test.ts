/** Which milestones remind subscribers on a given day. */
import { describe, expect, it } from "vitest";
import { buildReleaseCalendar } from "../releases/calendar.ts";
import { remindersDue } from "./reminder-rules.ts";

const calendar = buildReleaseCalendar({ today: "2026-11-21", recorded: [] });
const s62 = calendar.find((s) => s.series === "6.2");

describe("reminders due", () => {
  it("found 6.2's pre-release milestones", () => {
    expect(s62?.milestones.alpha.date).toBeTruthy();
  });
  it("is due on the milestone's day and the grace days after, not before or later", () => {
    const alpha = s62?.milestones.alpha.date ?? "";
    const shift = (n: number) =>
      new Date(Date.parse(`${alpha}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const due = (day: string) =>
      remindersDue(calendar, day)
        .filter((d) => d.series === "6.2")
        .map((d) => d.milestone);
    expect(due(shift(-1))).toEqual([]);
    expect(due(alpha)).toEqual(["alpha"]);
    expect(due(shift(6))).toEqual(["alpha"]);
    expect(due(shift(7))).toEqual([]);
  });
});
