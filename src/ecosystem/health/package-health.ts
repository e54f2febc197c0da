/**
 * Health of one package, of a page of packages, or of the whole catalogue (cached per database,
 * day and catalogue fingerprint, since the filter and the sort need every package's health).
 */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { isoDay } from "../releases/calendar.ts";
import { loadReleaseCalendar } from "../releases/load-release-calendar.ts";
import { computeHealth, type HealthContext, healthContext, type PackageHealth } from "./compute-health.ts";
import { catalogueRanks, healthFingerprint, loadHealthFacts } from "./health.repo.ts";

async function contextFor(db: Db, now: Date): Promise<HealthContext> {
  const [calendar, ranks] = await Promise.all([loadReleaseCalendar({ db, now }), catalogueRanks(db)]);
  return healthContext({ today: isoDay(now), calendar, ranks });
}

/** Health of the named packages (those not catalogued are left out). */
export async function healthOfPackages(input: {
  db: Db;
  clock: Clock;
  names: string[];
}): Promise<Map<string, PackageHealth>> {
  const now = input.clock.now();
  if (input.names.length === 0) return new Map();
  const [ctx, facts] = await Promise.all([
    contextFor(input.db, now),
    loadHealthFacts(input.db, input.names, now),
  ]);
  return new Map([...facts].map(([name, f]) => [name, computeHealth(f, ctx)]));
}

const cache = new WeakMap<Db, { key: string; value: Promise<Map<string, PackageHealth>> }>();

/** Health of every catalogued package, recomputed when the day or anything health reads changes. */
export async function catalogueHealth(input: { db: Db; clock: Clock }): Promise<Map<string, PackageHealth>> {
  const now = input.clock.now();
  const key = `${isoDay(now)}|${await healthFingerprint(input.db)}`;
  const hit = cache.get(input.db);
  if (hit && hit.key === key) return hit.value;
  const value = (async () => {
    const [ctx, facts] = await Promise.all([contextFor(input.db, now), loadHealthFacts(input.db, null, now)]);
    return new Map([...facts].map(([name, f]) => [name, computeHealth(f, ctx)]));
  })();
  cache.set(input.db, { key, value });
  value.catch(() => cache.delete(input.db));
  return value;
}
