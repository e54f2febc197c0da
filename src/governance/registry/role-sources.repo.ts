/** The one query behind current membership: the charter's roles and the role periods, with their holders. */
import { and, asc, type Column, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { anyOf, type Db, type Tx } from "../../platform/db/index.ts";
import { foundationRoles, groupRoles, groups, people, rolePeriods, users } from "../../platform/db/schema.ts";
import {
  EX_OFFICIO_FOUNDATION_ROLES,
  EX_OFFICIO_GROUP_SLUGS,
  exOfficioOfPeople,
} from "../policy/ex-officio.ts";
import type { CharterRoleSource, ExOfficioSource, RolePeriodSource } from "./current-membership.ts";

/** A role holder as pages show them. */
export interface RoleHolder {
  id: number;
  slug: string;
  name: string;
  handle: string | null;
}

/** What `currentMembership` and `effectiveRoles` combine. */
export interface RoleSources {
  charterRoles: CharterRoleSource<RoleHolder>[];
  periods: RolePeriodSource<RoleHolder>[];
  exOfficio: ExOfficioSource<RoleHolder>[];
}

const holder = { id: people.id, slug: people.slug, name: people.name, handle: people.handle };

/** Rows of a role table in the given groups (all when undefined), of one person when given. */
function ofGroupsAndPerson(
  table: { groupId: Column; personId: Column },
  filter: { groupIds?: readonly number[] | undefined; personId?: number | undefined },
) {
  return and(
    filter.groupIds ? anyOf(table.groupId, filter.groupIds) : undefined,
    filter.personId === undefined ? undefined : eq(table.personId, filter.personId),
  );
}

/**
 * Charter roles and role periods of the given groups (all when `groupIds` is undefined),
 * optionally of one person only.
 */
export async function selectRoleSources(
  db: Db | Tx,
  filter: { groupIds?: readonly number[] | undefined; personId?: number | undefined },
): Promise<RoleSources> {
  const { groupIds, personId } = filter;
  if (groupIds && groupIds.length === 0) return { charterRoles: [], periods: [], exOfficio: [] };
  // Sequential: inside a transaction both run on one connection.
  const charterRoles = await db
    .select({
      groupId: groupRoles.groupId,
      personId: groupRoles.personId,
      role: groupRoles.role,
      title: groupRoles.title,
      position: groupRoles.position,
      // A tentative holder ("Jane Doe?") is proposed for the role and holds nothing yet:
      // current-membership.ts leaves them out; the directory shows them as proposed.
      tentative: groupRoles.tentative,
      person: holder,
    })
    .from(groupRoles)
    .innerJoin(people, eq(people.id, groupRoles.personId))
    .where(ofGroupsAndPerson(groupRoles, filter))
    .orderBy(asc(groupRoles.groupId), asc(groupRoles.position), asc(groupRoles.id));
  const periods = await db
    .select({
      groupId: rolePeriods.groupId,
      personId: rolePeriods.personId,
      role: rolePeriods.role,
      title: rolePeriods.title,
      startedOn: rolePeriods.startedOn,
      endedOn: rolePeriods.endedOn,
      person: holder,
    })
    .from(rolePeriods)
    .innerJoin(people, eq(people.id, rolePeriods.personId))
    .where(ofGroupsAndPerson(rolePeriods, filter))
    .orderBy(asc(rolePeriods.groupId), asc(rolePeriods.startedOn), asc(rolePeriods.id));
  // Ex officio: holders of the foundation roles the charters name, in the groups they name.
  const exGroups = await db
    .select({ id: groups.id, slug: groups.slug })
    .from(groups)
    .where(
      and(
        inArray(groups.slug, [...EX_OFFICIO_GROUP_SLUGS]),
        groupIds ? anyOf(groups.id, groupIds) : undefined,
      ),
    );
  let exOfficio: ExOfficioSource<RoleHolder>[] = [];
  if (exGroups.length > 0) {
    const holderId = sql<number>`coalesce(${foundationRoles.personId}, ${users.personId})`;
    const holders = await db
      .select({
        personId: holderId,
        role: foundationRoles.role,
        startedOn: foundationRoles.startedOn,
        endedOn: foundationRoles.endedOn,
        person: holder,
      })
      .from(foundationRoles)
      .leftJoin(users, eq(users.id, foundationRoles.userId))
      .innerJoin(people, eq(people.id, holderId))
      .where(
        and(
          inArray(foundationRoles.role, [...EX_OFFICIO_FOUNDATION_ROLES]),
          or(isNotNull(foundationRoles.personId), isNotNull(users.personId)),
          personId === undefined ? undefined : eq(holderId, personId),
        ),
      );
    exOfficio = exOfficioOfPeople({ holders, groupIdBySlug: new Map(exGroups.map((g) => [g.slug, g.id])) });
  }
  return { charterRoles, periods, exOfficio };
}
