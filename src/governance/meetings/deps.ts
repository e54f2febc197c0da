/** What meeting operations take. */
import type { DecisionActor } from "../decisions/decisions.repo.ts";
import type { DecisionDeps } from "../decisions/deps.ts";

/** Platform services (database, clock) and who acts. */
export interface MeetingCall {
  deps: DecisionDeps;
  actor: DecisionActor;
}
