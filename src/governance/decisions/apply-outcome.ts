import { dayOf } from "../../kernel/rules.ts";
import type { Tx } from "../../platform/db/index.ts";
import type { GroupRole } from "../policy/group-roles.ts";
import { handOverOneIfGone } from "../turnover/hand-over.ts";
import {
  charterOnlyRoles,
  currentHolders,
  currentPeriodsOf,
  type DecisionActor,
  type DecisionGroup,
  recordAudit,
  type VoteRow,
} from "./decisions.repo.ts";
import { insertRolePeriodRow, type PeriodRow, updateRolePeriod } from "./membership.repo.ts";
import { termEndsOn } from "./terms.ts";

/** The decision reference stored on role periods and audit entries for a vote. */
export function voteRef(voteId: number): string {
  return `vote:${voteId}`;
}

/** Saves a new role period with its audit entry (`action`, because of `cause`); returns the period. */
export async function startPeriodAudited(
  tx: Tx,
  values: Parameters<typeof insertRolePeriodRow>[1],
  audit: {
    actor: DecisionActor;
    now: Date;
    action: "role-period.recorded" | "role-period.started";
    cause: string;
  },
): Promise<PeriodRow | undefined> {
  const period = await insertRolePeriodRow(tx, values);
  await recordAudit(tx, {
    by: audit.actor,
    at: audit.now,
    action: audit.action,
    subjectType: "role_period",
    subjectId: period?.id ?? "",
    before: null,
    after: period,
    cause: audit.cause,
  });
  return period;
}

/**
 * Records the current charter's roles that have no role period yet (of one person, or of
 * everyone in the group) as periods, so that ending them later keeps a record.
 */
export async function recordCharterRoles(input: {
  tx: Tx;
  group: DecisionGroup;
  personId?: number;
  now: Date;
  actor: DecisionActor;
  cause: string;
}): Promise<void> {
  const { tx, group, now, actor } = input;
  const today = dayOf(now);
  for (const r of await charterOnlyRoles(tx, group.id, input.personId)) {
    await startPeriodAudited(
      tx,
      {
        groupId: group.id,
        personId: r.personId,
        role: r.role,
        title: r.title,
        startedOn: [group.createdOn, today].sort()[0] ?? today,
        reason: "named in the charter",
        decisionRef: "charter import",
        createdAt: now,
      },
      { actor, now, action: "role-period.recorded", cause: input.cause },
    );
  }
}

/**
 * Ends some role periods of one person in one group on a day, each with its audit entry, then
 * hands over the person's open items there if they no longer hold a role in the group.
 */
async function endPeriodsThenHandOver(input: {
  tx: Tx;
  groupId: number;
  personId: number;
  periods: readonly PeriodRow[];
  endedOn: string;
  reason: string;
  now: Date;
  actor: DecisionActor;
  cause: string;
  /** Why the roles end, for the hand-over. */
  ending: "left" | "removed" | "succeeded";
}): Promise<void> {
  const { tx, now, actor } = input;
  for (const period of input.periods) {
    const after = await updateRolePeriod(tx, period.id, { endedOn: input.endedOn, reason: input.reason });
    await recordAudit(tx, {
      by: actor,
      at: now,
      action: "role-period.ended",
      subjectType: "role_period",
      subjectId: period.id,
      before: period,
      after,
      cause: input.cause,
    });
  }
  await handOverOneIfGone(tx, {
    groupId: input.groupId,
    personId: input.personId,
    endedOn: input.endedOn,
    cause: input.ending,
    reason: input.reason,
    now,
    by: actor,
  });
}

/**
 * Ends every role a person holds in a group today, with the reason. A role known only from the
 * current charter (no role period yet) is first recorded as a period so its end is kept.
 */
export async function endAllRoles(input: {
  tx: Tx;
  group: DecisionGroup;
  personId: number;
  now: Date;
  actor: DecisionActor;
  reason: string;
  cause: string;
  /** Why the roles end, for the hand-over of the person's open items there. */
  ending: "left" | "removed";
}): Promise<number> {
  const { tx, group, personId, now, actor } = input;
  const today = dayOf(now);
  await recordCharterRoles({ tx, group, personId, now, actor, cause: input.cause });
  const periods = await currentPeriodsOf(tx, group.id, personId, today);
  await endPeriodsThenHandOver({
    tx,
    groupId: group.id,
    personId,
    periods,
    endedOn: today,
    reason: input.reason,
    now,
    actor,
    cause: input.cause,
    ending: input.ending,
  });
  return periods.length;
}

