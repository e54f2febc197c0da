/** The lifecycle's queries: proposals and their revisions, charter changes, shutdowns, checklists. */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { schema } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import type { ParsedCharter } from "../charter/types.ts";
import type { DbOrTx } from "../decisions/decisions.repo.ts";
import { personKey } from "../registry/person-key.ts";

const {
  groupProposals,
  groupProposalRevisions,
  charterChanges,
  groupShutdowns,
  lifecycleChecklist,
  personAliases,
  groups,
  votes,
} = schema;

/** A proposal row. */
export type ProposalRow = typeof groupProposals.$inferSelect;
/** A revision row. */
export type RevisionRow = typeof groupProposalRevisions.$inferSelect;
/** A charter change row. */
export type ChangeRow = typeof charterChanges.$inferSelect;
/** A shutdown row. */
export type ShutdownRow = typeof groupShutdowns.$inferSelect;
/** A checklist row. */
export type ChecklistRow = typeof lifecycleChecklist.$inferSelect;

/** A proposal with its latest revision. */
export interface ProposalWithText extends ProposalRow {
  revision: RevisionRow;
  charter: ParsedCharter;
}

/** Loads a proposal and its latest revision, or throws not_found. */
/** The whole stored group row (the charter included), or not_found. */
export async function loadGroupRow(db: DbOrTx, id: number): Promise<typeof schema.groups.$inferSelect> {
  const [full] = await db.select().from(schema.groups).where(eq(schema.groups.id, id));
  if (!full) throw new AppError("not_found", { message: "No such group." });
  return full;
}

export async function loadProposal(db: DbOrTx, id: number, forUpdate = false): Promise<ProposalWithText> {
  const query = db.select().from(groupProposals).where(eq(groupProposals.id, id));
  const row = (forUpdate ? await query.for("update") : await query)[0];
  if (!row) throw new AppError("not_found", { message: `No proposal #${id}.` });
  const [revision] = await db
    .select()
    .from(groupProposalRevisions)
    .where(eq(groupProposalRevisions.proposalId, id))
    .orderBy(desc(groupProposalRevisions.number))
    .limit(1);
  if (!revision) throw new AppError("internal", { message: `Proposal #${id} has no text.` });
  return { ...row, revision, charter: revision.charter as ParsedCharter };
}

/** Every revision of a proposal, oldest first. */
export function selectRevisions(db: DbOrTx, proposalId: number): Promise<RevisionRow[]> {
  return db
    .select()
    .from(groupProposalRevisions)
    .where(eq(groupProposalRevisions.proposalId, proposalId))
    .orderBy(asc(groupProposalRevisions.number));
}

/** Proposals, newest first, optionally only some statuses. */
export async function selectProposals(
  db: DbOrTx,
  filter: { statuses?: readonly string[] } = {},
): Promise<ProposalWithText[]> {
  const rows = await db
    .select()
    .from(groupProposals)
    .where(
      filter.statuses
        ? inArray(groupProposals.status, filter.statuses as (typeof groupProposals.$inferSelect.status)[])
        : undefined,
    )
    .orderBy(desc(groupProposals.updatedAt), desc(groupProposals.id));
  if (rows.length === 0) return [];
  const revisions = await db
    .selectDistinctOn([groupProposalRevisions.proposalId])
    .from(groupProposalRevisions)
    .where(
      inArray(
        groupProposalRevisions.proposalId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(groupProposalRevisions.proposalId, desc(groupProposalRevisions.number));
  const byId = new Map(revisions.map((r) => [r.proposalId, r]));
  return rows.flatMap((row) => {
    const revision = byId.get(row.id);
    return revision ? [{ ...row, revision, charter: revision.charter as ParsedCharter }] : [];
  });
}

/** A charter change, or not_found. */
export async function loadChange(db: DbOrTx, id: number): Promise<ChangeRow> {
  const row = (await db.select().from(charterChanges).where(eq(charterChanges.id, id)))[0];
  if (!row) throw new AppError("not_found", { message: `No charter change #${id}.` });
  return row;
}

/** A group's charter changes, newest first. */
export function selectChanges(db: DbOrTx, filter: { groupId?: number; statuses?: readonly string[] }) {
  return db
    .select({ change: charterChanges, group: { slug: groups.slug, name: groups.name } })
    .from(charterChanges)
    .innerJoin(groups, eq(groups.id, charterChanges.groupId))
    .where(
      and(
        filter.groupId === undefined ? undefined : eq(charterChanges.groupId, filter.groupId),
        filter.statuses
          ? inArray(charterChanges.status, filter.statuses as ChangeRow["status"][])
          : undefined,
      ),
    )
    .orderBy(desc(charterChanges.createdAt), desc(charterChanges.id));
}

/** A shutdown, or not_found. */
export async function loadShutdown(db: DbOrTx, id: number): Promise<ShutdownRow> {
  const row = (await db.select().from(groupShutdowns).where(eq(groupShutdowns.id, id)))[0];
  if (!row) throw new AppError("not_found", { message: `No shutdown #${id}.` });
  return row;
}

/** Shutdowns (a group's, or all with some statuses), newest first. */
export function selectShutdowns(db: DbOrTx, filter: { groupId?: number; statuses?: readonly string[] }) {
  return db
    .select({ shutdown: groupShutdowns, group: { slug: groups.slug, name: groups.name } })
    .from(groupShutdowns)
    .innerJoin(groups, eq(groups.id, groupShutdowns.groupId))
    .where(
      and(
        filter.groupId === undefined ? undefined : eq(groupShutdowns.groupId, filter.groupId),
        filter.statuses
          ? inArray(groupShutdowns.status, filter.statuses as ShutdownRow["status"][])
          : undefined,
      ),
    )
    .orderBy(desc(groupShutdowns.createdAt), desc(groupShutdowns.id));
}

/** The shutdown a vote decides, if any. */
export async function shutdownOfVote(db: DbOrTx, voteId: number): Promise<ShutdownRow | undefined> {
  return (await db.select().from(groupShutdowns).where(eq(groupShutdowns.voteId, voteId)))[0];
}

/** The recorded steps of a checklist. */
export function selectChecklist(db: DbOrTx, subjectKind: "proposal" | "shutdown", subjectId: number) {
  return db
    .select()
    .from(lifecycleChecklist)
    .where(and(eq(lifecycleChecklist.subjectKind, subjectKind), eq(lifecycleChecklist.subjectId, subjectId)))
    .orderBy(asc(lifecycleChecklist.doneAt), asc(lifecycleChecklist.id));
}

/** People whose names or aliases match any of `names` (a charter's liaisons). */
export async function peopleNamed(db: DbOrTx, names: readonly string[]): Promise<number[]> {
  const keys = [...new Set(names.map(personKey).filter((k) => k !== ""))];
  if (keys.length === 0) return [];
  const rows = await db
    .selectDistinct({ personId: personAliases.personId })
    .from(personAliases)
    .where(inArray(personAliases.aliasKey, keys));
  return rows.map((r) => r.personId).sort((a, b) => a - b);
}

/** Open votes' closing times by id (for agenda and lists). */
export async function votesById(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, typeof votes.$inferSelect>();
  const rows = await db
    .select()
    .from(votes)
    .where(inArray(votes.id, [...ids]));
  return new Map(rows.map((v) => [v.id, v]));
}

/** Locks a row for the rest of the transaction (serialises concurrent decisions on it). */
export async function lockRow(
  db: DbOrTx,
  table: "group_proposals" | "charter_changes" | "group_shutdowns",
  id: number,
) {
  await db.execute(sql`select 1 from ${sql.identifier(table)} where id = ${id} for update`);
}
