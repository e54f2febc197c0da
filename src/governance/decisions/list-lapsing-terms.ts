import type { DbOrTx } from "./decisions.repo.ts";
import { selectLapsingPeriods } from "./membership.repo.ts";
import { addDays } from "./terms.ts";

/** A term ending soon. */
export interface LapsingTerm {
  rolePeriodId: number;
  group: { id: number; slug: string; name: string };
  person: { id: number; name: string };
  role: string;
  termEndsOn: string;
}

/** Terms ending within `withinDays` of `day` (all groups, one group, or one person), soonest first. */
export async function listLapsingTerms(input: {
  db: DbOrTx;
  day: string;
  withinDays: number;
  groupId?: number;
  personId?: number;
}): Promise<LapsingTerm[]> {
  const { db, day } = input;
  const rows = await selectLapsingPeriods(db, {
    day,
    until: addDays(day, input.withinDays),
    groupId: input.groupId,
    personId: input.personId,
  });
  return rows.map((r) => ({
    rolePeriodId: r.rolePeriodId,
    group: { id: r.groupId, slug: r.slug, name: r.groupName },
    person: { id: r.personId, name: r.personName },
    role: r.role,
    termEndsOn: r.termEndsOn ?? "",
  }));
}
