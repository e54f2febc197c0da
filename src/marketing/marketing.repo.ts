/** Queries of the marketing room: the group and its charter, items, revisions, review steps, overrides. */
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  min,
  ne,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Db, Tx } from "../platform/db/client.ts";
import { schema } from "../platform/db/index.ts";
import { AppError } from "../platform/errors.ts";
import type { MarketingItemResource, MarketingStrategyResource } from "./marketing.policy.ts";

type DbOrTx = Db | Tx;
const {
  auditLog,
  groups,
  marketingCampaigns,
  marketingItems,
  marketingRevisions,
  marketingReviewSteps,
  marketingMatrixOverrides,
  users,
} = schema;

/** The slug of the group whose charter the matrix is read from. */
export const MARKETING_SLUG = "marketing";

/** A stored item. */
export type ItemRow = typeof marketingItems.$inferSelect;
/** A stored campaign. */
export type CampaignRow = typeof marketingCampaigns.$inferSelect;
/** A stored revision. */
export type RevisionRow = typeof marketingRevisions.$inferSelect;
/** A stored review step. */
export type StepRow = typeof marketingReviewSteps.$inferSelect;

/** The marketing group (id, name, stored charter and where it was read), or null when not imported. */
export async function findMarketingGroup(db: DbOrTx) {
  const [g] = await db.select().from(groups).where(eq(groups.slug, MARKETING_SLUG)).limit(1);
  return g ?? null;
}

/** Every group's id and name, to find partner groups the charter names. */
export async function listGroupNames(db: DbOrTx): Promise<{ id: number; slug: string; name: string }[]> {
  return db.select({ id: groups.id, slug: groups.slug, name: groups.name }).from(groups);
}

/** The active overrides. */
export async function listOverrides(db: DbOrTx) {
  return db.select().from(marketingMatrixOverrides).where(eq(marketingMatrixOverrides.active, true));
}

/** One override row (active or not). */
export async function findOverride(db: DbOrTx, kind: string) {
  const [o] = await db.select().from(marketingMatrixOverrides).where(eq(marketingMatrixOverrides.kind, kind));
  return o ?? null;
}

/** An item, or a 404. */
export async function getItem(db: DbOrTx, id: number): Promise<ItemRow> {
  const [row] = await db.select().from(marketingItems).where(eq(marketingItems.id, id)).limit(1);
  if (!row) throw new AppError("not_found", { message: `No content item ${id}.` });
  return row;
}

/** An item locked for update inside a transaction, or a 404. */
export async function getItemForUpdate(tx: Tx, id: number): Promise<ItemRow> {
  const [row] = await tx.select().from(marketingItems).where(eq(marketingItems.id, id)).for("update");
  if (!row) throw new AppError("not_found", { message: `No content item ${id}.` });
  return row;
}

/** Items, newest first; only published ones unless `all`. */
export async function listItems(db: DbOrTx, all: boolean): Promise<ItemRow[]> {
  const q = db.select().from(marketingItems);
  return (all ? q : q.where(eq(marketingItems.state, "published"))).orderBy(
    desc(marketingItems.updatedAt),
    desc(marketingItems.id),
  );
}

/** An item's revisions, oldest first. */
export async function listRevisions(db: DbOrTx, itemId: number): Promise<RevisionRow[]> {
  return db
    .select()
    .from(marketingRevisions)
    .where(eq(marketingRevisions.itemId, itemId))
    .orderBy(asc(marketingRevisions.number));
}

/** An item's steps that are not voided (the open round, or the decided last one). */
export async function liveSteps(db: DbOrTx, itemId: number): Promise<StepRow[]> {
  return db
    .select()
    .from(marketingReviewSteps)
    .where(and(eq(marketingReviewSteps.itemId, itemId), ne(marketingReviewSteps.status, "voided")))
    .orderBy(asc(marketingReviewSteps.id));
}

/** Every step of an item, voided ones too. */
export async function allSteps(db: DbOrTx, itemId: number): Promise<StepRow[]> {
  return db
    .select()
    .from(marketingReviewSteps)
    .where(eq(marketingReviewSteps.itemId, itemId))
    .orderBy(asc(marketingReviewSteps.id));
}

/** Voids an item's steps that are not voided yet; returns how many. */
export async function voidSteps(tx: Tx, itemId: number): Promise<number> {
  const rows = await tx
    .update(marketingReviewSteps)
    .set({ status: "voided" })
    .where(
      and(
        eq(marketingReviewSteps.itemId, itemId),
        inArray(marketingReviewSteps.status, ["pending", "approved", "changes-requested"]),
      ),
    )
    .returning({ id: marketingReviewSteps.id });
  return rows.length;
}

