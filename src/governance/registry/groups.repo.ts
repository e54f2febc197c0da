/**
 * Queries for groups, their roles and their timeline, shared by the snapshot import, the history
 * replay and the demo seed. Every function takes the transaction it runs in.
 */
import { createHash } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/index.ts";
import { groupEvents, groupRoles, groups } from "../../platform/db/schema.ts";
import { type ParsedCharter, ParsedCharterSchema } from "../charter/types.ts";
import {
  type CharterChange,
  type CharterVersion,
  flattenRoles,
  mainRole,
  type RoleName,
} from "./charter-changes.ts";
import type { PeopleIndex } from "./people.repo.ts";

/** A stored group row. */
export type GroupRow = typeof groups.$inferSelect;

/** A role row ready to store: person resolved. */
export interface ResolvedRole {
  personId: number;
  name: string;
  role: RoleName;
  title: string;
  position: number;
  /** A proposed holder ("Jane Doe?"), who holds nothing yet. */
  tentative: boolean;
}

/** SHA-256 of a charter file's text, as stored in groups.content_hash. */
export function contentHash(markdown: string): string {
  return createHash("sha256").update(markdown).digest("hex");
}

/** Resolves every person in a charter (creating new people) and returns its role rows. */
export async function resolveRoles(index: PeopleIndex, charter: ParsedCharter): Promise<ResolvedRole[]> {
  const out: ResolvedRole[] = [];
  for (const entry of flattenRoles(charter, (p) => index.keyOf(p))) {
    const personId = await index.resolve(entry.person);
    out.push({
      personId,
      name: index.nameOf(personId),
      role: entry.role,
      title: entry.title,
      position: entry.position,
      tentative: entry.tentative,
    });
  }
  return out;
}

/** Roles as the timeline compares them: a tentative holder has not joined, so is left out. */
function comparableRoles(roles: readonly ResolvedRole[]): CharterVersion["roles"] {
  return roles
    .filter((r) => !r.tentative)
    .map((r) => ({ who: String(r.personId), name: r.name, role: r.role, title: r.title }));
}

/** The comparable version of a charter whose roles are resolved. */
export function versionOf(charter: ParsedCharter, roles: ResolvedRole[]): CharterVersion {
  return { name: charter.name, status: charter.status, roles: comparableRoles(roles) };
}

/** Every group by slug. */
export async function loadGroupsBySlug(tx: Tx): Promise<Map<string, GroupRow>> {
  const rows = await tx.select().from(groups);
  return new Map(rows.map((r) => [r.slug, r]));
}

/** The stored roles of a group in charter order, with people's names. */
export async function loadRoles(tx: Tx, groupId: number, index: PeopleIndex): Promise<ResolvedRole[]> {
  const rows = await tx
    .select()
    .from(groupRoles)
    .where(eq(groupRoles.groupId, groupId))
    .orderBy(asc(groupRoles.position));
  return rows.map((r) => ({
    personId: r.personId,
    name: index.nameOf(r.personId),
    role: r.role,
    title: r.title,
    position: r.position,
    tentative: r.tentative,
  }));
}

/** The stored state of a group as a comparable version (null when the group is not stored). */
export async function storedVersion(
  tx: Tx,
  row: GroupRow | undefined,
  index: PeopleIndex,
): Promise<CharterVersion | null> {
  if (!row || row.status === "unknown") return null;
  const roles = await loadRoles(tx, row.id, index);
  return {
    name: row.name,
    status: row.status as CharterVersion["status"],
    roles: comparableRoles(roles),
  };
}

function rolesSignature(
  roles: Array<{ personId: number; role: string; title: string; position: number; tentative: boolean }>,
): string {
  return roles.map((r) => `${r.personId}|${r.role}|${r.title}|${r.position}|${r.tentative}`).join("\n");
}

/** JSON with object keys sorted: jsonb stores keys in its own order, so plain stringify would differ. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** What saveGroup changed. */
export interface SaveResult {
  row: GroupRow;
  created: boolean;
  /** The row or its roles changed. */
  changed: boolean;
}

/**
 * Inserts or updates a group to the given charter and replaces its roles when they differ.
 * Writes nothing when the stored row and roles already match (so a second import is a no-op).
 */
