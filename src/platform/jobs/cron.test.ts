import { describe, expect, it } from "vitest";
import { dueTick, latestTick } from "./cron.ts";

const at = (s: string) => new Date(s);

describe("cron ticks from the injected clock", () => {
  it("counts a tick that falls exactly on now, and not one just after", () => {
    expect(latestTick("0 * * * *", "UTC", at("2026-03-01T12:00:00.000Z")).toISOString()).toBe(
      "2026-03-01T12:00:00.000Z",
    );
    expect(latestTick("0 * * * *", "UTC", at("2026-03-01T11:59:59.999Z")).toISOString()).toBe(
      "2026-03-01T11:00:00.000Z",
    );
    expect(latestTick("* * * * *", "UTC", at("2026-03-01T12:00:30.500Z")).toISOString()).toBe(
      "2026-03-01T12:00:00.000Z",
    );
  });

  it("runs once per tick crossed, once for several missed ticks, never when time stands or goes back", () => {
    const cron = "0 * * * *";
    expect(
      dueTick({ cron, tz: "UTC", after: at("2026-03-01T11:30:00Z"), now: at("2026-03-01T11:59:00Z") }),
    ).toBe(null);
    expect(
      dueTick({
        cron,
        tz: "UTC",
        after: at("2026-03-01T11:30:00Z"),
        now: at("2026-03-01T12:00:00Z"),
      })?.toISOString(),
    ).toBe("2026-03-01T12:00:00.000Z");
    expect(
      dueTick({ cron, tz: "UTC", after: at("2026-03-01T12:00:00Z"), now: at("2026-03-01T12:00:00Z") }),
    ).toBe(null);
    expect(
      dueTick({
        cron,
        tz: "UTC",
        after: at("2026-03-01T12:00:00Z"),
        now: at("2026-03-01T17:10:00Z"),
      })?.toISOString(),
    ).toBe("2026-03-01T17:00:00.000Z");
    expect(
      dueTick({ cron, tz: "UTC", after: at("2026-03-01T17:00:00Z"), now: at("2026-03-01T09:00:00Z") }),
    ).toBe(null);
  });

  it("reads the expression in its time zone, across a daylight-saving change", () => {
    // 09:30 in Amsterdam is 08:30 UTC before 2026-03-29 (summer time starts) and 07:30 UTC after.
    const daily = (now: string) => latestTick("30 9 * * *", "Europe/Amsterdam", at(now)).toISOString();
    expect(daily("2026-03-28T12:00:00Z")).toBe("2026-03-28T08:30:00.000Z");
    expect(daily("2026-03-30T12:00:00Z")).toBe("2026-03-30T07:30:00.000Z");
  });
});
