import type { FoundationRole } from "./actor.ts";
import { type DbOrTx, listFoundationRoles, listUsersWithPersonSlug } from "./identity.repo.ts";

/** One account as `guildhall users list` shows it. */
export interface UserListing {
  id: number;
  email: string | null;
  name: string;
  githubLogin: string | null;
  /** The charter person the account is (after a confirmed claim), by slug. */
  person: string | null;
  createdAt: Date;
  disabledAt: Date | null;
  /** Foundation roles held on `day`, by the account or its person, in name order. */
  roles: string[];
}

/** Every account, oldest first, with the foundation roles it holds on `day`; optionally only holders of `role`. */
export async function listUsers(input: {
  db: DbOrTx;
  day: string;
  role?: FoundationRole;
}): Promise<UserListing[]> {
  const rows = await listUsersWithPersonSlug(input.db);
  const current = await listFoundationRoles(input.db, { day: input.day, currentOnly: true });
  const listed = rows.map(({ user, personSlug }) => {
    const roles = current
      .filter((r) => r.user?.id === user.id || (user.personId !== null && r.person?.id === user.personId))
      .map((r) => r.role.role);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      githubLogin: user.githubLogin,
      person: personSlug,
      createdAt: user.createdAt,
      disabledAt: user.disabledAt,
      roles: [...new Set(roles)].sort(),
    };
  });
  const role = input.role;
  return role === undefined ? listed : listed.filter((u) => u.roles.includes(role));
}
