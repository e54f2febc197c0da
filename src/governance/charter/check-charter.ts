/**
 * Reviews a parsed charter the way a Board member reviews a proposal pull request: what the README and
 * the templates ask for that the charter does not yet say. `required` findings block approval (a
 * working group without a Chair, Co-Chair or Board Liaison, no stated membership decisions, budget
 * or reporting); `recommended` ones are worth raising (group size outside 3-7, meeting cadence, ...).
 */
import type { ParsedCharter } from "./types.ts";

/** How much a finding matters. */
export type FindingSeverity = "required" | "recommended";

/** One thing the charter still lacks. */
export interface CharterFinding {
  /** The charter field concerned (same keys as `ParsedCharter.missing`, plus `size`, `removalRule`, ...). */
  field: string;
  severity: FindingSeverity;
  message: string;
}

/** Options for `checkCharter`. */
export interface CheckCharterOptions {
  /** Recommended group size; the README suggests 3-7 people. */
  size?: { min: number; max: number };
}

/** Lists what the charter lacks against the template, required findings first. */
export function checkCharter(charter: ParsedCharter, options: CheckCharterOptions = {}): CharterFinding[] {
  const c = charter;
  const wg = c.kind === "working-group";
  const size = options.size ?? { min: 3, max: 7 };
  const found: CharterFinding[] = [];
  const add = (field: string, severity: FindingSeverity, message: string) =>
    found.push({ field, severity, message });
  const groupWord = wg ? "working group" : "team";

  if (c.missing.includes("name"))
    add("name", "required", "The charter has no title (level-1 heading) naming the group.");
  if (c.scope === null) add("scope", "required", "Scope of responsibilities is not described.");
  if (c.roles.chair.length === 0) {
    add("chair", wg ? "required" : "recommended", `No Chair is named; every ${groupWord} should have one.`);
  }
  if (c.roles.coChair.length === 0) {
    add(
      "coChair",
      wg ? "required" : "recommended",
      `No Co-Chair is named; every ${groupWord} should have one.`,
    );
  }
  if (wg && c.roles.boardLiaison.length === 0) {
    add(
      "boardLiaison",
      "required",
      "No Board Liaison: a working group needs at least one active Board member.",
    );
  }
  if (c.members.length === 0) add("members", "required", "No members are named.");
  const tentative = [
    ["Chair", c.roles.chair],
    ["Co-Chair", c.roles.coChair],
    ["Board Liaison", c.roles.boardLiaison],
    ["Steering Council Liaison", c.roles.steeringCouncilLiaison],
    ...c.roles.other.map((r) => [r.title, r.people] as const),
  ] as const;
  for (const [title, people] of tentative) {
    const proposed = people.filter((p) => p.tentative).map((p) => p.name);
    if (proposed.length) {
      add(
        "tentative",
        "recommended",
        `${title}: ${proposed.join(", ")} named tentatively; confirm before approval.`,
      );
    }
  }
  if (c.membershipModel === null) {
    add(
      "membershipModel",
      "required",
      "How new members are admitted is not stated (direct vote, invitation, consensus, appointment, Board-managed or Steering Council-managed).",
    );
  }
  if (c.budget === null)
    add("budget", "required", "Budget is not stated (or still TBD); say how much, or that none is needed.");
  if (c.channels.length === 0)
    add("channels", "required", "Where discussions and activities take place is not stated.");
  if (c.reportingCadence === null) {
    add(
      "reportingCadence",
      "required",
      "How and how often the group reports back to the Board is not stated.",
    );
  }

  if (c.members.length > 0 && (c.members.length < size.min || c.members.length > size.max)) {
    add(
      "size",
      "recommended",
      `${c.members.length} member(s); a good size is ${size.min}-${size.max} people, so expect to be asked about it.`,
    );
  }
  if (c.eligibility === null) add("eligibility", "recommended", "Who is eligible to join is not stated.");
  if (c.howToJoin === null)
    add("howToJoin", "recommended", "How people sign up or express interest is not stated.");
  if (c.removalRule === null)
    add("removalRule", "recommended", "How members are removed or leave is not stated.");
  if (c.termMonths === null)
    add("termMonths", "recommended", "No membership term is set (e.g. a 12-month term).");
  if (c.meetingCadence === null) {
    add(
      "meetingCadence",
      "recommended",
      "No meeting cadence is given; synchronous meetings at least monthly are suggested.",
    );
  }
  if (c.delegated.length === 0) {
    add("delegated", "recommended", "No delegated powers or actions the group may take directly are listed.");
  }
  return [
    ...found.filter((f) => f.severity === "required"),
    ...found.filter((f) => f.severity === "recommended"),
  ];
}

/** True when nothing required is missing. */
export function isCharterComplete(findings: CharterFinding[]): boolean {
  return !findings.some((f) => f.severity === "required");
}
