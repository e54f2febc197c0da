import type { Db } from "../../platform/db/index.ts";
import { selectGroupRows, selectLatestImports, selectRoles } from "./directory.repo.ts";
import { groupRoles, STATUS_ORDER, summarise } from "./group-model.ts";
import type { HealthConfig } from "./health.ts";
import { importProvenance } from "./import-provenance.ts";
import type { GroupFilter, GroupList } from "./schemas.ts";

/** Input of listGroups. */
export interface ListGroupsInput {
  db: Db;
  health: HealthConfig;
  filter: GroupFilter;
  /** The day membership is read for (YYYY-MM-DD). */
  day: string;
}

/** The directory: groups passing the filter, by section (active, draft, proposed, archived) then name, with where they come from. Six queries. */
export async function listGroups(input: ListGroupsInput): Promise<GroupList> {
  const [rows, imports] = await Promise.all([
    selectGroupRows(input.db, input.filter),
    selectLatestImports(input.db),
  ]);
  const roleRows = await selectRoles(
    input.db,
    input.filter.kind || input.filter.status ? rows.map((r) => r.id) : undefined,
    input.day,
  );
  const byGroup = new Map<number, typeof roleRows>();
  for (const r of roleRows) {
    const list = byGroup.get(r.groupId);
    if (list) list.push(r);
    else byGroup.set(r.groupId, [r]);
  }
  const rank = (status: string) => {
    const i = (STATUS_ORDER as readonly string[]).indexOf(status);
    return i === -1 ? STATUS_ORDER.length : i;
  };
  const sorted = [...rows].sort((a, b) => rank(a.status) - rank(b.status));
  return {
    filter: { kind: input.filter.kind ?? null, status: input.filter.status ?? null },
    groups: sorted.map((row) => summarise(row, groupRoles(byGroup.get(row.id) ?? []), input.health)),
    provenance: importProvenance(imports),
  };
}
