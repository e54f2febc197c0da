import { notify } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import { groupOwner } from "../channels/group-owner.ts";
import { handOverIfGone, handOverOffBoardLiaisons } from "../turnover/hand-over.ts";
import { SYSTEM_ACTOR } from "./decisions.repo.ts";
import type { DecisionDeps } from "./deps.ts";
import {
  insertAuditRows,
  lapseDuePeriods,
  periodsEndingBy,
  recordReminders,
  remindersOf,
} from "./membership.repo.ts";
import { termEndingChannelTemplate, termReminderTemplate } from "./term-reminder.template.ts";
import { addDays, DEFAULT_REMINDER_DAYS, daysBetween, reminderDue } from "./terms.ts";

/** What one sweep did. */
export interface SweepResult {
  day: string;
  /** Role periods whose term ended without renewal, now ended. */
  lapsed: number;
  /** People whose open items in a group were handed over (a lapse left them no role there, or a Board Liaison's Board term is over). */
  handedOver: number;
  /** Reminders recorded by this sweep. */
  reminded: number;
  /** Notifications written to the outbox for them (sent by the delivery job). */
  notified: number;
}

const AUDIT_CHUNK = 1000;

/**
 * The term sweep (`guildhall terms sweep` and the scheduled job). Ends every role period whose
 * term has run out without renewal, with the reason, and writes each due reminder once to the
 * notification outbox (the delivery job emails it). Running it again the same day changes nothing.
 */
export async function sweepTerms(input: {
  deps: DecisionDeps;
  thresholds?: readonly number[];
}): Promise<SweepResult> {
  const { database, clock } = input.deps;
  const now = clock.now();
  const day = dayOf(now);
  const thresholds = input.thresholds ?? DEFAULT_REMINDER_DAYS;
  const cause = `term-sweep:${day}`;
  const reason = "term ended without renewal";

  // Lapse, set-based: one UPDATE for all periods, their audit entries in chunks, one transaction.
  const { lapsed, handedOver } = await database.db.transaction(async (tx) => {
    const list = await lapseDuePeriods(tx, day, reason);
    for (let i = 0; i < list.length; i += AUDIT_CHUNK) {
      await insertAuditRows(
        tx,
        list.slice(i, i + AUDIT_CHUNK).map((r) => ({
          actorUserId: null,
          actor: SYSTEM_ACTOR.label,
          occurredAt: now,
          action: "role-period.lapsed",
          subjectType: "role_period",
          subjectId: String(r.id),
          before: {
            groupId: r.group_id,
            personId: r.person_id,
            role: r.role,
            endedOn: r.old_ended_on,
            reason: r.old_reason,
          },
          after: {
            groupId: r.group_id,
            personId: r.person_id,
            role: r.role,
            endedOn: r.term_ends_on,
            reason,
          },
          cause,
        })),
      );
    }
    // Whoever a lapse leaves without a role in the group hands over their open items there.
    let handedOver = await handOverIfGone(tx, {
      ends: list.map((r) => ({
        groupId: r.group_id,
        personId: r.person_id,
        endedOn: r.term_ends_on,
        cause: "lapsed" as const,
        reason,
      })),
      now,
      by: SYSTEM_ACTOR,
    });
    handedOver += await handOverOffBoardLiaisons(tx, { day, now, by: SYSTEM_ACTOR });
    return { lapsed: list.length, handedOver };
  });

  // Reminders: periods whose term ends within the largest threshold.
  const horizon = addDays(day, Math.max(0, ...thresholds));
  const ending = await periodsEndingBy(database.db, day, horizon);
  const sent = await remindersOf(
    database.db,
    ending.map((e) => e.id),
  );
  // By period, so each period's lookup is not a scan of every reminder sent.
  const sentByPeriod = new Map<number, typeof sent>();
  for (const s of sent) sentByPeriod.set(s.rolePeriodId, [...(sentByPeriod.get(s.rolePeriodId) ?? []), s]);
  const due = ending.flatMap((period) => {
    const termEndsOn = period.termEndsOn ?? day;
    const threshold = reminderDue({
      today: day,
      termEndsOn,
      thresholds,
      alreadySent: (sentByPeriod.get(period.id) ?? [])
        .filter((s) => s.termEndsOn === termEndsOn)
        .map((s) => s.thresholdDays),
    });
    return threshold === null ? [] : [{ period, termEndsOn, threshold }];
  });
  // Recording a reminder and writing its notification share one transaction: a concurrent sweep
  // that lost the race for the record writes nothing, and a failed sweep leaves neither.
  const { reminded, notified } = await database.db.transaction(async (tx) => {
    let reminded = 0;
    let notified = 0;
    for (let i = 0; i < due.length; i += AUDIT_CHUNK) {
      const chunk = due.slice(i, i + AUDIT_CHUNK);
      const recorded = new Set(
        await recordReminders(
          tx,
          chunk.map((d) => ({
            rolePeriodId: d.period.id,
            termEndsOn: d.termEndsOn,
            thresholdDays: d.threshold,
            sentAt: now,
          })),
        ),
      );
      const toSend = chunk.filter((d) => recorded.has(d.period.id));
      reminded += toSend.length;
      const written = await notify(tx, {
        kind: "term.reminder",
        template: termReminderTemplate,
        at: now,
        cause,
        items: toSend.map(({ period, termEndsOn, threshold }) => ({
          to: { personId: period.personId },
          dedupeKey: `term-reminder:${period.id}:${termEndsOn}:${threshold}`,
          data: {
            groupName: period.groupName,
            groupSlug: period.groupSlug,
            role: period.role,
            termEndsOn,
            daysLeft: daysBetween(day, termEndsOn),
          },
        })),
      });
      notified += written.length;
      // The group's chat channel hears of a term ending too, when its Chair chose that kind.
      await notify(tx, {
        kind: "term.ending",
        template: termEndingChannelTemplate,
        at: now,
        cause,
        items: toSend.map(({ period, termEndsOn, threshold }) => ({
          to: { webhook: groupOwner(period.groupId) },
          dedupeKey: `term-reminder:${period.id}:${termEndsOn}:${threshold}:webhook`,
          data: {
            groupName: period.groupName,
            groupSlug: period.groupSlug,
            personName: period.personName,
            role: period.role,
            termEndsOn,
            daysLeft: daysBetween(day, termEndsOn),
          },
        })),
      });
    }
    return { reminded, notified };
  });
  return { day, lapsed, handedOver, reminded, notified };
}
