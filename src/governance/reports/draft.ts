/**
 * A report draft from the period's activity that Guildhall records today: votes closed (secret
 * ones by their question only, never how anyone voted), people who joined and left. Pure.
 * Meetings are not recorded yet, so a draft says nothing about them. The chair edits before sending.
 */

/** What a group did in a period, as recorded. */
export interface PeriodActivity {
  votesOpened: number;
  votesClosed: ReadonlyArray<{ title: string; kind: string; outcome: string | null; secret: boolean }>;
  joined: ReadonlyArray<{ name: string; role: string }>;
  left: ReadonlyArray<{ name: string; role: string }>;
}

/** The most highlights a report holds, and the fewest. */
export const MAX_HIGHLIGHTS = 5;
export const MIN_HIGHLIGHTS = 3;

const names = (people: ReadonlyArray<{ name: string; role: string }>) =>
  people.map((p) => (p.role === "member" ? p.name : `${p.name} (${p.role})`)).join(", ");

/** Suggested highlights (at most five), one line each; empty when nothing was recorded. */
export function draftHighlights(activity: PeriodActivity): string[] {
  const out: string[] = [];
  if (activity.joined.length) out.push(`Welcomed ${names(activity.joined)}.`);
  if (activity.left.length) out.push(`Thanked ${names(activity.left)}, who left the group.`);
  const decided = activity.votesClosed.slice(0, 3);
  for (const v of decided) out.push(`Decided by vote: ${v.title} (${v.outcome ?? "no outcome recorded"}).`);
  const more = activity.votesClosed.length - decided.length;
  if (more > 0) out.push(`${more} more ${more === 1 ? "vote" : "votes"} decided.`);
  if (activity.votesOpened > 0 && activity.votesClosed.length === 0) {
    out.push(
      `${activity.votesOpened} ${activity.votesOpened === 1 ? "vote" : "votes"} opened, still running.`,
    );
  }
  return out.slice(0, MAX_HIGHLIGHTS);
}
