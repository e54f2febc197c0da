/**
 * The checkup of a catalogued package from what the index said about its latest release: the
 * metadata rules only (a tree's files are not known). A package never synced has no metadata, so
 * every rule is skipped as unknown rather than failed.
 */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { normalizeName } from "../packages/normalize-name.ts";
import { isoDay } from "../releases/calendar.ts";
import { loadReleaseCalendar } from "../releases/load-release-calendar.ts";
import { factsFromCatalogue } from "./catalogue-facts.ts";
import { findCataloguePackage } from "./checkup.repo.ts";
import { checkupPolicy } from "./checkup-policy.ts";
import { CHECKUP_RULES } from "./rules.ts";
import { runRules, summaryFacts } from "./run-rules.ts";
import type { CheckupReport } from "./types.ts";

/** Runs the metadata rules on a synced package; not_found when it is not catalogued. */
export async function checkPackage(input: {
  db: Db;
  clock: Clock;
  name: string;
}): Promise<CheckupReport & { synced: boolean; syncedAt: string | null }> {
  const name = normalizeName(input.name);
  const row = await findCataloguePackage(input.db, name);
  if (!row)
    throw new AppError("not_found", { message: `No package named "${input.name}" in the catalogue.` });
  const now = input.clock.now();
  const today = isoDay(now);
  const base = {
    path: `/packages/${name}`,
    kind: "metadata" as const,
    today,
    synced: row.source === "index",
    syncedAt: row.syncedAt?.toISOString() ?? null,
  };
  if (row.source !== "index") {
    return {
      ...base,
      name: row.displayName,
      djangoSeries: [],
      pythonVersions: [],
      requiresPython: null,
      djangoRequirement: null,
      results: CHECKUP_RULES.map((r) => ({
        id: r.id,
        status: "skipped" as const,
        message: "unknown: the package has not been synced from an index (snapshot data only)",
        evidence: null,
      })),
    };
  }
  const facts = factsFromCatalogue({
    ...row,
    name: row.displayName,
    licenseExpression: row.coreMetadata?.["License-Expression"]?.[0] ?? null,
  });
  const policy = checkupPolicy(await loadReleaseCalendar({ db: input.db, now }), today);
  return { ...base, ...summaryFacts(facts), results: runRules(facts, policy) };
}
