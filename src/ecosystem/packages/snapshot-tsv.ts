/**
 * The catalogue snapshot format (tab-separated: name, version, month of latest release, download
 * rank, summary; first line a header), parsed line by line. Pure: no I/O.
 */
import { isValidProjectName, normalizeName } from "./normalize-name.ts";

/** One valid snapshot row, ready to store. */
export interface SnapshotRow {
  name: string;
  displayName: string;
  latestVersion: string;
  /** First day of the month of the latest release (UTC). */
  latestReleaseAt: Date;
  downloadRank: number | null;
  summary: string | null;
}

/** A rejected line, named by its 1-based line number. */
export interface SnapshotProblem {
  line: number;
  message: string;
}

/** Result of parsing one line: a row, a problem, or nothing (header, blank line). */
export type SnapshotLine = { row: SnapshotRow } | { problem: SnapshotProblem } | null;

const HEADER = /^name\tversion\t/i;

/** Parses one line of a snapshot; `lineNumber` is 1-based and names the line in problems. */
export function parseSnapshotLine(text: string, lineNumber: number): SnapshotLine {
  const line = text.endsWith("\r") ? text.slice(0, -1) : text;
  if (line.trim() === "") return null;
  if (lineNumber === 1 && HEADER.test(line)) return null;
  const cols = line.split("\t");
  const fail = (message: string): SnapshotLine => ({ problem: { line: lineNumber, message } });
  if (cols.length < 3 || cols.length > 5)
    return fail(`expected 3 to 5 tab-separated columns, found ${cols.length}`);
  const [rawName = "", version = "", month = "", rank = "", summary = ""] = cols;
  const name = rawName.trim();
  if (!isValidProjectName(name)) return fail(`name: "${name.slice(0, 60)}" is not a valid project name`);
  if (version.trim() === "") return fail("version: is empty");
  const m = /^(\d{4})-(\d{2})$/.exec(month.trim());
  const monthNumber = Number(m?.[2]);
  if (!m || monthNumber < 1 || monthNumber > 12) return fail(`month: "${month.slice(0, 20)}" is not YYYY-MM`);
  let downloadRank: number | null = null;
  if (rank.trim() !== "") {
    downloadRank = Number(rank.trim());
    if (!Number.isInteger(downloadRank) || downloadRank < 1) {
      return fail(`download rank: "${rank.slice(0, 20)}" is not a positive integer`);
    }
  }
  return {
    row: {
      name: normalizeName(name),
      displayName: name,
      latestVersion: version.trim(),
      latestReleaseAt: new Date(Date.UTC(Number(m[1]), monthNumber - 1, 1)),
      downloadRank,
      summary: summary.trim() === "" ? null : summary.trim(),
    },
  };
}

/**
 * The date a snapshot's data is from, read from its file name (`packages-2026-11.tsv.gz` -> `2026-11`,
 * `x-2026-11-20.tsv` -> `2026-11-20`); null when the name carries no date.
 */
export function snapshotDateFromName(file: string): string | null {
  const m = /(?:^|[^\d])(\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)(?=\.tsv(?:\.gz)?$)/.exec(
    file.slice(file.lastIndexOf("/") + 1),
  );
  return m?.[1] ?? null;
}
