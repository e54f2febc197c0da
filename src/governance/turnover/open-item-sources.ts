/**
 * Governance's open items, registered with the kernel's owner registry: meeting action items
 * (owned by the person named at the meeting) and votes opened (owned by the opener until the Chair
 * hands one on) and requests to other groups while they wait (owned by the member moving them
 * along on the asking side), proposals for a new group and proposed charter changes until decided
 * (owned by their author or proposer until handed on). Report duties are not items here: a report is the Chair's, and the Chair's role
 * passes on with the role.
 */

import { and, eq, inArray, sql } from "drizzle-orm";
import { defineOpenItemSource, type OpenItem, type OpenItemSource } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import { schema } from "../../platform/db/index.ts";

const { meetingActionItems, votes, groups, groupRequests, groupProposals, charterChanges } = schema;

/** A database handle or transaction, as the kernel passes it. */
type Handle = Parameters<OpenItemSource["listOpenForGroup"]>[0];
/** Lists a kind's open items in some groups (of one owner when given), each with its group. */
type ListItems = (
  tx: Handle,
  groupIds: readonly number[],
  personId?: number,
) => Promise<Array<OpenItem & { groupId: number }>>;

/** A source whose three listings come from one query over groups (and an owner). */
function sourceOf(spec: {
  kind: string;
  label: string;
  list: ListItems;
  reassign: OpenItemSource["reassign"];
}): OpenItemSource {
  return defineOpenItemSource({
    kind: spec.kind,
    label: spec.label,
    listOpenByOwner: (tx, { groupId, personId }) => spec.list(tx, [groupId], personId),
    listOpenForGroup: (tx, { groupId }) => spec.list(tx, [groupId]),
    listOpenForGroups: async (tx, { groupIds }) => byGroup(groupIds, await spec.list(tx, groupIds)),
    reassign: spec.reassign,
  });
}

/** Open meeting action items: one owner each, open until marked done. */
export const meetingActionItemSource = sourceOf({
  kind: "meeting-action-item",
  label: "Meeting action item",
  list: (tx, groupIds, personId) => listActionItems(tx, groupIds, personId),
  async reassign(tx, { groupId, itemId, toPersonId }) {
    await tx
      .update(meetingActionItems)
      .set({ ownerPersonId: toPersonId })
      .where(and(eq(meetingActionItems.id, Number(itemId)), eq(meetingActionItems.groupId, groupId)));
  },
});

/** Items by group, every asked group present. */
function byGroup(groupIds: readonly number[], items: Array<OpenItem & { groupId: number }>) {
  const found = new Map<number, OpenItem[]>(groupIds.map((id) => [id, []]));
  for (const { groupId, ...item } of items) found.get(groupId)?.push(item);
  return found;
}

async function listActionItems(
  tx: Handle,
  groupIds: readonly number[],
  personId?: number,
): Promise<Array<OpenItem & { groupId: number }>> {
  if (groupIds.length === 0) return [];
  const rows = await tx
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
    .where(
      and(
        inArray(meetingActionItems.groupId, [...groupIds]),
        eq(meetingActionItems.status, "open"),
        personId === undefined ? undefined : eq(meetingActionItems.ownerPersonId, personId),
      ),
    )
    .orderBy(meetingActionItems.dueOn, meetingActionItems.id);
  return rows.map((r) => ({
    groupId: r.groupId,
    id: String(r.id),
    title: r.title,
    ownerPersonId: r.owner,
    href: `/groups/${r.slug}/meetings/${r.meetingId}`,
    dueOn: r.dueOn,
  }));
}

/** The person who sees a vote through: the owner the Chair named, else its opener. */
const voteOwner = sql<number | null>`coalesce(${votes.ownerPersonId}, ${votes.openedByPersonId})`;

/** Open votes of a group, owned by whoever opened them (or was handed them). */
export const openVoteSource = sourceOf({
  kind: "vote",
  label: "Vote opened",
  list: (tx, groupIds, personId) => listVotes(tx, groupIds, personId),
  async reassign(tx, { groupId, itemId, toPersonId }) {
    await tx
      .update(votes)
      .set({ ownerPersonId: toPersonId })
      .where(and(eq(votes.id, Number(itemId)), eq(votes.groupId, groupId)));
  },
});

async function listVotes(
  tx: Handle,
  groupIds: readonly number[],
  personId?: number,
): Promise<Array<OpenItem & { groupId: number }>> {
  if (groupIds.length === 0) return [];
  const rows = await tx
    .select({
      id: votes.id,
      groupId: votes.groupId,
      title: votes.title,
      owner: voteOwner,
      closesAt: votes.closesAt,
    })
    .from(votes)
    .where(
      and(
        inArray(votes.groupId, [...groupIds]),
        eq(votes.status, "open"),
        personId === undefined ? undefined : sql`${voteOwner} = ${personId}`,
      ),
    )
    .orderBy(votes.closesAt, votes.id);
  return rows.map((r) => ({
    groupId: r.groupId,
    id: String(r.id),
    title: r.title,
    ownerPersonId: r.owner === null ? null : Number(r.owner),
    href: `/votes/${r.id}`,
    dueOn: dayOf(r.closesAt),
  }));
}

/** Requests the group sent that still wait for an answer (open or acknowledged). */
export const waitingRequestSource = sourceOf({
  kind: "request",
  label: "Request to another group",
  list: (tx, groupIds, personId) => listRequests(tx, groupIds, personId),
  async reassign(tx, { groupId, itemId, toPersonId }) {
    await tx
      .update(groupRequests)
      .set({ ownerPersonId: toPersonId })
      .where(and(eq(groupRequests.id, Number(itemId)), eq(groupRequests.fromGroupId, groupId)));
  },
});

