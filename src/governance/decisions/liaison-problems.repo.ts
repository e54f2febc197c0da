/**
 * What the Board Liaison problems are computed from, for every active group (or one) at once:
 * one query per kind, not per group or per liaison.
 */
import { and, eq, gt, isNull, lte, or } from "drizzle-orm";
import { anyOf, schema } from "../../platform/db/index.ts";
import { effectiveRoles } from "../registry/current-membership.ts";
import { selectRoleSources } from "../registry/role-sources.repo.ts";
import type { DbOrTx } from "./decisions.repo.ts";
import { boardTermsOfPeople } from "./membership.repo.ts";

const { groups, people, rolePeriods } = schema;

/** Active groups, their liaisons (periods and charter), the next recorded liaison, names and Board terms. */
export async function loadLiaisonFacts(db: DbOrTx, input: { day: string; groupId?: number | undefined }) {
  const { day } = input;
  const active = await db
    .select({ id: groups.id, slug: groups.slug, name: groups.name, kind: groups.kind })
    .from(groups)
    .where(
      and(
        eq(groups.status, "active"),
        input.groupId === undefined ? undefined : eq(groups.id, input.groupId),
      ),
    )
    .orderBy(groups.name);
  // One query per kind for every active group (not per group, nor per liaison).
  const ids = active.map((g) => g.id);
  const liaisonRole = and(anyOf(rolePeriods.groupId, ids), eq(rolePeriods.role, "board-liaison"));
  const currentPeriods =
    ids.length === 0
      ? []
      : await db
          .select({ groupId: rolePeriods.groupId, personId: rolePeriods.personId })
          .from(rolePeriods)
          .where(
            and(
              liaisonRole,
              lte(rolePeriods.startedOn, day),
              or(isNull(rolePeriods.endedOn), gt(rolePeriods.endedOn, day)),
            ),
          )
          .orderBy(rolePeriods.groupId, rolePeriods.id);
  const charterLiaisons =
    ids.length === 0
      ? []
      : effectiveRoles(await selectRoleSources(db, { groupIds: ids })).filter(
          (r) => r.source === "charter" && r.role === "board-liaison",
        );
  const laterPeriods =
    ids.length === 0
      ? []
      : await db
          .select({
            groupId: rolePeriods.groupId,
            id: people.id,
            name: people.name,
            startedOn: rolePeriods.startedOn,
          })
          .from(rolePeriods)
          .innerJoin(people, eq(people.id, rolePeriods.personId))
          .where(and(liaisonRole, gt(rolePeriods.startedOn, day)))
          .orderBy(rolePeriods.startedOn, rolePeriods.id);
  const nextOf = new Map<number, (typeof laterPeriods)[number]>();
  for (const r of laterPeriods) if (!nextOf.has(r.groupId)) nextOf.set(r.groupId, r);
  const liaisonsOf = new Map<number, number[]>();
  for (const p of [...currentPeriods, ...charterLiaisons]) {
    const list = liaisonsOf.get(p.groupId) ?? [];
    if (!list.includes(p.personId)) list.push(p.personId);
    liaisonsOf.set(p.groupId, list);
  }
  const everyLiaison = [...new Set([...liaisonsOf.values()].flat())];
  const names =
    everyLiaison.length === 0
      ? new Map<number, { id: number; name: string }>()
      : new Map(
          (
            await db
              .select({ id: people.id, name: people.name })
              .from(people)
              .where(anyOf(people.id, everyLiaison))
          ).map((p) => [p.id, p]),
        );
  const boardRoles = await boardTermsOfPeople(db, everyLiaison);
  return { active, nextOf, liaisonsOf, names, boardRoles };
}
