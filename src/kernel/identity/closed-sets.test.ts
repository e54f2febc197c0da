/** The database's foundation roles and session methods are the kernel's. */
import { describe, expect, expectTypeOf, it } from "vitest";
import { schema } from "../../platform/db/index.ts";
import { FOUNDATION_ROLES } from "./actor.ts";
import type { startSession } from "./start-session.ts";

describe("the database's closed sets match the kernel's", () => {
  it("lists the same foundation roles", () => {
    expect([...schema.FOUNDATION_ROLE_NAMES].sort()).toEqual([...FOUNDATION_ROLES].sort());
  });
  it("types the same sign-in methods", () => {
    expectTypeOf<(typeof schema.SESSION_METHODS)[number]>().toEqualTypeOf<
      Parameters<typeof startSession>[0]["method"]
    >();
  });
});
