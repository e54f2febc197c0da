/** One package's explained health and where to report a vulnerability in it. */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { normalizeName } from "../packages/normalize-name.ts";
import type { PackageHealth } from "./compute-health.ts";
import { loadHealthFacts } from "./health.repo.ts";
import { healthOfPackages } from "./package-health.ts";
import { type ReportRoute, routeVulnerabilityReport } from "./report-route.ts";

/** Health and report route of a catalogued package; not_found otherwise. */
export async function getPackageHealth(input: {
  db: Db;
  clock: Clock;
  name: string;
}): Promise<{ health: PackageHealth; route: ReportRoute }> {
  const name = normalizeName(input.name);
  const [healthBy, factsBy] = await Promise.all([
    healthOfPackages({ db: input.db, clock: input.clock, names: [name] }),
    loadHealthFacts(input.db, [name], input.clock.now()),
  ]);
  const health = healthBy.get(name);
  const facts = factsBy.get(name);
  if (!health || !facts)
    throw new AppError("not_found", { message: `No package named "${input.name}" in the catalogue.` });
  return { health, route: routeVulnerabilityReport(facts) };
}
