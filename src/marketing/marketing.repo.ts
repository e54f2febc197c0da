/** Queries of the marketing room: the group and its charter, items, revisions, review steps, overrides. */
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import type { Db, Tx } from "../platform/db/client.ts";
import { schema } from "../platform/db/index.ts";
import { AppError } from "../platform/errors.ts";
import type { MarketingItemResource, MarketingStrategyResource } from "./marketing.policy.ts";

type DbOrTx = Db | Tx;
const { groups, marketingItems, marketingRevisions, marketingReviewSteps, marketingMatrixOverrides } = schema;

/** The slug of the group whose charter the matrix is read from. */
export const MARKETING_SLUG = "marketing";

/** A stored item. */
export type ItemRow = typeof marketingItems.$inferSelect;
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
