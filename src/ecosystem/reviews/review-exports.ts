/** A review as CSV (one figure a line), markdown, and the comparison as markdown. Pure. */
import { toCsv } from "../../platform/csv.ts";
import type { ReviewComparison } from "./compare-reviews.ts";
import type { StoredReview } from "./reviews.repo.ts";

/** Long-format CSV: section, key, value (and for lists, one line per package). */
export function reviewCsv(r: StoredReview): string {
  const d = r.data;
  const rows: Array<[string, string, string | number | null]> = [
    ["catalogue", "packages", d.catalogue.packages],
    ["catalogue", "synced", d.catalogue.synced],
    ["catalogue", "ranked", d.catalogue.ranked],
    ["catalogue", "with repository signals", d.catalogue.withRepositorySignals],
    ["catalogue", "last synced at", d.catalogue.lastSyncedAt],
    ...d.djangoSeries.map(
      (s) => ["django series declared", s.series, s.declared] as [string, string, number],
    ),
    ...d.djangoSeries.map(
      (s) => ["django series judged yes", s.series, s.judgedYes] as [string, string, number],
    ),
    ...d.pythonVersions.map(
      (p) => ["python version declared", p.version, p.declared] as [string, string, number],
    ),
    ...d.recency.map((x) => ["latest release", x.bucket, x.packages] as [string, string, number]),
    ...Object.entries(d.healthBuckets).map(([k, v]) => ["health bucket", k, v] as [string, string, number]),
    ...Object.entries(d.labels).map(([k, v]) => ["label", k, v] as [string, string, number]),
    ...d.atRisk.map(
      (a) => [`at risk among the top ${d.top}`, a.name, a.reasons.join("; ")] as [string, string, string],
    ),
    ["critical", "packages", d.critical.packages],
    ...d.critical.soleMaintained.map(
      (c) => ["critical and sole-maintained", c.name, c.owner] as [string, string, string],
    ),
    ...d.timeToSupport.flatMap((t) => [
      [`time to support ${t.series}`, "median days", t.medianDays] as [string, string, number | null],
      [`time to support ${t.series}`, "supported", t.supported] as [string, string, number],
      [`time to support ${t.series}`, "considered", t.considered] as [string, string, number],
      ...t.rows.map(
        (x) => [`time to support ${t.series}`, x.name, x.days] as [string, string, number | null],
      ),
    ]),
  ];
  return toCsv({
    columns: ["section", "key", "value"],
    rows: rows.map(([section, key, value]) => ({ section, key, value: value ?? "" })),
  });
}

const line = (cells: Array<string | number | null>) =>
  `| ${cells.map((c) => String(c ?? "unknown").replace(/\|/g, "\\|")).join(" | ")} |`;

/** The review as a markdown report. */
export function reviewMarkdown(r: StoredReview): string {
  const d = r.data;
  const out = [
    `# ${r.title}`,
    "",
    `Taken ${r.takenAt.toISOString().slice(0, 16).replace("T", " ")} UTC by ${r.takenBy}. Catalogue: ${d.catalogue.packages} packages, ${d.catalogue.synced} synced from an index (last sync ${d.catalogue.lastSyncedAt ?? "never"}), ${d.catalogue.ranked} ranked, ${d.catalogue.withRepositorySignals} with repository signals. Packages not synced count as unknown, not failing.`,
    "",
    "## Declared Django series",
    "",
    line(["series", "declared (classifier)", "judged yes"]),
    "|---|---|---|",
    ...d.djangoSeries.map((s) => line([s.series, s.declared, s.judgedYes])),
    "",
    "## Declared Python versions",
    "",
    line(["version", "declared"]),
    "|---|---|",
    ...d.pythonVersions.map((p) => line([p.version, p.declared])),
    "",
    "## Latest release",
    "",
    line(["age", "packages"]),
    "|---|---|",
    ...d.recency.map((x) => line([x.bucket, x.packages])),
    "",
    "## Health",
    "",
    line(["bucket", "packages"]),
    "|---|---|",
    ...Object.entries(d.healthBuckets).map(([k, v]) => line([k, v])),
    "",
    `Labels: ${Object.entries(d.labels)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}.`,
    "",
    `## At risk among the ${d.top} most used`,
    "",
    ...(d.atRisk.length
      ? d.atRisk.map((a) => `- ${a.name} (rank ${a.rank ?? "none"}): ${a.reasons.join("; ")}`)
      : ["None."]),
    "",
    "## Critical and sole-maintained",
    "",
    `${d.critical.packages} packages carry 80% of the catalogue's estimated downloads. ${d.critical.method} Of them, ${d.critical.soleMaintained.length} have one PyPI owner; ownership of ${d.critical.ownershipUnknown} is unknown.`,
    "",
    ...d.critical.soleMaintained.map((c) => `- ${c.name} (rank ${c.rank ?? "none"}): ${c.owner}`),
    "",
    "## Time to support",
    "",
    line(["series", "final", "top packages", "supporting", "within 6 months", "median days"]),
    "|---|---|---|---|---|---|",
    ...d.timeToSupport.map((t) =>
      line([t.series, t.final, t.considered, t.supported, t.within6Months, t.medianDays]),
    ),
    "",
    "Days from each Django final to the first release of each top package judged to support it, from the declarations recorded (the sync records each latest release; `guildhall packages backfill-declarations` reads older ones).",
    "",
    "## Suggested Django Developers Survey questions",
    "",
    ...r.questions.map((q) => `- **${q.question}** (${q.why})`),
    "",
  ];
  return out.join("\n");
}

/** The comparison as markdown. */
export function comparisonMarkdown(c: ReviewComparison): string {
  return [
    `# Since the review of ${c.from} (to ${c.to})`,
    "",
    line(["figure", c.from, c.to, "change", ""]),
    "|---|---|---|---|---|",
    ...c.figures.map((f) => line([f.figure, f.before, f.after, f.change, f.verdict])),
    "",
    `Improved: ${c.improved.length}. Regressed: ${c.regressed.length}. Newly at risk: ${c.newlyAtRisk.join(", ") || "none"}. No longer at risk: ${c.noLongerAtRisk.join(", ") || "none"}.`,
    "",
    ...c.regressed.slice(0, 50).map((p) => `- regressed: ${p.name} (${p.detail})`),
    ...c.improved.slice(0, 50).map((p) => `- improved: ${p.name} (${p.detail})`),
    "",
  ].join("\n");
}
