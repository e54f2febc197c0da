import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DateTime,
  Day,
  day,
  Email,
  Flag,
  hasVisibleText,
  Id,
  MAX_ID,
  OptionalDay,
  optionalText,
  Slug,
  text,
  wholeNumber,
} from "./validation.ts";

const problem = (
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  v: unknown,
) => schema.safeParse(v).error?.issues[0]?.message;

describe("days", () => {
  it("accepts real calendar days and refuses impossible ones instead of rolling them over", () => {
    expect(Day.parse("2026-02-28")).toBe("2026-02-28");
    expect(Day.parse("2028-02-29")).toBe("2028-02-29");
    expect(problem(Day, "2026-02-30")).toMatch(/not a real date/);
    expect(problem(Day, "2026-02-29")).toMatch(/not a real date/);
    expect(problem(Day, "2100-02-29")).toMatch(/not a real date/);
    expect(Day.parse("2000-02-29")).toBe("2000-02-29");
    expect(problem(Day, "2026-13-01")).toMatch(/no such month/);
    expect(problem(Day, "2026-04-31")).toMatch(/not a real date/);
  });

  it("refuses years outside the sane range and other spellings", () => {
    expect(problem(Day, "0001-01-01")).toMatch(/from 1900 to 2199/);
    expect(problem(Day, "+275760-09-13")).toMatch(/YYYY-MM-DD/);
    expect(problem(Day, "1e15")).toMatch(/YYYY-MM-DD/);
    expect(problem(Day, 20260101)).toMatch(/YYYY-MM-DD/);
    expect(problem(Day, "2026-1-1")).toMatch(/YYYY-MM-DD/);
    expect(problem(day({ min: 2005, max: 2100 }), "1999-01-01")).toMatch(/from 2005 to 2100/);
    expect(OptionalDay.parse("")).toBeNull();
    expect(OptionalDay.parse(undefined)).toBeNull();
  });

  it("agrees with the calendar on every day of random years (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const written = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          const real = new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === written;
          expect(Day.safeParse(written).success).toBe(real);
        },
      ),
    );
  });
});

describe("date-times", () => {
  it("reads ISO 8601 with a zone, and a form's value without one as UTC", () => {
    expect(DateTime.parse("2026-12-01T12:00:00Z").toISOString()).toBe("2026-12-01T12:00:00.000Z");
    expect(DateTime.parse("2026-12-01T13:30+01:00").toISOString()).toBe("2026-12-01T12:30:00.000Z");
    expect(DateTime.parse("2026-12-01T12:00").toISOString()).toBe("2026-12-01T12:00:00.000Z");
    expect(DateTime.parse("2026-12-01T12:00:00.250Z").toISOString()).toBe("2026-12-01T12:00:00.250Z");
  });

  it("refuses huge, numeric and impossible values", () => {
    for (const bad of [
      "+275760-09-13",
      "+275760-09-13T00:00:00Z",
      "1e15",
      "2026-02-30T12:00",
      "2026-12-01T24:00",
      "2026-12-01T12:60Z",
      "0001-01-01T00:00Z",
      "2026-12-01T12:00+15:00",
      "",
    ]) {
      expect(DateTime.safeParse(bad).success, bad).toBe(false);
    }
    expect(DateTime.safeParse(1e15).success).toBe(false);
    expect(DateTime.safeParse(null).success).toBe(false);
  });
});

describe("ids and numbers", () => {
  it("takes ids from 1 to 2^31-1, as digits or JSON numbers", () => {
    expect(Id.parse("42")).toBe(42);
    expect(Id.parse(42)).toBe(42);
    expect(Id.parse(MAX_ID)).toBe(MAX_ID);
    for (const bad of [
      0,
      -1,
      MAX_ID + 1,
      "2147483648",
      "99999999999999999999",
      1.5,
      "1e3",
      "0x10",
      "",
      " ",
      Number.NaN,
      Number.POSITIVE_INFINITY,
      null,
      [],
      {},
    ]) {
      expect(Id.safeParse(bad).success, String(bad)).toBe(false);
    }
    expect(wholeNumber({ min: 1, max: 366 }).safeParse("367").success).toBe(false);
  });
});

describe("text", () => {
  it("trims and keeps visible text", () => {
    expect(text().parse("  Ada Lovelace ")).toBe("Ada Lovelace");
    expect(text().parse("👩‍💻 Ada")).toBe("👩‍💻 Ada");
    expect(text({ multiline: true }).parse("line one\nline two")).toBe("line one\nline two");
  });

  it("refuses NUL bytes, controls, broken Unicode, invisible-only and too-long text", () => {
    const t = text({ max: 10 });
    expect(problem(t, "a\u0000b")).toMatch(/NUL/);
    expect(problem(t, "a\u0007b")).toMatch(/control/);
    expect(problem(t, "a\nb")).toMatch(/line breaks/);
    expect(problem(text({ multiline: true }), "a\u0000b")).toMatch(/NUL/);
    expect(problem(t, "\ud800x")).toMatch(/broken Unicode/);
    expect(problem(t, "\u200b\u200c\u200d\ufeff")).toMatch(/required/);
    expect(problem(t, "   ")).toMatch(/required/);
    expect(problem(t, "x".repeat(11))).toMatch(/at most 10/);
    expect(problem(t, 12)).toMatch(/must be text/);
    expect(hasVisibleText("\u2060\u00ad")).toBe(false);
  });

  it("optional text: blank is null, invisible-only is refused", () => {
    const t = optionalText();
    expect(t.parse("")).toBeNull();
    expect(t.parse(undefined)).toBeNull();
    expect(t.parse(" note ")).toBe("note");
    expect(t.safeParse("\u200b").success).toBe(false);
    expect(t.safeParse("a\u0000").success).toBe(false);
  });

  it("never accepts a string with NUL or a lone surrogate (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.constantFrom("\u0000", "\ud800", "\udfff"), (a, b, bad) => {
        expect(text({ multiline: true, max: 100_000 }).safeParse(a + bad + b).success).toBe(false);
      }),
    );
  });
});

describe("slugs, emails, flags", () => {
  it("slugs", () => {
    expect(Slug.parse("code-of-conduct")).toBe("code-of-conduct");
    expect(Slug.parse("çağıl-uluşahin")).toBe("çağıl-uluşahin");
    for (const bad of ["", "\u0000", "a\u0000", "-x", "a/b", "a b", "x".repeat(201)]) {
      expect(Slug.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("emails are trimmed and lower-cased", () => {
    expect(Email.parse(" Ada@Example.ORG ")).toBe("ada@example.org");
    expect(Email.safeParse("ada").success).toBe(false);
    expect(Email.safeParse("ada@example.org\u0000").success).toBe(false);
  });

  it("flags", () => {
    expect(Flag.parse("on")).toBe(true);
    expect(Flag.parse(undefined)).toBe(false);
    expect(Flag.parse(true)).toBe(true);
    expect(Flag.safeParse("maybe").success).toBe(false);
  });
});
