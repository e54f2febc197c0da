/** Queries of the hand-over of open items when someone's roles in a group end (hand-over.ts). */
import { and, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { schema, type Tx } from "../../platform/db/index.ts";

const { rolePeriods, foundationRoles, users, groups, people } = schema;
const CHUNK = 1000;

/** A role period as the hand-over reads it. */
export interface HeldPeriod {
  groupId: number;
  personId: number;
  role: string;
  startedOn: string;
  endedOn: string | null;
}

/**
 * Every role period of some people in some groups, in a few queries whatever their number
 * (people are taken a thousand at a time).
 */
export async function periodsOfPeopleInGroups(
  tx: Tx,
  personIds: readonly number[],
  groupIds: readonly number[],
): Promise<HeldPeriod[]> {
  const held: HeldPeriod[] = [];
  for (let i = 0; i < personIds.length; i += CHUNK) {
    held.push(
      ...(await tx
        .select({
          groupId: rolePeriods.groupId,
          personId: rolePeriods.personId,
          role: rolePeriods.role,
          startedOn: rolePeriods.startedOn,
          endedOn: rolePeriods.endedOn,
        })
        .from(rolePeriods)
        .where(
          and(
            inArray(rolePeriods.personId, personIds.slice(i, i + CHUNK)),
            inArray(rolePeriods.groupId, [...groupIds]),
          ),
        )),
    );
  }
  return held;
}

/** Id, slug and name of some groups. */
export async function groupsByIds(tx: Tx, groupIds: readonly number[]) {
  return tx
    .select({ id: groups.id, slug: groups.slug, name: groups.name })
    .from(groups)
    .where(inArray(groups.id, [...groupIds]));
}

/** The names of some people, by id. */
export async function personNamesByIds(tx: Tx, personIds: readonly number[]): Promise<Map<number, string>> {
  const rows = await tx
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, [...personIds]));
  return new Map(rows.map((p) => [p.id, p.name]));
}

/** Board Liaison periods running on `day` (of one person when given): group and person. */
export async function runningBoardLiaisons(tx: Tx, day: string, personId?: number) {
  return tx
    .select({ groupId: rolePeriods.groupId, personId: rolePeriods.personId })
    .from(rolePeriods)
    .where(
      and(
        eq(rolePeriods.role, "board-liaison"),
        lte(rolePeriods.startedOn, day),
        or(isNull(rolePeriods.endedOn), gt(rolePeriods.endedOn, day)),
        personId === undefined ? undefined : eq(rolePeriods.personId, personId),
      ),
    );
}

/**
 * The end day of each Board term a person started by `day` (through the person or their
 * account): the earlier of ended_on and term_ends_on, null while neither is set.
 */
export async function boardTermEndsOf(tx: Tx, personId: number, day: string): Promise<Array<string | null>> {
  const rows = await tx
    .select({
      // The Board term ends at the earlier of ended_on and term_ends_on (as the liaison check reads it).
      endsOn: sql<string | null>`least(${foundationRoles.endedOn}, ${foundationRoles.termEndsOn})::text`,
    })
    .from(foundationRoles)
    .leftJoin(users, eq(users.id, foundationRoles.userId))
    .where(
      and(
        eq(foundationRoles.role, "board-member"),
        lte(foundationRoles.startedOn, day),
        or(eq(foundationRoles.personId, personId), eq(users.personId, personId)),
      ),
    );
  return rows.map((r) => r.endsOn);
}
