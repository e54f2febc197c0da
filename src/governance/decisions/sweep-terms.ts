import { and, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { schema } from "../../platform/db/index.ts";
import { SYSTEM_ACTOR } from "./decisions.repo.ts";
import type { DecisionDeps } from "./deps.ts";
import { addDays, DEFAULT_REMINDER_DAYS, dayOf, reminderDue } from "./terms.ts";

const { rolePeriods, termReminders, users, groups, auditLog } = schema;

/** What one sweep did. */
export interface SweepResult {
  day: string;
  /** Role periods whose term ended without renewal, now ended. */
  lapsed: number;
  /** Reminders recorded (emailed when the member has an address and mail is configured). */
  reminded: number;
  emailed: number;
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
 * term has run out without renewal, with the reason, and sends each due reminder once. Running
 * it again the same day changes nothing.
 */
export async function sweepTerms(input: {
  deps: DecisionDeps;
  thresholds?: readonly number[];
}): Promise<SweepResult> {
  const { database, clock, mailer } = input.deps;
  const now = clock.now();
  const day = dayOf(now);
  const thresholds = input.thresholds ?? DEFAULT_REMINDER_DAYS;
  const cause = `term-sweep:${day}`;
  const reason = "term ended without renewal";

  // Lapse, set-based: one UPDATE for all periods, their audit entries in chunks, one transaction.
  const lapsed = await database.db.transaction(async (tx) => {
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
    return list.length;
  });

  // Reminders: periods whose term ends within the largest threshold.
  const horizon = addDays(day, Math.max(0, ...thresholds));
  const ending = await database.db
    .select({
      id: rolePeriods.id,
      personId: rolePeriods.personId,
      termEndsOn: rolePeriods.termEndsOn,
      role: rolePeriods.role,
      groupName: groups.name,
      groupSlug: groups.slug,
    })
    .from(rolePeriods)
    .innerJoin(groups, eq(groups.id, rolePeriods.groupId))
    .where(
      and(
        isNotNull(rolePeriods.termEndsOn),
        gt(rolePeriods.termEndsOn, day),
        lte(rolePeriods.termEndsOn, horizon),
        lte(rolePeriods.startedOn, day),
        or(isNull(rolePeriods.endedOn), gt(rolePeriods.endedOn, day)),
      ),
    );
  let reminded = 0;
  let emailed = 0;
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
  const due = ending.flatMap((period) => {
    const termEndsOn = period.termEndsOn ?? day;
    const threshold = reminderDue({
      today: day,
      termEndsOn,
      thresholds,
      alreadySent: sent
        .filter((s) => s.rolePeriodId === period.id && s.termEndsOn === termEndsOn)
        .map((s) => s.thresholdDays),
    });
    return threshold === null ? [] : [{ period, termEndsOn, threshold }];
  });
  // Recording first, in bulk, makes concurrent sweeps send each reminder once.
  const recorded = new Set<number>();
  for (let i = 0; i < due.length; i += AUDIT_CHUNK) {
    const rows = await database.db
      .insert(termReminders)
      .values(
        due.slice(i, i + AUDIT_CHUNK).map((d) => ({
          rolePeriodId: d.period.id,
          termEndsOn: d.termEndsOn,
          thresholdDays: d.threshold,
          sentAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ rolePeriodId: termReminders.rolePeriodId });
    for (const r of rows) recorded.add(r.rolePeriodId);
  }
  const toSend = due.filter((d) => recorded.has(d.period.id));
  reminded = toSend.length;
  if (mailer?.enabled && toSend.length) {
    const emails = new Map<number, string>();
    const people = [...new Set(toSend.map((d) => d.period.personId))];
    for (let i = 0; i < people.length; i += AUDIT_CHUNK) {
      const rows = await database.db
        .select({ personId: users.personId, email: users.email })
        .from(users)
        .where(inArray(users.personId, people.slice(i, i + AUDIT_CHUNK)));
      for (const r of rows) if (r.personId !== null && r.email) emails.set(r.personId, r.email);
    }
    for (const { period, termEndsOn, threshold } of toSend) {
      const to = emails.get(period.personId);
      if (!to) continue;
      try {
        await mailer.send({
          to,
          subject: `Your term in ${period.groupName} ends on ${termEndsOn}`,
          text: [
            `Your term as ${period.role} in ${period.groupName} ends on ${termEndsOn}.`,
            "To stay in the group, opt in to renew on the group's decisions page:",
            `/groups/${period.groupSlug}/decisions`,
            "If you do nothing, your membership lapses on that day. Thank you for your work.",
          ].join("\n"),
        });
        emailed++;
      } catch (e) {
        // Unsent: forget it so the next sweep tries again.
        await database.db
          .delete(termReminders)
          .where(
            and(
              eq(termReminders.rolePeriodId, period.id),
              eq(termReminders.termEndsOn, termEndsOn),
              eq(termReminders.thresholdDays, threshold),
            ),
          );
        reminded--;
        input.deps.log?.warn({ err: e, rolePeriodId: period.id }, "term reminder not sent");
      }
    }
  }
  return { day, lapsed, reminded, emailed };
}
