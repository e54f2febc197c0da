import { and, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { notify } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import { schema } from "../../platform/db/index.ts";
import { groupOwner } from "../channels/group-owner.ts";
import { handOverIfGone, handOverOffBoardLiaisons } from "../turnover/hand-over.ts";
import { SYSTEM_ACTOR } from "./decisions.repo.ts";
import type { DecisionDeps } from "./deps.ts";
import { termEndingChannelTemplate, termReminderTemplate } from "./term-reminder.template.ts";
import { addDays, DEFAULT_REMINDER_DAYS, daysBetween, reminderDue } from "./terms.ts";

const { rolePeriods, termReminders, groups, people, auditLog } = schema;

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

interface LapsedRow {
  id: number;
  group_id: number;
  person_id: number;
  role: string;
  term_ends_on: string;
  old_ended_on: string | null;
  old_reason: string;
}

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
    const result = await tx.execute(sql`
      with due as (
        select id, ended_on, reason from ${rolePeriods}
        where term_ends_on is not null and term_ends_on <= ${day}
          and started_on <= ${day} and (ended_on is null or ended_on > ${day})
        for update
      )
      update ${rolePeriods} r set ended_on = r.term_ends_on, reason = ${reason}
      from due where r.id = due.id
      returning r.id, r.group_id, r.person_id, r.role, r.term_ends_on::text as term_ends_on,
        due.ended_on::text as old_ended_on, due.reason as old_reason`);
    // Both drivers return { rows } from execute().
    const list = (result as unknown as { rows: LapsedRow[] }).rows;
    for (let i = 0; i < list.length; i += AUDIT_CHUNK) {
      await tx.insert(auditLog).values(
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
  const ending = await database.db
    .select({
      id: rolePeriods.id,
      personId: rolePeriods.personId,
      termEndsOn: rolePeriods.termEndsOn,
      role: rolePeriods.role,
      groupId: rolePeriods.groupId,
      groupName: groups.name,
      groupSlug: groups.slug,
      personName: people.name,
    })
    .from(rolePeriods)
    .innerJoin(groups, eq(groups.id, rolePeriods.groupId))
    .innerJoin(people, eq(people.id, rolePeriods.personId))
    .where(
      and(
        isNotNull(rolePeriods.termEndsOn),
        gt(rolePeriods.termEndsOn, day),
        lte(rolePeriods.termEndsOn, horizon),
        lte(rolePeriods.startedOn, day),
        or(isNull(rolePeriods.endedOn), gt(rolePeriods.endedOn, day)),
      ),
    );
  const sent = ending.length
    ? await database.db
        .select()
        .from(termReminders)
        .where(
          inArray(
            termReminders.rolePeriodId,
            ending.map((e) => e.id),
          ),
        )
    : [];
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
      const rows = await tx
        .insert(termReminders)
        .values(
          chunk.map((d) => ({
            rolePeriodId: d.period.id,
            termEndsOn: d.termEndsOn,
            thresholdDays: d.threshold,
            sentAt: now,
          })),
        )
        .onConflictDoNothing()
        .returning({ rolePeriodId: termReminders.rolePeriodId });
      const recorded = new Set(rows.map((r) => r.rolePeriodId));
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