/** The policy's view of an item. */
export async function loadItemResource(db: DbOrTx, id: number): Promise<MarketingItemResource> {
  const item = await getItem(db, id);
  const group = await findMarketingGroup(db);
  const steps = await liveSteps(db, id);
  return {
    kind: "marketing-item",
    groupId: group?.id ?? null,
    public: item.state === "published",
    reviewerGroupIds: steps.flatMap((s) => (s.groupId === null ? [] : [s.groupId])),
    groupOnly: item.kind === "strategy-document",
  };
}

/** The strategy documents, by document type then newest first. */
export async function listStrategyDocuments(db: DbOrTx): Promise<ItemRow[]> {
  return db
    .select()
    .from(marketingItems)
    .where(eq(marketingItems.kind, "strategy-document"))
    .orderBy(asc(marketingItems.docType), desc(marketingItems.updatedAt), desc(marketingItems.id));
}

/** A strategy document, or a 404 (an item of another kind is none). */
export async function getStrategyDocument(db: DbOrTx, id: number): Promise<ItemRow> {
  const item = await getItem(db, id);
  if (item.kind !== "strategy-document")
    throw new AppError("not_found", { message: `No strategy document ${id}.` });
  return item;
}

/** One revision by its id, or null. */
export async function findRevision(db: DbOrTx, id: number): Promise<RevisionRow | null> {
  const [row] = await db.select().from(marketingRevisions).where(eq(marketingRevisions.id, id)).limit(1);
  return row ?? null;
}

/** The policy's view of a strategy document. */
export async function loadStrategyResource(db: DbOrTx, id: number): Promise<MarketingStrategyResource> {
  const item = await getStrategyDocument(db, id);
  const group = await findMarketingGroup(db);
  return {
    kind: "marketing-strategy",
    groupId: group?.id ?? null,
    approved: item.approvedRevisionId !== null,
  };
}

/** Every campaign, the latest first. */
export async function listCampaigns(db: DbOrTx): Promise<CampaignRow[]> {
  return db
    .select()
    .from(marketingCampaigns)
    .orderBy(desc(marketingCampaigns.startsOn), desc(marketingCampaigns.id));
}

/** A campaign, or a 404. */
export async function getCampaign(db: DbOrTx, id: number): Promise<CampaignRow> {
  const [row] = await db.select().from(marketingCampaigns).where(eq(marketingCampaigns.id, id)).limit(1);
  if (!row) throw new AppError("not_found", { message: `No campaign ${id}.` });
  return row;
}

/** A campaign's items, in calendar order (published, scheduled, planned; undated last). */
export async function campaignItems(db: DbOrTx, campaignId: number): Promise<ItemRow[]> {
  return db
    .select()
    .from(marketingItems)
    .where(eq(marketingItems.campaignId, campaignId))
    .orderBy(asc(marketingItems.id));
}

/** Counts of items in each campaign, by state. */
export async function campaignStateCounts(
  db: DbOrTx,
): Promise<{ campaignId: number | null; state: string; n: number }[]> {
  return db
    .select({ campaignId: marketingItems.campaignId, state: marketingItems.state, n: count() })
    .from(marketingItems)
    .groupBy(marketingItems.campaignId, marketingItems.state);
}

/**
 * Items that may sit on a day from `from` to `to` (UTC days, inclusive) by their publication time,
 * schedule or planned day, in the given states and campaign. The calendar's pure rule (placeOf)
 * decides the day; this only narrows the rows.
 */
export async function listCalendarItems(
  db: DbOrTx,
  filter: {
    from: string;
    to: string;
    states: readonly string[];
    campaignId: number | null;
    /** Only items of this kind (and network, when given). */
    kind?: { kind: string; network: string | null } | null;
  },
): Promise<ItemRow[]> {
  const start = new Date(`${filter.from}T00:00:00Z`);
  const end = new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000);
  const dated = or(
    and(gte(marketingItems.publishedAt, start), lt(marketingItems.publishedAt, end)),
    and(
      isNull(marketingItems.publishedAt),
      gte(marketingItems.scheduledFor, start),
      lt(marketingItems.scheduledFor, end),
    ),
    and(
      isNull(marketingItems.publishedAt),
      isNull(marketingItems.scheduledFor),
      gte(marketingItems.plannedOn, filter.from),
      lte(marketingItems.plannedOn, filter.to),
    ),
  );
  const where: (SQL | undefined)[] = [dated, inArray(marketingItems.state, [...filter.states])];
  if (filter.campaignId !== null) where.push(eq(marketingItems.campaignId, filter.campaignId));
  if (filter.kind) {
    where.push(eq(marketingItems.kind, filter.kind.kind));
    if (filter.kind.network !== null) where.push(eq(marketingItems.network, filter.kind.network));
  }
  return db
    .select()
    .from(marketingItems)
    .where(and(...where))
    .orderBy(asc(marketingItems.scheduledFor), asc(marketingItems.id));
}

