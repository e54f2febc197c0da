/**
 * Builds the project's own catalogue snapshot, data/packages-2026-11.tsv.gz, from the shared TSV:
 * facts only (name, latest version, month of latest release, download rank), no summaries.
 *   node --import tsx scripts/build-packages-snapshot.ts [../shared/data/pypi-django-2026-11.tsv] [data/packages-2026-11.tsv.gz]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { parseSnapshotLine } from "../src/ecosystem/index.ts";

const source = process.argv[2] ?? "../shared/data/pypi-django-2026-11.tsv";
const target = process.argv[3] ?? "data/packages-2026-11.tsv.gz";
const lines = readFileSync(source, "utf8").split("\n");
const out = ["name\tversion\tlast_release_month\tdownload_rank"];
let skipped = 0;
lines.forEach((text, i) => {
  const parsed = parseSnapshotLine(text, i + 1);
  if (parsed === null) return;
  if ("problem" in parsed) {
    skipped++;
    process.stderr.write(`${source}:${parsed.problem.line}: ${parsed.problem.message} (skipped)\n`);
    return;
  }
  const r = parsed.row;
  out.push(
    [r.displayName, r.latestVersion, r.latestReleaseAt.toISOString().slice(0, 7), r.downloadRank ?? ""].join(
      "\t",
    ),
  );
});
// gzip without a timestamp, so rebuilding from the same input gives the same bytes.
writeFileSync(target, gzipSync(`${out.join("\n")}\n`, { level: 9 }));
process.stdout.write(`wrote ${out.length - 1} projects to ${target} (${skipped} skipped)\n`);
