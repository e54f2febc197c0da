/**
 * Vote rules (governance-rules.md, "Votes: what 50%+1 means"). Pure: imports nothing from
 * platform/, so every rule is tested without a database.
 */

/** The membership kinds of vote and the proposal (other subject kinds: subjects.ts). */
export type VoteKind = "admit-member" | "remove-member" | "elect-chair" | "elect-co-chair" | "proposal";

/** Every vote kind, in display order. */
export const VOTE_KINDS: readonly VoteKind[] = [
  "admit-member",
  "remove-member",
  "elect-chair",
  "elect-co-chair",
  "proposal",
];

/** A ballot's choice. An abstention counts as cast but is never a yes. */
export type BallotChoice = "yes" | "no" | "abstain";

/** Every ballot choice. */
export const BALLOT_CHOICES: readonly BallotChoice[] = ["yes", "no", "abstain"];

/**
 * What a vote is decided by: "50%+1" of the frozen electorate (default) or of the votes cast, or
 * `consensus` (a group admitting by consensus of the rest): every voter in the electorate must vote
 * yes, and one no or abstention refuses.
 */
export type VoteBaseRule = "electorate" | "cast" | "consensus";

/** Open ballots show who voted how to the group; secret ballots never do. */
export type BallotSecrecy = "open" | "secret";

/** The outcome of a closed vote. */
export type VoteOutcome = "passed" | "failed";

/** Ballot counts so far. */
export interface BallotCounts {
  yes: number;
  no: number;
  abstain: number;
}

/** The figures a vote is decided on. */
export interface TallyInput {
  /** Size of the electorate frozen when the vote opened. */
  electorateSize: number;
  baseRule: VoteBaseRule;
  counts: BallotCounts;
}

/** A tally: how many cast, the base it is measured against, and whether it passes now. */
export interface Tally {
  cast: number;
  base: number;
  /** Yes votes needed to pass against this base (the smallest `yes` with `yes * 2 > base`). */
  needed: number;
  passes: boolean;
}

/**
 * True when a vote kind names a person it is about (the candidate or the member to remove): the
 * membership kinds. A proposal, and the other subjects (charter changes, funding requests...), do not.
 */
export function kindHasSubject(kind: string): boolean {
  return kind !== "proposal" && (VOTE_KINDS as readonly string[]).includes(kind);
}

/**
 * The electorate frozen at opening: distinct eligible voters, without the person the vote is
 * about. For a removal the rules say so ("of the rest of the group"); a candidate for Chair or
 * Co-Chair is left out too because the policy never lets the subject of a vote cast a ballot,
 * and a voter who cannot vote must not count against them. Sorted so the stored list is stable.
 */
export function freezeElectorate(input: {
  kind: string;
  eligible: readonly number[];
  subjectId: number | null;
}): number[] {
  const set = new Set(input.eligible);
  // subjectId: the person the vote is about, if it is about one (membership kinds).
  if (input.subjectId !== null) set.delete(input.subjectId);
  return [...set].sort((a, b) => a - b);
}

function checkCounts(input: TallyInput): void {
  const { yes, no, abstain } = input.counts;
  for (const [name, n] of [
    ["electorateSize", input.electorateSize],
    ["yes", yes],
    ["no", no],
    ["abstain", abstain],
  ] as const) {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
  }
  if (yes + no + abstain > input.electorateSize) {
    throw new RangeError(
      `more ballots (${yes + no + abstain}) than voters in the electorate (${input.electorateSize})`,
    );
  }
}

/** The base "50%+1" is measured against for these counts. */
export function voteBase(input: TallyInput): number {
  const { yes, no, abstain } = input.counts;
  return input.baseRule === "cast" ? yes + no + abstain : input.electorateSize;
}

