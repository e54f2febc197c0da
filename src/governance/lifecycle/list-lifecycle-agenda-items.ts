/**
 * The lifecycle's items for the Board's agenda, in the agenda's item shape (a line, a link, facts,
 * the day it is about): proposals waiting for the Board (ready for review or being voted on),
 * substantive charter changes waiting, shutdowns under way (voting or archiving), and active
 * groups for which a forced ground holds today (membership below the minimum, defunct).
 */
import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import { formatInstant } from "../../platform/view/time.tsx";
import type { AgendaMemo } from "../board/agenda.ts";
import { reportingOn } from "../board/shared-inputs.ts";
import type { DbOrTx } from "../decisions/decisions.repo.ts";
import { groupStandings } from "./group-standing.ts";
import {
  selectActiveGroups,
  selectChanges,
  selectProposals,
  selectShutdowns,
  votesById,
} from "./lifecycle.repo.ts";

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

/** What each loader gets. */
export interface AgendaDeps {
  db: DbOrTx;
  day: string;
  /** The agenda's per-request memo: every group's reporting is shared with the reports sections. */
  memo?: AgendaMemo;
}

async function voteFacts(db: DbOrTx, ids: ReadonlyArray<number | null>) {
  const votes = await votesById(
    db,
    ids.filter((id): id is number => id !== null),
  );
  return (id: number | null): string[] => {
    const v = id === null ? undefined : votes.get(id);
    if (!v) return ["no vote open yet"];
    return v.status === "open" ? [`vote open until ${formatInstant(v.closesAt)}`] : [`vote ${v.outcome}`];
  };
}

/** Proposals ready for review or being voted on. */
export async function proposalAgendaItems({ db }: AgendaDeps): Promise<LifecycleAgendaItem[]> {
  const proposals = await selectProposals(db, { statuses: ["ready", "voting"] });
  const facts = await voteFacts(
    db,
    proposals.map((p) => p.voteId),
  );
  return proposals.map((p) => ({
    text: `Proposal: ${p.charter.name} (${p.charter.kind === "team" ? "team" : "working group"}), revision ${p.revision.number}`,
    href: `/proposals/${p.id}`,
    facts: [p.status === "ready" ? "ready for review" : "being voted on", ...facts(p.voteId)],
    day: p.readyAt ? dayOf(p.readyAt) : null,
  }));
}

/** Substantive charter changes waiting for the Board. */
export async function changeAgendaItems({ db }: AgendaDeps): Promise<LifecycleAgendaItem[]> {
  const changes = await selectChanges(db, { statuses: ["proposed", "voting"] });
  const facts = await voteFacts(
    db,
    changes.map((c) => c.change.voteId),
  );
  return changes.map(({ change, group }) => ({
    text: `${group.name}: ${change.summary}`,
    href: `/charter-changes/${change.id}`,
    facts: ["substantive", ...facts(change.voteId)],
    day: dayOf(change.createdAt),
  }));
}

/** Shutdowns being voted on or being archived. */
export async function shutdownAgendaItems({ db }: AgendaDeps): Promise<LifecycleAgendaItem[]> {
  const shutdowns = await selectShutdowns(db, { statuses: ["voting", "archiving"] });
  const facts = await voteFacts(
    db,
    shutdowns.map((s) => s.shutdown.voteId),
  );
  return shutdowns.map(({ shutdown, group }) => ({
    text: `${group.name}: shutdown (${shutdown.ground})`,
    href: `/groups/${group.slug}/lifecycle`,
    facts: shutdown.status === "voting" ? facts(shutdown.voteId) : ["archiving"],
    day: dayOf(shutdown.createdAt),
  }));
}

/** Active groups with no shutdown under way for which a forced ground holds today. */
export async function atRiskAgendaItems({ db, day, memo }: AgendaDeps): Promise<LifecycleAgendaItem[]> {
  const active = await selectActiveGroups(db);
  const open = new Set(
    (await selectShutdowns(db, { statuses: ["voting", "archiving"] })).map((s) => s.shutdown.groupId),
  );
  const candidates = active.filter((g) => !open.has(g.id));
  const standings = await groupStandings({
    db,
    groups: candidates,
    day,
    reporting: await reportingOn(db, day, memo),
  });
  const items: LifecycleAgendaItem[] = [];
  for (const g of candidates) {
    for (const f of standings.get(g.id)?.grounds ?? []) {
      items.push({
        text: `${g.name}: ${f.detail}`,
        href: `/groups/${g.slug}/lifecycle`,
        facts: [f.rule],
        day,
      });
    }
  }
  return items;
}

/** Every lifecycle item for the agenda as of `day` (the JSON API and the command line). */
export async function listLifecycleAgendaItems(deps: AgendaDeps): Promise<LifecycleAgenda> {
  return {
    on: deps.day,
    proposals: await proposalAgendaItems(deps),
    charterChanges: await changeAgendaItems(deps),
    shutdowns: await shutdownAgendaItems(deps),
    atRisk: await atRiskAgendaItems(deps),
  };
}
