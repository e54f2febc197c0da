/**
 * The reporting sweep (the daily job and `guildhall reports sweep`): starts tracking groups with a
 * cadence it can date, records each event the rules give up to today once (unique by group,
 * period and kind), and writes the reminders (and the defunct notice) to the chairs through the
 * outbox in the same transaction. Running it again the same day records nothing.
 */
import { notify } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import { groupOwner } from "../channels/group-owner.ts";
import type { ReportDeps } from "./deps.ts";
import { reportReminderTemplate } from "./report-reminder.template.ts";
import { factsOf } from "./reporting-status.ts";
import {
  insertEvents,
  reportRecipients,
  selectFacts,
  selectReportGroups,
  setNotified,
  upsertTracking,
} from "./reports.repo.ts";
import { periodContaining, periodLabel, reportEvents, reportingSchedule } from "./schedule.ts";

/** What one sweep did. */
export interface ReportSweepResult {
  day: string;
  /** Groups whose reports are tracked (a cadence with due dates). */
  tracked: number;
  /** Events recorded by this sweep, by kind. */
  recorded: Record<string, number>;
  /** Notifications written to the outbox. */
  notified: number;
}

const NOTIFIED_KINDS = new Set(["reminder-before", "reminder-after", "defunct"]);

/** Runs the sweep for the clock's day. */
export async function sweepReports(input: { deps: ReportDeps }): Promise<ReportSweepResult> {
  const { database, clock } = input.deps;
  const now = clock.now();
  const day = dayOf(now);
  const cause = `report-sweep:${day}`;
  return database.db.transaction(async (tx) => {
    const groups = await selectReportGroups(tx);
    const scheduled = groups.flatMap((g) => {
      const s = reportingSchedule({ status: g.status, reportingCadence: g.reportingCadence });
      return s.kind === "scheduled" ? [{ group: g, schedule: s }] : [];
    });
    for (const { group, schedule } of scheduled) {
      if (group.tracking?.cadence !== schedule.cadence) {
        await upsertTracking(tx, { groupId: group.id, cadence: schedule.cadence, day, now });
      }
    }
    const facts = await selectFacts(
      tx,
      scheduled.map((s) => s.group.id),
    );
    const recorded: Record<string, number> = {};
    let notified = 0;
    for (const { group, schedule } of scheduled) {
      const f = factsOf(group, schedule.months, day, facts.get(group.id));
      const events = reportEvents(f, day);
      const written = await insertEvents(
        tx,
        events.map((e) => ({
          groupId: group.id,
          periodStart: e.periodStart,
          kind: e.kind,
          dueOn: e.on,
        })),
        now,
      );
      if (written.length === 0) continue;
      const recipients = written.some((w) => NOTIFIED_KINDS.has(w.kind))
        ? await reportRecipients(tx, group.id, day)
        : [];
      for (const w of written) {
        recorded[w.kind] = (recorded[w.kind] ?? 0) + 1;
        if (!NOTIFIED_KINDS.has(w.kind)) continue;
        const period = periodContaining(w.periodStart, schedule.months);
        const data = {
          groupName: group.name,
          groupSlug: group.slug,
          period: periodLabel(period),
          periodStart: period.start,
          dueOn: period.dueOn,
          kind: w.kind as "reminder-before" | "reminder-after" | "defunct",
        };
        const key = `report:${group.id}:${w.periodStart}:${w.kind}`;
        // The chairs by email (as each chose), and the group's chat channel when its Chair chose the kind.
        const ids = await notify(tx, {
          kind: w.kind === "defunct" ? "report.defunct" : "report.reminder",
          template: reportReminderTemplate,
          at: now,
          cause,
          items: [
            ...recipients.map((personId) => ({ to: { personId }, dedupeKey: `${key}:${personId}`, data })),
            { to: { webhook: groupOwner(group.id) }, dedupeKey: `${key}:webhook`, data },
          ],
        });
        await setNotified(tx, w.id, ids.length);
        notified += ids.length;
      }
    }
    return { day, tracked: scheduled.length, recorded, notified };
  });
}
