/**
 * When a group may or must shut down (README.md:81-96 of the charter repository), as pure rules:
 *
 * - voluntary: a consensus of the members, every voting member agreeing; a majority is not
 *   enough (README.md:83), so the vote is held by the consensus rule;
 * - forced: membership below the minimum with no replacement found (README.md:87), two or more
 *   consecutive missed reporting periods (defunct, README.md:88), or a Board vote (README.md:89).
 *
 * The minimum is per kind of group, in one table: the README's "Chair and Co-Chair, and one Board
 * member" is for working groups; teams have no Chair or Co-Chair lines, so two participants.
 * Imports nothing from platform/.
 */
import type { GroupKind } from "../charter/types.ts";

/** The least membership a kind of group needs to go on. */
export interface MinimumMembership {
  /** Group roles that must each have a holder. */
  roles: ReadonlyArray<"chair" | "co-chair">;
  /** A participant who is on the Board that day. */
  boardMember: boolean;
  /** Participants in all. */
  participants: number;
  /** The rule's source. */
  source: string;
}

/** The minimum per kind (README.md:87 for working groups). */
export const MINIMUM_MEMBERSHIP: Record<GroupKind, MinimumMembership> = {
  "working-group": {
    roles: ["chair", "co-chair"],
    boardMember: true,
    participants: 2,
    source: "README.md:87: a Chair, a Co-Chair and one Board member",
  },
  team: {
    roles: [],
    boardMember: false,
    participants: 2,
    source: "teams have no Chair or Co-Chair lines: two participants",
  },
};

/** One current participant of a group, as the minimum rule reads them. */
export interface Participant {
  personId: number;
  roles: readonly string[];
  /** Holds the board-member foundation role on the day. */
  onBoard: boolean;
}

const ROLE_WORDS = { chair: "a Chair", "co-chair": "a Co-Chair" } as const;

/** What the group lacks against its kind's minimum; empty when it has enough. */
export function membershipShortfall(kind: GroupKind, participants: readonly Participant[]): string[] {
  const rule = MINIMUM_MEMBERSHIP[kind];
  const missing: string[] = [];
  for (const role of rule.roles) {
    if (!participants.some((p) => p.roles.includes(role))) missing.push(ROLE_WORDS[role]);
  }
  if (rule.boardMember && !participants.some((p) => p.onBoard)) missing.push("a Board member");
  if (participants.length < rule.participants) {
    missing.push(`${rule.participants} participants (has ${participants.length})`);
  }
  return missing;
}

/** Why a group may be shut down without its members' consensus. */
export type ForcedGround = "membership" | "defunct";

/** A forced ground that holds today, with what shows it. */
export interface GroundFinding {
  ground: ForcedGround;
  detail: string;
  rule: string;
}

/** The forced grounds that hold for a group today (the Board still decides: README.md:88 "exceptions may be made"). */
export function forcedShutdownGrounds(input: {
  kind: GroupKind;
  participants: readonly Participant[];
  /** The day the group was flagged defunct, while no Board decision followed; null otherwise. */
  defunctSince: string | null;
}): GroundFinding[] {
  const out: GroundFinding[] = [];
  const short = membershipShortfall(input.kind, input.participants);
  if (short.length) {
    out.push({
      ground: "membership",
      detail: `Below the minimum: missing ${short.join(", ")}.`,
      rule: `README.md:87 (${MINIMUM_MEMBERSHIP[input.kind].source})`,
    });
  }
  if (input.defunctSince !== null) {
    out.push({
      ground: "defunct",
      detail: `Flagged defunct since ${input.defunctSince}: two consecutive reporting periods missed.`,
      rule: "README.md:88",
    });
  }
  return out;
}

/** The archiving checklist (README.md:93-96), in order; the final report is sent "if possible". */
export const ARCHIVE_STEPS = [
  { step: "final-report", label: "Final report to the Board", optional: true },
  {
    step: "charter-archived",
    label: "Charter moved to archive/ and unlinked from the README",
    optional: false,
  },
  {
    step: "channels-closed",
    label: "Mailing lists and other channels archived or shut down",
    optional: false,
  },
] as const;

/** The set-up checklist of an approved group (README.md:67-71). */
export const SETUP_STEPS = [
  { step: "charter-pr", label: "Charter pull request merged and linked from the README", optional: false },
  { step: "channels", label: "Mailing list or other channels set up", optional: false },
  { step: "first-meeting", label: "First meeting scheduled and held", optional: false },
] as const;

/** True when every required step is recorded (done, or skipped where it may be). */
export function checklistComplete(
  steps: ReadonlyArray<{ step: string; optional: boolean }>,
  recorded: ReadonlyArray<{ step: string; outcome: string }>,
): boolean {
  return steps.every((s) => recorded.some((r) => r.step === s.step && (r.outcome === "done" || s.optional)));
}
