/** Queries of a group's audit trail and of the names its sentences need. */
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { schema } from "../../platform/db/index.ts";
import type { DbOrTx } from "./decisions.repo.ts";

const { auditLog, votes, membershipApplications, rolePeriods, people } = schema;

/**
 * Audit rows of a group's membership decisions: the group itself, its votes, applications and
 * role periods, newest first, at most `limit`.
 */
export async function selectGroupAuditRows(db: DbOrTx, groupId: number, limit: number) {
  const g = String(groupId);
  return db
    .select()
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.subjectType, "group"), eq(auditLog.subjectId, g)),
        and(
          eq(auditLog.subjectType, "vote"),
          inArray(
            auditLog.subjectId,
            db
              .select({ id: sql<string>`${votes.id}::text` })
              .from(votes)
              .where(eq(votes.groupId, groupId)),
          ),
        ),
        and(
          eq(auditLog.subjectType, "membership_application"),
          inArray(
            auditLog.subjectId,
            db
              .select({ id: sql<string>`${membershipApplications.id}::text` })
              .from(membershipApplications)
              .where(eq(membershipApplications.groupId, groupId)),
          ),
        ),
        and(
          eq(auditLog.subjectType, "role_period"),
          inArray(
            auditLog.subjectId,
            db
              .select({ id: sql<string>`${rolePeriods.id}::text` })
              .from(rolePeriods)
              .where(eq(rolePeriods.groupId, groupId)),
          ),
        ),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** Titles of some votes (none asked, none read). */
export async function voteTitles(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: votes.id, title: votes.title })
    .from(votes)
    .where(inArray(votes.id, [...ids]));
}

/** The applicant of some applications (none asked, none read). */
export async function applicationPeople(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: membershipApplications.id, personId: membershipApplications.personId })
    .from(membershipApplications)
    .where(inArray(membershipApplications.id, [...ids]));
}

/** Person, role and title of some role periods (none asked, none read). */
export async function periodRoles(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: rolePeriods.id,
      personId: rolePeriods.personId,
      role: rolePeriods.role,
      title: rolePeriods.title,
    })
    .from(rolePeriods)
    .where(inArray(rolePeriods.id, [...ids]));
}

/** Names of some people (none asked, none read). */
export async function peopleNames(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, [...ids]));
}
