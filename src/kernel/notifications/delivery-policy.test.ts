import { describe, expect, it } from "vitest";
import { afterFailure, DEFAULT_DELIVERY_POLICY } from "./delivery-policy.ts";

const now = new Date("2026-03-01T12:00:00Z");
const policy = DEFAULT_DELIVERY_POLICY;

describe("delivery retries", () => {
  it("backs off after each failure and gives up after the last attempt", () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map((attempts) => {
      const next = afterFailure({ attempts, permanent: false, now, policy });
      return next.status === "pending" ? (next.nextAttemptAt.getTime() - now.getTime()) / 60_000 : null;
    });
    expect(waits).toEqual([1, 5, 15, 60, 180, 360, 720]);
    expect(afterFailure({ attempts: 8, permanent: false, now, policy })).toEqual({ status: "failed" });
    expect(afterFailure({ attempts: 80, permanent: false, now, policy })).toEqual({ status: "failed" });
  });

  it("fails a permanent refusal at once, and repeats the last wait when the list is short", () => {
    expect(afterFailure({ attempts: 1, permanent: true, now, policy })).toEqual({ status: "failed" });
    const short = { ...policy, maxAttempts: 5, backoffMinutes: [2] };
    const fourth = afterFailure({ attempts: 4, permanent: false, now, policy: short });
    expect(fourth.status === "pending" && fourth.nextAttemptAt.toISOString()).toBe(
      "2026-03-01T12:02:00.000Z",
    );
  });
});
