/**
 * The marketing room's open items, registered with the kernel's owner registry: content items in
 * review (pending review steps) or sent back for changes, owned by whoever sees them through, by
 * default the person who created the item. The Marketing WG is their group, so when someone
 * leaves it their items in review are flagged on its hand-over page and can be handed on.
 */
import { and, eq, inArray, min, sql } from "drizzle-orm";
import { defineOpenItemSource, type OpenItem, type OpenItemSource } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import { schema } from "../../platform/db/index.ts";
import { MARKETING_SLUG } from "../marketing.repo.ts";

const { groups, marketingItems, marketingReviewSteps, users } = schema;

type Handle = Parameters<OpenItemSource["listOpenForGroup"]>[0];

/** States in which an item still needs its owner: being reviewed, or back with them for changes. */
const IN_REVIEW = ["in-review", "changes-requested"] as const;

/** The owner: the person it was handed to, else the creator's person. */
const owner = sql<number | null>`coalesce(${marketingItems.ownerPersonId}, ${users.personId})`;

async function listInReview(
  tx: Handle,
  groupIds: readonly number[],
  personId?: number,
): Promise<Array<OpenItem & { groupId: number }>> {
  if (groupIds.length === 0) return [];
  const [group] = await tx
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.slug, MARKETING_SLUG), inArray(groups.id, [...groupIds])));
  if (!group) return [];
  const rows = await tx
    .select({
      id: marketingItems.id,
      title: marketingItems.title,
      owner,
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
        inArray(marketingItems.state, [...IN_REVIEW]),
        personId === undefined ? undefined : sql`${owner} = ${personId}`,
      ),
    )
    .groupBy(marketingItems.id, users.personId)
    .orderBy(marketingItems.id);
  return rows.map((r) => ({
    groupId: group.id,
    id: String(r.id),
    title: r.title,
    ownerPersonId: r.owner === null ? null : Number(r.owner),
    href: `/marketing/items/${r.id}`,
    dueOn: r.due ? dayOf(new Date(r.due)) : null,
  }));
}

const byGroup = (groupIds: readonly number[], items: Array<OpenItem & { groupId: number }>) => {
  const found = new Map<number, OpenItem[]>(groupIds.map((id) => [id, []]));
  for (const { groupId, ...item } of items) found.get(groupId)?.push(item);
  return found;
};

/** Marketing content in review, as open items of the Marketing WG. */
export const marketingReviewSource = defineOpenItemSource({
  kind: "marketing-review",
  label: "Marketing content in review",
  listOpenByOwner: (tx, { groupId, personId }) => listInReview(tx, [groupId], personId),
  listOpenForGroup: (tx, { groupId }) => listInReview(tx, [groupId]),
  listOpenForGroups: async (tx, { groupIds }) => byGroup(groupIds, await listInReview(tx, groupIds)),
  async reassign(tx, { itemId, toPersonId }) {
    await tx
      .update(marketingItems)
      .set({ ownerPersonId: toPersonId })
      .where(eq(marketingItems.id, Number(itemId)));
  },
});
