/**
 * Governance's open items, registered with the kernel's owner registry: meeting action items
 * (owned by the person named at the meeting) and votes opened (owned by the opener until the Chair
 * hands one on) and requests to other groups while they wait (owned by the member moving them
 * along on the asking side), proposals for a new group and proposed charter changes until decided
 * (owned by their author or proposer until handed on). Report duties are not items here: a report is the Chair's, and the Chair's role
 * passes on with the role.
 */

import { defineOpenItemSource, type OpenItem, type OpenItemSource } from "../../kernel/index.ts";
import {
  type ListItems,
  listActionItems,
  listCharterChanges,
  listProposals,
  listRequests,
  listVotes,
  reassignActionItem,
  reassignCharterChange,
  reassignProposal,
  reassignRequest,
  reassignVote,
} from "./open-items.repo.ts";

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
  reassign: (tx, target) => reassignActionItem(tx, target),
});

/** Items by group, every asked group present. */
function byGroup(groupIds: readonly number[], items: Array<OpenItem & { groupId: number }>) {
  const found = new Map<number, OpenItem[]>(groupIds.map((id) => [id, []]));
  for (const { groupId, ...item } of items) found.get(groupId)?.push(item);
  return found;
}

/** Open votes of a group, owned by whoever opened them (or was handed them). */
export const openVoteSource = sourceOf({
  kind: "vote",
  label: "Vote opened",
  list: (tx, groupIds, personId) => listVotes(tx, groupIds, personId),
  reassign: (tx, target) => reassignVote(tx, target),
});

/** Requests the group sent that still wait for an answer (open or acknowledged). */
export const waitingRequestSource = sourceOf({
  kind: "request",
  label: "Request to another group",
  list: (tx, groupIds, personId) => listRequests(tx, groupIds, personId),
  reassign: (tx, target) => reassignRequest(tx, target),
});

/**
 * Proposals for a new group, once they have the proposed group's row (from their first review on:
 * the group is the item's context), until decided; owned by the author unless handed on.
 */
export const proposalSource = sourceOf({
  kind: "group-proposal",
  label: "Proposal for a new group",
  list: (tx, groupIds, personId) => listProposals(tx, groupIds, personId),
  reassign: (tx, target) => reassignProposal(tx, target),
});

/** Proposed changes to a group's charter waiting for the Board (proposed or being voted on). */
export const charterChangeSource = sourceOf({
  kind: "charter-change",
  label: "Proposed charter change",
  list: (tx, groupIds, personId) => listCharterChanges(tx, groupIds, personId),
  reassign: (tx, target) => reassignCharterChange(tx, target),
});

/** Governance's open-item sources. */
export const governanceOpenItemSources = [
  meetingActionItemSource,
  openVoteSource,
  waitingRequestSource,
  proposalSource,
  charterChangeSource,
];
