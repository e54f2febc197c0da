/**
 * The lifecycle's items for the Board's agenda, in the agenda's item shape (a line, a link, facts,
 * the day it is about): proposals waiting for the Board (ready for review or being voted on),
 * substantive charter changes waiting, shutdowns under way (voting or archiving), and active
 * groups for which a forced ground holds today (membership below the minimum, defunct).
 */

import { eq } from "drizzle-orm";
import { z } from "zod";
import { schema } from "../../platform/db/index.ts";
import { formatInstant } from "../../platform/view/time.tsx";
import type { DbOrTx } from "../decisions/decisions.repo.ts";
import { groupStanding } from "./group-standing.ts";
import { selectChanges, selectProposals, selectShutdowns, votesById } from "./lifecycle.repo.ts";

const Item = z.object({
  text: z.string(),
  href: z.string().nullable(),
  facts: z.array(z.string()),
  day: z.string().nullable(),
});
/** One agenda line. */
export type LifecycleAgendaItem = z.infer<typeof Item>;

/** The lifecycle's agenda sections. */
export const LifecycleAgendaSchema = z.object({
  on: z.string(),
  proposals: z.array(Item),
  charterChanges: z.array(Item),
  shutdowns: z.array(Item),
  atRisk: z.array(Item),
});
/** The lifecycle's agenda sections, as loaded. */
export type LifecycleAgenda = z.infer<typeof LifecycleAgendaSchema>;

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** Reads the lifecycle's items for the agenda as of `day`. */
export async function listLifecycleAgendaItems(deps: { db: DbOrTx; day: string }): Promise<LifecycleAgenda> {
  const { db, day } = deps;
  const proposals = await selectProposals(db, { statuses: ["ready", "voting"] });
  const changes = await selectChanges(db, { statuses: ["proposed", "voting"] });
  const shutdowns = await selectShutdowns(db, { statuses: ["voting", "archiving"] });
  const votes = await votesById(
    db,
    [
      ...proposals.map((p) => p.voteId),
      ...changes.map((c) => c.change.voteId),
      ...shutdowns.map((s) => s.shutdown.voteId),
    ].filter((id): id is number => id !== null),
  );
  const voteFacts = (id: number | null) => {
    const v = id === null ? undefined : votes.get(id);
    if (!v) return ["no vote open yet"];
    return v.status === "open" ? [`vote open until ${formatInstant(v.closesAt)}`] : [`vote ${v.outcome}`];
  };
  const active = await db.select().from(schema.groups).where(eq(schema.groups.status, "active"));
  const open = new Set(shutdowns.map((s) => s.shutdown.groupId));
  const atRisk: LifecycleAgendaItem[] = [];
  for (const g of active) {
    if (open.has(g.id)) continue;
    const standing = await groupStanding({ db, group: g, day });
    for (const f of standing.grounds) {
      atRisk.push({
        text: `${g.name}: ${f.detail}`,
        href: `/groups/${g.slug}/lifecycle`,
        facts: [f.rule],
        day,
      });
    }
  }
  return {
    on: day,
    proposals: proposals.map((p) => ({
      text: `Proposal: ${p.charter.name} (${p.charter.kind === "team" ? "team" : "working group"}), revision ${p.revision.number}`,
      href: `/proposals/${p.id}`,
      facts: [p.status === "ready" ? "ready for review" : "being voted on", ...voteFacts(p.voteId)],
      day: p.readyAt ? dayOf(p.readyAt) : null,
    })),
    charterChanges: changes.map(({ change, group }) => ({
      text: `${group.name}: ${change.summary}`,
      href: `/charter-changes/${change.id}`,
      facts: ["substantive", ...voteFacts(change.voteId)],
      day: dayOf(change.createdAt),
    })),
    shutdowns: shutdowns.map(({ shutdown, group }) => ({
      text: `${group.name}: shutdown (${shutdown.ground})`,
      href: `/groups/${group.slug}/lifecycle`,
      facts: shutdown.status === "voting" ? voteFacts(shutdown.voteId) : ["archiving"],
      day: dayOf(shutdown.createdAt),
    })),
    atRisk,
  };
}
