/**
 * Accounts' records as API objects, in one place (Outline's presenters): the routes answer with
 * these rather than with object literals of their own, so one model reads the same on every route.
 */
import {
  FOUNDATION_ROLE_LABELS,
  type FoundationRole,
  type FoundationRoleListing,
  holdsOn,
  type TokenRow,
  type UserRow,
} from "../../kernel/index.ts";
import type { ClaimRow, pendingClaims } from "./accounts.repo.ts";

/** A token without its secret. */
export function presentToken(t: TokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}

/** An account. */
export function presentUser(u: UserRow) {
  return { id: u.id, name: u.name, email: u.email, githubLogin: u.githubLogin, personId: u.personId };
}

/** A foundation role held (or once held) by an account, current on `today` or not. */
export function presentFoundationRole(r: FoundationRoleListing, today: string) {
  const row = r.role;
  return {
    id: row.id,
    role: row.role,
    label: FOUNDATION_ROLE_LABELS[row.role as FoundationRole] ?? row.role,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    termEndsOn: row.termEndsOn,
    reason: row.reason,
    decisionRef: row.decisionRef,
    current: holdsOn(row, today),
    createdAt: row.createdAt.toISOString(),
    user: r.user,
    person: r.person,
  };
}

/** A claim just filed. */
export function presentFiledClaim(claim: ClaimRow) {
  return { id: claim.id, status: claim.status, personId: claim.personId };
}

/** A claim just confirmed or rejected. */
export function presentDecidedClaim(claim: ClaimRow) {
  return { id: claim.id, status: claim.status, personId: claim.personId, userId: claim.userId };
}

/** A claim waiting for an administrator, with who filed it and whom it names. */
export function presentPendingClaim({
  claim,
  user,
  person,
}: Awaited<ReturnType<typeof pendingClaims>>[number]) {
  return { id: claim.id, note: claim.note, createdAt: claim.createdAt.toISOString(), user, person };
}
