/**
 * Plans a sync run: reads the index listing (PEP 691 `/simple/`), compares each project's serial
 * with the stored one, and records the new and changed projects within the run's scope as its work
 * items, marking catalogued projects the listing dropped (or holds again). An unfinished run against
 * the same index is resumed instead.
 */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { HttpClient } from "../../platform/fetch.ts";
import { SIMPLE_ACCEPT } from "./fetch-project.ts";
import { DocumentProblem, parseSimpleIndex } from "./pypi-documents.ts";
import { createRun, findRunningRun, loadProblemNames, loadStoredProjects } from "./sync.repo.ts";
import {
  planScope,
  resolveScope,
  resumeScopeConflict,
  type ScopeChoice,
  type SyncScope,
} from "./sync-scope.ts";

/** The run to work on. */
export interface PlannedRun {
  runId: number;
  resumed: boolean;
  listed: number;
  queued: number;
  scope: SyncScope;
  outOfScope: number;
  delisted: number;
  relisted: number;
}

/**
 * Resumes the unfinished run against `indexUrl`, or lists the index and creates a new run. A
 * resumed run keeps its scope: asking for another one explicitly is refused (resumeScopeConflict).
 */
export async function planSyncRun(input: {
  db: Db;
  http: HttpClient;
  clock: Clock;
  indexUrl: string;
  /** Which listed projects to work on (see sync-scope.ts); `auto` by default. */
  scope?: ScopeChoice;
}): Promise<PlannedRun> {
  const { db, indexUrl } = input;
  const running = await findRunningRun(db, indexUrl);
  if (running) {
    const conflict = resumeScopeConflict({
      runId: running.id,
      indexUrl,
      running: running.scope,
      choice: input.scope ?? "auto",
    });
    if (conflict) throw new AppError("conflict", { message: conflict });
    return {
      runId: running.id,
      resumed: true,
      listed: running.listed,
      queued: running.queued,
      scope: running.scope,
      outOfScope: running.outOfScope,
      delisted: running.delisted,
      relisted: running.relisted,
    };
  }
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
  const stored = await loadStoredProjects(db);
  const scope = resolveScope(input.scope ?? "auto", stored.size);
  const plan = planScope({ listing: listing.projects, stored, retry: await loadProblemNames(db), scope });
  const runId = await createRun(db, {
    indexUrl,
    startedAt: input.clock.now(),
    indexSerial,
    listed: listing.projects.length,
    scope,
    outOfScope: plan.outOfScope,
    items: plan.items,
    delist: plan.delist,
    relist: plan.relist,
  });
  return {
    runId,
    resumed: false,
    listed: listing.projects.length,
    queued: plan.items.length,
    scope,
    outOfScope: plan.outOfScope,
    delisted: plan.delist.length,
    relisted: plan.relist.length,
  };
}
