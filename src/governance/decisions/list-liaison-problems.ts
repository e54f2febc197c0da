import { listHandovers, type OpenItem, openItemSources } from "../../kernel/index.ts";
import { formatDay } from "../../platform/view/time.tsx";
import { registerTurnover } from "../turnover/register.ts";
import type { DbOrTx } from "./decisions.repo.ts";
import { loadLiaisonFacts } from "./liaison-problems.repo.ts";
import { addDays } from "./terms.ts";

/** A Board Liaison problem shown on the group's page and on /board until a new liaison is recorded. */
export interface LiaisonProblem {
  group: { id: number; slug: string; name: string; kind: string };
  /** no-liaison: a working group without one; off-board: the liaison's Board term has ended;
   * ending-soon: it ends within the warning window. */
  kind: "no-liaison" | "off-board" | "ending-soon";
  liaison: { id: number; name: string } | null;
  /** The day the liaison's Board term ended or ends, when known. */
  boardTermEndsOn: string | null;
  /** A new liaison already recorded from a later day, if any (the gap lasts until then). */
  planned: { person: { id: number; name: string }; startedOn: string } | null;
  message: string;
  /**
   * What the liaison owns in the group: open items today, and their hand-over once their Board
   * term is over (with the items still needing a new owner). Null without a liaison.
   */
  owned: LiaisonOwned | null;
}

/** What a liaison owns in a group (LiaisonProblem.owned). */
export interface LiaisonOwned {
  openItems: number;
  handover: { id: number; needingOwner: number } | null;
}

/** What each liaison owns in each group: one listing per open-item source and one of hand-overs. */
async function ownedByAll(
  db: DbOrTx,
  pairs: ReadonlyArray<{ groupId: number; personId: number }>,
): Promise<(groupId: number, personId: number) => LiaisonOwned> {
  registerTurnover();
  const key = (groupId: number, personId: number) => `${groupId}:${personId}`;
  const groupIds = [...new Set(pairs.map((p) => p.groupId))];
  const openItems = new Map<string, number>();
  const handovers = new Map<string, LiaisonOwned["handover"]>();
  if (groupIds.length > 0) {
    for (const source of openItemSources()) {
      const byGroup = new Map<number, OpenItem[]>();
      if (source.listOpenForGroups) {
        for (const [id, items] of await source.listOpenForGroups(db, { groupIds })) byGroup.set(id, items);
      } else {
        for (const groupId of groupIds) byGroup.set(groupId, await source.listOpenForGroup(db, { groupId }));
      }
      for (const [groupId, items] of byGroup) {
        for (const item of items) {
          if (item.ownerPersonId === null) continue;
          const k = key(groupId, item.ownerPersonId);
          openItems.set(k, (openItems.get(k) ?? 0) + 1);
        }
      }
    }
    // Newest first (listHandovers' order), so the first of a pair is its latest.
    for (const h of await listHandovers(db, { groupIds })) {
      const k = key(h.group.id, h.person.id);
      if (!handovers.has(k)) handovers.set(k, { id: h.id, needingOwner: h.needingOwner });
    }
  }
  return (groupId, personId) => ({
    openItems: openItems.get(key(groupId, personId)) ?? 0,
    handover: handovers.get(key(groupId, personId)) ?? null,
  });
}

/** Board Liaison currency for every active group (or one group): liaisons whose Board term ended. */
export async function listLiaisonProblems(input: {
  db: DbOrTx;
  day: string;
  groupId?: number;
  warnDays?: number;
}): Promise<LiaisonProblem[]> {
  const { db, day } = input;
  const warnUntil = addDays(day, input.warnDays ?? 60);
  const { active, nextOf, liaisonsOf, names, boardRoles } = await loadLiaisonFacts(db, {
    day,
    groupId: input.groupId,
  });
  const problems: Array<LiaisonProblem & { ownedBy?: number }> = [];
  for (const group of active) {
    const next = nextOf.get(group.id);
    const planned = next ? { person: { id: next.id, name: next.name }, startedOn: next.startedOn } : null;
    const plannedText = planned
      ? ` ${planned.person.name} is recorded as the next Board Liaison from ${formatDay(planned.startedOn)}.`
      : "";
    const liaisons = liaisonsOf.get(group.id) ?? [];
    if (liaisons.length === 0) {
      if (group.kind === "working-group") {
        problems.push({
          group,
          kind: "no-liaison",
          liaison: null,
          boardTermEndsOn: null,
          planned,
          message: `No Board Liaison is recorded; a working group must have one.${plannedText}`,
          owned: null,
        });
      }
      continue;
    }
    const statuses = [];
    for (const personId of liaisons) {
      const person = names.get(personId);
      const roles = boardRoles.filter((r) => r.personId === personId || r.userPersonId === personId);
      // The Board term ends at the earlier of ended_on and term_ends_on.
      const ends = roles
        .filter((r) => r.startedOn <= day)
        .map((r) => [r.endedOn, r.termEndsOn].filter((d): d is string => d !== null).sort()[0] ?? null);
      const current = ends.filter((e) => e === null || e > day);
      const endsOn = current.includes(null)
        ? null
        : (current.sort().at(-1) ??
          ends
            .filter((e): e is string => e !== null)
            .sort()
            .at(-1) ??
          null);
      statuses.push({ person: person ?? { id: personId, name: "" }, current: current.length > 0, endsOn });
    }
    // One liaison on the Board is enough: a new liaison recorded clears the problem.
    if (statuses.some((s) => s.current && (s.endsOn === null || s.endsOn > warnUntil))) continue;
    const onBoard = statuses.filter((s) => s.current);
    if (onBoard.length > 0) {
      // A successor recorded from a later day is the plan the warning asks for.
      if (planned) continue;
      const s = onBoard[0];
      if (s) {
        problems.push({
          group,
          kind: "ending-soon",
          liaison: s.person,
          boardTermEndsOn: s.endsOn,
          planned,
          message: `The Board Liaison ${s.person.name}'s Board term ends on ${formatDay(s.endsOn ?? "")}; plan a new liaison.`,
          owned: null,
          ownedBy: s.person.id,
        });
      }
      continue;
    }
    for (const s of statuses) {
      problems.push({
        group,
        kind: "off-board",
        liaison: s.person,
        boardTermEndsOn: s.endsOn,
        planned,
        message: `${
          s.endsOn
            ? `The Board Liaison ${s.person.name}'s Board term ended on ${formatDay(s.endsOn)}; record a new liaison.`
            : `The Board Liaison ${s.person.name} is not a current Board member; record a new liaison.`
        }${plannedText}`,
        owned: null,
        ownedBy: s.person.id,
      });
    }
  }
  const owned = await ownedByAll(
    db,
    problems.flatMap((p) => (p.ownedBy === undefined ? [] : [{ groupId: p.group.id, personId: p.ownedBy }])),
  );
  return problems.map(({ ownedBy, ...p }) =>
    ownedBy === undefined ? p : { ...p, owned: owned(p.group.id, ownedBy) },
  );
}
