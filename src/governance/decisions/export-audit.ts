import { toCsv } from "../../platform/csv.ts";
import type { AuditEntry } from "./list-group-audit.ts";

/** Export formats of the audit trail. */
export type AuditFormat = "csv" | "json";

/** Renders audit entries as CSV (before/after as JSON text) or as a JSON array. */
export function exportAudit(input: { entries: readonly AuditEntry[]; format: AuditFormat }): string {
  if (input.format === "json") return `${JSON.stringify(input.entries, null, 2)}\n`;
  return toCsv({
    rows: input.entries.map((e) => [
      e.id,
      e.occurredAt,
      e.actor,
      e.action,
      e.subjectType,
      e.subjectId,
      e.before === null ? "" : JSON.stringify(e.before),
      e.after === null ? "" : JSON.stringify(e.after),
      e.cause,
    ]),
    columns: [
      "id",
      "occurred_at",
      "actor",
      "action",
      "subject_type",
      "subject_id",
      "before",
      "after",
      "cause",
    ],
  });
}
