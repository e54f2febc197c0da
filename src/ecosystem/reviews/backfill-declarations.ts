/**
 * Reads what older releases declared, from the index's per-version JSON API
 * (`/pypi/<project>/<version>/json`), for the most downloaded synced packages: the releases
 * uploaded since `since` that have no recorded declaration yet. Time to support needs them (the
 * sync records only each project's latest release). Idempotent; a failed release is reported and
 * tried again next time.
 */
import pLimit from "p-limit";
import { z } from "zod";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import type { HttpClient } from "../../platform/fetch.ts";
import { releasesWithoutDeclarations, saveDeclarations } from "./declarations.repo.ts";

const VersionDocument = z.object({
  info: z.object({
    version: z.string(),
    classifiers: z.array(z.string()).nullish(),
    requires_dist: z.array(z.string()).nullish(),
    requires_python: z.string().nullish(),
  }),
});

/** What a backfill did. */
export interface BackfillSummary {
  packages: number;
  releases: number;
  recorded: number;
  failed: Array<{ name: string; version: string; message: string }>;
}

/** Backfills declarations of the top `top` packages' releases uploaded on or after `since`. */
export async function backfillDeclarations(input: {
  db: Db;
  http: HttpClient;
  clock: Clock;
  indexUrl: string;
  top: number;
  since: Date;
  concurrency?: number;
}): Promise<BackfillSummary> {
  const base = input.indexUrl.replace(/\/+$/, "");
  const todo = await releasesWithoutDeclarations(input.db, { top: input.top, since: input.since });
  const limit = pLimit(input.concurrency ?? 8);
  const failed: BackfillSummary["failed"] = [];
  const rows = (
    await Promise.all(
      todo.map((r) =>
        limit(async () => {
          try {
            const res = await input.http.fetch(
              `${base}/pypi/${encodeURIComponent(r.name)}/${encodeURIComponent(r.version)}/json`,
              {
                headers: { accept: "application/json" },
              },
            );
            const doc = VersionDocument.parse(JSON.parse(await res.text()));
            return [
              {
                name: r.name,
                version: r.version,
                uploadedAt: r.uploadedAt,
                classifiers: doc.info.classifiers ?? [],
                requiresDist: doc.info.requires_dist ?? [],
                requiresPython: doc.info.requires_python?.trim() ? doc.info.requires_python : null,
              },
            ];
          } catch (e) {
            failed.push({
              name: r.name,
              version: r.version,
              message: e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e),
            });
            return [];
          }
        }),
      ),
    )
  ).flat();
  await saveDeclarations(input.db, rows, input.clock.now());
  return {
    packages: new Set(todo.map((r) => r.name)).size,
    releases: todo.length,
    recorded: rows.length,
    failed,
  };
}
