import { describe, expect, it } from "vitest";
import { formatDay, formatInstant, OnDay, When } from "./time.tsx";

describe("readable times", () => {
  it("formats instants in UTC with the zone named, and days in words", () => {
    expect(formatInstant("2026-12-03T14:00:00Z")).toBe("3 December 2026, 14:00 UTC");
    expect(formatInstant(new Date("2026-12-03T23:30:00-02:00"))).toBe("4 December 2026, 01:30 UTC");
    expect(formatDay("2026-01-09")).toBe("9 January 2026");
    expect(formatDay("2026-13-01")).toBe("2026-13-01");
    expect(formatInstant("not a time")).toBe("not a time");
  });

  it("renders a <time> element with the machine-readable value", async () => {
    expect(String(await (<When at="2026-12-03T14:00:00Z" />))).toBe(
      '<time datetime="2026-12-03T14:00:00.000Z">3 December 2026, 14:00 UTC</time>',
    );
    expect(String(await (<OnDay day="2026-12-03" />))).toBe(
      '<time datetime="2026-12-03">3 December 2026</time>',
    );
  });
});
