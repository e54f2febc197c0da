/**
 * Reporting's records as API objects, in one place (Outline's presenters), with the schema the
 * OpenAPI document shows for a report.
 */
import { z } from "zod";
import type { ReportRow } from "./reports.repo.ts";

/** The API schema of a report. */
export const ReportJson = z.object({
  id: z.number().int(),
  group: z.object({ slug: z.string(), name: z.string() }),
  periodStart: z.string(),
  periodEnd: z.string(),
  visibility: z.enum(["public", "board"]),
  highlights: z.array(z.string()),
  asks: z.array(z.string()),
  challenges: z.string().nullable(),
  nextSteps: z.string().nullable(),
  notes: z.string().nullable(),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
});

/** A report as the API shows it (visibility is public or board). */
export const presentReport = (r: ReportRow): z.infer<typeof ReportJson> => ({
  id: r.id,
  group: r.group,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
  visibility: r.visibility === "board" ? "board" : "public",
  highlights: r.highlights,
  asks: r.asks,
  challenges: r.challenges,
  nextSteps: r.nextSteps,
  notes: r.notes,
  submittedAt: r.submittedAt.toISOString(),
  submittedBy: r.submittedBy,
});

/** The Board's decision on a group's reporting. */
export function presentReportDecision(d: {
  id: number;
  kind: string;
  decidedOn: string;
  endsOn: string | null;
}) {
  return { id: d.id, kind: d.kind, decidedOn: d.decidedOn, endsOn: d.endsOn };
}
