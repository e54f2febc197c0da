/** Queries behind the public directory: few, wide reads that the operations assemble in memory. */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.ts";
import { charterImports, groupEvents, groups, people, personAliases } from "../../platform/db/schema.ts";
import { currentMembership } from "../registry/current-membership.ts";
import { isPublicPerson } from "../registry/public-people.repo.ts";
import { selectRoleSources } from "../registry/role-sources.repo.ts";

/** What every group row here has: id, slug, name, kind and status. */
export interface GroupBasics {
  id: number;
  slug: string;
  name: string;
  kind: string;
  status: string;
}

/** The columns of a group's GroupBasics. */
const groupBasics = {
  id: groups.id,
  slug: groups.slug,
  name: groups.name,
  kind: groups.kind,
  status: groups.status,
};

/** A group row without the charter prose (enough for the directory). */
export interface GroupRow extends GroupBasics {
  /** `charter.missing` from the stored charter. */
  missing: unknown;
}

/** A group row with its whole stored charter. */
export interface GroupWithCharterRow extends GroupBasics {
  charter: unknown;
  sourcePath: string | null;
  sourceCommit: string | null;
  sourceCommittedAt: Date | null;
  updatedAt: Date;
}

/** A current role joined with its holder. */
export interface RoleRow {
  groupId: number;
  role: string;
  title: string;
  position: number;
  /** Start of the current role period; null when the role comes from the charter. */
  since: string | null;
  /** For an alumnus: where that comes from (the charter's alumni list, or role periods that all ended). */
  source: "charter" | "period" | "ex-officio";
  /** For an alumnus whose role periods ended: the day the last one ended. */
  leftOn: string | null;
  personId: number;
  personSlug: string;
  personName: string;
  personHandle: string | null;
}

/** A timeline event joined with its group and (when it names one) its person. */
export interface EventRow {
  id: number;
  groupId: number;
  groupSlug: string;
  groupName: string;
  kind: string;
  role: string | null;
  detail: unknown;
  commitSha: string | null;
  occurredAt: Date;
  source: string;
  personId: number | null;
  personSlug: string | null;
  personName: string | null;
  personHandle: string | null;
}

/** A person row. */
export interface PersonRow {
  id: number;
  slug: string;
  name: string;
  handle: string | null;
}

/** Every group (optionally filtered), without charter prose, ordered by name. */
export async function selectGroupRows(
  db: Db,
  filter: {
    kind?: (typeof groups.$inferSelect)["kind"] | undefined;
    status?: (typeof groups.$inferSelect)["status"] | undefined;
  },
): Promise<GroupRow[]> {
  const where = and(
    filter.kind ? eq(groups.kind, filter.kind) : undefined,
    filter.status ? eq(groups.status, filter.status) : undefined,
  );
  return db
    .select({
      ...groupBasics,
      missing: sql<unknown>`${groups.charter}->'missing'`,
    })
    .from(groups)
    .where(where)
    .orderBy(asc(groups.name), asc(groups.slug));
}

/** One group with its charter, or undefined. */
export async function selectGroupBySlug(db: Db, slug: string): Promise<GroupWithCharterRow | undefined> {
  const rows = await db
    .select({
      ...groupBasics,
      charter: groups.charter,
      sourcePath: groups.sourcePath,
      sourceCommit: groups.sourceCommit,
      sourceCommittedAt: groups.sourceCommittedAt,
      updatedAt: groups.updatedAt,
    })
    .from(groups)
    .where(eq(groups.slug, slug))
    .limit(1);
  return rows[0];
}

/** Current roles (and alumni) with their holders on `day`, for the given groups (all when undefined). */
export async function selectRoles(db: Db, groupIds: number[] | undefined, day: string): Promise<RoleRow[]> {
  return (await selectRolesAndProposed(db, groupIds, day)).roles;
}

/** A role the charter names someone for tentatively ("Jane Doe?"), with the holder proposed. */
export interface ProposedRow {
  role: string;
  title: string;
  person: PersonRow;
}

/** `selectRoles`, and the tentative holders the charters name, from the same reads. */
export async function selectRolesAndProposed(
  db: Db,
  groupIds: number[] | undefined,
  day: string,
): Promise<{ roles: RoleRow[]; proposed: ProposedRow[] }> {
  if (groupIds && groupIds.length === 0) return { roles: [], proposed: [] };
  const sources = await selectRoleSources(db, { groupIds });
  const proposed = sources.charterRoles
    .filter((r) => r.tentative)
    .map((r) => ({ role: r.role, title: r.title, person: r.person }));
  const held = currentMembership({ ...sources, day });
  const roles = held.map((r) => ({
    groupId: r.groupId,
    role: r.role,
    title: r.title,
    position: r.position,
    since: r.since,
    source: r.source,
    leftOn: r.leftOn ?? null,
    personId: r.person.id,
    personSlug: r.person.slug,
    personName: r.person.name,
    personHandle: r.person.handle,
  }));
  return { roles, proposed };
}

/** Roles (and former memberships) of one person on `day`, with the groups, by group name. */
export async function selectRolesOfPerson(
  db: Db,
  personId: number,
  day: string,
): Promise<
  Array<{
    groupSlug: string;
    groupName: string;
    groupKind: string;
    groupStatus: string;
    role: string;
    title: string;
    since: string | null;
  }>
