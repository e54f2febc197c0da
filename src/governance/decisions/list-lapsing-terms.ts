import { and, asc, eq, gt, isNotNull, isNull, lte, or } from "drizzle-orm";
import { schema } from "../../platform/db/index.ts";
import type { DbOrTx } from "./decisions.repo.ts";
import { addDays } from "./terms.ts";

const { rolePeriods, groups, people } = schema;

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
  const rows = await db
    .select({
      rolePeriodId: rolePeriods.id,
      groupId: groups.id,
      slug: groups.slug,
      groupName: groups.name,
      personId: people.id,
      personName: people.name,
      role: rolePeriods.role,
      termEndsOn: rolePeriods.termEndsOn,
    })
    .from(rolePeriods)
    .innerJoin(groups, eq(groups.id, rolePeriods.groupId))
    .innerJoin(people, eq(people.id, rolePeriods.personId))
    .where(
      and(
        isNotNull(rolePeriods.termEndsOn),
        gt(rolePeriods.termEndsOn, day),
        lte(rolePeriods.termEndsOn, addDays(day, input.withinDays)),
        lte(rolePeriods.startedOn, day),
        or(isNull(rolePeriods.endedOn), gt(rolePeriods.endedOn, day)),
        input.groupId === undefined ? undefined : eq(rolePeriods.groupId, input.groupId),
        input.personId === undefined ? undefined : eq(rolePeriods.personId, input.personId),
      ),
    )
    .orderBy(asc(rolePeriods.termEndsOn), asc(people.name));
  return rows.map((r) => ({
    rolePeriodId: r.rolePeriodId,
    group: { id: r.groupId, slug: r.slug, name: r.groupName },
    person: { id: r.personId, name: r.personName },
    role: r.role,
    termEndsOn: r.termEndsOn ?? "",
  }));
}
