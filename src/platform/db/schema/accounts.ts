import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { CLAIM_STATUSES, FOUNDATION_ROLE_NAMES, GROUP_ROLE_NAMES, SESSION_METHODS } from "./closed-sets.ts";
import { createdAtColumn, day, idColumn, oneOf, ownedBy, refersTo, timestamptz } from "./columns.ts";
import { groups, people } from "./governance.ts";

/** A person who can sign in: by GitHub, by an emailed link, or with a personal access token. */
export const users = pgTable(
  "users",
  {
    id: idColumn(),
    /** Lower-cased; null for a GitHub account that shared no verified email. */
    email: text("email"),
    name: text("name").notNull(),
    /** GitHub's numeric user id, as text; the login can change, the id does not. */
    githubId: text("github_id"),
    githubLogin: text("github_login"),
    /** The person (from the charters) this account is, once an admin confirmed the claim. */
    personId: refersTo("person_id", () => people.id),
    createdAt: createdAtColumn(),
    disabledAt: timestamptz("disabled_at"),
  },
  (t) => [
    uniqueIndex("users_email").on(t.email),
    uniqueIndex("users_github_id").on(t.githubId),
    uniqueIndex("users_person").on(t.personId),
  ],
);

/** A browser session; only the SHA-256 of the cookie value is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: idColumn(),
    idHash: text("id_hash").notNull(),
    userId: ownedBy("user_id", () => users.id),
    /** github | email */
    method: text("method", { enum: SESSION_METHODS }).notNull(),
    createdAt: createdAtColumn(),
    expiresAt: timestamptz("expires_at").notNull(),
  },
  (t) => [
    uniqueIndex("sessions_id_hash").on(t.idHash),
    index("sessions_user").on(t.userId),
    check("sessions_method", oneOf("method", SESSION_METHODS)),
  ],
);

/** A one-time sign-in link sent by email; only the hash of its token is stored. */
export const signInLinks = pgTable(
  "sign_in_links",
  {
    id: idColumn(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    createdAt: createdAtColumn(),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
  },
  (t) => [uniqueIndex("sign_in_links_token_hash").on(t.tokenHash)],
);

/** A personal access token for scripts and bots (`Authorization: Bearer`); only its hash is stored. */
export const accessTokens = pgTable(
  "access_tokens",
  {
    id: idColumn(),
    userId: ownedBy("user_id", () => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** The first characters of the token, shown so its owner can tell tokens apart. */
    prefix: text("prefix").notNull(),
    scopes: text("scopes").array().notNull(),
    createdAt: createdAtColumn(),
    expiresAt: timestamptz("expires_at").notNull(),
    revokedAt: timestamptz("revoked_at"),
    lastUsedAt: timestamptz("last_used_at"),
  },
  (t) => [uniqueIndex("access_tokens_hash").on(t.tokenHash), index("access_tokens_user").on(t.userId)],
);

/**
 * The columns of a role held for a period (a foundation role, a role in a group), the one dated-role
 * rule's row: held on day D when started_on <= D and (ended_on is null or D < ended_on).
 */
const heldPeriodColumns = () => ({
  startedOn: day("started_on").notNull(),
  endedOn: day("ended_on"),
  /** End of the term (an elected Board term, a group's term); the role may end earlier or be renewed. */
  termEndsOn: day("term_ends_on"),
  reason: text("reason").notNull().default(""),
  /** The decision behind the period (a Board resolution, an election, a vote id, "charter import"). */
  decisionRef: text("decision_ref"),
  createdAt: createdAtColumn(),
});

/**
 * A foundation role held for a period: dsf-member, board-member, steering-council-member, fellow,
 * president, site-admin. Held on day D when started_on <= D and (ended_on is null or D < ended_on).
 * Attached to an account, to a person from the charters, or both.
 */
export const foundationRoles = pgTable(
  "foundation_roles",
  {
    id: idColumn(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    personId: integer("person_id").references(() => people.id, { onDelete: "cascade" }),
    role: text("role", { enum: FOUNDATION_ROLE_NAMES }).notNull(),
    ...heldPeriodColumns(),
  },
  (t) => [
    index("foundation_roles_user").on(t.userId),
    index("foundation_roles_person").on(t.personId),
    check("foundation_roles_role", oneOf("role", FOUNDATION_ROLE_NAMES)),
  ],
);

/** An account holder saying "this person from the charters is me"; an admin confirms it. */
export const personClaims = pgTable(
  "person_claims",
  {
    id: idColumn(),
    userId: ownedBy("user_id", () => users.id),
    personId: ownedBy("person_id", () => people.id),
    /** pending | confirmed | rejected */
    status: text("status", { enum: CLAIM_STATUSES }).notNull(),
    note: text("note").notNull().default(""),
    createdAt: createdAtColumn(),
    decidedAt: timestamptz("decided_at"),
    decidedBy: refersTo("decided_by", () => users.id),
  },
  (t) => [
    index("person_claims_user").on(t.userId),
    index("person_claims_person").on(t.personId),
    check("person_claims_status", oneOf("status", CLAIM_STATUSES)),
  ],
);

/**
 * A period in which a person held a role in a group (chair, co-chair, board-liaison,
 * steering-council-liaison, member, or a titled role), with the decision behind it.
 * Held on day D when started_on <= D and (ended_on is null or D < ended_on).
 */
export const rolePeriods = pgTable(
  "role_periods",
  {
    id: idColumn(),
    groupId: ownedBy("group_id", () => groups.id),
    personId: ownedBy("person_id", () => people.id),
    role: text("role", { enum: GROUP_ROLE_NAMES }).notNull(),
    /** Title of a titled role ("Designated Line Manager"); empty string otherwise. */
    title: text("title").notNull().default(""),
    ...heldPeriodColumns(),
  },
  // Periods of one role (group, person, role, title) never overlap: an exclusion constraint with
  // btree_gist (role_periods_no_overlap), written by hand in migration 0011 since drizzle cannot
  // declare exclusion constraints.
  (t) => [
    index("role_periods_group").on(t.groupId, t.startedOn),
    index("role_periods_person").on(t.personId),
    check("role_periods_role", oneOf("role", GROUP_ROLE_NAMES)),
  ],
);

/** Append-only record of who changed what, when and why (a database trigger refuses UPDATE and DELETE). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** The acting account; null for the command line or the system. */
    actorUserId: integer("actor_user_id"),
    /** Who acted, readable without a join: "user:3 (Ada)", "cli", "system". */
    actor: text("actor").notNull(),
    occurredAt: timestamptz("occurred_at").notNull(),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    cause: text("cause").notNull().default(sql`''`),
  },
  (t) => [
    index("audit_log_subject").on(t.subjectType, t.subjectId),
    index("audit_log_time").on(t.occurredAt),
  ],
);