> {
  const held = currentMembership({ ...(await selectRoleSources(db, { personId })), day });
  if (held.length === 0) return [];
  const rows = await db
    .select(groupBasics)
    .from(groups)
    .where(inArray(groups.id, [...new Set(held.map((r) => r.groupId))]));
  const byId = new Map(rows.map((g) => [g.id, g]));
  return held
    .flatMap((r) => {
      const g = byId.get(r.groupId);
      return g
        ? [
            {
              groupSlug: g.slug,
              groupName: g.name,
              groupKind: g.kind,
              groupStatus: g.status,
              role: r.role,
              title: r.title,
              since: r.since,
            },
          ]
        : [];
    })
    .sort((a, b) => a.groupName.localeCompare(b.groupName));
}

/** Timeline events of one group or one person, oldest first. */
export async function selectEvents(
  db: Db,
  by: { groupId: number } | { personId: number },
): Promise<EventRow[]> {
  return db
    .select({
      id: groupEvents.id,
      groupId: groupEvents.groupId,
      groupSlug: groups.slug,
      groupName: groups.name,
      kind: groupEvents.kind,
      role: groupEvents.role,
      detail: groupEvents.detail,
      commitSha: groupEvents.commitSha,
      occurredAt: groupEvents.occurredAt,
      source: groupEvents.source,
      personId: people.id,
      personSlug: people.slug,
      personName: people.name,
      personHandle: people.handle,
    })
    .from(groupEvents)
    .innerJoin(groups, eq(groups.id, groupEvents.groupId))
    .leftJoin(people, eq(people.id, groupEvents.personId))
    .where("groupId" in by ? eq(groupEvents.groupId, by.groupId) : eq(groupEvents.personId, by.personId))
    .orderBy(asc(groupEvents.occurredAt), asc(groupEvents.id));
}

/** A person by numeric id or by slug, or undefined. */
export async function selectPerson(
  db: Db,
  idOrSlug: { id: number } | { slug: string },
): Promise<PersonRow | undefined> {
  const rows = await db
    .select({ id: people.id, slug: people.slug, name: people.name, handle: people.handle })
    .from(people)
    .where(
      and(
        "id" in idOrSlug ? eq(people.id, idOrSlug.id) : eq(people.slug, idOrSlug.slug),
        isPublicPerson(people.id),
      ),
    )
    .limit(1);
  return rows[0];
}

/** The spellings recorded for a person. */
export async function selectAliases(db: Db, personId: number): Promise<string[]> {
  const rows = await db
    .select({ alias: personAliases.alias })
    .from(personAliases)
    .where(eq(personAliases.personId, personId))
    .orderBy(asc(personAliases.alias));
  return rows.map((r) => r.alias);
}

/** Every person, ordered by name. */
export async function selectPeople(db: Db): Promise<PersonRow[]> {
  return db
    .select({ id: people.id, slug: people.slug, name: people.name, handle: people.handle })
    .from(people)
    .where(isPublicPerson(people.id))
    .orderBy(asc(people.name), asc(people.id));
}

/** Which groups each person holds a role in on `day` (alumni left out). */
export async function selectCurrentGroupsOfPeople(
  db: Db,
  day: string,
): Promise<Array<{ personId: number; groupSlug: string; groupName: string }>> {
  const held = currentMembership({ ...(await selectRoleSources(db, {})), day }).filter(
    (r) => r.role !== "alumnus",
  );
  const rows = await db.select({ id: groups.id, slug: groups.slug, name: groups.name }).from(groups);
  const byId = new Map(rows.map((g) => [g.id, g]));
  const seen = new Set<string>();
  const out: Array<{ personId: number; groupSlug: string; groupName: string }> = [];
  for (const r of held) {
    const g = byId.get(r.groupId);
    const key = `${r.personId}:${r.groupId}`;
    if (!g || seen.has(key)) continue;
    seen.add(key);
    out.push({ personId: r.personId, groupSlug: g.slug, groupName: g.name });
  }
  return out.sort((a, b) => a.personId - b.personId || a.groupName.localeCompare(b.groupName));
}

/**
 * A token that changes whenever any transaction writes to the database: the current snapshot
 * (xmin:xmax:in-progress xids). Reads assign no transaction id, so it stays put between writes.
 */
export async function selectWriteVersion(db: Db): Promise<string> {
  const rows = await db.execute<{ v: string }>(sql`select pg_current_snapshot()::text as v`);
  const list = Array.isArray(rows) ? rows : (rows as { rows: Array<{ v: string }> }).rows;
  return String(list[0]?.v ?? "");
}

/** The latest charter import and the latest history replay (each null when none ran). */
export async function selectLatestImports(
  db: Db,
): Promise<{ snapshot: ImportRow | null; history: ImportRow | null }> {
  const rows = await db
    .selectDistinctOn([charterImports.mode], {
      mode: charterImports.mode,
      finishedAt: charterImports.finishedAt,
      startedAt: charterImports.startedAt,
      commitSha: charterImports.commitSha,
      committedAt: charterImports.committedAt,
    })
    .from(charterImports)
    .orderBy(charterImports.mode, desc(charterImports.startedAt), desc(charterImports.id));
  return {
    snapshot: rows.find((r) => r.mode === "snapshot") ?? null,
    history: rows.find((r) => r.mode === "history") ?? null,
  };
}

/** One charter import run as the directory's provenance needs it. */
export interface ImportRow {
  mode: string;
  startedAt: Date;
  finishedAt: Date | null;
  commitSha: string | null;
  committedAt: Date | null;
}