/** Items in the given states with no day on the calendar (neither published, scheduled nor planned). */
export async function listUnplacedItems(db: DbOrTx, states: readonly string[]): Promise<ItemRow[]> {
  return db
    .select()
    .from(marketingItems)
    .where(
      and(
        inArray(marketingItems.state, [...states]),
        isNull(marketingItems.publishedAt),
        isNull(marketingItems.scheduledFor),
        isNull(marketingItems.plannedOn),
      ),
    )
    .orderBy(asc(marketingItems.id));
}

/** Items in the given states (the iCalendar feed's), oldest first. */
export async function listItemsInStates(db: DbOrTx, states: readonly string[]): Promise<ItemRow[]> {
  return db
    .select()
    .from(marketingItems)
    .where(inArray(marketingItems.state, [...states]))
    .orderBy(asc(marketingItems.id));
}

/** How many audited changes each item has had (the feed's SEQUENCE: it only grows). */
export async function itemChangeCounts(db: DbOrTx, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: auditLog.subjectId, n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, "marketing-item"), inArray(auditLog.subjectId, ids.map(String))))
    .groupBy(auditLog.subjectId);
  return new Map(rows.map((r) => [Number(r.id), r.n]));
}

/** The columns an item is created with. */
export type NewItem = typeof marketingItems.$inferInsert;
/** The columns a revision is created with. */
export type NewRevision = typeof marketingRevisions.$inferInsert;
/** The columns a review step is created with. */
export type NewStep = typeof marketingReviewSteps.$inferInsert;
/** The columns a campaign is created with. */
export type NewCampaign = typeof marketingCampaigns.$inferInsert;
/** The columns an override row is stored with (besides its kind). */
export type OverrideValues = Omit<typeof marketingMatrixOverrides.$inferInsert, "kind">;

/** An item, or null (no 404). */
export async function findItem(db: DbOrTx, id: number): Promise<ItemRow | null> {
  const [row] = await db.select().from(marketingItems).where(eq(marketingItems.id, id));
  return row ?? null;
}

/** An item's title, or null when there is no such item. */
export async function findItemTitle(db: DbOrTx, id: number): Promise<{ title: string } | null> {
  const [row] = await db
    .select({ title: marketingItems.title })
    .from(marketingItems)
    .where(eq(marketingItems.id, id));
  return row ?? null;
}

/** Stores a new item; returns its id. */
export async function insertItem(tx: DbOrTx, values: NewItem): Promise<{ id: number }> {
  const [item] = await tx.insert(marketingItems).values(values).returning({ id: marketingItems.id });
  if (!item) throw new Error("insert returned nothing");
  return item;
}

/** Sets the given columns of an item. */
export async function updateItem(tx: DbOrTx, id: number, set: Partial<NewItem>): Promise<void> {
  await tx.update(marketingItems).set(set).where(eq(marketingItems.id, id));
}

/** Publishes every scheduled item whose time is at or before `now`; returns their ids and schedules. */
export async function publishScheduledItems(
  tx: DbOrTx,
  now: Date,
): Promise<{ id: number; at: Date | null }[]> {
  return tx
    .update(marketingItems)
    .set({ state: "published", publishedAt: now, updatedAt: now })
    .where(and(eq(marketingItems.state, "scheduled"), lte(marketingItems.scheduledFor, now)))
    .returning({ id: marketingItems.id, at: marketingItems.scheduledFor });
}

/** Stores a revision of an item. */
export async function insertRevision(tx: DbOrTx, values: NewRevision): Promise<void> {
  await tx.insert(marketingRevisions).values(values);
}

