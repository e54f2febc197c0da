/** Synced packages with no way to report a vulnerability (no policy, Security link or maintainer address), most used first. */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { loadHealthFacts } from "./health.repo.ts";
import { routeVulnerabilityReport } from "./report-route.ts";

/** One package the working group may have to reach on a reporter's behalf. */
export interface UnreachablePackage {
  name: string;
  downloadRank: number | null;
  owners: string[];
}

/** The list for the Package Maintainers WG, ordered by download rank (unranked last, then by name). */
export async function listUnreachablePackages(input: {
  db: Db;
  clock: Clock;
}): Promise<{ asOf: string; total: number; synced: number; packages: UnreachablePackage[] }> {
  const facts = await loadHealthFacts(input.db, null, input.clock.now());
  const out: UnreachablePackage[] = [];
  let synced = 0;
  for (const f of facts.values()) {
    if (!f.synced) continue;
    synced++;
    if (routeVulnerabilityReport(f).via !== "working-group") continue;
    out.push({
      name: f.name,
      downloadRank: f.downloadRank,
      owners: [...new Set(f.ownership.roles.map((r) => r.user))],
    });
  }
  out.sort(
    (a, b) =>
      (a.downloadRank ?? Number.MAX_SAFE_INTEGER) - (b.downloadRank ?? Number.MAX_SAFE_INTEGER) ||
      a.name.localeCompare(b.name),
  );
  return { asOf: input.clock.now().toISOString(), total: out.length, synced, packages: out };
}
