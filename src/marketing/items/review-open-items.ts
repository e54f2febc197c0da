/**
 * The marketing room's open items, registered with the kernel's owner registry: content items in
 * review (pending review steps) or sent back for changes, owned by whoever sees them through, by
 * default the person who created the item. The Marketing WG is their group, so when someone
 * leaves it their items in review are flagged on its hand-over page and can be handed on.
 */
import { defineOpenItemSource, type OpenItem, type OpenItemSource } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import { findMarketingGroupAmong, listItemsAwaitingOwner, updateItem } from "../marketing.repo.ts";

type Handle = Parameters<OpenItemSource["listOpenForGroup"]>[0];

/** States in which an item still needs its owner: being reviewed, or back with them for changes. */
const IN_REVIEW = ["in-review", "changes-requested"] as const;

async function listInReview(
  tx: Handle,
  groupIds: readonly number[],
  personId?: number,
): Promise<Array<OpenItem & { groupId: number }>> {
  if (groupIds.length === 0) return [];
  const group = await findMarketingGroupAmong(tx, groupIds);
  if (!group) return [];
  const rows = await listItemsAwaitingOwner(tx, IN_REVIEW, personId);
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
    await updateItem(tx, Number(itemId), { ownerPersonId: toPersonId });
  },
});
