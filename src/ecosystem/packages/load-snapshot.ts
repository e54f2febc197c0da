/**
 * `packages load-snapshot FILE`: loads a catalogue snapshot (TSV, optionally gzip-compressed).
 * Malformed lines are reported with their line numbers and skipped; loading the same file twice
 * leaves the same catalogue.
 */
import { createReadStream, existsSync } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { finishSnapshotLoad, insertSnapshotLoad, upsertSnapshotRows } from "./packages.repo.ts";
import {
  parseSnapshotLine,
  type SnapshotProblem,
  type SnapshotRow,
  snapshotDateFromName,
} from "./snapshot-tsv.ts";

/** Checks a snapshot date given by hand: YYYY-MM or YYYY-MM-DD. */
function checkAsOf(asOf: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/.test(asOf)) {
    throw new AppError("validation", {
      message: `Invalid snapshot date: as-of: "${asOf.slice(0, 20)}" is not YYYY-MM or YYYY-MM-DD`,
      issues: [{ field: "as-of", message: "must be YYYY-MM or YYYY-MM-DD" }],
    });
  }
  return asOf;
}

/** What a snapshot load did. */
export interface LoadSnapshotSummary {
  /** The snapshot load's id (the provenance of the rows it wrote). */
  snapshotId: number;
  /** The date the snapshot's data is from (null when neither given nor in the file name). */
  asOf: string | null;
  file: string;
  lines: number;
  loaded: number;
  skipped: number;
  problems: SnapshotProblem[];
  durationMs: number;
}

/** Loads `file` into the catalogue in batches; `onProgress` gets the rows loaded so far. */
export async function loadSnapshot(input: {
  db: Db;
  clock: Clock;
  file: string;
  /** The date the snapshot's data is from; defaults to the date in the file name. */
  asOf?: string | undefined;
  batchSize?: number;
  onProgress?: (loaded: number) => void;
  onProblem?: (p: SnapshotProblem) => void;
}): Promise<LoadSnapshotSummary> {
  if (!existsSync(input.file)) {
    throw new AppError("validation", {
      message: `Invalid file: ${input.file} does not exist`,
      issues: [{ field: "file", message: "does not exist" }],
    });
  }
  const asOf = input.asOf === undefined ? snapshotDateFromName(input.file) : checkAsOf(input.asOf);
  const started = performance.now();
  const at = input.clock.now();
  const snapshotId = await insertSnapshotLoad(input.db, { file: basename(input.file), asOf, loadedAt: at });
  const raw = createReadStream(input.file);
  const gz = input.file.endsWith(".gz");
  const lines = createInterface({
    input: gz ? raw.pipe(createGunzip()) : raw,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const batchSize = input.batchSize ?? 2000;
  const firstLine = new Map<string, number>();
  const problems: SnapshotProblem[] = [];
  let batch = new Map<string, SnapshotRow>();
  let lineNumber = 0;
  let loaded = 0;
  const report = (p: SnapshotProblem) => {
    problems.push(p);
    input.onProblem?.(p);
  };
  const flush = async () => {
    if (batch.size === 0) return;
    await upsertSnapshotRows(input.db, [...batch.values()], snapshotId);
    loaded += batch.size;
    batch = new Map();
    input.onProgress?.(loaded);
  };
  try {
    for await (const text of lines) {
      lineNumber++;
      const parsed = parseSnapshotLine(text, lineNumber);
      if (parsed === null) continue;
      if ("problem" in parsed) {
        report(parsed.problem);
        continue;
      }
      const seen = firstLine.get(parsed.row.name);
      if (seen !== undefined) {
        report({ line: lineNumber, message: `name: "${parsed.row.name}" repeats line ${seen}` });
        continue;
      }
      firstLine.set(parsed.row.name, lineNumber);
      batch.set(parsed.row.name, parsed.row);
      if (batch.size >= batchSize) await flush();
    }
  } catch (e) {
    throw new AppError("validation", {
      message: `Invalid file: ${input.file} could not be read at line ${lineNumber + 1} (${e instanceof Error ? e.message : String(e)})`,
      cause: e,
    });
  }
  await flush();
  await finishSnapshotLoad(input.db, snapshotId, loaded);
  return {
    snapshotId,
    asOf,
    file: input.file,
    lines: lineNumber,
    loaded,
    skipped: problems.length,
    problems,
    durationMs: Math.round(performance.now() - started),
  };
}
