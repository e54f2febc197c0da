/**
 * Works one chunk of a sync run: fetches the chunk's still-pending projects with bounded
 * concurrency and saves their results in batches, each batch in one transaction with the items'
 * states, so a process killed at any moment loses at most unsaved fetches, never half a project.
 */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import type { HttpClient } from "../../platform/fetch.ts";
import { fetchProject } from "./fetch-project.ts";
import { type ProjectResult, pendingItems, saveProjectResults } from "./sync.repo.ts";

/** Limits how many requests are in flight (shared by all chunks a process works). */
export type Limiter = <T>(fn: () => Promise<T>) => Promise<T>;

/** Fetches and saves the pending projects among `names`; returns how many were processed. */
export async function processSyncChunk(input: {
  db: Db;
  http: HttpClient;
  clock: Clock;
  indexUrl: string;
  runId: number;
  names: string[];
  limit: Limiter;
  /** Results per write transaction. */
  batchSize?: number;
  signal?: AbortSignal;
}): Promise<number> {
  const items = await pendingItems(input.db, input.runId, input.names);
  const batchSize = input.batchSize ?? 100;
  let buffer: ProjectResult[] = [];
  const writes: Promise<void>[] = [];
  const flush = () => {
    if (buffer.length === 0) return;
    const results = buffer.sort((a, b) => (a.name < b.name ? -1 : 1));
    buffer = [];
    writes.push(saveProjectResults(input.db, { runId: input.runId, results, at: input.clock.now() }));
  };
  await Promise.all(
    items.map((item) =>
      input.limit(async () => {
        const result = await fetchProject({
          http: input.http,
          indexUrl: input.indexUrl,
          name: item.name,
          serial: item.serial,
          etag: item.etag,
          signal: input.signal,
        });
        buffer.push(result);
        if (buffer.length >= batchSize) flush();
      }),
    ),
  );
  flush();
  await Promise.all(writes);
  return items.length;
}
