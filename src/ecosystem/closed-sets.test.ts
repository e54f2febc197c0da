/**
 * The database's closed sets (CHECK constraints, platform/db/schema/closed-sets.ts) hold exactly
 * the values the ecosystem's sync and health rules use.
 */
import { describe, expectTypeOf, it } from "vitest";
import type { schema } from "../platform/db/index.ts";
import type { RepositorySignals } from "./health/compute-health.ts";
import type { ProblemKind } from "./sync/pypi-documents.ts";

type Of<T extends readonly string[]> = T[number];

describe("the database's closed sets match the ecosystem's rules", () => {
  it("types the same values", () => {
    expectTypeOf<Of<typeof schema.SYNC_PROBLEM_KINDS>>().toEqualTypeOf<ProblemKind>();
    expectTypeOf<Of<typeof schema.REPOSITORY_STATUSES>>().toEqualTypeOf<RepositorySignals["status"]>();
  });
});
