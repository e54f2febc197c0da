/**
 * Where an application stands and what happens next, in words, under the group's membership
 * model (policy/membership-rule.ts). Pure: from platform/ it takes only the way times are written.
 */
import { formatInstant } from "../../platform/view/time.tsx";
import { type Admission, admissionText } from "../policy/membership-rule.ts";

/** The stored states of an application. */
export type ApplicationStatus = "pending" | "voting" | "accepted" | "rejected" | "withdrawn";

/** The vote started on an application, as far as the applicant is told. */
export interface ApplicationVote {
  id: number;
  status: "open" | "closed";
  /** ISO 8601 instant. */
  closesAt: string;
  outcome: "passed" | "failed" | null;
}

/** What the applicant is told about one application. */
export interface ApplicationState {
  status: ApplicationStatus;
  /** The state in a few words ("waiting for a decision", "being voted on"). */
  label: string;
  /** What happens next, one or two sentences. */
  next: string;
  /** True while the application waits for a decision (pending or voting). */
  open: boolean;
}

const LABELS: Record<ApplicationStatus, string> = {
  pending: "waiting for a decision",
  voting: "being voted on",
  accepted: "accepted",
  rejected: "not accepted",
  withdrawn: "withdrawn",
};

/** An ISO instant as "15 March 2026, 12:00 UTC" (the site's one way of writing a time). */
export function readableInstant(iso: string): string {
  return formatInstant(iso);
}

/** Reads a stored status; anything unknown is reported as pending (the table's default state). */
export function asApplicationStatus(status: string): ApplicationStatus {
  return status in LABELS ? (status as ApplicationStatus) : "pending";
}

/** The state and next step of an application under the group's way of admitting members. */
export function applicationState(input: {
  status: string;
  admission: Admission;
  vote: ApplicationVote | null;
  /** When it was decided (ISO), for accepted and rejected applications. */
  decidedAt: string | null;
}): ApplicationState {
  const status = asApplicationStatus(input.status);
  const open = status === "pending" || status === "voting";
  const label = LABELS[status];
  const decided = input.decidedAt ? ` on ${readableInstant(input.decidedAt)}` : "";
  const { admission, vote } = input;
  let next: string;
  switch (status) {
    case "voting":
      next =
        vote && vote.status === "open"
          ? `A vote is open (vote #${vote.id}): new members are decided by ${admissionText(admission)}. It closes ${readableInstant(vote.closesAt)} at the latest, earlier if the outcome can no longer change.`
          : "A vote was started on it; its outcome is applied when it closes.";
      break;
    case "accepted":
      next = `Accepted${decided}: you are a member.`;
      break;
    case "rejected":
      next = `Not accepted${decided}${vote ? ` (vote #${vote.id})` : ""}. You may apply again.`;
      break;
    case "withdrawn":
      next = "Withdrawn; nothing more happens.";
      break;
    default:
      next = pendingNext(admission);
  }
  return { status, label, next, open };
}

function pendingNext(admission: Admission): string {
  switch (admission.kind) {
    case "vote":
      return `No vote is open yet. The group's Chair or Co-Chair starts the decision, which is taken by ${admissionText(admission)}.`;
    case "invitation":
      return "No vote is held: any member of the group may admit you (an invitation by a member).";
    case "appointment":
      return `No vote is held: you join if appointed (${admissionText(admission)}).`;
    case "not-stated":
      return `Not stated: ${admissionText(admission)}.`;
  }
}
