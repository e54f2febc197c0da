/**
 * Where governance tells the kernel's owner registry that someone's roles in a group ended: after
 * leaving, removal, a lapsed term, a successor taking over, an administrator ending a period, and
 * a Board term over for a Board Liaison. Each runs in the transaction that ended the role.
 */
import { type AuditActor, notify, type RoleEnd, recordRoleEnds } from "../../kernel/index.ts";
import type { Tx } from "../../platform/db/index.ts";
import { heldRoles } from "../decisions/decisions.repo.ts";
import {
  boardTermEndsOf,
  groupsByIds,
  periodsOfPeopleInGroups,
  personNamesByIds,
  runningBoardLiaisons,
} from "./hand-over.repo.ts";
import { handoverFlaggedTemplate } from "./handover-flagged.template.ts";
import { registerTurnover } from "./register.ts";

/**
 * Hands people's open items in groups over when no role keeps them there from `endedOn` (a Chair
 * whose member term lapsed stays Chair: nothing is handed over). Set-based, so the term sweep's
 * thousands of lapses cost a few queries per group. Returns how many hand-overs were new.
 */
export async function handOverIfGone(
  tx: Tx,
  input: {
    ends: readonly RoleEnd[];
    now: Date;
    by: AuditActor;
    /** Roles that do not keep the person there (a Board Liaison off the Board). */
    notCounting?: readonly string[];
  },
): Promise<number> {
  registerTurnover();
  // Every period of the people concerned, in a few queries whatever the number of groups.
  const people = [...new Set(input.ends.map((e) => e.personId))];
  const groupIds = [...new Set(input.ends.map((e) => e.groupId))];
  const held = await periodsOfPeopleInGroups(tx, people, groupIds);
  const byPair = new Map<string, typeof held>();
  for (const p of held)
    byPair.set(`${p.groupId}:${p.personId}`, [...(byPair.get(`${p.groupId}:${p.personId}`) ?? []), p]);
  const gone = input.ends.filter(
    (e) =>
      !(byPair.get(`${e.groupId}:${e.personId}`) ?? []).some(
        (p) =>
          !(input.notCounting ?? []).includes(p.role) &&
          p.startedOn <= e.endedOn &&
          (p.endedOn === null || p.endedOn > e.endedOn),
      ),
  );
  if (gone.length === 0) return 0;
  const recorded = await recordRoleEnds(tx, { ends: gone, now: input.now, by: input.by });
  await tellChairs(tx, { flagged: recorded.newlyFlagged, ends: gone, now: input.now });
  return recorded.handovers;
}

/**
 * Tells each group's Chair and Co-Chair (else its liaisons) once per hand-over, in the same
 * transaction, that a leaver's items there need a new owner. The leaver is never told this way
 * (they are asked for their note instead).
 */
async function tellChairs(
  tx: Tx,
  input: {
    flagged: ReadonlyArray<{ handoverId: number; groupId: number; personId: number; titles: string[] }>;
    ends: readonly RoleEnd[];
    now: Date;
  },
): Promise<void> {
  if (input.flagged.length === 0) return;
  const groupIds = [...new Set(input.flagged.map((f) => f.groupId))];
  const groupRows = await groupsByIds(tx, groupIds);
  const personIds = [...new Set(input.flagged.map((f) => f.personId))];
  const names = await personNamesByIds(tx, personIds);
  for (const group of groupRows) {
    const flags = input.flagged.filter((f) => f.groupId === group.id);
    const day = input.ends
      .filter((e) => e.groupId === group.id)
      .map((e) => e.endedOn)
      .sort()[0];
    if (!day) continue;
    const held = await heldRoles(tx, group.id, day);
    const chairs = held.filter((h) => h.role === "chair" || h.role === "co-chair").map((h) => h.personId);
    const chosen = chairs.length
      ? chairs
      : held.filter((h) => h.role === "board-liaison").map((h) => h.personId);
    const items = flags.flatMap((f) =>
      [...new Set(chosen)]
        .filter((to) => to !== f.personId)
        .map((to) => ({
          to: { personId: to },
          dedupeKey: `handover-flagged:${f.handoverId}:${to}`,
          data: {
            handoverId: f.handoverId,
            groupSlug: group.slug,
            groupName: group.name,
            personName: names.get(f.personId) ?? "Someone",
            items: f.titles,
          },
        })),
    );
    if (items.length === 0) continue;
    await notify(tx, {
      kind: "handover.flagged",
      template: handoverFlaggedTemplate,
      at: input.now,
      cause: "roles ended",
      items,
    });
  }
}

/** Hands one person's open items in one group over when no role keeps them there. */
export async function handOverOneIfGone(
  tx: Tx,
  input: RoleEnd & { now: Date; by: AuditActor },
): Promise<void> {
  const { now, by, ...end } = input;
  await handOverIfGone(tx, { ends: [end], now, by });
}

/**
 * Board Liaisons whose Board term is over on `day` (ended, or its term end passed without a
 * renewal) while their liaison role still runs: their open items in that group are handed over,
 * dated from the Board term's end. Idempotent: the same end is recorded once.
 */
export async function handOverOffBoardLiaisons(
  tx: Tx,
  input: { day: string; now: Date; by: AuditActor; personId?: number },
): Promise<number> {
  const { day } = input;
  const liaisons = await runningBoardLiaisons(tx, day, input.personId);
  const boardEnds = new Map<number, string | null>();
  const ends: RoleEnd[] = [];
  for (const l of liaisons) {
    if (!boardEnds.has(l.personId)) boardEnds.set(l.personId, await boardTermOver(tx, l.personId, day));
    const endedOn = boardEnds.get(l.personId);
    if (!endedOn) continue;
    ends.push({
      groupId: l.groupId,
      personId: l.personId,
      endedOn,
      cause: "board-term",
      reason: "Board term over (Board Liaison)",
    });
  }
  return handOverIfGone(tx, { ends, now: input.now, by: input.by, notCounting: ["board-liaison"] });
}

/** The day a person's Board term ended, when it is over on `day` (null: still on the Board, or never was). */
async function boardTermOver(tx: Tx, personId: number, day: string): Promise<string | null> {
  const ends = await boardTermEndsOf(tx, personId, day);
  if (ends.length === 0) return null;
  if (ends.some((e) => e === null || e > day)) return null;
  return (ends as string[]).sort().at(-1) ?? null;
}
