/** The lifecycle's queries: proposals and their revisions, charter changes, shutdowns, checklists. */
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
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

/** A group row by slug, if any. */
export async function findGroupRowBySlug(db: DbOrTx, slug: string) {
  return (await db.select().from(groups).where(eq(groups.slug, slug)))[0];
}

/** A group row by id, if any. */
export async function findGroupRowById(db: DbOrTx, id: number) {
  return (await db.select().from(groups).where(eq(groups.id, id)))[0];
}

/** The active groups' rows. */
export async function selectActiveGroups(db: DbOrTx) {
  return db.select().from(groups).where(eq(groups.status, "active"));
}

/** Saves a new group row (a proposed group); its id. */
export async function insertGroupRow(
  db: DbOrTx,
  values: typeof groups.$inferInsert,
): Promise<number | undefined> {
  return (await db.insert(groups).values(values).returning())[0]?.id;
}

/** Changes a group's row; its id, undefined when there is no such group. */
export async function updateGroupRow(
  db: DbOrTx,
  id: number,
  change: Partial<typeof groups.$inferInsert>,
): Promise<number | undefined> {
  return (await db.update(groups).set(change).where(eq(groups.id, id)).returning())[0]?.id;
}

/** The proposal of a slug that was not withdrawn, if any. */
export async function liveProposalOfSlug(db: DbOrTx, slug: string): Promise<ProposalRow | undefined> {
  return (
    await db
      .select()
      .from(groupProposals)
      .where(and(eq(groupProposals.slug, slug), ne(groupProposals.status, "withdrawn")))
  )[0];
}

/** Saves a new draft proposal with its first revision (number 1), both dated `now`; returns the proposal. */
export async function insertDraftProposal(
  db: DbOrTx,
  input: {
    proposal: Omit<typeof groupProposals.$inferInsert, "status" | "createdAt" | "updatedAt">;
    firstRevision: Omit<typeof groupProposalRevisions.$inferInsert, "proposalId" | "number" | "createdAt">;
    now: Date;
  },
): Promise<ProposalRow> {
  const { now } = input;
  const [row] = await db
    .insert(groupProposals)
    .values({ ...input.proposal, status: "draft", createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new AppError("internal", { message: "The proposal was not saved." });
  await insertRevision(db, { ...input.firstRevision, proposalId: row.id, number: 1, createdAt: now });
  return row;
}

/** Changes a proposal (status, feedback, its group or vote). */
export async function updateProposal(
  db: DbOrTx,
  id: number,
  change: Partial<typeof groupProposals.$inferInsert>,
): Promise<void> {
  await db.update(groupProposals).set(change).where(eq(groupProposals.id, id));
}

/** Saves a revision of a proposal's text. */
export async function insertRevision(
  db: DbOrTx,
  values: typeof groupProposalRevisions.$inferInsert,
): Promise<void> {
  await db.insert(groupProposalRevisions).values(values);
}

/** Saves a proposed (or directly applied) charter change. */
export async function insertCharterChange(
  db: DbOrTx,
  values: typeof charterChanges.$inferInsert,
): Promise<ChangeRow | undefined> {
  return (await db.insert(charterChanges).values(values).returning())[0];
}

/** Changes a charter change (its status, vote, decision time). */
export async function updateCharterChange(
  db: DbOrTx,
  id: number,
  change: Partial<typeof charterChanges.$inferInsert>,
): Promise<void> {
  await db.update(charterChanges).set(change).where(eq(charterChanges.id, id));
}

/** Saves a new shutdown record. */
export async function insertShutdown(
  db: DbOrTx,
  values: typeof groupShutdowns.$inferInsert,
): Promise<ShutdownRow | undefined> {
  return (await db.insert(groupShutdowns).values(values).returning())[0];
}

/** Changes a shutdown record (status, final report, archive time). */
export async function updateShutdown(
  db: DbOrTx,
  id: number,
  change: Partial<typeof groupShutdowns.$inferInsert>,
): Promise<void> {
  await db.update(groupShutdowns).set(change).where(eq(groupShutdowns.id, id));
}

/** Records a checklist step done (or skipped) for a proposal or shutdown. */
export async function insertChecklistStep(
  db: DbOrTx,
  values: typeof lifecycleChecklist.$inferInsert,
): Promise<void> {
  await db.insert(lifecycleChecklist).values(values);
}

/** The id of a group's latest submitted report, if any. */
export async function latestReportId(db: DbOrTx, groupId: number): Promise<number | undefined> {
  const [latest] = await db
    .select({ id: schema.groupReports.id })
    .from(schema.groupReports)
    .where(eq(schema.groupReports.groupId, groupId))
    .orderBy(desc(schema.groupReports.submittedAt))
    .limit(1);
  return latest?.id;
}
