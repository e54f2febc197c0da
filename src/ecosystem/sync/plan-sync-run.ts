/**
 * Plans a sync run: reads the index listing (PEP 691 `/simple/`), compares each project's serial
 * with the stored one, and records the new and changed projects as the run's work items. An
 * unfinished run against the same index is resumed instead.
 */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { HttpClient } from "../../platform/fetch.ts";
import { SIMPLE_ACCEPT } from "./fetch-project.ts";
import { DocumentProblem, parseSimpleIndex } from "./pypi-documents.ts";
import { createRun, findRunningRun, loadStoredSerials } from "./sync.repo.ts";

/** The run to work on. */
export interface PlannedRun {
  runId: number;
  resumed: boolean;
  listed: number;
  queued: number;
}

/** Resumes the unfinished run against `indexUrl`, or lists the index and creates a new run. */
export async function planSyncRun(input: {
  db: Db;
  http: HttpClient;
  clock: Clock;
  indexUrl: string;
}): Promise<PlannedRun> {
  const { db, indexUrl } = input;
  const running = await findRunningRun(db, indexUrl);
  if (running) return { runId: running.id, resumed: true, listed: running.listed, queued: running.queued };
  const res = await input.http.fetch(`${indexUrl.replace(/\/+$/, "")}/simple/`, {
    headers: { accept: SIMPLE_ACCEPT },
  });
  const contentType = res.headers.get("content-type") ?? "";
  const text = await res.text();
  if (!contentType.includes("json")) {
    throw new AppError("upstream", {
      message: `${indexUrl}/simple/ did not answer with the PEP 691 JSON form (content-type ${contentType || "missing"})`,
    });
  }
  let listing: ReturnType<typeof parseSimpleIndex>;
  try {
    listing = parseSimpleIndex(text);
  } catch (e) {
    throw new AppError("upstream", {
      message: `${indexUrl}/simple/: ${e instanceof DocumentProblem ? e.message : "not a PEP 691 project list"}`,
      cause: e,
    });
  }
  const header = Number(res.headers.get("x-pypi-last-serial"));
  const indexSerial = Number.isFinite(header) && header > 0 ? header : listing.lastSerial;
  const stored = await loadStoredSerials(db);
  const items = listing.projects.filter((p) => stored.get(p.name) !== p.serial);
  const runId = await createRun(db, {
    indexUrl,
    startedAt: input.clock.now(),
    indexSerial,
    listed: listing.projects.length,
    items,
  });
  return { runId, resumed: false, listed: listing.projects.length, queued: items.length };
}
