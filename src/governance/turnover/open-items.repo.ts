/**
 * Queries of the open items governance registers with the kernel's owner registry
 * (open-item-sources.ts): listing them by group and owner, and handing one to a new owner.
 */
import { and, type Column, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { OpenItem, OpenItemSource } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import { schema } from "../../platform/db/index.ts";

const { meetingActionItems, votes, groups, groupRequests, groupProposals, charterChanges } = schema;

/** A database handle or transaction, as the kernel passes it. */
export type Handle = Parameters<OpenItemSource["listOpenForGroup"]>[0];

/** The person who sees a vote through: the owner the Chair named, else its opener. */
const voteOwner = sql<number | null>`coalesce(${votes.ownerPersonId}, ${votes.openedByPersonId})`;

/** Proposal states still needing their owner: drafting, ready, being voted on, or rejected and to be revised. */
const OPEN_PROPOSAL = ["draft", "ready", "voting", "rejected"] as const;

/** Who sees a proposal through: the owner it was handed to, else its author. */
const proposalOwner = sql<
  number | null
>`coalesce(${groupProposals.ownerPersonId}, ${groupProposals.authorPersonId})`;

/** Who sees a charter change through: the owner it was handed to, else its proposer. */
const changeOwner = sql<
  number | null
>`coalesce(${charterChanges.ownerPersonId}, ${charterChanges.proposedByPersonId})`;

/** An open item with the group it belongs to. */
type GroupOpenItem = OpenItem & { groupId: number };

/** Lists a kind's open items in some groups (of one owner when given), each with its group. */
export type ListItems = (
  tx: Handle,
  groupIds: readonly number[],
  personId?: number,
) => Promise<GroupOpenItem[]>;

/**
 * The lister of one kind of open item. `group`, `open` and `owner` say which rows are open items
 * of which group and owner; `select` runs the kind's query under that condition, and each row
 * becomes an open item with its id and owner, the rest from `item`. No group asked, no query.
 */
function openItemLister<R extends { id: number; owner: number | null }>(spec: {
  group: Column;
  open: SQL | undefined;
  owner: Column | SQL;
  select: (tx: Handle, where: SQL | undefined) => Promise<R[]>;
  item: (row: R) => { groupId: number; title: string; href: string; dueOn: string | null };
}): ListItems {
  return async (tx, groupIds, personId) => {
    if (groupIds.length === 0) return [];
    const rows = await spec.select(
      tx,
      and(
        inArray(spec.group, [...groupIds]),
        spec.open,
        personId === undefined ? undefined : sql`${spec.owner} = ${personId}`,
      ),
    );
    return rows.map((r) => {
      const { groupId, title, href, dueOn } = spec.item(r);
      return {
        groupId,
        id: String(r.id),
        title,
        ownerPersonId: r.owner === null ? null : Number(r.owner),
        href,
        dueOn,
      };
    });
  };
}

/** Open meeting action items of some groups (of one owner when given), due first. */
export const listActionItems = openItemLister({
  group: meetingActionItems.groupId,
  open: eq(meetingActionItems.status, "open"),
  owner: meetingActionItems.ownerPersonId,
  select: (tx, where) =>
    tx
      .select({
        id: meetingActionItems.id,
        title: meetingActionItems.title,
        owner: meetingActionItems.ownerPersonId,
        dueOn: meetingActionItems.dueOn,
        meetingId: meetingActionItems.meetingId,
        groupId: meetingActionItems.groupId,
        slug: groups.slug,
      })
      .from(meetingActionItems)
      .innerJoin(groups, eq(groups.id, meetingActionItems.groupId))
      .where(where)
      .orderBy(meetingActionItems.dueOn, meetingActionItems.id),
  item: (r) => ({
    groupId: r.groupId,
    title: r.title,
    href: `/groups/${r.slug}/meetings/${r.meetingId}`,
    dueOn: r.dueOn,
  }),
});

/** Open votes of some groups (of one owner when given), closing first. */
export const listVotes = openItemLister({
  group: votes.groupId,
  open: eq(votes.status, "open"),
  owner: voteOwner,
  select: (tx, where) =>
    tx
      .select({
        id: votes.id,
        groupId: votes.groupId,
        title: votes.title,
        owner: voteOwner,
        closesAt: votes.closesAt,
      })
      .from(votes)
      .where(where)
      .orderBy(votes.closesAt, votes.id),
  item: (r) => ({ groupId: r.groupId, title: r.title, href: `/votes/${r.id}`, dueOn: dayOf(r.closesAt) }),
});

/** Requests some groups sent that still wait (of one owner when given), by deadline; a private one shows no subject. */
export const listRequests = openItemLister({
  group: groupRequests.fromGroupId,
  open: inArray(groupRequests.state, ["open", "acknowledged"]),
  owner: groupRequests.ownerPersonId,
  select: (tx, where) =>
    tx
      .select({
        id: groupRequests.id,
        groupId: groupRequests.fromGroupId,
        title: groupRequests.title,
        visibility: groupRequests.visibility,
        owner: groupRequests.ownerPersonId,
        deadline: groupRequests.deadline,
      })
      .from(groupRequests)
      .where(where)
      .orderBy(groupRequests.deadline, groupRequests.id),
  item: (r) => ({
    groupId: r.groupId,
    // Hand-over pages are also read by site administrators and the Board, who are not in a private
    // request: its subject stays on its own page, which the policy guards.
    title: r.visibility === "private" ? `Private request #${r.id}` : r.title,
    href: `/requests/${r.id}`,
    dueOn: r.deadline,
  }),
});

/** Undecided proposals for new groups among some groups (of one owner when given). */
export const listProposals = openItemLister({
  group: groupProposals.groupId,
  open: inArray(groupProposals.status, [...OPEN_PROPOSAL]),
  owner: proposalOwner,
  select: (tx, where) =>
    tx
      .select({
        id: groupProposals.id,
        groupId: groupProposals.groupId,
        name: groups.name,
        owner: proposalOwner,
      })
      .from(groupProposals)
      .innerJoin(groups, eq(groups.id, groupProposals.groupId))
      .where(where)
      .orderBy(groupProposals.id),
  item: (r) => ({
    groupId: r.groupId ?? 0,
    title: `Proposal: ${r.name}`,
    href: `/proposals/${r.id}`,
    dueOn: null,
  }),
});

/** Charter changes of some groups waiting for the Board (of one owner when given). */
export const listCharterChanges = openItemLister({
  group: charterChanges.groupId,
  open: inArray(charterChanges.status, ["proposed", "voting"]),
  owner: changeOwner,
  select: (tx, where) =>
    tx
      .select({
        id: charterChanges.id,
        groupId: charterChanges.groupId,
        summary: charterChanges.summary,
        owner: changeOwner,
      })
      .from(charterChanges)
      .where(where)
      .orderBy(charterChanges.id),
  item: (r) => ({
    groupId: r.groupId,
    title: `Charter change: ${r.summary}`,
    href: `/charter-changes/${r.id}`,
    dueOn: null,
  }),
});

/** Which open item of which group goes to whom, as the kernel asks. */
type ReassignTarget = Parameters<OpenItemSource["reassign"]>[1];

/** Hands the row `target.itemId` of an owned table to another owner, when `groupColumn` says it is the group's. */
async function setOwner(
  tx: Handle,
  table:
    | typeof meetingActionItems
    | typeof votes
    | typeof groupRequests
    | typeof groupProposals
    | typeof charterChanges,
  groupColumn: Column,
  target: ReassignTarget,
): Promise<void> {
  await tx
    .update(table)
    .set({ ownerPersonId: target.toPersonId })
    .where(and(eq(table.id, Number(target.itemId)), eq(groupColumn, target.groupId)));
}

/** Hands an open meeting action item of the group to another owner. */
export async function reassignActionItem(tx: Handle, target: ReassignTarget): Promise<void> {
  await setOwner(tx, meetingActionItems, meetingActionItems.groupId, target);
}

/** Hands an open vote of the group to another owner. */
export async function reassignVote(tx: Handle, target: ReassignTarget): Promise<void> {
  await setOwner(tx, votes, votes.groupId, target);
}

/** Hands a waiting request (of the asking group) of the group to another owner. */
export async function reassignRequest(tx: Handle, target: ReassignTarget): Promise<void> {
  await setOwner(tx, groupRequests, groupRequests.fromGroupId, target);
}

/** Hands a proposal for a new group of the group to another owner. */
export async function reassignProposal(tx: Handle, target: ReassignTarget): Promise<void> {
  await setOwner(tx, groupProposals, groupProposals.groupId, target);
}

/** Hands a proposed charter change of the group to another owner. */
export async function reassignCharterChange(tx: Handle, target: ReassignTarget): Promise<void> {
  await setOwner(tx, charterChanges, charterChanges.groupId, target);
}