/** Ends a role period on a day because of a decision, audited in the decision's transaction. */
export async function endRolePeriodBy(input: {
  tx: Tx;
  period: PeriodRow;
  endedOn: string;
  reason: string;
  now: Date;
  actor: DecisionActor;
  /** The decision that ends it ("vote #3", "liaison recorded ..."). */
  cause: string;
}): Promise<void> {
  const { period } = input;
  await endPeriodsThenHandOver({
    ...input,
    groupId: period.groupId,
    personId: period.personId,
    periods: [period],
    ending: "succeeded",
  });
}

/**
 * Starts a role period after the decision `decisionRef` (a vote, an invitation, an appointment),
 * with the charter's term when `withTerm`, recording the person's charter roles as periods first
 * (they stop counting once the person has a period here), with its audit entry.
 */
export async function startRolePeriod(input: {
  tx: Tx;
  group: DecisionGroup;
  personId: number;
  role: GroupRole;
  withTerm: boolean;
  reason: string;
  decisionRef: string;
  now: Date;
  actor: DecisionActor;
}): Promise<PeriodRow | undefined> {
  const { tx, group, now, actor } = input;
  const today = dayOf(now);
  await recordCharterRoles({ tx, group, personId: input.personId, now, actor, cause: input.decisionRef });
  return startPeriodAudited(
    tx,
    {
      groupId: group.id,
      personId: input.personId,
      role: input.role,
      startedOn: today,
      termEndsOn: input.withTerm
        ? termEndsOn({
            startedOn: today,
            rule: { termMonths: group.charter.termMonths, termWindow: group.charter.termWindow },
          })
        : null,
      reason: input.reason,
      decisionRef: input.decisionRef,
      createdAt: now,
    },
    { actor, now, action: "role-period.started", cause: input.decisionRef },
  );
}

/** Applies a passed membership vote: admits, removes, or starts the elected Chair or Co-Chair. */
export async function applyMembershipChange(input: {
  tx: Tx;
  vote: VoteRow;
  group: DecisionGroup;
  now: Date;
  actor: DecisionActor;
}): Promise<void> {
  const { tx, vote, group, now, actor } = input;
  const today = dayOf(now);
  const ref = voteRef(vote.id);
  const subject = vote.subjectPersonId;
  if (vote.kind === "proposal" || subject === null) return;

  const start = async (role: GroupRole, withTerm: boolean) =>
    startRolePeriod({
      tx,
      group,
      personId: subject,
      role,
      withTerm,
      reason: `${vote.title} (${ref})`,
      decisionRef: ref,
      now,
      actor,
    });
  const end = (period: PeriodRow, reason: string) =>
    endRolePeriodBy({ tx, period, endedOn: today, reason, now, actor, cause: ref });

  switch (vote.kind) {
    case "admit-member":
      // Already a member meanwhile (another decision, a recorded period): one period, not two
      // (periods of one role may not overlap: role_periods_no_overlap).
      if (!(await currentHolders(tx, group.id, "member", today)).some((p) => p.personId === subject)) {
        await start("member", true);
      }
      return;
    case "remove-member":
      await endAllRoles({
        tx,
        group,
        personId: subject,
        now,
        actor,
        reason: `removed by vote (${ref})`,
        cause: ref,
        ending: "removed",
      });
      return;
    case "elect-chair":
      await recordCharterRoles({ tx, group, now, actor, cause: ref });
      for (const p of await currentHolders(tx, group.id, "chair", today)) {
        if (p.personId !== subject) await end(p, `succeeded as Chair (${ref})`);
      }
      if (!(await currentHolders(tx, group.id, "chair", today)).some((p) => p.personId === subject)) {
        await start("chair", false);
      }
      return;
    case "elect-co-chair":
      if (!(await currentHolders(tx, group.id, "co-chair", today)).some((p) => p.personId === subject)) {
        await start("co-chair", false);
      }
      return;
  }
}