async function listRequests(
  tx: Handle,
  groupIds: readonly number[],
  personId?: number,
): Promise<Array<OpenItem & { groupId: number }>> {
  if (groupIds.length === 0) return [];
  const rows = await tx
    .select({
      id: groupRequests.id,
      groupId: groupRequests.fromGroupId,
      title: groupRequests.title,
      visibility: groupRequests.visibility,
      owner: groupRequests.ownerPersonId,
      deadline: groupRequests.deadline,
    })
    .from(groupRequests)
    .where(
      and(
        inArray(groupRequests.fromGroupId, [...groupIds]),
        inArray(groupRequests.state, ["open", "acknowledged"]),
        personId === undefined ? undefined : eq(groupRequests.ownerPersonId, personId),
      ),
    )
    .orderBy(groupRequests.deadline, groupRequests.id);
  return rows.map((r) => ({
    groupId: r.groupId,
    id: String(r.id),
    // Hand-over pages are also read by site administrators and the Board, who are not in a private
    // request: its subject stays on its own page, which the policy guards.
    title: r.visibility === "private" ? `Private request #${r.id}` : r.title,
    ownerPersonId: r.owner,
    href: `/requests/${r.id}`,
    dueOn: r.deadline,
  }));
}

/** Proposal states still needing their owner: drafting, ready, being voted on, or rejected and to be revised. */
const OPEN_PROPOSAL = ["draft", "ready", "voting", "rejected"] as const;
/** Who sees a proposal through: the owner it was handed to, else its author. */
const proposalOwner = sql<
  number | null
>`coalesce(${groupProposals.ownerPersonId}, ${groupProposals.authorPersonId})`;

/**
 * Proposals for a new group, once they have the proposed group's row (from their first review on:
 * the group is the item's context), until decided; owned by the author unless handed on.
 */
export const proposalSource = sourceOf({
  kind: "group-proposal",
  label: "Proposal for a new group",
  list: (tx, groupIds, personId) => listProposals(tx, groupIds, personId),
  async reassign(tx, { groupId, itemId, toPersonId }) {
    await tx
      .update(groupProposals)
      .set({ ownerPersonId: toPersonId })
      .where(and(eq(groupProposals.id, Number(itemId)), eq(groupProposals.groupId, groupId)));
  },
});

async function listProposals(
  tx: Handle,
  groupIds: readonly number[],
  personId?: number,
): Promise<Array<OpenItem & { groupId: number }>> {
  if (groupIds.length === 0) return [];
  const rows = await tx
    .select({
      id: groupProposals.id,
      groupId: groupProposals.groupId,
      name: groups.name,
      owner: proposalOwner,
    })
    .from(groupProposals)
    .innerJoin(groups, eq(groups.id, groupProposals.groupId))
    .where(
      and(
        inArray(groupProposals.groupId, [...groupIds]),
        inArray(groupProposals.status, [...OPEN_PROPOSAL]),
        personId === undefined ? undefined : sql`${proposalOwner} = ${personId}`,
      ),
    )
    .orderBy(groupProposals.id);
  return rows.map((r) => ({
    groupId: r.groupId ?? 0,
    id: String(r.id),
    title: `Proposal: ${r.name}`,
    ownerPersonId: r.owner === null ? null : Number(r.owner),
    href: `/proposals/${r.id}`,
    dueOn: null,
  }));
}

/** Who sees a charter change through: the owner it was handed to, else its proposer. */
const changeOwner = sql<
  number | null
>`coalesce(${charterChanges.ownerPersonId}, ${charterChanges.proposedByPersonId})`;

/** Proposed changes to a group's charter waiting for the Board (proposed or being voted on). */
export const charterChangeSource = sourceOf({
  kind: "charter-change",
  label: "Proposed charter change",
  list: (tx, groupIds, personId) => listCharterChanges(tx, groupIds, personId),
  async reassign(tx, { groupId, itemId, toPersonId }) {
    await tx
      .update(charterChanges)
      .set({ ownerPersonId: toPersonId })
      .where(and(eq(charterChanges.id, Number(itemId)), eq(charterChanges.groupId, groupId)));
  },
});

async function listCharterChanges(
  tx: Handle,
  groupIds: readonly number[],
  personId?: number,
): Promise<Array<OpenItem & { groupId: number }>> {
  if (groupIds.length === 0) return [];
  const rows = await tx
    .select({
      id: charterChanges.id,
      groupId: charterChanges.groupId,
      summary: charterChanges.summary,
      owner: changeOwner,
    })
    .from(charterChanges)
    .where(
      and(
        inArray(charterChanges.groupId, [...groupIds]),
        inArray(charterChanges.status, ["proposed", "voting"]),
        personId === undefined ? undefined : sql`${changeOwner} = ${personId}`,
      ),
    )
    .orderBy(charterChanges.id);
  return rows.map((r) => ({
    groupId: r.groupId,
    id: String(r.id),
    title: `Charter change: ${r.summary}`,
    ownerPersonId: r.owner === null ? null : Number(r.owner),
    href: `/charter-changes/${r.id}`,
    dueOn: null,
  }));
}

/** Governance's open-item sources. */
export const governanceOpenItemSources = [
  meetingActionItemSource,
  openVoteSource,
  waitingRequestSource,
  proposalSource,
  charterChangeSource,
];
