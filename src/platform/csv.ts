/**
 * The one way Guildhall writes CSV. Every export goes through here so that a cell a spreadsheet
 * would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return, and their
 * full-width forms) is neutralised with a leading single quote, as OWASP recommends for CSV
 * injection. Numbers stay numbers: a negative number is not a formula.
 */
import { stringify } from "csv-stringify/sync";

/** One CSV cell before quoting: text, a number, a boolean (`true`/`false`) or nothing (empty). */
export type CsvCell = string | number | boolean | null | undefined;

/** Renders rows (arrays in column order, or objects keyed by column) with a header line. */
export function toCsv(input: {
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<CsvCell> | Readonly<Record<string, CsvCell>>>;
}): string {
  return stringify(input.rows as unknown[], {
    header: true,
    columns: [...input.columns],
    escape_formulas: true,
    cast: { boolean: (b) => (b ? "true" : "false") },
  });
}
