/**
 * What a vote may be about. A vote concerns a subject (a kind and the subject's id); the room that
 * owns the subject registers its kind once, from its own code, with `defineVoteSubject`:
 *
 * - `electorate`: who decides, from the group the vote is held in (its membership model, or a
 *   fixed body: the Board, the Steering Council); or why no vote is run;
 * - `subject`: what the subject id names: a person (left out of the electorate, and never voting
 *   on themself), another record (the owner's id), or nothing (a proposal);
 * - `describe`: the vote's title when the opener gives none;
 * - `check`/`onOpen`: the owner's own refusals and writes when a vote opens (optional);
 * - `excludedVoters`: people the owner leaves out of the electorate (optional: a funding request's
 *   requester and the Board members in the asking group);
 * - `onOutcome`: applies the outcome, inside the closing transaction: if it throws, the vote stays
 *   open and nothing of the close is written.
 *
 * Membership votes are kinds like any other (membership-subjects.ts). A kind must be listed in
 * VOTE_SUBJECT_KINDS (the typed column); a listed kind no room registered cannot be opened, and a
 * vote whose kind has no handler when it closes stays open (the close is refused and rolled back).
 */
import { schema, type Tx } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { type VoteRule, voteRuleOf } from "../policy/membership-rule.ts";
import type { DecisionActor, DecisionGroup, VoteRow } from "./decisions.repo.ts";

/** Every subject kind a vote may have (the typed column's values). */
export const VOTE_SUBJECT_KINDS = schema.VOTE_SUBJECT_KINDS;
/** A vote's subject kind. */
export type VoteSubjectKind = schema.VoteSubjectKind;

/** What the subject id of a kind names. */
export type SubjectShape = "person" | "record" | "none";

/** What a vote's subject is, as the opener gives it and openVote has checked it. */
export interface OpeningSubject {
  tx: Tx;
  group: DecisionGroup;
  /** The person the vote is about (`subject: "person"`), else null. */
  subjectPersonId: number | null;
  /** The subject's id: the person's id as text, the owner's record id, or null. */
  subjectId: string | null;
  /** The membership application the vote decides, if any (admit-member only). */
  applicationId: number | null;
  /** The day of opening, YYYY-MM-DD, and the instant. */
  today: string;
  now: Date;
  actor: DecisionActor;
}

/** What an outcome handler gets, inside the closing transaction. */
export interface OutcomeContext {
  tx: Tx;
  /** The vote as closed (status, outcome, base and closing time written). */
  vote: VoteRow;
  group: DecisionGroup;
  outcome: "passed" | "failed";
  now: Date;
  actor: DecisionActor;
}

/** A kind of vote subject, as its owning room defines it. */
export interface VoteSubject {
  kind: VoteSubjectKind;
  subject: SubjectShape;
  /** Who decides a vote of this kind in `group`, by which rule; or why no vote is run. Pure. */
  electorate: (group: DecisionGroup) => VoteRule;
  /** The vote's title when the opener gives none (`subjectName` is the person's name, or ""). */
  describe: (input: { subjectId: string | null; subjectName: string }) => string;
  /** The group statuses a vote of this kind may open in (default: active groups only). */
  groupStatuses?: readonly string[];
  /**
   * People left out of the electorate besides the subject person (for example the person who made
   * a request and the deciding body's members who belong to the asking group); runs in the opening
   * transaction, after `check`. The opener must still be in what remains.
   */
  excludedVoters?: (subject: OpeningSubject) => Promise<readonly number[]>;
  /** Refuses an opening the owner cannot accept (throw an AppError); runs in the opening transaction. */
  check?: (subject: OpeningSubject) => Promise<void>;
  /** The owner's writes once the vote is saved, in the same transaction. */
  onOpen?: (subject: OpeningSubject & { vote: VoteRow }) => Promise<void>;
  /** Applies the outcome, passed or failed, inside the closing transaction. */
  onOutcome: (context: OutcomeContext) => Promise<void>;
}

const registry = new Map<VoteSubjectKind, VoteSubject>();

/** Registers a kind of vote subject; a kind is registered once. Returns the definition. */
export function defineVoteSubject(definition: VoteSubject): VoteSubject {
  if (!VOTE_SUBJECT_KINDS.includes(definition.kind)) {
    throw new Error(`Unknown vote subject kind "${definition.kind}": add it to VOTE_SUBJECT_KINDS first.`);
  }
  if (registry.has(definition.kind)) {
    throw new Error(`The vote subject kind "${definition.kind}" is already registered.`);
  }
  registry.set(definition.kind, definition);
  return definition;
}

/** The definition of a registered kind, or undefined. */
export function findVoteSubject(kind: string): VoteSubject | undefined {
  return registry.get(kind as VoteSubjectKind);
}

/** The definition of a vote's kind when it closes; a kind without one keeps the vote open. */
export function voteSubjectToClose(vote: VoteRow): VoteSubject {
  const definition = registry.get(vote.kind);
  if (!definition) {
    throw new AppError("internal", {
      message: `Vote #${vote.id} is about a ${vote.kind}, and nothing here applies the outcome of such votes: it stays open.`,
    });
  }
  return definition;
}

/** The kinds registered so far, in VOTE_SUBJECT_KINDS order. */
export function registeredVoteSubjectKinds(): VoteSubjectKind[] {
  return VOTE_SUBJECT_KINDS.filter((k) => registry.has(k));
}

/**
 * Ready-made electorates: the group's deciding body under its membership model (as for a
 * proposal), the DSF Board, or the Steering Council, each by a majority (50%+1).
 */
export const ELECTORATES = {
  groupByModel: (group: DecisionGroup): VoteRule => voteRuleOf("proposal", group.charter, group.name),
  board: (): VoteRule => ({ body: "board", rule: "majority" }),
  steeringCouncil: (): VoteRule => ({ body: "steering-council", rule: "majority" }),
} as const;
