/**
 * Who may do what with a funding request, pure. Requests are seen by the asking group's
 * participants, the Board and site administrators (not by the public: amounts and purposes are
 * the group's and the Board's business). The Board decides, but never a Board member who asked or
 * who is a participant of the asking group; the group's participants withdraw a waiting request
 * and record spending against an approved one.
 */

/** A funding request as the policy sees it. */
export interface FundingSides {
  requestId: number;
  groupId: number;
  requestedByPersonId: number | null;
  requestedByUserId: number | null;
  state: string;
}

/** The viewer, as these rules need them. */
export interface FundingViewer {
  userId: number | null;
  personId: number | null;
  /** A participant of the asking group today (member, chair, liaison...). */
  participant: boolean;
  board: boolean;
  admin: boolean;
}

/** The funding actions decided on a request. */
export type FundingAction =
  | "funding.view"
  | "funding.decide"
  | "funding.record-spending"
  | "funding.withdraw";

type Verdict = { allowed: true; reason: string } | { allowed: false; reason: string };
const yes = (reason: string): Verdict => ({ allowed: true, reason });
const no = (reason: string): Verdict => ({ allowed: false, reason });

/** True when the viewer made the request (their account or their person). */
export function isRequester(sides: FundingSides, viewer: FundingViewer): boolean {
  if (viewer.userId !== null && sides.requestedByUserId === viewer.userId) return true;
  return viewer.personId !== null && sides.requestedByPersonId === viewer.personId;
}

/** Decides a funding action on one request. */
export function decideFunding(action: FundingAction, sides: FundingSides, viewer: FundingViewer): Verdict {
  if (viewer.userId === null && viewer.personId === null) return no("Sign in first.");
  switch (action) {
    case "funding.view":
      if (viewer.participant) return yes("Participant of the asking group.");
      if (isRequester(sides, viewer)) return yes("You made this request.");
      if (viewer.board) return yes("Board member.");
      if (viewer.admin) return yes("Site administrator.");
      return no("Only the asking group, the Board and site administrators see a funding request.");
    case "funding.decide":
      if (!viewer.board) return no("Only the Board decides funding requests.");
      if (isRequester(sides, viewer)) return no("Nobody decides a funding request they made.");
      if (viewer.participant)
        return no("A Board member in the asking group does not decide its funding request.");
      return yes("Board member outside the asking group.");
    case "funding.record-spending":
      return viewer.participant
        ? yes("Participant of the group.")
        : no("Only the group's Chair and members record its spending.");
    case "funding.withdraw":
      if (viewer.participant || isRequester(sides, viewer)) return yes("The asking group.");
      return no("Only the asking group withdraws its request.");
  }
}
