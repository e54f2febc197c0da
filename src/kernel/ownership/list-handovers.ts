import type { Db, Tx } from "../../platform/db/index.ts";
import { type OpenItem, stillNeedsOwner } from "./open-items.ts";
import {
  type HandoverRow,
  listGroupsByIds,
  listHandoverItemRows,
  listHandoverRows,
  listPeopleNames,
} from "./ownership.repo.ts";
import { openItemSource } from "./sources.ts";

/** Where a flagged item stands. */
export type HandoverItemState = "needs-owner" | "reassigned" | "closed";

/** A flagged item as the hand-over pages show it. */
export interface HandoverItemListing {
  /** The flag's id (what the reassign form posts to). */
  id: number;
  kind: string;
  /** The kind's label from its source ("Meeting action item"). */
  label: string;
  itemId: string;
  title: string;
  /** The item's page; null once it is no longer open at its source. */
  href: string | null;
  dueOn: string | null;
  /** needs-owner: still the leaver's and open; reassigned: handed on here; closed: finished or handed on elsewhere. */
  state: HandoverItemState;
  newOwner: { id: number; name: string } | null;
  flaggedAt: Date;
  clearedAt: Date | null;
}

/** A hand-over with its items. */
export interface HandoverListing {
  id: number;
  person: { id: number; name: string };
  group: { id: number; slug: string; name: string };
  endedOn: string;
  cause: HandoverRow["cause"];
  reason: string;
  note: string | null;
  noteAt: Date | null;
  askedAt: Date | null;
  items: HandoverItemListing[];
  /** How many of its items still need a new owner. */
  needingOwner: number;
}

/**
 * The hand-overs of some groups or of one person, newest first, each with its flagged items and
 * where they stand now (asking each item's source what is still open). With `open`, only
 * hand-overs with an item still needing a new owner.
 */
export async function listHandovers(
  db: Db | Tx,
  where: { groupIds?: readonly number[]; personId?: number; ids?: readonly number[]; open?: boolean },
): Promise<HandoverListing[]> {
  let rows = await listHandoverRows(db, where);
  if (where.ids) rows = rows.filter((r) => where.ids?.includes(r.id));
  if (rows.length === 0) return [];
  const items = await listHandoverItemRows(
    db,
    rows.map((r) => r.id),
  );
  const personIds = [
    ...new Set([
      ...rows.map((r) => r.personId),
      ...items.flatMap((i) => (i.newOwnerPersonId === null ? [] : [i.newOwnerPersonId])),
    ]),
  ];
  const names = new Map((await listPeopleNames(db, personIds)).map((p) => [p.id, p.name]));
  const groupRows = await listGroupsByIds(db, [...new Set(rows.map((r) => r.groupId))]);
  const groupById = new Map(groupRows.map((g) => [g.id, g]));
  // What is open now, by group and kind: asked once per pair.
  const open = new Map<string, Map<string, OpenItem>>();
  const openIn = async (groupId: number, kind: string) => {
    const key = `${groupId}:${kind}`;
    let found = open.get(key);
    if (!found) {
      const source = openItemSource(kind);
      const list = source ? await source.listOpenForGroup(db, { groupId }) : [];
      found = new Map(list.map((i) => [i.id, i]));
      open.set(key, found);
    }
    return found;
  };
  const listings: HandoverListing[] = [];
  for (const row of rows) {
    const own: HandoverItemListing[] = [];
    for (const item of items.filter((i) => i.handoverId === row.id)) {
      const current = (await openIn(row.groupId, item.sourceKind)).get(item.itemId);
      const flag = { ...item, leaverPersonId: row.personId };
      const state: HandoverItemState = stillNeedsOwner(flag, current)
        ? "needs-owner"
        : item.clearedAt
          ? "reassigned"
          : "closed";
      own.push({
        id: item.id,
        kind: item.sourceKind,
        label: openItemSource(item.sourceKind)?.label ?? item.sourceKind,
        itemId: item.itemId,
        title: current?.title ?? item.title,
        href: current?.href ?? null,
        dueOn: current?.dueOn ?? null,
        state,
        newOwner:
          item.newOwnerPersonId === null
            ? null
            : { id: item.newOwnerPersonId, name: names.get(item.newOwnerPersonId) ?? "" },
        flaggedAt: item.flaggedAt,
        clearedAt: item.clearedAt,
      });
    }
    const needingOwner = own.filter((i) => i.state === "needs-owner").length;
    if (where.open && needingOwner === 0) continue;
    listings.push({
      id: row.id,
      person: { id: row.personId, name: names.get(row.personId) ?? "" },
      group: groupById.get(row.groupId) ?? { id: row.groupId, slug: "", name: "" },
      endedOn: row.endedOn,
      cause: row.cause,
      reason: row.reason,
      note: row.note,
      noteAt: row.noteAt,
      askedAt: row.askedAt,
      items: own,
      needingOwner,
    });
  }
  return listings;
}
