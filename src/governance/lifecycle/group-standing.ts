/** A group's standing for shutdown: its current participants against the minimum, and its defunct flag. */

import type { GroupKind } from "../charter/types.ts";
import { type DbOrTx, foundationRoleHolders, heldRoles } from "../decisions/decisions.repo.ts";
import { currentMembership } from "../registry/current-membership.ts";
import { selectRoleSources } from "../registry/role-sources.repo.ts";
import { groupReporting } from "../reports/reporting-status.ts";
import { forcedShutdownGrounds, type GroundFinding, type Participant } from "./shutdown-rules.ts";

/** The participants and the forced grounds that hold for a group on `day`. */
export async function groupStanding(input: {
  db: DbOrTx;
  group: { id: number; slug: string; kind: string };
  day: string;
}): Promise<{ participants: Participant[]; grounds: GroundFinding[]; defunctSince: string | null }> {
  const held = await heldRoles(input.db, input.group.id, input.day);
  const board = new Set(await foundationRoleHolders(input.db, "board-member", input.day));
  const byPerson = new Map<number, string[]>();
  for (const r of held) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r.role]);
  const participants = [...byPerson].map(([personId, roles]) => ({
    personId,
    roles,
    onBoard: board.has(personId),
  }));
  const [reporting] = await groupReporting({
    db: input.db,
    day: input.day,
    today: input.day,
    slug: input.group.slug,
  });
  const defunctSince = reporting?.defunctSince ?? null;
  const kind: GroupKind = input.group.kind === "team" ? "team" : "working-group";
  return { participants, defunctSince, grounds: forcedShutdownGrounds({ kind, participants, defunctSince }) };
}

/**
 * `groupStanding` for many groups at once, in one query per kind (role sources, the Board, and
 * every group's reporting, which the caller may pass when it has it already). By group id.
 */
export async function groupStandings(input: {
  db: DbOrTx;
  groups: ReadonlyArray<{ id: number; slug: string; kind: string }>;
  day: string;
  reporting?: ReadonlyArray<{ group: { slug: string }; defunctSince: string | null }>;
}): Promise<
  Map<number, { participants: Participant[]; grounds: GroundFinding[]; defunctSince: string | null }>
> {
  const out = new Map<
    number,
    { participants: Participant[]; grounds: GroundFinding[]; defunctSince: string | null }
  >();
  if (input.groups.length === 0) return out;
  const sources = await selectRoleSources(input.db, { groupIds: input.groups.map((g) => g.id) });
  const held = currentMembership({ ...sources, day: input.day }).filter((r) => r.role !== "alumnus");
  const board = new Set(await foundationRoleHolders(input.db, "board-member", input.day));
  const reporting =
    input.reporting ?? (await groupReporting({ db: input.db, day: input.day, today: input.day }));
  const defunct = new Map(reporting.map((r) => [r.group.slug, r.defunctSince]));
  const byGroup = new Map<number, Map<number, string[]>>();
  for (const r of held) {
    const byPerson = byGroup.get(r.groupId) ?? new Map<number, string[]>();
    byGroup.set(r.groupId, byPerson);
    byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r.role]);
  }
  for (const group of input.groups) {
    const participants = [...(byGroup.get(group.id) ?? new Map<number, string[]>())].map(
      ([personId, roles]) => ({
        personId,
        roles,
        onBoard: board.has(personId),
      }),
    );
    const defunctSince = defunct.get(group.slug) ?? null;
    const kind: GroupKind = group.kind === "team" ? "team" : "working-group";
    out.set(group.id, {
      participants,
      defunctSince,
      grounds: forcedShutdownGrounds({ kind, participants, defunctSince }),
    });
  }
  return out;
}
