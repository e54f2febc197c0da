/** The end-of-run summary of a PyPI sync, and how it is printed. Pure: no I/O. */

/** What a sync run did. */
export interface SyncSummary {
  runId: number;
  indexUrl: string;
  /** True when this invocation finished a run an earlier, interrupted one started. */
  resumed: boolean;
  /** Projects the index listed. */
  listed: number;
  /** `listed` (every listed project) or `catalogue` (known projects and new Django-named ones). */
  scope: "listed" | "catalogue";
  /** Listed projects the scope left out. */
  outOfScope: number;
  /** Projects in scope whose serial was unchanged (not fetched at all). */
  unchanged: number;
  /** Projects queued because new or changed. */
  queued: number;
  /** Projects whose documents were fetched and saved. */
  fetched: number;
  /** Projects whose simple page answered 304 Not Modified. */
  notModified: number;
  /** Projects with a recorded problem, by kind. */
  errors: Record<string, number>;
  /** Synced projects the index no longer lists, marked by this run. */
  delisted: number;
  /** Marked projects the index lists again. */
  relisted: number;
  durationMs: number;
  projectsPerSecond: number;
}

/** Builds the summary from item counts and problem counts. */
export function buildSyncSummary(input: {
  runId: number;
  indexUrl: string;
  resumed: boolean;
  listed: number;
  queued: number;
  scope: "listed" | "catalogue";
  outOfScope: number;
  delisted: number;
  relisted: number;
  states: Record<string, number>;
  problems: Record<string, number>;
  durationMs: number;
}): SyncSummary {
  const fetched = input.states["fetched"] ?? 0;
  const notModified = input.states["not_modified"] ?? 0;
  const errored = input.states["error"] ?? 0;
  const seconds = Math.max(input.durationMs, 1) / 1000;
  return {
    runId: input.runId,
    indexUrl: input.indexUrl,
    resumed: input.resumed,
    listed: input.listed,
    scope: input.scope,
    outOfScope: input.outOfScope,
    unchanged: input.listed - input.outOfScope - input.queued,
    queued: input.queued,
    fetched,
    notModified,
    errors: input.problems,
    delisted: input.delisted,
    relisted: input.relisted,
    durationMs: Math.round(input.durationMs),
    projectsPerSecond: Math.round(((fetched + notModified + errored) / seconds) * 10) / 10,
  };
}

/** The summary as a few human-readable lines. */
export function formatSyncSummary(s: SyncSummary): string[] {
  const errorTotal = Object.values(s.errors).reduce((a, b) => a + b, 0);
  const kinds = Object.entries(s.errors)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  return [
    `Sync run ${s.runId} of ${s.indexUrl}${s.resumed ? " (resumed)" : ""}`,
    `  listed ${s.listed}${s.scope === "catalogue" ? ` (catalogue scope: ${s.outOfScope} not Django-related left out)` : ""}, unchanged ${s.unchanged}, queued ${s.queued}`,
    `  fetched ${s.fetched}, not modified (304) ${s.notModified}, errors ${errorTotal}${kinds ? ` (${kinds})` : ""}`,
    ...(s.delisted > 0 || s.relisted > 0
      ? [`  no longer listed by the index ${s.delisted}, listed again ${s.relisted}`]
      : []),
    `  ${(s.durationMs / 1000).toFixed(1)} s, ${s.projectsPerSecond} projects/s`,
  ];
}
