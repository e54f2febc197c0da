import { and, eq } from "drizzle-orm";
import type { Tx } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import { type AuditActor, appendAudit } from "../audit/audit.repo.ts";
import { notify } from "../notifications/notify.ts";
import { handoverNoteTemplate } from "./handover-note.template.ts";
import { type HandoverRow, listHandoverItemRows } from "./ownership.repo.ts";
import { openItemSources } from "./sources.ts";

const { handovers, handoverItems } = schema;

/** Why a person's roles in a group ended (handovers_cause). */
export type RoleEndCause = "lapsed" | "left" | "removed" | "succeeded" | "board-term" | "ended";

/** What recording a role's end did. */
export interface RoleEndRecorded {
  handover: HandoverRow;
  /** Items newly flagged as needing a new owner. */
  flagged: number;
  /** Whether the person was asked for a hand-over note now (only the first time, and only with items). */
  asked: boolean;
}

/**
 * Records that a person no longer holds any role in a group from `endedOn`, in the transaction
 * that ended it: every open item they own there (asking each registered source) is flagged as
 * needing a new owner for the group's Chair, and the person is asked once, through the outbox,
 * for a hand-over note. The caller decides that nothing else keeps them in the group. Recording
 * the same end again flags only items not flagged yet and asks nothing.
 */
export async function recordRoleEnd(
  tx: Tx,
  input: {
    personId: number;
    group: { id: number; name: string };
    endedOn: string;
    cause: RoleEndCause;
    reason: string;
    now: Date;
    by: AuditActor;
  },
): Promise<RoleEndRecorded> {
  const { personId, group, now } = input;
  const [inserted] = await tx
    .insert(handovers)
    .values({
      personId,
      groupId: group.id,
      endedOn: input.endedOn,
      cause: input.cause,
      reason: input.reason,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning();
  const handover =
    inserted ??
    (
      await tx
        .select()
        .from(handovers)
        .where(
          and(
            eq(handovers.personId, personId),
            eq(handovers.groupId, group.id),
            eq(handovers.endedOn, input.endedOn),
          ),
        )
    )[0];
  if (!handover) throw new Error(`hand-over for person ${personId} in group ${group.id} not found`);

  const owned = [];
  for (const source of openItemSources()) {
    for (const item of await source.listOpenByOwner(tx, { groupId: group.id, personId })) {
      owned.push({ kind: source.kind, item });
    }
  }
  const flaggedRows = owned.length
    ? await tx
        .insert(handoverItems)
        .values(
          owned.map(({ kind, item }) => ({
            handoverId: handover.id,
            sourceKind: kind,
            itemId: item.id,
            title: item.title,
            flaggedAt: now,
          })),
        )
        .onConflictDoNothing()
        .returning()
    : [];
  if (flaggedRows.length > 0) {
    await appendAudit(tx, {
      by: input.by,
      at: now,
      action: "ownership.flagged",
      subjectType: "handover",
      subjectId: handover.id,
      before: null,
      after: { personId, groupId: group.id, items: flaggedRows.map((r) => `${r.sourceKind}:${r.itemId}`) },
      cause: input.reason,
    });
  }

  let asked = false;
  let result = handover;
  if (handover.askedAt === null) {
    const items = await listHandoverItemRows(tx, [handover.id], { openOnly: true });
    if (items.length > 0) {
      await notify(tx, {
        kind: "handover.note-asked",
        template: handoverNoteTemplate,
        at: now,
        cause: input.reason,
        items: [
          {
            to: { personId },
            dedupeKey: `handover-note:${handover.id}`,
            data: { handoverId: handover.id, groupName: group.name, items: items.map((i) => i.title) },
          },
        ],
      });
      const [after] = await tx
        .update(handovers)
        .set({ askedAt: now })
        .where(eq(handovers.id, handover.id))
        .returning();
      result = after ?? handover;
      asked = true;
    }
  }
  return { handover: result, flagged: flaggedRows.length, asked };
}
