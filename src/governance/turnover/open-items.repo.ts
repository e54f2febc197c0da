/**
 * Queries of the open items governance registers with the kernel's owner registry
 * (open-item-sources.ts): listing them by group and owner, and handing one to a new owner.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
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

/** Open meeting action items of some groups (of one owner when given), due first. */ export async function listActionItems(
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

/** Open votes of some groups (of one owner when given), closing first. */ export async function listVotes(
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

/** Requests some groups sent that still wait (of one owner when given), by deadline; a private one shows no subject. */ export async function listRequests(
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

/** Undecided proposals for new groups among some groups (of one owner when given). */ export async function listProposals(
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

/** Charter changes of some groups waiting for the Board (of one owner when given). */ export async function listCharterChanges(
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

/** Hands an open meeting action item of the group to another owner. */
export async function reassignActionItem(
  tx: Handle,
  target: { groupId: number; itemId: string; toPersonId: number },
): Promise<void> {
  await tx
    .update(meetingActionItems)
    .set({ ownerPersonId: target.toPersonId })
    .where(
      and(eq(meetingActionItems.id, Number(target.itemId)), eq(meetingActionItems.groupId, target.groupId)),
    );
}

/** Hands an open vote of the group to another owner. */
export async function reassignVote(
  tx: Handle,
  target: { groupId: number; itemId: string; toPersonId: number },
): Promise<void> {
  await tx
    .update(votes)
    .set({ ownerPersonId: target.toPersonId })
    .where(and(eq(votes.id, Number(target.itemId)), eq(votes.groupId, target.groupId)));
}

/** Hands a waiting request (of the asking group) of the group to another owner. */
export async function reassignRequest(
  tx: Handle,
  target: { groupId: number; itemId: string; toPersonId: number },
): Promise<void> {
  await tx
    .update(groupRequests)
    .set({ ownerPersonId: target.toPersonId })
    .where(and(eq(groupRequests.id, Number(target.itemId)), eq(groupRequests.fromGroupId, target.groupId)));
}

/** Hands a proposal for a new group of the group to another owner. */
export async function reassignProposal(
  tx: Handle,
  target: { groupId: number; itemId: string; toPersonId: number },
): Promise<void> {
  await tx
    .update(groupProposals)
    .set({ ownerPersonId: target.toPersonId })
    .where(and(eq(groupProposals.id, Number(target.itemId)), eq(groupProposals.groupId, target.groupId)));
}

/** Hands a proposed charter change of the group to another owner. */
export async function reassignCharterChange(
  tx: Handle,
  target: { groupId: number; itemId: string; toPersonId: number },
): Promise<void> {
  await tx
    .update(charterChanges)
    .set({ ownerPersonId: target.toPersonId })
    .where(and(eq(charterChanges.id, Number(target.itemId)), eq(charterChanges.groupId, target.groupId)));
}
