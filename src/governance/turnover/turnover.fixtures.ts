/** Test fixtures for turnover tests: a flagged hand-over item given a new owner. */

import { type AuditActor, reassignOpenItem } from "../../kernel/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { SYSTEM_ACTOR } from "../decisions/decisions.repo.ts";

/** Gives the hand-over item a new owner at the clock's time, by the system unless `by` says who. */
export function reassignItem(
  database: Database,
  clock: Clock,
  handoverItemId: number,
  toPersonId: number,
  by: AuditActor = SYSTEM_ACTOR,
) {
  return reassignOpenItem({ db: database.db, now: clock.now(), by, handoverItemId, toPersonId });
}
