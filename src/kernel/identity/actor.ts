/**
 * Who is acting: the actor every room's policy decides on, with its dated foundation roles, the
 * dated group roles a room contributes (see actor.repo.ts) and token scopes. Pure.
 */
import { type Holding, heldOn } from "./dated.ts";

export type { Holding } from "./dated.ts";

/** Foundation-wide roles, each held for a period. */
export const FOUNDATION_ROLES = [
  "dsf-member",
  "board-member",
  "steering-council-member",
  "fellow",
  "president",
  "site-admin",
] as const;
/** A foundation-wide role. */
export type FoundationRole = (typeof FOUNDATION_ROLES)[number];

/** Human labels of the foundation roles. */
export const FOUNDATION_ROLE_LABELS: Record<FoundationRole, string> = {
  "dsf-member": "DSF Individual Member",
  "board-member": "Board member",
  "steering-council-member": "Steering Council member",
  fellow: "Fellow",
  president: "DSF President",
  "site-admin": "Site administrator",
};

/** True for a known foundation role name. */
export const isFoundationRole = (r: string): r is FoundationRole =>
  (FOUNDATION_ROLES as readonly string[]).includes(r);

/** What a personal access token may be used for; a session may do everything its user may. */
export const TOKEN_SCOPES = ["read", "account", "groups", "votes", "admin"] as const;
/** A personal access token scope. */
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What each scope allows, for forms and documentation. */
export const TOKEN_SCOPE_LABELS: Record<TokenScope, string> = {
  read: "Read pages and data visible to you",
  account: "Manage your account: tokens, person claim",
  groups: "Act in your groups: apply, report, manage applications and arrangements",
  votes: "Cast votes",
  admin: "Site administration (only works for site admins)",
};

/** A dated role held in a group (the group's room says which roles exist). */
export interface GroupHolding extends Holding {
  groupId: number;
  role: string;
  title: string;
}

/** Who is acting: an anonymous visitor (userId null) or an account with its roles and token scopes. */
export interface Actor {
  userId: number | null;
  /** The charter person linked to the account (confirmed claim), if any. */
  personId: number | null;
  foundationRoles: ReadonlyArray<Holding & { role: FoundationRole }>;
  groupRoles: ReadonlyArray<GroupHolding>;
  /** Token scopes; null for a browser session (no restriction beyond the person's rights). */
  scopes: readonly string[] | null;
}

/** The anonymous visitor. */
export const ANONYMOUS: Actor = {
  userId: null,
  personId: null,
  foundationRoles: [],
  groupRoles: [],
  scopes: null,
};

/** The foundation roles an actor holds on a day. */
export function foundationRolesOn(actor: Actor, on: string): Set<FoundationRole> {
  return new Set(heldOn(actor.foundationRoles, on).map((r) => r.role));
}
