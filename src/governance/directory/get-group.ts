import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import {
  selectEvents,
  selectGroupBySlug,
  selectLatestImports,
  selectRolesAndProposed,
} from "./directory.repo.ts";
import { groupDetail, proposedHolders, timelineEvent } from "./group-model.ts";
import type { HealthConfig } from "./health.ts";
import { importProvenance } from "./import-provenance.ts";
import type { GroupDetail, TimelineEvent } from "./schemas.ts";

/** Input of getGroup. */
export interface GetGroupInput {
  db: Db;
  health: HealthConfig;
  slug: string;
  /** The day membership is read for (YYYY-MM-DD). */
  day: string;
}

/** A group in full with its timeline (oldest first); throws not_found for an unknown slug. Six queries (one more for a group with ex officio members). */
export async function getGroup(
  input: GetGroupInput,
): Promise<{ group: GroupDetail; timeline: TimelineEvent[] }> {
  const row = await selectGroupBySlug(input.db, input.slug);
  if (!row) throw new AppError("not_found", { message: `No group with slug "${input.slug}".` });
  const [{ roles, proposed }, events, imports] = await Promise.all([
    selectRolesAndProposed(input.db, [row.id], input.day),
    selectEvents(input.db, { groupId: row.id }),
    selectLatestImports(input.db),
  ]);
  return {
    group: groupDetail(
      row,
      roles,
      events,
      input.health,
      importProvenance(imports),
      proposedHolders(proposed),
    ),
    timeline: events.map(timelineEvent),
  };
}
