/**
 * The daily reminder sweep: for each alpha, beta and release candidate of an upcoming series due
 * today, one notification per subscriber (in the outbox, keyed by series, milestone and account so a
 * second run, or a later day within the grace window, writes nothing), listing what each of their
 * packages is missing by the tracker's evidence.
 */
import { notify } from "../../kernel/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { judgeCompatibility, targetForSeries } from "../compat/verdict.ts";
import { isoDay, isUpcoming } from "../releases/calendar.ts";
import { loadReleaseCalendar } from "../releases/load-release-calendar.ts";
import { missingFor, remindersDue } from "./reminder-rules.ts";
import { allSubscriptions, entriesOf, findChannel, packageFacts } from "./tracker.repo.ts";
import { trackerReminderTemplate } from "./tracker-reminder.template.ts";
import { TRACKER_LABELS, trackerStatus } from "./tracker-status.ts";

/** Writes today's reminders to the outbox; returns how many were new. */
export async function sendTrackerReminders(input: { db: Db; clock: Clock }) {
  const now = input.clock.now();
  const today = isoDay(now);
  const calendar = (await loadReleaseCalendar({ db: input.db, now })).filter((s) => isUpcoming(s, today));
  const due = remindersDue(calendar, today);
  if (due.length === 0) return { due: [], written: 0 };
  const subs = await allSubscriptions(input.db);
  const byUser = new Map<number, string[]>();
  for (const s of subs) byUser.set(s.userId, [...(byUser.get(s.userId) ?? []), s.packageName]);
  let written = 0;
  for (const d of due) {
    const series = calendar.find((s) => s.series === d.series);
    if (!series) continue;
    const target = targetForSeries(series);
    const channel = (await findChannel(input.db, series.series))?.url ?? null;
    const names = [...new Set(subs.map((s) => s.packageName))];
    const entries = new Map((await entriesOf(input.db, series.series, names)).map((e) => [e.packageName, e]));
    const missing = new Map<string, { name: string; status: string; missing: string }>();
    for (const name of names) {
      const facts = await packageFacts(input.db, name);
      if (!facts) continue;
      const compat = judgeCompatibility({ facts, target });
      const decision = trackerStatus(compat, entries.get(name) ?? null);
      missing.set(name, {
        name,
        status: TRACKER_LABELS[decision.status],
        missing: missingFor(decision, compat, series.classifier),
      });
    }
    const items = [...byUser].flatMap(([userId, pkgs]) => {
      const packages = pkgs.flatMap((p) => missing.get(p) ?? []);
      if (packages.length === 0) return [];
      return [
        {
          to: { userId },
          dedupeKey: `tracker-reminder:${d.series}:${d.milestone}:user:${userId}`,
          data: {
            series: d.series,
            milestone: d.milestone,
            on: d.on,
            finalOn: series.milestones.final.date ?? series.milestones.final.expected,
            channel,
            packages,
          },
        },
      ];
    });
    const ids = await input.db.transaction((tx) =>
      notify(tx, {
        kind: "tracker.reminder",
        template: trackerReminderTemplate,
        items,
        at: now,
        cause: `Django ${d.series} ${d.milestone} on ${d.on}`,
      }),
    );
    written += ids.length;
  }
  return { due, written };
}
