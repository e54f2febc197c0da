import type { DbOrTx, VoteRow } from "./decisions.repo.ts";
import { decidedOutcome, tallyVote, type VoteBaseRule } from "./tally.ts";
import {
  electorateVoteIdsOf,
  extensionsOf,
  groupsOfVotes,
  namesOfPeople,
  openBallotsOf,
  participationOf,
} from "./votes.repo.ts";

/** A vote as shown in pages, the API and exports. A secret vote never carries who voted how. */
export interface VoteView {
  id: number;
  group: { id: number; slug: string; name: string };
  kind: string;
  title: string;
  description: string;
  subject: { id: number; name: string } | null;
  applicationId: number | null;
  body: string;
  secrecy: "open" | "secret";
  baseRule: "electorate" | "cast" | "consensus";
  electorateSize: number;
  openedAt: string;
  closesAt: string;
  /** The latest the vote may close, extensions included. */
  latestClosesAt: string;
  status: "open" | "closed";
  /** Ballots cast so far (who took part is not secret; how they voted may be). */
  cast: number;
  /** Counts: for a secret vote only once it has closed (running counts would reveal ballots). */
  counts: { yes: number; no: number; abstain: number } | null;
  /** Yes votes needed to pass against the base known so far; null while a secret vote is open. */
  needed: number | null;
  outcome: "passed" | "failed" | null;
  closeReason: string | null;
  closedAt: string | null;
  /** Open ballots only, and only when the viewer may see them. Always null for a secret vote. */
  ballots: { personId: number; name: string; choice: string }[] | null;
  /** Who has voted (for reminders); never their choice. */
  voters: { personId: number; name: string }[];
  extensions: { from: string; to: string; reason: string; at: string }[];
  /** True when the viewer is in the electorate and has not voted yet. */
  viewerMayVote: boolean;
}

/** Builds the views of loaded vote rows for a viewer; ballots only when `showBallots` (open votes). */
export async function buildVoteViews(input: {
  db: DbOrTx;
  rows: VoteRow[];
  viewerPersonId: number | null;
  showBallots: boolean;
}): Promise<VoteView[]> {
  const { db, rows } = input;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const groupRows = await groupsOfVotes(db, [...new Set(rows.map((r) => r.groupId))]);
  const subjectIds = rows.map((r) => r.subjectPersonId).filter((p): p is number => p !== null);
  const participation = await participationOf(db, ids);
  const names = new Map<number, string>();
  if (subjectIds.length) {
    for (const p of await namesOfPeople(db, subjectIds)) names.set(p.id, p.name);
  }
  const extensions = await extensionsOf(db, ids);
  const openIds = rows.filter((r) => r.secrecy === "open").map((r) => r.id);
  const ballots = input.showBallots && openIds.length ? await openBallotsOf(db, openIds) : [];
  const electorateOfViewer =
    input.viewerPersonId === null ? [] : await electorateVoteIdsOf(db, input.viewerPersonId);
  const viewerIn = new Set(electorateOfViewer.map((e) => e.voteId));

  return rows.map((r): VoteView => {
    const group = groupRows.find((g) => g.id === r.groupId) ?? { id: r.groupId, slug: "", name: "" };
    const secret = r.secrecy === "secret";
    const countsVisible = !secret || r.status === "closed";
    const voters = participation
      .filter((p) => p.voteId === r.id)
      .map(({ personId, name }) => ({ personId, name }));
    const counts = { yes: r.yes, no: r.no, abstain: r.abstain };
    const tally = tallyVote({
      electorateSize: r.electorateSize,
      baseRule: r.baseRule as VoteBaseRule,
      counts,
    });
    return {
      id: r.id,
      group,
      kind: r.kind,
      title: r.title,
      description: r.description,
      subject:
        r.subjectPersonId === null
          ? null
          : { id: r.subjectPersonId, name: names.get(r.subjectPersonId) ?? "" },
      applicationId: r.applicationId,
      body: r.body,
      secrecy: secret ? "secret" : "open",
      baseRule: r.baseRule === "cast" || r.baseRule === "consensus" ? r.baseRule : "electorate",
      electorateSize: r.electorateSize,
      openedAt: r.openedAt.toISOString(),
      closesAt: r.closesAt.toISOString(),
      latestClosesAt: r.latestClosesAt.toISOString(),
      status: r.status === "closed" ? "closed" : "open",
      cast: voters.length,
      counts: countsVisible ? counts : null,
      needed: countsVisible ? tally.needed : null,
      outcome: r.outcome === "passed" || r.outcome === "failed" ? r.outcome : null,
      closeReason: r.closeReason,
      closedAt: r.closedAt?.toISOString() ?? null,
      ballots:
        secret || !input.showBallots
          ? null
          : ballots
              .filter((b) => b.voteId === r.id)
              .map(({ personId, name, choice }) => ({ personId, name, choice })),
      voters,
      extensions: extensions
        .filter((e) => e.voteId === r.id)
        .map((e) => ({
          from: e.fromClosesAt.toISOString(),
          to: e.toClosesAt.toISOString(),
          reason: e.reason,
          at: e.extendedAt.toISOString(),
        })),
      viewerMayVote:
        r.status === "open" && viewerIn.has(r.id) && !voters.some((v) => v.personId === input.viewerPersonId),
    };
  });
}

/** True when an open-ballot vote's outcome can no longer change (shown as "decided"). */
export function isDecided(view: VoteView): boolean {
  if (view.status !== "open" || view.secrecy === "secret" || view.counts === null) return false;
  return (
    decidedOutcome({ electorateSize: view.electorateSize, baseRule: view.baseRule, counts: view.counts }) !==
    null
  );
}
