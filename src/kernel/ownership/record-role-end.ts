import type { Tx } from "../../platform/db/index.ts";
import { type AuditActor, appendAudit } from "../audit/audit.repo.ts";
import { notify } from "../notifications/notify.ts";
import { handoverNoteTemplate } from "./handover-note.template.ts";
import type { OpenItem } from "./open-items.ts";
import {
  type HandoverItemRow,
  type HandoverRow,
  insertHandoverItems,
  insertHandovers,
  listGroupHandoversOf,
  listGroupsByIds,
  listHandoverItemRows,
  markHandoversAsked,
} from "./ownership.repo.ts";
import { openItemSources, openItemsOfGroups } from "./sources.ts";

/** Why a person's roles in a group ended (handovers_cause). */
export type RoleEndCause = HandoverRow["cause"];

/** One person's roles in one group ending. */
export interface RoleEnd {
  personId: number;
  groupId: number;
  /** The first day without a role there. */
  endedOn: string;
  cause: RoleEndCause;
  reason: string;
}

/** What recording roles' ends did. */
export interface RoleEndsRecorded {
  /** Hand-overs written now (an end recorded before, or with nothing open, writes none). */
  handovers: number;
  /** Items newly flagged as needing a new owner. */
  flagged: number;
  /** People asked for a hand-over note now (once per hand-over, and only with items). */
  asked: number;
  /** The hand-overs that got new flags now, with the titles flagged (for the room to tell the group's Chair). */
  newlyFlagged: Array<{ handoverId: number; groupId: number; personId: number; titles: string[] }>;
}

const CHUNK = 1000;
const keyOf = (e: { personId: number; groupId: number; endedOn: string }) =>
  `${e.personId}:${e.groupId}:${e.endedOn}`;

/**
 * Records that people no longer hold any role in groups (the caller decides that nothing else
 * keeps them there), in the transaction that ended the roles: every open item they own there
 * (asking each registered source once per group) is flagged as needing a new owner for the
 * group's Chair, and each person is asked once, through the outbox, for a hand-over note. Someone
 * who owns nothing open there gets no hand-over (nothing to hand over, nothing asked). Recording
 * the same end again flags only items not flagged yet and asks nothing.
 */
export async function recordRoleEnds(
  tx: Tx,
  input: { ends: readonly RoleEnd[]; now: Date; by: AuditActor },
): Promise<RoleEndsRecorded> {
  const { now } = input;
  const all = [...new Map(input.ends.map((e) => [keyOf(e), e])).values()];
  if (all.length === 0) return { handovers: 0, flagged: 0, asked: 0, newlyFlagged: [] };

  // What each person owns there: every source asked once per group, its items matched by owner.
  // The latest end of the owner's roles there carries the item; an end with nothing open writes nothing.
  const owned = new Map<string, Array<{ kind: string; item: OpenItem }>>();
  const groupIds = [...new Set(all.map((e) => e.groupId))];
  const latest = new Map<string, RoleEnd>();
  for (const e of all) {
    const key = `${e.groupId}:${e.personId}`;
    const known = latest.get(key);
    if (!known || known.endedOn < e.endedOn) latest.set(key, e);
  }
  for (const source of openItemSources()) {
    for (let i = 0; i < groupIds.length; i += CHUNK) {
      for (const [groupId, items] of await openItemsOfGroups(source, tx, groupIds.slice(i, i + CHUNK))) {
        for (const item of items) {
          const end =
            item.ownerPersonId === null ? undefined : latest.get(`${groupId}:${item.ownerPersonId}`);
          if (!end) continue;
          owned.set(keyOf(end), [...(owned.get(keyOf(end)) ?? []), { kind: source.kind, item }]);
        }
      }
    }
  }
  const ends = all.filter((e) => owned.has(keyOf(e)));
  if (ends.length === 0) return { handovers: 0, flagged: 0, asked: 0, newlyFlagged: [] };
  let written = 0;
  for (let i = 0; i < ends.length; i += CHUNK) {
    const rows = await insertHandovers(
      tx,
      ends.slice(i, i + CHUNK).map((e) => ({ ...e, createdAt: now })),
    );
    written += rows.length;
  }
  const wanted = new Set(ends.map(keyOf));
  const rows: HandoverRow[] = [];
  for (const groupId of new Set(ends.map((e) => e.groupId))) {
    const people = [...new Set(ends.filter((e) => e.groupId === groupId).map((e) => e.personId))];
    for (let i = 0; i < people.length; i += CHUNK) {
      const found = await listGroupHandoversOf(tx, groupId, people.slice(i, i + CHUNK));
      rows.push(...found.filter((h) => wanted.has(keyOf(h))));
    }
  }
  const flags = rows.flatMap((h) =>
    (owned.get(keyOf(h)) ?? []).map(({ kind, item }) => ({
      handoverId: h.id,
      sourceKind: kind,
      itemId: item.id,
      title: item.title,
      flaggedAt: now,
    })),
  );
  const flagged: HandoverItemRow[] = [];
  for (let i = 0; i < flags.length; i += CHUNK) {
    flagged.push(...(await insertHandoverItems(tx, flags.slice(i, i + CHUNK))));
  }
  const byHandover = new Map<number, typeof flagged>();
  for (const f of flagged) byHandover.set(f.handoverId, [...(byHandover.get(f.handoverId) ?? []), f]);
  for (const [handoverId, items] of byHandover) {
    const h = rows.find((r) => r.id === handoverId);
    await appendAudit(tx, {
      by: input.by,
      at: now,
      action: "ownership.flagged",
      subjectType: "handover",
      subjectId: handoverId,
      before: null,
      after: {
        personId: h?.personId,
        groupId: h?.groupId,
        items: items.map((r) => `${r.sourceKind}:${r.itemId}`),
      },
      cause: h?.reason ?? "",
    });
  }

  // Ask once: hand-overs never asked that have open flags.
  const unasked = rows.filter((h) => h.askedAt === null).map((h) => h.id);
  const open = await listHandoverItemRows(tx, unasked, { openOnly: true });
  const toAsk = rows.filter((h) => h.askedAt === null && open.some((f) => f.handoverId === h.id));
  if (toAsk.length > 0) {
    const names = new Map(
      (
        await listGroupsByIds(
          tx,
          toAsk.map((h) => h.groupId),
        )
      ).map((g) => [g.id, g.name]),
    );
    for (let i = 0; i < toAsk.length; i += CHUNK) {
      const chunk = toAsk.slice(i, i + CHUNK);
      await notify(tx, {
        kind: "handover.note-asked",
        template: handoverNoteTemplate,
        at: now,
        cause: "roles ended",
        items: chunk.map((h) => ({
          to: { personId: h.personId },
          dedupeKey: `handover-note:${h.id}`,
          data: {
            handoverId: h.id,
            groupName: names.get(h.groupId) ?? "the group",
            items: open.filter((f) => f.handoverId === h.id).map((f) => f.title),
          },
        })),
      });
      await markHandoversAsked(
        tx,
        chunk.map((h) => h.id),
        now,
      );
    }
  }
  const newlyFlagged = [...byHandover].map(([handoverId, items]) => {
    const h = rows.find((r) => r.id === handoverId);
    return {
      handoverId,
      groupId: h?.groupId ?? 0,
      personId: h?.personId ?? 0,
      titles: items.map((f) => f.title),
    };
  });
  return { handovers: written, flagged: flagged.length, asked: toAsk.length, newlyFlagged };
}