export async function saveGroup(
  tx: Tx,
  input: {
    existing: GroupRow | undefined;
    charter: ParsedCharter;
    roles: ResolvedRole[];
    sourcePath: string | null;
    hash: string | null;
    at: Date;
    /** The repository commit this version was read at, when known; kept as metadata, not a change. */
    commit?: { sha: string; committedAt: Date } | null;
  },
): Promise<SaveResult> {
  const { existing, charter, roles, at } = input;
  const values = {
    slug: charter.slug,
    name: charter.name,
    kind: charter.kind,
    status: charter.status,
    charter: charter as unknown as Record<string, unknown>,
    sourcePath: input.sourcePath,
    contentHash: input.hash,
  };
  let row: GroupRow;
  let created = false;
  let changed = false;
  const source =
    input.commit === undefined
      ? {}
      : { sourceCommit: input.commit?.sha ?? null, sourceCommittedAt: input.commit?.committedAt ?? null };
  if (!existing) {
    const [inserted] = await tx
      .insert(groups)
      .values({ ...values, ...source, createdAt: at, updatedAt: at })
      .returning();
    if (!inserted) throw new Error("insert into groups returned no row");
    row = inserted;
    created = true;
    changed = true;
  } else {
    const same =
      existing.name === values.name &&
      existing.kind === values.kind &&
      existing.status === values.status &&
      existing.sourcePath === values.sourcePath &&
      existing.contentHash === values.contentHash &&
      canonicalJson(existing.charter) === canonicalJson(values.charter);
    row = existing;
    if (!same) {
      const [updated] = await tx
        .update(groups)
        .set({ ...values, ...source, updatedAt: at })
        .where(eq(groups.id, existing.id))
        .returning();
      if (!updated) throw new Error("update of groups returned no row");
      row = updated;
      changed = true;
    } else if (
      input.commit &&
      (existing.sourceCommit !== input.commit.sha ||
        existing.sourceCommittedAt?.getTime() !== input.commit.committedAt.getTime())
    ) {
      // The same text read at another commit: where it was read from changes, the group does not.
      // (The same text read with no commit known keeps the commit it was last read at.)
      const [updated] = await tx.update(groups).set(source).where(eq(groups.id, existing.id)).returning();
      if (updated) row = updated;
    }
  }
  const stored = created
    ? []
    : await tx
        .select()
        .from(groupRoles)
        .where(eq(groupRoles.groupId, row.id))
        .orderBy(asc(groupRoles.position));
  if (rolesSignature(stored) !== rolesSignature(roles)) {
    await tx.delete(groupRoles).where(eq(groupRoles.groupId, row.id));
    if (roles.length > 0) {
      await tx
        .insert(groupRoles)
        .values(
          roles.map((r) => ({
            groupId: row.id,
            personId: r.personId,
            role: r.role,
            title: r.title,
            position: r.position,
            tentative: r.tentative,
          })),
        )
        .onConflictDoNothing();
    }
    if (!changed && !created) {
      await tx.update(groups).set({ updatedAt: at }).where(eq(groups.id, row.id));
    }
    changed = true;
  }
  return { row, created, changed };
}

/** Marks a group whose charter is gone from the repository: status "unknown", no source path. */
export async function markGroupRemoved(tx: Tx, row: GroupRow, at: Date): Promise<void> {
  await tx
    .update(groups)
    .set({ status: "unknown", sourcePath: null, contentHash: null, updatedAt: at })
    .where(eq(groups.id, row.id));
}

/** Gives a group a new slug (its charter file was renamed); the charter column follows. */
export async function renameGroupSlug(tx: Tx, row: GroupRow, slug: string): Promise<GroupRow> {
  const charter = { ...(row.charter as Record<string, unknown>), slug };
  const [updated] = await tx.update(groups).set({ slug, charter }).where(eq(groups.id, row.id)).returning();
  if (!updated) throw new Error("update of groups returned no row");
  return updated;
}

/** One timeline event to store. */
export interface EventInput {
  groupId: number;
  change: CharterChange;
  occurredAt: Date;
  source: "import" | "history";
  commitSha: string | null;
  dedupeKey: string;
  detail: Record<string, unknown>;
}

/** Stores timeline events; an event whose dedupe key exists already is skipped. Returns how many were new. */
export async function insertEvents(tx: Tx, events: EventInput[]): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map((e) => {
    const c = e.change;
    let personId: number | null = null;
    let role: string | null = null;
    const detail: Record<string, unknown> = { ...e.detail };
    switch (c.kind) {
      case "joined":
        personId = Number(c.who);
        role = mainRole(c.roles);
        Object.assign(detail, { name: c.name, roles: c.roles });
        break;
      case "left":
        personId = Number(c.who);
        role = mainRole(c.roles);
        Object.assign(detail, { name: c.name, roles: c.roles, alumnus: c.alumnus });
        break;
      case "role-changed":
        personId = Number(c.who);
        role = mainRole(c.to);
        Object.assign(detail, { name: c.name, from: c.from, to: c.to });
        break;
      case "renamed":
        Object.assign(detail, { from: c.from, to: c.to });
        break;
      default:
        Object.assign(detail, { from: c.from, to: c.to });
    }
    // Titled roles are stored as role "other" with the title in the detail, like group_roles.
    if (role?.startsWith("other:")) {
      detail["title"] = role.slice("other:".length);
      role = "other";
    }
    return {
      groupId: e.groupId,
      kind: c.kind,
      personId,
      role,
      detail,
      commitSha: e.commitSha,
      occurredAt: e.occurredAt,
      source: e.source,
      dedupeKey: e.dedupeKey,
    };
  });
  let inserted = 0;
  // Chunked so a large first replay stays under the parameter limit of one statement.
  for (let i = 0; i < rows.length; i += 500) {
    const res = await tx
      .insert(groupEvents)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing({ target: groupEvents.dedupeKey })
      .returning({ id: groupEvents.id });
    inserted += res.length;
  }
  return inserted;
}

/** Parses a stored charter column back into a ParsedCharter (null if it no longer validates). */
export function storedCharter(row: GroupRow): ParsedCharter | null {
  const parsed = ParsedCharterSchema.safeParse(row.charter);
  return parsed.success ? parsed.data : null;
}

/** Row counts of the registry tables (for idempotence checks and summaries). */
export async function countRegistryRows(tx: Tx): Promise<Record<string, number>> {
  const tables = ["groups", "people", "person_aliases", "alias_suggestions", "group_roles", "group_events"];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const res = await tx.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${t}`));
    const rows = Array.isArray(res) ? res : (res as unknown as { rows: Array<{ n: number }> }).rows;
    out[t] = Number(rows[0]?.n ?? 0);
  }
  return out;
}

/** A group row by slug. */
export async function findGroupRowBySlug(db: Db | Tx, slug: string): Promise<GroupRow | undefined> {
  return (await db.select().from(groups).where(eq(groups.slug, slug)))[0];
}

/** True when the database has at least one group. */
export async function hasAnyGroup(db: Db | Tx): Promise<boolean> {
  const [any] = await db.select({ id: groups.id }).from(groups).limit(1);
  return any !== undefined;
}
