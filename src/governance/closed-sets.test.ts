/**
 * The database's closed sets (CHECK constraints, platform/db/schema/closed-sets.ts) hold exactly
 * the values governance's rules use: a value added to a rule without a migration fails here.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { schema } from "../platform/db/index.ts";
import { GROUP_STATUSES } from "./charter/statuses.ts";
import { CadenceSchema, GroupKindSchema } from "./charter/types.ts";
import type { ApplicationStatus } from "./decisions/application-state.ts";
import type { CloseReason } from "./decisions/finish-vote.ts";
import type { BallotSecrecy, VoteBaseRule, VoteOutcome } from "./decisions/tally.ts";
import { GROUP_ROLES } from "./policy/group-roles.ts";
import type { CharterChange, RoleName } from "./registry/charter-changes.ts";

type Of<T extends readonly string[]> = T[number];
const sorted = (xs: readonly string[]) => [...xs].sort();

describe("the database's closed sets match governance's rules", () => {
  it("lists the same values", () => {
    expect(sorted(schema.GROUP_ROLE_NAMES)).toEqual(sorted(GROUP_ROLES));
    expect(sorted(schema.GROUP_STATUS_NAMES)).toEqual(sorted(GROUP_STATUSES));
    expect(sorted(schema.GROUP_KINDS)).toEqual(sorted(GroupKindSchema.options));
    expect(sorted(schema.CADENCES)).toEqual(sorted(CadenceSchema.options));
  });

  it("types the same values", () => {
    expectTypeOf<Of<typeof schema.CHARTER_ROLE_NAMES>>().toEqualTypeOf<RoleName>();
    expectTypeOf<Of<typeof schema.GROUP_EVENT_KINDS>>().toEqualTypeOf<CharterChange["kind"]>();
    expectTypeOf<Of<typeof schema.APPLICATION_STATUSES>>().toEqualTypeOf<ApplicationStatus>();
    expectTypeOf<Of<typeof schema.VOTE_OUTCOMES>>().toEqualTypeOf<VoteOutcome>();
    expectTypeOf<Of<typeof schema.BALLOT_SECRECY>>().toEqualTypeOf<BallotSecrecy>();
    expectTypeOf<Of<typeof schema.VOTE_BASE_RULES>>().toEqualTypeOf<VoteBaseRule>();
    expectTypeOf<Of<typeof schema.VOTE_CLOSE_REASONS>>().toEqualTypeOf<CloseReason>();
  });
});
