/** One project's page data: catalogue row, releases, support matrix and release age. */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { provenance } from "../../platform/view/provenance.tsx";
import { loadReleaseCalendar } from "../releases/load-release-calendar.ts";
import { getProjectProvenance } from "./get-project-provenance.ts";
import { normalizeName } from "./normalize-name.ts";
import { findPackage, findReleases } from "./packages.repo.ts";
import { supportMatrix } from "./support-matrix.ts";

/** Loads a project by (any spelling of) its name; not_found when it is not catalogued. */
export async function getPackage(input: { db: Db; clock: Clock; name: string }) {
  const name = normalizeName(input.name);
  const pkg = await findPackage(input.db, name);
  if (!pkg)
    throw new AppError("not_found", { message: `No package named "${input.name}" in the catalogue.` });
  const releases = await findReleases(input.db, name);
  const now = input.clock.now();
  const today = now.toISOString().slice(0, 10);
  const calendar = await loadReleaseCalendar({ db: input.db, now });
  const matrix = supportMatrix({
    today,
    calendar,
    facts: {
      name: pkg.name,
      version: pkg.latestVersion,
      metadataKnown: pkg.source === "index",
      classifiers: pkg.classifiers,
      requiresDist: pkg.requiresDist,
      requiresPython: pkg.requiresPython,
    },
  });
  const ageDays = pkg.latestReleaseAt
    ? Math.floor((now.getTime() - pkg.latestReleaseAt.getTime()) / 86_400_000)
    : null;
  const origin = (await getProjectProvenance({ db: input.db, rows: [pkg] })).get(pkg.name);
  // Verdicts are worked out on each request from the stored metadata and today's calendar.
  const supportProvenance = provenance(
    "Guildhall's compatibility rules over the latest release's metadata and the release calendar",
    "computed",
    now,
  );
  return { pkg, releases, matrix, ageDays, today, provenance: origin, supportProvenance };
}

/** "3 years, 2 months" style age of a release, from days. */
export function describeAge(days: number): string {
  if (days < 1) return "today";
  if (days < 31) return `${days} day${days === 1 ? "" : "s"}`;
  const months = Math.floor(days / 30.44);
  if (months < 12) return `${months} month${months === 1 ? "" : "s"}`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return `${years} year${years === 1 ? "" : "s"}${rest ? `, ${rest} month${rest === 1 ? "" : "s"}` : ""}`;
}
