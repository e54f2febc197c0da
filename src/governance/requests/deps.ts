/** What request operations need from the platform. */
import type { Clock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import type { Logger } from "../../platform/log.ts";

/** Platform services used by request operations. */
export interface RequestDeps {
  database: Database;
  clock: Clock;
  log?: Logger;
}
