/** Possibly dormant packages of the catalogue, by Django Commons' rules, weighted by popularity. */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { type Provenance, provenance } from "../../platform/view/provenance.tsx";
import { isoDay, milestoneDay } from "../releases/calendar.ts";
import { loadReleaseCalendar } from "../releases/load-release-calendar.ts";
import {
  type DormancyFinding,
  type FeatureRelease,
  judgeDormancy,
  lastClosedWindow,
  rankDormant,
} from "./dormancy.ts";
import { dormancyFacts } from "./maintainers.repo.ts";

/** The report: the possibly dormant packages, how many could not be judged, and where it comes from. */
export interface DormantReport {
  today: string;
  /** The Django feature release the 6-month rule looks at (null when none has closed its window). */
  window: FeatureRelease | null;
  dormant: DormancyFinding[];
  judged: number;
  unknown: number;
  /** A few of the packages that could not be judged, with why (most popular first). */
  unknownSamples: DormancyFinding[];
  provenance: Provenance;
}

/** Judges every catalogued package (Django itself aside) and keeps the `limit` highest-priority possibly dormant ones. */
export async function findDormant(input: { db: Db; clock: Clock; limit: number }): Promise<DormantReport> {
  const now = input.clock.now();
  const today = isoDay(now);
  const [rows, calendar] = await Promise.all([
    dormancyFacts(input.db),
    loadReleaseCalendar({ db: input.db, now }),
  ]);
  const releases: FeatureRelease[] = calendar
    .filter((s) => s.milestones.final.date !== null && milestoneDay(s.milestones.final) <= today)
    .map((s) => ({ series: s.series, final: milestoneDay(s.milestones.final) }));
  const findings = rows.map((r) =>
    judgeDormancy(
      {
        name: r.name,
        displayName: r.displayName,
        downloadRank: r.downloadRank,
        source: r.source,
        latestReleaseAt: r.latestReleaseAt,
        dataAsOf:
          r.source === "index"
            ? (r.syncedAt?.toISOString() ?? null)
            : r.snapshotAsOf
              ? `snapshot of ${r.snapshotAsOf}`
              : null,
      },
      releases,
      today,
    ),
  );
  const unknown = findings.filter((f) => f.status === "unknown");
  const byRank = (a: DormancyFinding, b: DormancyFinding) =>
    (a.downloadRank ?? Number.MAX_SAFE_INTEGER) - (b.downloadRank ?? Number.MAX_SAFE_INTEGER) ||
    a.name.localeCompare(b.name);
  return {
    today,
    window: lastClosedWindow(releases, today),
    dormant: rankDormant(findings).slice(0, input.limit),
    judged: findings.length - unknown.length,
    unknown: unknown.length,
    unknownSamples: [...unknown].sort(byRank).slice(0, 10),
    provenance: provenance(
      "Django Commons' dormancy rules over the catalogue's latest releases (synced days, snapshot months) and the release calendar",
      "computed",
      now,
    ),
  };
}