/** The id of revision `number` of an item, or null. */
export async function findRevisionId(
  tx: DbOrTx,
  itemId: number,
  number: number,
): Promise<{ id: number } | null> {
  const [rev] = await tx
    .select({ id: marketingRevisions.id })
    .from(marketingRevisions)
    .where(and(eq(marketingRevisions.itemId, itemId), eq(marketingRevisions.number, number)));
  return rev ?? null;
}

/** Stores the steps of a round of review. */
export async function insertSteps(tx: DbOrTx, rows: NewStep[]): Promise<void> {
  await tx.insert(marketingReviewSteps).values(rows);
}

/** Decides a step that is still pending (a step decided meanwhile is left as it is). */
export async function decidePendingStep(
  tx: DbOrTx,
  stepId: number,
  set: Pick<Partial<NewStep>, "status" | "decidedByUserId" | "decidedByName" | "decidedAt" | "comment">,
): Promise<void> {
  await tx
    .update(marketingReviewSteps)
    .set(set)
    .where(and(eq(marketingReviewSteps.id, stepId), eq(marketingReviewSteps.status, "pending")));
}

/** Links a partner step to the request that asks the partner for it. */
export async function linkStepRequest(db: DbOrTx, stepId: number, requestId: number): Promise<void> {
  await db.update(marketingReviewSteps).set({ requestId }).where(eq(marketingReviewSteps.id, stepId));
}

/** The marketing group's id when it is among `groupIds`, else null. */
export async function findMarketingGroupAmong(
  db: DbOrTx,
  groupIds: readonly number[],
): Promise<{ id: number } | null> {
  const [group] = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.slug, MARKETING_SLUG), inArray(groups.id, [...groupIds])));
  return group ?? null;
}

/** The owner of an item in review: the person it was handed to, else the creator's person. */
const itemOwner = sql<number | null>`coalesce(${marketingItems.ownerPersonId}, ${users.personId})`;

/**
 * Items in the given states (in review or back for changes) with their owner and the earliest
 * deadline of their current revision's pending steps, only those owned by `personId` when given.
 */
export async function listItemsAwaitingOwner(
  db: DbOrTx,
  states: readonly string[],
  personId?: number,
): Promise<{ id: number; title: string; owner: number | null; due: Date | null }[]> {
  return db
    .select({
      id: marketingItems.id,
      title: marketingItems.title,
      owner: itemOwner,
      due: min(marketingReviewSteps.dueAt),
    })
    .from(marketingItems)
    .leftJoin(users, eq(users.id, marketingItems.createdByUserId))
    .leftJoin(
      marketingReviewSteps,
      and(
        eq(marketingReviewSteps.itemId, marketingItems.id),
        eq(marketingReviewSteps.revision, marketingItems.revision),
        eq(marketingReviewSteps.status, "pending"),
      ),
    )
    .where(
      and(
        inArray(marketingItems.state, [...states]),
        personId === undefined ? undefined : sql`${itemOwner} = ${personId}`,
      ),
    )
    .groupBy(marketingItems.id, users.personId)
    .orderBy(marketingItems.id);
}

/** Stores an override of one matrix row (or its reset), replacing the row's earlier one. */
export async function upsertOverride(tx: DbOrTx, kind: string, row: OverrideValues): Promise<void> {
  await tx
    .insert(marketingMatrixOverrides)
    .values({ kind, ...row })
    .onConflictDoUpdate({ target: marketingMatrixOverrides.kind, set: row });
}

/** Whether a campaign exists. */
export async function campaignExists(db: DbOrTx, id: number): Promise<boolean> {
  const [c] = await db
    .select({ id: marketingCampaigns.id })
    .from(marketingCampaigns)
    .where(eq(marketingCampaigns.id, id));
  return c !== undefined;
}

/** Stores a new campaign; returns its id. */
export async function insertCampaign(tx: DbOrTx, values: NewCampaign): Promise<{ id: number }> {
  const [row] = await tx.insert(marketingCampaigns).values(values).returning({ id: marketingCampaigns.id });
  if (!row) throw new Error("insert returned nothing");
  return row;
}

/** Sets the given columns of a campaign. */
export async function updateCampaign(tx: DbOrTx, id: number, set: Partial<NewCampaign>): Promise<void> {
  await tx.update(marketingCampaigns).set(set).where(eq(marketingCampaigns.id, id));
}

/** The account with this (lower-cased) email, its id and name, or null. */
export async function findAccountByEmail(
  db: DbOrTx,
  email: string,
): Promise<{ id: number; name: string } | null> {
  const [user] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
    .limit(1);
  return user ?? null;
}
