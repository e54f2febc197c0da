import { describe, expect, it } from "vitest";
import { ANONYMOUS } from "../identity/actor.ts";
import { holdsOn } from "../identity/dated.ts";
import { kernelPolicy } from "./kernel.policy.ts";
import {
  actionScopes,
  allow,
  anonymousDenial,
  decide,
  definePolicy,
  deny,
  publicActions,
  registerPolicy,
} from "./permissions.ts";

const admin = {
  ...ANONYMOUS,
  userId: 1,
  foundationRoles: [{ role: "site-admin" as const, startedOn: "2026-01-01", endedOn: null }],
};

describe("the action registry", () => {
  registerPolicy(kernelPolicy);
  const room = registerPolicy(
    definePolicy({
      room: "test-room",
      actions: {
        "test.open": { scope: "read", public: true, rule: () => allow("Open.") },
        "test.closed": { scope: "groups", rule: () => deny("Closed.") },
      },
      auditKinds: ["test.happened"],
    }),
  );

  it("derives the scopes and the public actions from what rooms register", () => {
    expect(actionScopes()).toMatchObject({
      "test.open": "read",
      "test.closed": "groups",
      "admin.roles": "admin",
    });
    expect(publicActions().has("test.open")).toBe(true);
    expect(publicActions().has("test.closed")).toBe(false);
    expect(anonymousDenial("test.closed")?.denial).toBe("sign-in");
    expect(anonymousDenial("test.open")).toBeNull();
  });

  it("asks the registered rule, after the token's scope", () => {
    expect(decide(admin, "test.closed", { kind: "site" }, "2026-06-01")).toMatchObject({
      allowed: false,
      reason: "Closed.",
    });
    expect(decide({ ...admin, scopes: ["read"] }, "test.closed", { kind: "site" }, "2026-06-01").denial).toBe(
      "scope",
    );
    expect(decide(admin, "admin.roles", { kind: "site" }, "2026-06-01").allowed).toBe(true);
    expect(decide(admin, "admin.roles", { kind: "site" }, "2025-12-31").allowed).toBe(false);
  });

  it("refuses an action no room registered, and one action claimed by two rooms", () => {
    expect(() => decide(admin, "test.missing", { kind: "site" }, "2026-06-01")).toThrow(/No room registered/);
    expect(() =>
      registerPolicy(
        definePolicy({
          room: "other-room",
          actions: { "test.open": { scope: "read", rule: () => allow("Mine.") } },
          auditKinds: [],
        }),
      ),
    ).toThrow(/registered by test-room and other-room/);
    // Registering the same room again changes nothing.
    expect(registerPolicy(room)).toBe(room);
  });
});

describe("dated roles", () => {
  it("are held from the first day until the day before the end", () => {
    const h = { startedOn: "2026-01-01", endedOn: "2026-02-01" };
    expect([
      holdsOn(h, "2025-12-31"),
      holdsOn(h, "2026-01-01"),
      holdsOn(h, "2026-01-31"),
      holdsOn(h, "2026-02-01"),
    ]).toEqual([false, true, true, false]);
    expect(holdsOn({ startedOn: null, endedOn: null }, "1999-01-01")).toBe(true);
  });
});
