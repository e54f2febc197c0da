/** Queries behind "My groups". */
import { and, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import { schema } from "../../platform/db/index.ts";
import { isPublicPerson } from "../registry/public-people.repo.ts";
import type { DbOrTx } from "./decisions.repo.ts";

const { rolePeriods, groups, people } = schema;

/** The person's role periods held on `day`, with their term ends. */
export async function currentPeriodsOfPerson(db: DbOrTx, personId: number, day: string) {
  return db
    .select({
      id: rolePeriods.id,
      groupId: rolePeriods.groupId,
      role: rolePeriods.role,
      title: rolePeriods.title,
      startedOn: rolePeriods.startedOn,
      termEndsOn: rolePeriods.termEndsOn,
    })
    .from(rolePeriods)
    .where(
      and(
        eq(rolePeriods.personId, personId),
        lte(rolePeriods.startedOn, day),
        or(isNull(rolePeriods.endedOn), gt(rolePeriods.endedOn, day)),
      ),
    );
}

/** Groups by id, with their charters (for terms and the membership model). */
export async function groupsByIds(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: groups.id,
      slug: groups.slug,
      name: groups.name,
      status: groups.status,
      charter: groups.charter,
    })
    .from(groups)
    .where(inArray(groups.id, [...ids]));
}

/** A person's name and whether the public may see them. */
export async function personWithVisibility(db: DbOrTx, personId: number) {
  const [row] = await db
    .select({ id: people.id, name: people.name, public: isPublicPerson(people.id).mapWith(Boolean) })
    .from(people)
    .where(eq(people.id, personId));
  return row;
}
