/**
 * Submitting a group's report (its Chair or Co-Chair; the route's policy decides who) and the
 * draft the form starts from. The period comes from the charter's cadence: one that has started
 * and is tracked (groups without due dates report by calendar month). One report per period.
 */

import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { Day, oneOf, optionalText, text } from "../../platform/validation.ts";
import type { Cadence } from "../charter/types.ts";
import { type DecisionActor, loadGroup } from "../decisions/decisions.repo.ts";
import type { ReportDeps } from "./deps.ts";
import { draftHighlights, MAX_HIGHLIGHTS, MIN_HIGHLIGHTS } from "./draft.ts";
import { factsOf } from "./reporting-status.ts";
import { insertReport, selectActivity, selectReportGroups } from "./reports.repo.ts";
import { type Period, periodContaining, periodLabel, reportingSchedule, trackedPeriods } from "./schedule.ts";

/** Lines of a textarea, or a JSON array: trimmed, blank lines dropped. */
function lines(what: string, min: number, max: number) {
  return z
    .union([z.string(), z.array(z.string())], { message: "must be text, one item per line" })
    .optional()
    .transform((v) =>
      (v === undefined ? [] : Array.isArray(v) ? v : v.split(/\r?\n/u))
        .map((l) => l.replace(/^\s*[-*•]\s*/u, "").trim())
        .filter((l) => l !== ""),
    )
    .pipe(
      z
        .array(text({ max: 500 }))
        .min(min, min === 0 ? undefined : `must have ${min} to ${max} ${what}, one per line`)
        .max(max, `must have at most ${max} ${what}, one per line`),
    );
}

/** The report a chair sends. */
export const ReportInputSchema = z.object({
  periodStart: Day.describe("First day of the period the report covers (YYYY-MM-DD)."),
  visibility: oneOf(["public", "board"]).describe(
    "public, or board: only the Board, the group and site admins see it.",
  ),
  highlights: lines("highlights", MIN_HIGHLIGHTS, MAX_HIGHLIGHTS).describe("3 to 5 highlights."),
  asks: lines("asks", 0, 10).describe("What the group asks of the Board (optional, up to 10)."),
  challenges: optionalText({ multiline: true, max: 2000 }).describe("Optional: challenges."),
  nextSteps: optionalText({ multiline: true, max: 2000 }).describe("Optional: plans for the next period."),
  notes: optionalText({ multiline: true, max: 2000 }).describe("Optional: anything else."),
});
/** The report a chair sends, as typed. */
export type ReportInput = z.input<typeof ReportInputSchema>;

/** The periods a group may report on today, newest first, with the cadence they come from. */
export async function reportablePeriods(input: {
  deps: ReportDeps;
  slug: string;
}): Promise<{ cadence: Cadence | "unknown"; periods: Period[] }> {
  const today = dayOf(input.deps.clock.now());
  const [group] = await selectReportGroups(input.deps.database.db, input.slug);
  if (!group) throw new AppError("not_found", { message: `No group "${input.slug}".` });
  const schedule = reportingSchedule({ status: group.status, reportingCadence: group.reportingCadence });
  if (schedule.kind === "scheduled") {
    const f = factsOf(group, schedule.months, today, undefined);
    // The period before tracking began may still be reported on, so a group can catch up.
    const tracked = trackedPeriods(f, today);
    const first = tracked[0] ?? periodContaining(today, schedule.months);
    const before = periodContaining(addDaysBack(first.start), schedule.months);
    return { cadence: schedule.cadence, periods: [before, ...tracked].reverse().slice(0, 4) };
  }
  const month = periodContaining(today, 1);
  const previous = periodContaining(addDaysBack(month.start), 1);
  return { cadence: group.reportingCadence ?? "unknown", periods: [month, previous] };
}

const addDaysBack = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The draft of the form: the period's recorded activity as highlights. */
export async function draftReport(input: { deps: ReportDeps; slug: string; period: Period }) {
  const group = await loadGroup(input.deps.database.db, input.slug);
  const activity = await selectActivity(
    input.deps.database.db,
    group.id,
    input.period.start,
    input.period.end,
  );
  return { activity, highlights: draftHighlights(activity) };
}

/** Saves the report; returns its id. */
export async function submitReport(input: {
  deps: ReportDeps;
  actor: DecisionActor;
  slug: string;
  input: unknown;
}): Promise<{ id: number; period: string }> {
  const parsed = ReportInputSchema.safeParse(input.input);
  if (!parsed.success) throw validationError("report", parsed.error.issues);
  const body = parsed.data;
  const { periods, cadence } = await reportablePeriods({ deps: input.deps, slug: input.slug });
  const period = periods.find((p) => p.start === body.periodStart);
  if (!period) {
    throw new AppError("validation", {
      message: "That is not a period this group can report on now.",
      issues: [
        {
          field: "periodStart",
          message: `must be one of ${periods.map((p) => `${p.start} (${periodLabel(p)})`).join(", ")}`,
        },
      ],
    });
  }
  const db = input.deps.database.db;
  const group = await loadGroup(db, input.slug);
  const id = await db.transaction((tx) =>
    insertReport(tx, {
      groupId: group.id,
      periodStart: period.start,
      periodEnd: period.end,
      cadence,
      visibility: body.visibility,
      highlights: body.highlights,
      asks: body.asks,
      challenges: body.challenges,
      nextSteps: body.nextSteps,
      notes: body.notes,
      submittedByUserId: input.actor.userId,
      submittedByPersonId: input.actor.personId,
      submittedAt: input.deps.clock.now(),
    }),
  );
  return { id, period: periodLabel(period) };
}
