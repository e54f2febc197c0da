import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  daysBetween,
  reminderDue,
  renewalOpen,
  renewedTermEndsOn,
  termEndsOn,
  termHasLapsed,
} from "./terms.ts";

const months = (n: number) => ({ termMonths: n, termWindow: null });
const fellowship = { termMonths: null, termWindow: { start: "04-01", end: "03-31" } };

describe("termEndsOn", () => {
  it("ends (exclusive) on the same date n months on", () => {
    expect(termEndsOn({ startedOn: "2026-01-15", rule: months(12) })).toBe("2027-01-15");
    expect(termEndsOn({ startedOn: "2026-01-15", rule: months(6) })).toBe("2026-07-15");
  });
  it("clamps to the end of a shorter month", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(termEndsOn({ startedOn: "2025-08-31", rule: months(6) })).toBe("2026-02-28");
  });
  it("ends a fixed window on the next window end", () => {
    expect(termEndsOn({ startedOn: "2026-04-01", rule: fellowship })).toBe("2027-04-01");
    expect(termEndsOn({ startedOn: "2026-10-01", rule: fellowship })).toBe("2027-04-01");
    expect(termEndsOn({ startedOn: "2026-02-01", rule: fellowship })).toBe("2026-04-01");
    expect(termEndsOn({ startedOn: "2026-03-31", rule: fellowship })).toBe("2026-04-01");
  });
  it("is null when the charter sets no term", () => {
    expect(termEndsOn({ startedOn: "2026-01-01", rule: { termMonths: null, termWindow: null } })).toBeNull();
  });
  it("renewal runs a full term from the day after", () => {
    expect(renewedTermEndsOn({ currentEndsOn: "2026-04-01", rule: fellowship })).toBe("2027-04-01");
    expect(renewedTermEndsOn({ currentEndsOn: "2026-07-15", rule: months(6) })).toBe("2027-01-15");
  });
  it("rejects malformed dates by naming them", () => {
    expect(() => termEndsOn({ startedOn: "2026-02-30", rule: months(1) })).toThrow(/2026-02-30/);
    expect(() => termEndsOn({ startedOn: "1/2/2026", rule: months(1) })).toThrow(/YYYY-MM-DD/);
  });
  it("a term of n months always ends within n months and after it starts", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }),
        fc.integer({ min: 1, max: 36 }),
        (d, n) => {
          const start = d.toISOString().slice(0, 10);
          const end = termEndsOn({ startedOn: start, rule: months(n) }) ?? "";
          expect(end > start).toBe(true);
          expect(daysBetween(start, end)).toBeLessThanOrEqual(n * 31);
          expect(daysBetween(start, end)).toBeGreaterThanOrEqual(n * 28 - 4);
        },
      ),
    );
  });
});

describe("reminders and lapsing", () => {
  it("sends the 30-day reminder, then the 7-day one, once each", () => {
    const base = { termEndsOn: "2026-06-30", thresholds: [30, 7] };
    expect(reminderDue({ ...base, today: "2026-05-01", alreadySent: [] })).toBeNull();
    expect(reminderDue({ ...base, today: "2026-05-31", alreadySent: [] })).toBe(30);
    expect(reminderDue({ ...base, today: "2026-06-01", alreadySent: [30] })).toBeNull();
    expect(reminderDue({ ...base, today: "2026-06-23", alreadySent: [30] })).toBe(7);
    expect(reminderDue({ ...base, today: "2026-06-29", alreadySent: [30, 7] })).toBeNull();
    expect(reminderDue({ ...base, today: "2026-06-30", alreadySent: [] })).toBeNull();
  });
  it("after a missed sweep sends only the most urgent reminder", () => {
    expect(
      reminderDue({ termEndsOn: "2026-06-30", thresholds: [30, 7], today: "2026-06-28", alreadySent: [] }),
    ).toBe(7);
  });
  it("lapses on the (exclusive) end day", () => {
    expect(termHasLapsed({ today: "2026-06-29", termEndsOn: "2026-06-30" })).toBe(false);
    expect(termHasLapsed({ today: "2026-06-30", termEndsOn: "2026-06-30" })).toBe(true);
  });
  it("renewal is open in the last window before the end only", () => {
    expect(renewalOpen({ today: "2026-05-01", termEndsOn: "2026-06-30", windowDays: 30 })).toBe(false);
    expect(renewalOpen({ today: "2026-06-15", termEndsOn: "2026-06-30", windowDays: 30 })).toBe(true);
    expect(renewalOpen({ today: "2026-06-30", termEndsOn: "2026-06-30", windowDays: 30 })).toBe(false);
  });
});
