/** A group's standing for shutdown: its current participants against the minimum, and its defunct flag. */

import type { GroupKind } from "../charter/types.ts";
import { type DbOrTx, foundationRoleHolders, heldRoles } from "../decisions/decisions.repo.ts";
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
