/**
 * The closed sets of values text columns hold (statuses, kinds, methods), each enforced by a CHECK
 * constraint beside its table (columns.ts `oneOf`). Plain constants importing nothing, so rooms'
 * pure rules use these lists themselves (the charter's kinds and cadences, the directory's timeline
 * kinds and roles). The group and foundation role lists stay written again in
 * governance/policy/group-roles.ts and kernel/identity/actor.ts, which the command line loads and
 * which may reach nothing under db/; each room's `closed-sets.test.ts` holds those equal, so a
 * value added in code without a migration fails a test, not an insert in production.
 */

/** How a session was started. */
export const SESSION_METHODS = ["github", "email"] as const;
/** Foundation-wide roles (kernel/identity/actor.ts FOUNDATION_ROLES). */
export const FOUNDATION_ROLE_NAMES = [
  "dsf-member",
  "board-member",
  "steering-council-member",
  "fellow",
  "president",
  "site-admin",
] as const;
/** A claim on a charter person. */
export const CLAIM_STATUSES = ["pending", "confirmed", "rejected"] as const;
/** Roles within a group (governance/policy/group-roles.ts GROUP_ROLES). */
export const GROUP_ROLE_NAMES = [
  "chair",
  "co-chair",
  "board-liaison",
  "steering-council-liaison",
  "member",
  "other",
] as const;

/** Roles a charter names (governance/registry/charter-changes.ts RoleName): the group roles and alumni. */
export const CHARTER_ROLE_NAMES = [...GROUP_ROLE_NAMES, "alumnus"] as const;

/** Kinds of group (governance/charter/types.ts GroupKindSchema). */
export const GROUP_KINDS = ["working-group", "team"] as const;
/** A group's status (governance/charter/statuses.ts GROUP_STATUSES). */
export const GROUP_STATUS_NAMES = ["active", "draft", "archived", "proposed", "unknown"] as const;
/** Events of a group's timeline (governance/registry/charter-changes.ts). */
export const GROUP_EVENT_KINDS = [
  "proposed",
  "activated",
  "archived",
  "status-changed",
  "renamed",
  "joined",
  "left",
  "role-changed",
] as const;
/** Where a timeline event came from. */
export const GROUP_EVENT_SOURCES = ["history", "import"] as const;
/** A suggested alias between two spellings of a person. */
export const ALIAS_SUGGESTION_STATUSES = ["pending", "accepted", "rejected"] as const;
/** Reporting cadences (governance/charter/types.ts CadenceSchema). */
export const CADENCES = [
  "weekly",
  "fortnightly",
  "monthly",
  "every-two-months",
  "quarterly",
  "twice-yearly",
  "annual",
  "as-needed",
  "none",
  "other",
] as const;
/** A report's cadence: the charter's, or unknown when the charter states none. */
export const REPORT_CADENCES = [...CADENCES, "unknown"] as const;

/** An application to join a group (governance/decisions/application-state.ts). */
export const APPLICATION_STATUSES = ["pending", "voting", "accepted", "rejected", "withdrawn"] as const;
/** A vote's status, outcome, ballot secrecy, base rule and why it closed (governance/decisions/tally.ts). */
export const VOTE_STATUSES = ["open", "closed"] as const;
export const VOTE_OUTCOMES = ["passed", "failed"] as const;
export const BALLOT_SECRECY = ["open", "secret"] as const;
export const VOTE_BASE_RULES = ["electorate", "cast", "consensus"] as const;
export const VOTE_CLOSE_REASONS = ["deadline", "decided"] as const;

/** A PyPI sync run, its scope, an item's state and a problem's kind (ecosystem/sync). */
export const SYNC_RUN_STATUSES = ["running", "finished"] as const;
export const SYNC_SCOPES = ["listed", "catalogue"] as const;
export const SYNC_ITEM_STATES = ["pending", "fetched", "not_modified", "error"] as const;
export const SYNC_PROBLEM_KINDS = [
  "not_found",
  "malformed",
  "truncated",
  "http",
  "timeout",
  "network",
  "metadata",
] as const;
/** What fetching a package's source repository found (ecosystem/health). */
export const REPOSITORY_STATUSES = ["ok", "not_found", "error"] as const;