/** Tallies the ballots: passes exactly when `yes * 2 > base` (a tie fails); by consensus, when everyone says yes. */
export function tallyVote(input: TallyInput): Tally {
  checkCounts(input);
  const { yes, no, abstain } = input.counts;
  const base = voteBase(input);
  if (input.baseRule === "consensus") {
    return { cast: yes + no + abstain, base, needed: base, passes: base > 0 && yes === base };
  }
  return {
    cast: yes + no + abstain,
    base,
    needed: Math.floor(base / 2) + 1,
    passes: yes * 2 > base,
  };
}

/**
 * The outcome if it can no longer change whatever the voters still to vote do (or do not do),
 * otherwise null. Each voter casts at most one ballot and cannot change it.
 */
export function decidedOutcome(input: TallyInput): VoteOutcome | null {
  checkCounts(input);
  const { yes, no, abstain } = input.counts;
  const cast = yes + no + abstain;
  const remaining = input.electorateSize - cast;
  if (input.baseRule === "consensus") {
    // One objection (or abstention) refuses; only everyone's yes admits.
    if (no + abstain > 0) return "failed";
    return yes === input.electorateSize && yes > 0 ? "passed" : null;
  }
  if (input.baseRule === "electorate") {
    const n = input.electorateSize;
    if (yes * 2 > n) return "passed";
    if ((yes + remaining) * 2 <= n) return "failed";
    return null;
  }
  // Base = cast. If r more ballots come of which y are yes (0 <= y <= r <= remaining), the vote
  // passes when 2(yes + y) > cast + r. The worst case for passing is r = remaining, y = 0; the
  // best is y = r = remaining.
  if (yes * 2 > cast + remaining) return "passed";
  if ((yes + remaining) * 2 <= cast + remaining) return "failed";
  return null;
}

/** The final outcome once the vote closes (on time or early). */
export function finalOutcome(input: TallyInput): VoteOutcome {
  return tallyVote(input).passes ? "passed" : "failed";
}

/** Default longest vote, opening to closing with extensions: four weeks (a group may set 1 to 365 days). */
export const DEFAULT_MAX_VOTE_DAYS = 28;

/** The latest a vote opened at `openedAt` may close when the group allows `maxVoteDays`. */
export function latestCloseOf(openedAt: Date, maxVoteDays: number): Date {
  return new Date(openedAt.getTime() + maxVoteDays * 86_400_000);
}

/**
 * Problems with a proposed closing time, as messages; empty when it is acceptable. `latest` is
 * the vote's bound (its opening plus the group's longest vote duration): no opening or extension
 * may pass it, so no one can stall a vote for ever.
 */
export function checkClosingTime(input: {
  now: Date;
  closesAt: Date;
  currentClosesAt?: Date;
  latest?: { closesBy: Date; maxVoteDays: number };
}): string[] {
  const problems: string[] = [];
  if (Number.isNaN(input.closesAt.getTime())) return ["closing time is not a valid date"];
  if (input.closesAt.getTime() <= input.now.getTime()) {
    problems.push(`closing time ${input.closesAt.toISOString()} must be in the future`);
  }
  if (input.currentClosesAt && input.closesAt.getTime() <= input.currentClosesAt.getTime()) {
    problems.push(
      `an extension must move the closing time later than ${input.currentClosesAt.toISOString()}`,
    );
  }
  if (input.latest && input.closesAt.getTime() > input.latest.closesBy.getTime()) {
    problems.push(
      `must be no later than ${input.latest.closesBy.toISOString()}: a vote here runs at most ${input.latest.maxVoteDays} days from its opening, extensions included`,
    );
  }
  return problems;
}

/** Adds one ballot to the counts (returns new counts). */
export function addBallot(counts: BallotCounts, choice: BallotChoice): BallotCounts {
  return { ...counts, [choice]: counts[choice] + 1 };
}

/** Counts ballots by choice. */
export function countBallots(choices: readonly BallotChoice[]): BallotCounts {
  let counts: BallotCounts = { yes: 0, no: 0, abstain: 0 };
  for (const c of choices) counts = addBallot(counts, c);
  return counts;
}
