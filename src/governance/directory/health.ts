/**
 * Health flags of a group, decided from its kind, status and membership alone. Pure: imports
 * nothing from platform/, so every rule here is tested without a database.
 */

/** Kind of group as far as the health rules care. */
export type HealthGroupKind = "working-group" | "team";

/** Thresholds for the health rules (from `config.health`; teams have no chair, so per kind). */
export interface HealthConfig {
  /** Fewest distinct current members (role holders and liaisons included) per kind. */
  minMembers: Record<HealthGroupKind, number>;
  /** Suggested size range (README: "around 3-7 people"). */
  sizeMin: number;
  sizeMax: number;
}

/** The defaults the README suggests: Chair + Co-Chair + a Board member, 3-7 people. */
export const DEFAULT_HEALTH_CONFIG: HealthConfig = {
  minMembers: { "working-group": 3, team: 3 },
  sizeMin: 3,
  sizeMax: 7,
};

/** What the health rules look at: counts and role presence, not the charter prose. */
export interface HealthInput {
  kind: HealthGroupKind;
  /** active | draft | proposed | archived | unknown */
  status: string;
  /** Distinct people currently in the group (chairs, liaisons and members, once each). */
  memberCount: number;
  chairCount: number;
  coChairCount: number;
  boardLiaisonCount: number;
  /** Charter fields that are absent or not filled in (`charter.missing`). */
  missingFields: readonly string[];
}

/** Stable code of a health flag. */
export type HealthFlagCode =
  | "below-minimum-membership"
  | "no-board-liaison"
  | "size-outside-range"
  | "missing-charter-fields";

/** How much a flag matters: `critical` can shut a group down, `warning` is worth a question. */
export type HealthSeverity = "critical" | "warning";

/** The rule a flag comes from, with where it is written down. */
export interface HealthRule {
  /** Where the rule is written, e.g. "dsf-working-groups README.md:87". */
  source: string;
  /** The rule in our own words. */
  summary: string;
}

/** One health finding about a group. */
export interface HealthFlag {
  code: HealthFlagCode;
  severity: HealthSeverity;
  /** A sentence a person can read, with the numbers that triggered it. */
  message: string;
  rule: HealthRule;
}

/** The rules each flag comes from, in one place so pages and the API cite the same text. */
export const HEALTH_RULES: Record<HealthFlagCode, HealthRule> = {
  "below-minimum-membership": {
    source: "dsf-working-groups README.md:45, README.md:87",
    summary:
      "A working group needs at least a Chair, a Co-Chair and one Board member; a group below its minimum membership with no replacement may be shut down.",
  },
  "no-board-liaison": {
    source: "dsf-working-groups README.md:44; template.md:17",
    summary: "Every working group must have a Board Liaison who is an active Board member.",
  },
  "size-outside-range": {
    source: "dsf-working-groups README.md:46",
    summary: "A good size is around 3-7 people; outside that range is allowed but may be questioned.",
  },
  "missing-charter-fields": {
    source: "dsf-working-groups README.md:34-56",
    summary: "A charter names its scope, membership, future membership, budget, comms and reporting.",
  },
};

/** Readable names of the charter fields `charter.missing` lists. */
export const CHARTER_FIELD_LABELS: Record<string, string> = {
  name: "name",
  scope: "scope",
  chair: "Chair",
  coChair: "Co-Chair",
  boardLiaison: "Board Liaison",
  steeringCouncilLiaison: "Steering Council Liaison",
  members: "members",
  eligibility: "eligibility",
  howToJoin: "how to join",
  membershipModel: "membership decisions",
  budget: "budget",
  channels: "communication channels",
  meetingCadence: "meeting cadence",
  reportingCadence: "reporting cadence",
};

/**
 * Role lines left out of the missing-fields flag: for a working group the membership flags
 * already report them, and a team has no Chair/Co-Chair lines and an optional liaison.
 */
const ROLE_FIELDS = new Set(["chair", "coChair", "boardLiaison", "steeringCouncilLiaison"]);

/** A field name as people read it ("meetingCadence" -> "meeting cadence"). */
export function charterFieldLabel(field: string): string {
  return CHARTER_FIELD_LABELS[field] ?? field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** Statuses the health rules do not apply to: an archived group has already shut down. */
const EXEMPT_STATUSES = new Set(["archived"]);

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function flag(code: HealthFlagCode, severity: HealthSeverity, message: string): HealthFlag {
  return { code, severity, message, rule: HEALTH_RULES[code] };
}

/** Computes the health flags of one group; an empty list means nothing to flag. */
export function computeHealthFlags(
  input: HealthInput,
  config: HealthConfig = DEFAULT_HEALTH_CONFIG,
): HealthFlag[] {
  if (EXEMPT_STATUSES.has(input.status)) return [];
  const flags: HealthFlag[] = [];
  const isWorkingGroup = input.kind === "working-group";

  const minimum = config.minMembers[input.kind];
  const vacancies: string[] = [];
  // Teams have no Chair/Co-Chair lines (team-template.md), so only working groups need them.
  if (isWorkingGroup && input.chairCount === 0) vacancies.push("no Chair");
  if (isWorkingGroup && input.coChairCount === 0) vacancies.push("no Co-Chair");
  if (input.memberCount < minimum || vacancies.length > 0) {
    const parts = [];
    if (input.memberCount < minimum) {
      parts.push(`${plural(input.memberCount, "member", "members")}, fewer than the minimum of ${minimum}`);
    } else {
      parts.push(`${plural(input.memberCount, "member", "members")}`);
    }
    parts.push(...vacancies);
    flags.push(
      flag("below-minimum-membership", "critical", `Below minimum membership: ${parts.join(", ")}.`),
    );
  }

  if (isWorkingGroup && input.boardLiaisonCount === 0) {
    flags.push(flag("no-board-liaison", "critical", "This working group has no Board Liaison."));
  }

  if (input.memberCount < config.sizeMin || input.memberCount > config.sizeMax) {
    flags.push(
      flag(
        "size-outside-range",
        "warning",
        `${plural(input.memberCount, "member", "members")}: outside the suggested size of ${config.sizeMin}-${config.sizeMax}.`,
      ),
    );
  }

  const missing = input.missingFields.filter((f) => !ROLE_FIELDS.has(f));
  if (missing.length > 0) {
    flags.push(
      flag(
        "missing-charter-fields",
        "warning",
        `The charter does not fill in: ${missing.map(charterFieldLabel).join(", ")}.`,
      ),
    );
  }
  return flags;
}
