import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import { type Actor, ANONYMOUS, type GroupHolding, isFoundationRole } from "./actor.ts";

/**
 * What a room adds to an actor: the dated group roles of the account's person, given the person
 * and the foundation roles already loaded (ex officio roles follow from them).
 */
export type GroupRoleSource = (
  db: Db,
  who: { personId: number | null; foundationRoles: Actor["foundationRoles"] },
) => Promise<GroupHolding[]>;

/** The loader of group roles, set by the room that owns groups (governance's router). */
const groupRoleSources = new Set<GroupRoleSource>();

/** Registers a room's source of group roles (idempotent). */
export function registerGroupRoleSource(source: GroupRoleSource): void {
  groupRoleSources.add(source);
}

/**
 * Loads everything the policy needs about a viewer: foundation roles (the account's and its linked
 * person's), the group roles rooms contribute for the linked person, and token scopes.
 */
export async function loadActor(
  db: Db,
  viewer: { userId: number; scopes: readonly string[] | null } | null,
): Promise<Actor> {
  if (!viewer) return ANONYMOUS;
  const [user] = await db.select().from(schema.users).where(eq(schema.users.id, viewer.userId));
  if (!user) return ANONYMOUS;
  const byUser = await db
    .select()
    .from(schema.foundationRoles)
    .where(eq(schema.foundationRoles.userId, user.id));
  const byPerson =
    user.personId === null
      ? []
      : await db
          .select()
          .from(schema.foundationRoles)
          .where(eq(schema.foundationRoles.personId, user.personId));
  const foundationRoles = [...byUser, ...byPerson].flatMap((r) =>
    isFoundationRole(r.role) ? [{ role: r.role, startedOn: r.startedOn, endedOn: r.endedOn }] : [],
  );
  const groupRoles: GroupHolding[] = [];
  for (const source of groupRoleSources) {
    groupRoles.push(...(await source(db, { personId: user.personId, foundationRoles })));
  }
  return { userId: user.id, personId: user.personId, foundationRoles, groupRoles, scopes: viewer.scopes };
}
