/**
 * Ex officio group roles the charters give to holders of foundation roles. Pure: imports nothing
 * from platform/. The DSF President is always a member of the Code of Conduct working group and
 * its Board Liaison; Django Fellows are members of the mergers and releasers teams while their
 * Fellow role runs. Each ex officio role is dated like the foundation role it comes from.
 */
import type { FoundationRole, Holding } from "../../kernel/rules.ts";
import type { GroupRole } from "../governance.policy.ts";

/** One ex officio rule: holders of `foundationRole` hold `roles` in the group `groupSlug`. */
export interface ExOfficioRule {
  foundationRole: FoundationRole;
  groupSlug: string;
  roles: readonly GroupRole[];
}

/** The charters' ex officio rules. */
export const EX_OFFICIO_RULES: readonly ExOfficioRule[] = [
  { foundationRole: "president", groupSlug: "code-of-conduct", roles: ["member", "board-liaison"] },
  { foundationRole: "fellow", groupSlug: "mergers", roles: ["member"] },
  { foundationRole: "fellow", groupSlug: "releasers", roles: ["member"] },
];

/** The group slugs the rules name (to look their ids up). */
export const EX_OFFICIO_GROUP_SLUGS: readonly string[] = [
  ...new Set(EX_OFFICIO_RULES.map((r) => r.groupSlug)),
];

/**
 * Each ex officio group role some foundation-role holdings give, rule by rule: the group's id,
 * the group role and the holding it comes from; groups not present are skipped.
 */
function exOfficioOf<H extends { role: string }>(
  holdings: readonly H[],
  groupIdBySlug: ReadonlyMap<string, number>,
): Array<{ groupId: number; role: GroupRole; held: H }> {
  const out: Array<{ groupId: number; role: GroupRole; held: H }> = [];
  for (const rule of EX_OFFICIO_RULES) {
    const groupId = groupIdBySlug.get(rule.groupSlug);
    if (groupId === undefined) continue;
    for (const held of holdings) {
      if (held.role !== rule.foundationRole) continue;
      for (const role of rule.roles) out.push({ groupId, role, held });
    }
  }
  return out;
}

/** Group roles held ex officio, dated as the foundation roles behind them; groups not present are skipped. */
export function exOfficioRoles(input: {
  foundationRoles: ReadonlyArray<Holding & { role: FoundationRole }>;
  groupIdBySlug: ReadonlyMap<string, number>;
}): Array<Holding & { groupId: number; role: GroupRole; title: string }> {
  return exOfficioOf(input.foundationRoles, input.groupIdBySlug).map(({ groupId, role, held }) => ({
    groupId,
    role,
    title: "",
    startedOn: held.startedOn,
    endedOn: held.endedOn,
  }));
}

/** The foundation roles that give ex officio group roles. */
export const EX_OFFICIO_FOUNDATION_ROLES: readonly FoundationRole[] = [
  ...new Set(EX_OFFICIO_RULES.map((r) => r.foundationRole)),
];

/** Ex officio group roles of people holding foundation roles (for the membership rule). */
export function exOfficioOfPeople<P>(input: {
  holders: ReadonlyArray<Holding & { personId: number; role: string; person: P }>;
  groupIdBySlug: ReadonlyMap<string, number>;
}): Array<{
  groupId: number;
  personId: number;
  role: GroupRole;
  startedOn: string;
  endedOn: string | null;
  person: P;
}> {
  return exOfficioOf(input.holders, input.groupIdBySlug).map(({ groupId, role, held }) => ({
    groupId,
    personId: held.personId,
    role,
    startedOn: held.startedOn ?? "0001-01-01",
    endedOn: held.endedOn,
    person: held.person,
  }));
}
