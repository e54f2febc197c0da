/** What decision operations need from the platform, and how they read input. */
import type { z } from "zod";
import type { Clock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { validationError } from "../../platform/errors.ts";
import type { Logger } from "../../platform/log.ts";
import type { DecisionActor } from "./decisions.repo.ts";

/** Platform services used by decision operations. */
export interface DecisionDeps {
  database: Database;
  clock: Clock;
  log?: Logger;
}

/**
 * Test seams: called inside the transaction at named points, so a test can make the transaction
 * fail half-way and check that nothing was applied.
 */
export interface DecisionHooks {
  /** After the tally and the vote's outcome are written, before the membership change. */
  afterTally?: (voteId: number) => void | Promise<void>;
}

/** The common first argument fields of decision operations. */
export interface DecisionCall {
  deps: DecisionDeps;
  actor: DecisionActor;
}

/** Parses `input` with `schema` or throws a validation AppError naming the field; changes nothing. */
export function parseInput<S extends z.ZodType>(what: string, schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(what, parsed.error.issues);
  return parsed.data;
}

/** True for the command line and the system: trusted callers with no person behind them. */
export function isTrustedCaller(actor: DecisionActor): boolean {
  return actor.userId === null && actor.personId === null;
}
