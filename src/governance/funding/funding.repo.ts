/** Queries of funding requests and the spending recorded against them. */
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { schema } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import type { DbOrTx } from "../decisions/decisions.repo.ts";

const { fundingRequests, fundingSpending, groups, people, votes } = schema;

/** A funding request with its group, requester, vote and what was spent against it. */
export interface FundingRecord {
  id: number;
  groupId: number;
  groupSlug: string;
  groupName: string;
  requestedByUserId: number | null;
  requestedByPersonId: number | null;
  requestedByName: string | null;
  purpose: string;
  description: string;
  amountMinor: number;
  currency: string;
  startsOn: string;
  endsOn: string;
  state: string;
  voteAmountMinor: number | null;
  approvedMinor: number | null;
  decidedAt: Date | null;
  voteId: number | null;
  voteStatus: string | null;
  voteClosesAt: Date | null;
  spentMinor: number;
  createdAt: Date;
}

const spent = sql<string>`coalesce((select sum(${fundingSpending.amountMinor}) from ${fundingSpending} where ${fundingSpending.requestId} = ${fundingRequests.id}), 0)`;

function selectRecords(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      id: fundingRequests.id,
      groupId: fundingRequests.groupId,
      groupSlug: groups.slug,
      groupName: groups.name,
      requestedByUserId: fundingRequests.requestedByUserId,
      requestedByPersonId: fundingRequests.requestedByPersonId,
      requestedByName: people.name,
      purpose: fundingRequests.purpose,
      description: fundingRequests.description,
      amountMinor: fundingRequests.amountMinor,
      currency: fundingRequests.currency,
      startsOn: fundingRequests.startsOn,
      endsOn: fundingRequests.endsOn,
      state: fundingRequests.state,
      voteAmountMinor: fundingRequests.voteAmountMinor,
      approvedMinor: fundingRequests.approvedMinor,
      decidedAt: fundingRequests.decidedAt,
      voteId: fundingRequests.voteId,
      voteStatus: votes.status,
      voteClosesAt: votes.closesAt,
      spent,
      createdAt: fundingRequests.createdAt,
    })
    .from(fundingRequests)
    .innerJoin(groups, eq(groups.id, fundingRequests.groupId))
    .leftJoin(people, eq(people.id, fundingRequests.requestedByPersonId))
    .leftJoin(votes, eq(votes.id, fundingRequests.voteId))
    .where(where)
    .orderBy(desc(fundingRequests.createdAt), desc(fundingRequests.id));
}

type Selected = Awaited<ReturnType<typeof selectRecords>>[number];
const toRecord = ({ spent, ...r }: Selected): FundingRecord => ({ ...r, spentMinor: Number(spent) });

/** One funding request, or undefined. */
export async function findFunding(db: DbOrTx, id: number): Promise<FundingRecord | undefined> {
  const [row] = await selectRecords(db, eq(fundingRequests.id, id));
  return row ? toRecord(row) : undefined;
}

/** One funding request, or a not_found error. */
export async function loadFunding(db: DbOrTx, id: number): Promise<FundingRecord> {
  const row = await findFunding(db, id);
  if (!row) throw new AppError("not_found", { message: `No funding request #${id}.` });
  return row;
}

/** Funding requests, newest first: of some groups only (`groupIds`), in some states only. */
export async function listFunding(
  db: DbOrTx,
  filter: { groupIds?: readonly number[]; states?: readonly string[] } = {},
): Promise<FundingRecord[]> {
  const conditions: SQL[] = [];
  if (filter.groupIds) {
    if (filter.groupIds.length === 0) return [];
    conditions.push(inArray(fundingRequests.groupId, [...filter.groupIds]));
  }
  if (filter.states) {
    if (filter.states.length === 0) return [];
    conditions.push(
      inArray(fundingRequests.state, [...filter.states] as (typeof schema.FUNDING_STATES)[number][]),
    );
  }
  const rows = await selectRecords(db, conditions.length ? and(...conditions) : undefined);
  return rows.map(toRecord);
}

/** The spending recorded against a request, in the order it was spent. */
export async function spendingOf(db: DbOrTx, requestId: number) {
  return db
    .select({
      id: fundingSpending.id,
      amountMinor: fundingSpending.amountMinor,
      spentOn: fundingSpending.spentOn,
      description: fundingSpending.description,
      receiptUrl: fundingSpending.receiptUrl,
      recordedByName: people.name,
      createdAt: fundingSpending.createdAt,
    })
    .from(fundingSpending)
    .leftJoin(people, eq(people.id, fundingSpending.recordedByPersonId))
    .where(eq(fundingSpending.requestId, requestId))
    .orderBy(asc(fundingSpending.spentOn), asc(fundingSpending.id));
}

/** One spending entry as listed. */
export type SpendingRecord = Awaited<ReturnType<typeof spendingOf>>[number];

/** Locks the request's row for the rest of the transaction (spending is checked against its cap). */
export async function lockFunding(db: DbOrTx, id: number) {
  const [row] = await db.select().from(fundingRequests).where(eq(fundingRequests.id, id)).for("update");
  if (!row) throw new AppError("not_found", { message: `No funding request #${id}.` });
  return row;
}

/** What has been spent against a request so far (minor units). */
export async function spentSoFar(db: DbOrTx, requestId: number): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${fundingSpending.amountMinor}), 0)` })
    .from(fundingSpending)
    .where(eq(fundingSpending.requestId, requestId));
  return Number(row?.total ?? 0);
}

/** Saves a new funding request; returns its id. */
export async function insertFundingRequest(
  db: DbOrTx,
  values: typeof fundingRequests.$inferInsert,
): Promise<{ id: number } | undefined> {
  const [row] = await db.insert(fundingRequests).values(values).returning({ id: fundingRequests.id });
  return row;
}

/** Changes columns of one funding request. */
export async function updateFundingRequest(
  db: DbOrTx,
  id: number,
  set: Partial<typeof fundingRequests.$inferInsert>,
): Promise<void> {
  await db.update(fundingRequests).set(set).where(eq(fundingRequests.id, id));
}

/** Records the amount a vote is about, only while the request's vote is that vote. */
export async function setVoteAmount(db: DbOrTx, input: { id: number; voteId: number; amountMinor: number }) {
  await db
    .update(fundingRequests)
    .set({ voteAmountMinor: input.amountMinor })
    .where(and(eq(fundingRequests.id, input.id), eq(fundingRequests.voteId, input.voteId)));
}

/** Saves spending against a request; returns its id. */
export async function insertSpending(
  db: DbOrTx,
  values: typeof fundingSpending.$inferInsert,
): Promise<{ id: number } | undefined> {
  const [row] = await db.insert(fundingSpending).values(values).returning({ id: fundingSpending.id });
  return row;
}
