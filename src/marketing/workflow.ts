/**
 * The review workflow's rules: which moves each state allows, who may decide a review step (never
 * an item's own authors; a partner step passes to the Board once its deadline is past), and what a
 * round of decisions adds up to. Pure.
 */
import type { ContentKind, ItemState, StepKind } from "./content-kinds.ts";

/** A move of an item through its workflow. */
export type Move = "submit" | "schedule" | "publish" | "archive" | "edit";

const FROM: Record<Move, readonly ItemState[]> = {
  submit: ["draft", "changes-requested"],
  schedule: ["approved"],
  publish: ["approved", "scheduled"],
  archive: ["draft", "changes-requested", "approved", "scheduled", "published"],
  edit: ["draft", "in-review", "changes-requested", "approved", "scheduled"],
};

/** Why a move is refused from this state (for this kind), or null when it is allowed. */
export function moveRefusal(move: Move, state: ItemState, kind?: ContentKind): string | null {
  // A strategy document is approved by the group and read by DSF members: it is never published.
  if (kind === "strategy-document" && (move === "schedule" || move === "publish"))
    return "A strategy document is not published: once approved, DSF members read its approved revision.";
  if (FROM[move].includes(state)) return null;
  const words: Record<Move, string> = {
    submit: "Only a draft or an item with changes requested can be sent for review",
    schedule: "Only an approved item can be scheduled",
    publish: "Only an approved or scheduled item can be published",
    archive: "This item is already archived",
    edit: "A published or archived item cannot be edited",
  };
  return `${words[move]} (it is ${state.replace("-", " ")}).`;
}

/** An edit in these states voids the approvals given so far, and the item goes back to draft. */
export function editVoidsReview(state: ItemState): boolean {
  return state === "in-review" || state === "approved" || state === "scheduled";
}

/** A review step as the rules see it. */
export interface StepFacts {
  step: StepKind;
  groupId: number | null;
  dueAt: Date | null;
  status: "pending" | "approved" | "changes-requested" | "voided";
}

/** What the rules know of the person deciding. */
export interface ReviewerFacts {
  userId: number;
  /** Groups the person takes part in today. */
  groupIds: ReadonlySet<number>;
  board: boolean;
  steeringCouncil: boolean;
}

/** True once a partner step's deadline has passed without a decision. */
export function isOverdue(s: StepFacts, now: Date): boolean {
  return (
    s.step === "partner" && s.status === "pending" && s.dueAt !== null && s.dueAt.getTime() <= now.getTime()
  );
}

/** Why this person may not decide this step, or null when they may (and why). */
export function stepRefusal(input: {
  step: StepFacts;
  reviewer: ReviewerFacts;
  /** The marketing group. */
  groupId: number;
  /** Everyone who wrote a revision of the item. */
  authorUserIds: ReadonlySet<number>;
  now: Date;
}): string | null {
  const { step: s, reviewer: r } = input;
  if (s.status !== "pending") return "This step has already been decided.";
  if (input.authorUserIds.has(r.userId)) return "Nobody approves their own item: you wrote a revision of it.";
  if (s.step === "member")
    return r.groupIds.has(input.groupId) ? null : "Only another member of the group may do this step.";
  if (s.step === "board") return r.board ? null : "Only a Board member may do this step.";
  if (s.step === "final-check") {
    return s.groupId !== null && r.groupIds.has(s.groupId)
      ? null
      : "Only the checking group's members make the final check.";
  }
  // A partner step: the partner group (the Steering Council for core contributors); the Board once overdue.
  const partner = s.groupId !== null ? r.groupIds.has(s.groupId) : r.steeringCouncil;
  if (partner) return null;
  if (isOverdue(s, input.now) && r.board) return null;
  return isOverdue(s, input.now)
    ? "The partner's deadline has passed: the partner group or the Board decides this step."
    : "Only the partner group's members sign this off (the Board may once its deadline has passed).";
}

/** Where a round of review stands: any change requested wins; all approved is approved. */
export function roundOutcome(
  steps: readonly Pick<StepFacts, "status">[],
): "in-review" | "approved" | "changes-requested" {
  const live = steps.filter((s) => s.status !== "voided");
  if (live.some((s) => s.status === "changes-requested")) return "changes-requested";
  if (live.length > 0 && live.every((s) => s.status === "approved")) return "approved";
  return "in-review";
}
